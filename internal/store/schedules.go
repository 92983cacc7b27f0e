package store

import (
	"context"
	"database/sql"
	"time"
)

// ScheduledPlan is a delivery of a look, dashboard or query on a cron.
// Options holds Looker's remaining plan fields as a JSON object.
type ScheduledPlan struct {
	ID                int64
	Name              string
	UserID            int64
	LookID            int64
	DashboardID       int64
	LookMLDashboardID string
	QueryID           int64
	Crontab           string
	Timezone          string
	Datagroup         string
	Enabled           bool
	RunOnce           bool
	Options           string
	// PlannedUntil: every fire up to this instant has its job row.
	PlannedUntil time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Destinations []ScheduledPlanDestination
}

// ScheduledPlanDestination is where a plan delivers: type "email" or
// "webhook". SecretParameters is stored as given (the caller encrypts it).
type ScheduledPlanDestination struct {
	ID               int64
	PlanID           int64
	Type             string
	Format           string
	Address          string
	ApplyFormatting  bool
	ApplyVis         bool
	Message          string
	Parameters       string
	SecretParameters []byte
}

const planColumns = `id, name, user_id, look_id, dashboard_id, lookml_dashboard_id, query_id, crontab, timezone,
	datagroup, enabled, run_once, options, planned_until, created_at, updated_at`

func scanPlan(sc scanner) (*ScheduledPlan, error) {
	p := &ScheduledPlan{}
	var look, dash, query sql.NullInt64
	var planned, created, updated int64
	err := sc.Scan(&p.ID, &p.Name, &p.UserID, &look, &dash, &p.LookMLDashboardID, &query, &p.Crontab, &p.Timezone,
		&p.Datagroup, &p.Enabled, &p.RunOnce, &p.Options, &planned, &created, &updated)
	p.LookID, p.DashboardID, p.QueryID = look.Int64, dash.Int64, query.Int64
	p.PlannedUntil, p.CreatedAt, p.UpdatedAt = fromMillis(planned), fromMillis(created), fromMillis(updated)
	return p, err
}

// CreateScheduledPlan inserts p and its destinations in one transaction.
// Fires are planned from now on, not from the past.
func (s *Store) CreateScheduledPlan(ctx context.Context, p *ScheduledPlan) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.insert(ctx, tx, `INSERT INTO scheduled_plans (name, user_id, look_id, dashboard_id,
			lookml_dashboard_id, query_id, crontab, timezone, datagroup, enabled, run_once, options, planned_until,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Name, p.UserID, nullInt(p.LookID), nullInt(p.DashboardID), p.LookMLDashboardID, nullInt(p.QueryID),
			p.Crontab, p.Timezone, p.Datagroup, p.Enabled, p.RunOnce, orEmptyObject(p.Options), now, now, now)
		if err != nil {
			return wrap("create scheduled plan", err)
		}
		p.ID = id
		p.PlannedUntil, p.CreatedAt, p.UpdatedAt = fromMillis(now), fromMillis(now), fromMillis(now)
		return s.insertDestinations(ctx, tx, p)
	})
}

func (s *Store) insertDestinations(ctx context.Context, tx *sql.Tx, p *ScheduledPlan) error {
	for i := range p.Destinations {
		d := &p.Destinations[i]
		d.PlanID = p.ID
		id, err := s.insert(ctx, tx, `INSERT INTO scheduled_plan_destinations (scheduled_plan_id, type, format,
			address, apply_formatting, apply_vis, message, parameters, secret_parameters)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, d.Type, d.Format, d.Address, d.ApplyFormatting, d.ApplyVis, d.Message, d.Parameters, d.SecretParameters)
		if err != nil {
			return wrap("create scheduled plan destination", err)
		}
		d.ID = id
	}
	return nil
}

func orEmptyObject(s string) string {
	if s == "" {
		return "{}"
	}
	return s
}

