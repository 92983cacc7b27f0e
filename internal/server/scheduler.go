package server

import (
	"context"
	"time"

	"github.com/overlookbi/overlook/internal/outbound"
	"github.com/overlookbi/overlook/internal/scheduler"
)

// webhookTimeout bounds one webhook delivery.
const webhookTimeout = 30 * time.Second

// openScheduler builds the node's scheduler: webhooks through the outbound
// guard, email through the configured mail server.
func (s *Server) openScheduler(opts []scheduler.Option) (*scheduler.Scheduler, error) {
	guard, err := outbound.New(s.cfg.OutboundAllow)
	if err != nil {
		return nil, err
	}
	s.backend.Outbound = guard
	email, err := s.mailServer()
	if err != nil {
		return nil, err
	}
	s.backend.Mail = email
	d := &scheduler.Dispatcher{Render: s.backend.PlanRenderer(), Senders: map[string]scheduler.Sender{
		scheduler.DestWebhook: &scheduler.Webhook{Client: guard.Client(webhookTimeout), Secret: s.backend.PlanSecret},
		scheduler.DestEmail:   email,
	}}
	opts = append(opts, s.schedulerTasks(d.Senders)...)
	return scheduler.New(s.Store, d, s.log.With("component", "scheduler"), append(s.schedulerClock(), opts...)...), nil
}

// mailServer is the server set through the API, else OVERLOOK_SMTP_URL.
func (s *Server) mailServer() (*scheduler.MailServer, error) {
	m := &scheduler.MailServer{Store: s.Store, Seal: s.Connections}
	if s.cfg.SMTPURL != "" {
		e, err := scheduler.NewEmail(s.cfg.SMTPURL)
		if err != nil {
			return nil, err
		}
		m.Fallback = e
	}
	return m, nil
}

// WithScheduler passes options to the node's scheduler (tests set its clock).
func WithScheduler(opts ...scheduler.Option) Option {
	return func(o *options) { o.scheduler = append(o.scheduler, opts...) }
}

// runScheduler delivers due plans until ctx ends; done is closed after the
// last pass, so the store outlives it.
func (s *Server) runScheduler(ctx context.Context) (done <-chan struct{}) {
	c := make(chan struct{})
	go func() {
		defer close(c)
		s.Scheduler.Run(ctx, s.cfg.SchedulerTick)
	}()
	return c
}

// schedulerClock is the configured fast clock, if any: it counts from the
// configured epoch, or from start-up.
func (s *Server) schedulerClock() []scheduler.Option {
	if s.cfg.SchedulerSpeed <= 1 {
		return nil
	}
	epoch := s.cfg.SchedulerEpoch
	if epoch.IsZero() {
		epoch = time.Now()
	}
	s.log.Warn("the scheduler's clock runs fast", "speed", s.cfg.SchedulerSpeed, "epoch", epoch.UTC())
	return []scheduler.Option{scheduler.WithSpeed(epoch, s.cfg.SchedulerSpeed)}
}
