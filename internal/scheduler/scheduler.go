// Package scheduler delivers scheduled plans. Every node runs a Scheduler
// on the shared metadata database: each pass turns the due fire times of
// enabled plans into job rows (one per plan and fire time, whoever plans
// it), then claims due jobs one at a time under a lease and delivers them.
// A node that dies mid-delivery leaves its lease to run out; another node
// then delivers the job again with the same delivery id (at least once).
package scheduler

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// Deliverer runs a plan's content and sends it to the plan's destinations.
// The job's DeliveryID must travel with every message.
type Deliverer interface {
	Deliver(ctx context.Context, plan *store.ScheduledPlan, job *store.ScheduledJob) error
}

// Scheduler plans and runs the jobs of scheduled plans.
type Scheduler struct {
	store   *store.Store
	deliver Deliverer
	log     *slog.Logger
	now     func() time.Time
	node    string
	// lease is how long a claim holds; a delivery is cut at lease/2 so a
	// live node always finishes (or fails) before another may take over.
	lease       time.Duration
	maxAttempts int
	backoff     time.Duration
	tasks       []Task  // see WithTask
	speed       float64 // of the clock against real time; see WithSpeed
}

// Option changes a Scheduler.
type Option func(*Scheduler)

// WithClock sets the clock, so tests can fire many schedules in seconds.
func WithClock(now func() time.Time) Option { return func(s *Scheduler) { s.now = now } }

// WithLease sets how long a claimed job is held before others may retry it.
func WithLease(d time.Duration) Option { return func(s *Scheduler) { s.lease = d } }

// WithRetries sets the attempts per job and the first retry's delay, which
// doubles with each attempt.
func WithRetries(attempts int, backoff time.Duration) Option {
	return func(s *Scheduler) { s.maxAttempts, s.backoff = attempts, backoff }
}

// WithNode names this node in the claims it makes (default: random).
func WithNode(name string) Option { return func(s *Scheduler) { s.node = name } }

// New returns a scheduler over st that delivers with d.
func New(st *store.Store, d Deliverer, log *slog.Logger, opts ...Option) *Scheduler {
	s := &Scheduler{store: st, deliver: d, log: log, now: time.Now, node: randomNode(),
		lease: 10 * time.Minute, maxAttempts: 5, backoff: time.Minute}
	for _, o := range opts {
		o(s)
	}
	return s
}

func randomNode() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "node-" + hex.EncodeToString(b)
}

// Run plans and delivers every tick until ctx ends.
func (s *Scheduler) Run(ctx context.Context, tick time.Duration) {
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		if err := s.Pass(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("scheduler pass", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Pass plans the due fires, then delivers due jobs until none is left.
func (s *Scheduler) Pass(ctx context.Context) error {
	if err := s.PlanDue(ctx); err != nil {
		return err
	}
	if err := s.runTasks(ctx); err != nil {
		s.log.Error("scheduler task", "err", err)
	}
	for ctx.Err() == nil {
		ran, err := s.RunOne(ctx)
		if err != nil || !ran {
			return err
		}
	}
	return ctx.Err()
}

// PlanDue creates the jobs of every enabled cron plan's fires up to now.
// A plan whose crontab no longer parses is logged and skipped.
func (s *Scheduler) PlanDue(ctx context.Context) error {
	now := s.now()
	plans, err := s.store.CronPlansDue(ctx, now)
	if err != nil {
		return fmt.Errorf("scheduler: plans due: %w", err)
	}
	crons := make([]Cron, len(plans))
	for i, p := range plans {
		crons[i] = Cron{ID: p.ID, Crontab: p.Crontab, Timezone: p.Timezone, PlannedUntil: p.PlannedUntil}
	}
	if err := PlanCrons(ctx, s.log, "plan", crons, now, s.store.PlanFires); err != nil {
		return fmt.Errorf("scheduler: %w", err)
	}
	return nil
}

// RunOne claims one due job and delivers it. It reports whether there was
// one.
func (s *Scheduler) RunOne(ctx context.Context) (bool, error) {
	job, err := s.store.ClaimJob(ctx, s.node, s.now(), s.lease)
	if err != nil || job == nil {
		return false, err
	}
	status, msg, retryAt := store.JobSuccess, "", time.Time{}
	if err := s.runJob(ctx, job); err != nil {
		msg = err.Error()
		status = store.JobFailure
		if job.Attempts < s.maxAttempts {
			status, retryAt = store.JobPending, s.now().Add(s.backoff<<(job.Attempts-1))
		}
		s.log.Warn("scheduled delivery failed", "plan", job.PlanID, "delivery", job.DeliveryID,
			"attempt", job.Attempts, "err", err)
	} else {
		s.log.Info("scheduled delivery sent", "plan", job.PlanID, "delivery", job.DeliveryID, "attempt", job.Attempts)
	}
	// The outcome is recorded even when ctx ended mid-delivery.
	return true, s.store.FinishJob(context.WithoutCancel(ctx), job.ID, s.node, status, msg, retryAt)
}

func (s *Scheduler) runJob(ctx context.Context, job *store.ScheduledJob) error {
	plan, err := s.store.ScheduledPlanByID(ctx, job.PlanID)
	if err != nil {
		return fmt.Errorf("plan %d: %w", job.PlanID, err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.realTime(s.lease/2))
	defer cancel()
	return s.deliver.Deliver(ctx, plan, job)
}
