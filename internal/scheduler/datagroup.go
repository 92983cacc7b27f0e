package scheduler

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// Task is work a node does on every pass of its scheduler, on the
// scheduler's clock, before the due jobs are delivered: alert fires and
// datagroup trigger checks.
type Task func(ctx context.Context, now time.Time) error

// WithTask adds a task to every pass.
func WithTask(t Task) Option { return func(s *Scheduler) { s.tasks = append(s.tasks, t) } }

// runTasks runs every task; one failing does not stop the others.
func (s *Scheduler) runTasks(ctx context.Context) error {
	now := s.now()
	var errs []error
	for _, t := range s.tasks {
		errs = append(errs, t(ctx, now))
	}
	return errors.Join(errs...)
}

// PlanDatagroupFires queues one job per enabled plan of the datagroup
// (model, name) for its trigger at triggeredAt. The job is keyed by plan
// and fire time like a cron fire, so nodes planning one trigger at once
// queue it once. A plan created after the trigger is not fired by it.
func PlanDatagroupFires(ctx context.Context, st *store.Store, model, name string, triggeredAt time.Time) (int, error) {
	plans, err := st.DatagroupPlans(ctx, model, name)
	if err != nil {
		return 0, err
	}
	queued := 0
	for _, p := range plans {
		if p.CreatedAt.After(triggeredAt) {
			continue
		}
		n, err := st.PlanFires(ctx, p.ID, []time.Time{triggeredAt}, time.Time{})
		if err != nil {
			return queued, fmt.Errorf("scheduler: datagroup plan %d: %w", p.ID, err)
		}
		queued += n
	}
	return queued, nil
}
