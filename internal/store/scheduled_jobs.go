package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Statuses of a scheduled job.
const (
	JobPending = "pending"
	JobRunning = "running"
	JobSuccess = "success"
	JobFailure = "failure"
)

// ScheduledJob is one fire of a plan. DeliveryID is the same on every
// attempt, so receivers can drop repeats.
type ScheduledJob struct {
	ID            int64
	PlanID        int64
	FireAt        time.Time
	DeliveryID    string
	Status        string
	Attempts      int
	NextAttemptAt time.Time
	LeaseOwner    string
	Error         string
	CreatedAt     time.Time
	StartedAt     *time.Time
	FinishedAt    *time.Time
}

const jobColumns = `id, scheduled_plan_id, fire_at, delivery_id, status, attempts, next_attempt_at,
	lease_owner, error, created_at, started_at, finished_at`

func scanJob(sc scanner) (*ScheduledJob, error) {
	j := &ScheduledJob{}
	var fire, next, created int64
	var owner sql.NullString
	var started, finished sql.NullInt64
	err := sc.Scan(&j.ID, &j.PlanID, &fire, &j.DeliveryID, &j.Status, &j.Attempts, &next, &owner, &j.Error,
		&created, &started, &finished)
	j.FireAt, j.NextAttemptAt, j.CreatedAt = fromMillis(fire), fromMillis(next), fromMillis(created)
	j.LeaseOwner, j.StartedAt, j.FinishedAt = owner.String, optMillis(started), optMillis(finished)
	return j, err
}

// DeliveryID names one fire of one plan.
func DeliveryID(planID int64, fireAt time.Time) string {
	return fmt.Sprintf("sp%d-%d", planID, fireAt.UnixMilli())
}

// PlanFires adds a pending job for each fire the plan does not have yet
// and moves the plan's planned_until forward to until. Nodes planning the
// same fires at once create each job once. It returns how many it created.
func (s *Store) PlanFires(ctx context.Context, planID int64, fires []time.Time, until time.Time) (int, error) {
	created := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, f := range fires {
			res, err := tx.ExecContext(ctx, s.q(`INSERT INTO scheduled_jobs (scheduled_plan_id, fire_at, delivery_id,
				status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
				planID, f.UnixMilli(), DeliveryID(planID, f), JobPending, f.UnixMilli(), s.ms())
			if err != nil {
				return wrap("plan fire", err)
			}
			n, _ := res.RowsAffected()
			created += int(n)
		}
		_, err := tx.ExecContext(ctx, s.q(`UPDATE scheduled_plans SET planned_until = ? WHERE id = ? AND planned_until < ?`),
			until.UnixMilli(), planID, until.UnixMilli())
		return wrap("plan fires", err)
	})
	return created, err
}

// ClaimJob takes the earliest job that is due, or whose holder's lease ran
// out, for owner until now+lease. It returns nil when nothing is due.
func (s *Store) ClaimJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*ScheduledJob, error) {
	at := now.UnixMilli()
	row := s.w.QueryRowContext(ctx, s.q(`UPDATE scheduled_jobs SET status = ?, lease_owner = ?, lease_until = ?,
		attempts = attempts + 1, started_at = ?
		WHERE id = (SELECT id FROM scheduled_jobs
			WHERE (status = ? AND next_attempt_at <= ?) OR (status = ? AND lease_until < ?)
			ORDER BY fire_at, id LIMIT 1`+s.backend.skipLocked+`)
		RETURNING `+jobColumns),
		JobRunning, owner, now.Add(lease).UnixMilli(), at, JobPending, at, JobRunning, at)
	j, err := scanJob(row)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return j, s.mapErr(err)
}

// FinishJob records the end of an attempt by owner: success, failure, or
// (retryAt set) pending again until retryAt. A holder whose lease was
// taken over finishes nothing.
func (s *Store) FinishJob(ctx context.Context, id int64, owner, status, errText string, retryAt time.Time) error {
	next, finished := sql.NullInt64{}, sql.NullInt64{Int64: s.ms(), Valid: true}
	if status == JobPending {
		next, finished = sql.NullInt64{Int64: retryAt.UnixMilli(), Valid: true}, sql.NullInt64{}
	}
	_, err := s.exec(ctx, `UPDATE scheduled_jobs SET status = ?, error = ?, finished_at = ?,
		next_attempt_at = COALESCE(?, next_attempt_at), lease_owner = NULL, lease_until = NULL
		WHERE id = ? AND lease_owner = ?`, status, errText, finished, next, id, owner)
	return wrap("finish scheduled job", err)
}

// JobsOfPlan lists a plan's jobs, oldest fire first.
func (s *Store) JobsOfPlan(ctx context.Context, planID int64) ([]*ScheduledJob, error) {
	rows, err := s.query(ctx, `SELECT `+jobColumns+` FROM scheduled_jobs WHERE scheduled_plan_id = ? ORDER BY fire_at`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ScheduledJob
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}