// ScheduledPlanByID returns a plan with its destinations.
func (s *Store) ScheduledPlanByID(ctx context.Context, id int64) (*ScheduledPlan, error) {
	p, err := scanPlan(s.queryRow(ctx, `SELECT `+planColumns+` FROM scheduled_plans WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	p.Destinations, err = s.planDestinations(ctx, id)
	return p, err
}

func (s *Store) planDestinations(ctx context.Context, planID int64) ([]ScheduledPlanDestination, error) {
	rows, err := s.query(ctx, `SELECT id, scheduled_plan_id, type, format, address, apply_formatting, apply_vis,
		message, parameters, secret_parameters FROM scheduled_plan_destinations WHERE scheduled_plan_id = ? ORDER BY id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ScheduledPlanDestination
	for rows.Next() {
		var d ScheduledPlanDestination
		if err := rows.Scan(&d.ID, &d.PlanID, &d.Type, &d.Format, &d.Address, &d.ApplyFormatting, &d.ApplyVis,
			&d.Message, &d.Parameters, &d.SecretParameters); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CronPlansDue lists the enabled cron plans with fires not yet planned
// before now.
func (s *Store) CronPlansDue(ctx context.Context, now time.Time) ([]*ScheduledPlan, error) {
	rows, err := s.query(ctx, `SELECT `+planColumns+` FROM scheduled_plans
		WHERE enabled = ? AND crontab <> '' AND planned_until < ? ORDER BY id`, true, now.UnixMilli())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ScheduledPlan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteScheduledPlan removes a plan, its destinations and its jobs.
func (s *Store) DeleteScheduledPlan(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM scheduled_plans WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errNotFound
	}
	return nil
}

// UpdateScheduledPlan writes p over the stored plan and replaces its
// destinations when p has any. A changed crontab is planned from now on.
func (s *Store) UpdateScheduledPlan(ctx context.Context, p *ScheduledPlan, replaceDestinations bool) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE scheduled_plans SET name = ?, look_id = ?, dashboard_id = ?,
			lookml_dashboard_id = ?, query_id = ?, crontab = ?, timezone = ?, datagroup = ?, enabled = ?, run_once = ?,
			options = ?, planned_until = CASE WHEN crontab = ? AND timezone = ? THEN planned_until ELSE ? END,
			updated_at = ? WHERE id = ?`),
			p.Name, nullInt(p.LookID), nullInt(p.DashboardID), p.LookMLDashboardID, nullInt(p.QueryID), p.Crontab,
			p.Timezone, p.Datagroup, p.Enabled, p.RunOnce, orEmptyObject(p.Options), p.Crontab, p.Timezone, now, now, p.ID)
		if err != nil {
			return wrap("update scheduled plan", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		if !replaceDestinations {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM scheduled_plan_destinations WHERE scheduled_plan_id = ?`), p.ID); err != nil {
			return wrap("replace destinations", err)
		}
		return s.insertDestinations(ctx, tx, p)
	})
}

// ScheduledPlanFilter selects plans; zero fields select everything.
type ScheduledPlanFilter struct {
	UserID      int64
	LookID      int64
	DashboardID int64
	// FolderID selects the plans of the looks and dashboards in a folder.
	FolderID int64
}

// ScheduledPlans lists plans with their destinations, by id.
func (s *Store) ScheduledPlans(ctx context.Context, f ScheduledPlanFilter) ([]*ScheduledPlan, error) {
	var w whereBuilder
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.LookID != 0 {
		w.add("look_id = ?", f.LookID)
	}
	if f.DashboardID != 0 {
		w.add("dashboard_id = ?", f.DashboardID)
	}
	if f.FolderID != 0 {
		w.add(`(look_id IN (SELECT id FROM looks WHERE folder_id = ?) OR
			dashboard_id IN (SELECT id FROM dashboards WHERE folder_id = ?))`, f.FolderID, f.FolderID)
	}
	rows, err := s.query(ctx, `SELECT `+planColumns+` FROM scheduled_plans `+w.sql(false)+` ORDER BY id`, w.args...)
	if err != nil {
		return nil, err
	}
	var out []*ScheduledPlan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, p := range out {
		if p.Destinations, err = s.planDestinations(ctx, p.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AddRunOnceJob queues one delivery of a plan now, outside its schedule.
// A fire of the plan's cron at the same millisecond moves it one later.
func (s *Store) AddRunOnceJob(ctx context.Context, planID int64) (*ScheduledJob, error) {
	due := s.now()
	at := due
	for range 10 {
		_, err := s.exec(ctx, `INSERT INTO scheduled_jobs (scheduled_plan_id, fire_at, delivery_id, status, next_attempt_at,
			created_at) VALUES (?, ?, ?, ?, ?, ?)`, planID, at.UnixMilli(), DeliveryID(planID, at), JobPending,
			due.UnixMilli(), due.UnixMilli())
		if err = s.mapErr(err); err == nil {
			return s.jobByDelivery(ctx, DeliveryID(planID, at))
		} else if err != errConflict {
			return nil, wrap("run scheduled plan once", err)
		}
		at = at.Add(time.Millisecond)
	}
	return nil, wrap("run scheduled plan once", errConflict)
}

func (s *Store) jobByDelivery(ctx context.Context, deliveryID string) (*ScheduledJob, error) {
	j, err := scanJob(s.w.QueryRowContext(ctx, s.q(`SELECT `+jobColumns+` FROM scheduled_jobs WHERE delivery_id = ?`), deliveryID))
	return j, s.mapErr(err)
}

// LastRun returns the latest successful fire of one plan (zero if none).
func (s *Store) LastRun(ctx context.Context, planID int64) (time.Time, error) {
	var at sql.NullInt64
	err := s.queryRow(ctx, `SELECT MAX(fire_at) FROM scheduled_jobs WHERE scheduled_plan_id = ? AND status = ?`,
		planID, JobSuccess).Scan(&at)
	if err != nil || !at.Valid {
		return time.Time{}, err
	}
	return fromMillis(at.Int64), nil
}

// LastRuns returns the latest successful fire of each plan.
func (s *Store) LastRuns(ctx context.Context) (map[int64]time.Time, error) {
	rows, err := s.query(ctx, `SELECT scheduled_plan_id, MAX(fire_at) FROM scheduled_jobs WHERE status = ? GROUP BY scheduled_plan_id`, JobSuccess)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id] = fromMillis(at)
	}
	return out, rows.Err()
}
