package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// Attachment is a plan's content in one destination's format.
type Attachment struct {
	Filename    string
	ContentType string
	Body        []byte
}

// Renderer produces a plan's content for a destination (its format,
// apply_formatting, apply_vis, the plan's filters), as the plan's owner.
type Renderer interface {
	Render(ctx context.Context, plan *store.ScheduledPlan, dest store.ScheduledPlanDestination) (*Attachment, error)
}

// Message is one delivery to one destination.
type Message struct {
	DeliveryID string
	FireAt     time.Time
	Plan       *store.ScheduledPlan
	Dest       store.ScheduledPlanDestination
	Attachment *Attachment
}

// Sender sends messages to destinations of one type.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Dispatcher is the Deliverer of the server: it renders the plan once per
// destination and hands it to the destination type's sender.
type Dispatcher struct {
	Render  Renderer
	Senders map[string]Sender // by destination type: "email", "webhook"
}

// Deliver sends job's content to every destination of plan. It stops at
// the first failure: the job is retried whole, with the same delivery id.
func (d *Dispatcher) Deliver(ctx context.Context, plan *store.ScheduledPlan, job *store.ScheduledJob) error {
	if len(plan.Destinations) == 0 {
		return fmt.Errorf("plan %d has no destination", plan.ID)
	}
	for _, dest := range plan.Destinations {
		sender, ok := d.Senders[dest.Type]
		if !ok {
			return fmt.Errorf("destination type %q is not supported", dest.Type)
		}
		att, err := d.Render.Render(ctx, plan, dest)
		if err != nil {
			return fmt.Errorf("render for %s: %w", dest.Type, err)
		}
		m := Message{DeliveryID: job.DeliveryID, FireAt: job.FireAt, Plan: plan, Dest: dest, Attachment: att}
		if err := sender.Send(ctx, m); err != nil {
			return fmt.Errorf("%s to %s: %w", dest.Type, dest.Address, err)
		}
	}
	return nil
}
