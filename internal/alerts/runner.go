package alerts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

// Source runs an alert's query as its owner, under the alert's dashboard
// filters, and describes the dashboard for the message.
type Source interface {
	Run(ctx context.Context, a *store.Alert) (*Table, error)
}

// Runner plans, claims and evaluates alert fires. The server runs it in
// the scheduler's pass, on the scheduler's clock.
type Runner struct {
	store   *store.Store
	source  Source
	senders map[string]scheduler.Sender
	log     *slog.Logger
	node    string
	// lease is how long a claim holds; an evaluation is cut at lease/2.
	lease       time.Duration
	maxAttempts int
	backoff     time.Duration
}

// NewRunner returns a runner that evaluates with source and sends through
// senders (by scheduler destination type: email, webhook).
func NewRunner(st *store.Store, source Source, senders map[string]scheduler.Sender, log *slog.Logger) *Runner {
	return &Runner{store: st, source: source, senders: senders, log: log, node: randomNode(),
		lease: 10 * time.Minute, maxAttempts: 3, backoff: time.Minute}
}

func randomNode() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "alerts-" + hex.EncodeToString(b)
}

// Pass plans the fires due by now, then evaluates due jobs until none is
// left.
func (r *Runner) Pass(ctx context.Context, now time.Time) error {
	if err := r.planDue(ctx, now); err != nil {
		return err
	}
	for ctx.Err() == nil {
		ran, err := r.runOne(ctx, now)
		if err != nil || !ran {
			return err
		}
	}
	return ctx.Err()
}

func (r *Runner) planDue(ctx context.Context, now time.Time) error {
	due, err := r.store.AlertsDue(ctx, now)
	if err != nil {
		return fmt.Errorf("alerts: due: %w", err)
	}
	crons := make([]scheduler.Cron, len(due))
	for i, a := range due {
		crons[i] = scheduler.Cron{ID: a.ID, Crontab: a.Cron, PlannedUntil: a.PlannedUntil}
	}
	if err := scheduler.PlanCrons(ctx, r.log, "alert", crons, now, r.store.PlanAlertFires); err != nil {
		return fmt.Errorf("alerts: %w", err)
	}
	return nil
}

// Enqueue asks for an evaluation of the alert at now, on the next pass.
func Enqueue(ctx context.Context, st *store.Store, alertID int64, now time.Time) error {
	_, err := st.PlanAlertFires(ctx, alertID, []time.Time{now}, time.Time{})
	return err
}

func (r *Runner) runOne(ctx context.Context, now time.Time) (bool, error) {
	job, err := r.store.ClaimAlertJob(ctx, r.node, now, r.lease)
	if err != nil || job == nil {
		return false, err
	}
	res := store.AlertJobResult{Status: store.JobSuccess}
	met, err := r.runJob(ctx, job)
	if err != nil {
		res.Status, res.Error = store.JobFailure, err.Error()
		if job.Attempts < r.maxAttempts {
			res.Status, res.RetryAt = store.JobPending, now.Add(r.backoff<<(job.Attempts-1))
		}
		r.log.Warn("alert evaluation failed", "alert", job.AlertID, "fire", job.FireAt, "attempt", job.Attempts, "err", err)
	} else {
		res.ConditionMet = &met
	}
	return true, r.store.FinishAlertJob(context.WithoutCancel(ctx), job.ID, r.node, res)
}

// runJob evaluates one fire and, when the condition holds, notifies. The
// state moves on only after the notifications went out, so a retry
// re-judges the same change.
func (r *Runner) runJob(ctx context.Context, job *store.AlertJob) (bool, error) {
	a, err := r.store.AlertByID(ctx, job.AlertID)
	if err != nil {
		return false, fmt.Errorf("alert %d: %w", job.AlertID, err)
	}
	if a.IsDisabled {
		return false, nil
	}
	ctx, cancel := context.WithTimeout(ctx, r.lease/2)
	defer cancel()
	table, err := r.source.Run(ctx, a)
	if err != nil {
		return false, err
	}
	opts := ParseOptions(a.Options)
	c := Condition{Field: a.FieldName, Comparison: a.ComparisonType, Threshold: a.Threshold, Filters: opts.FieldFilters}
	out := Evaluate(c, *table, ParseState(a.ConditionState))
	if out.Met {
		if err := r.notify(ctx, a, opts, job, out); err != nil {
			return true, err
		}
	}
	return out.Met, r.store.SetAlertConditionState(ctx, a.ID, out.State.Text())
}
