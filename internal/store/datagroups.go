package store

import (
	"context"
	"time"
)

// Datagroup is the state of one LookML datagroup. Zero times mean never.
type Datagroup struct {
	ID        int64
	ModelName string
	Name      string
	CreatedAt time.Time
	// StaleBefore: cached results stored before it are stale.
	StaleBefore time.Time
	// TriggeredAt is when the trigger last changed (or was set by hand).
	TriggeredAt    time.Time
	TriggerCheckAt time.Time
	TriggerValue   string
	TriggerError   string
}

const datagroupColumns = `id, model_name, name, created_at, stale_before, triggered_at, trigger_check_at,
	trigger_value, trigger_error`

func scanDatagroup(sc scanner) (*Datagroup, error) {
	d := &Datagroup{}
	var created, stale, triggered, checked int64
	err := sc.Scan(&d.ID, &d.ModelName, &d.Name, &created, &stale, &triggered, &checked, &d.TriggerValue, &d.TriggerError)
	d.CreatedAt, d.StaleBefore = fromMillis(created), zeroMillis(stale)
	d.TriggeredAt, d.TriggerCheckAt = zeroMillis(triggered), zeroMillis(checked)
	return d, err
}

// zeroMillis reads 0 as the zero time.
func zeroMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return fromMillis(ms)
}

func millisOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// EnsureDatagroup returns the state of (model, name), creating it on first
// sight. Nodes creating it at once create one row.
func (s *Store) EnsureDatagroup(ctx context.Context, model, name string) (*Datagroup, error) {
	if _, err := s.exec(ctx, `INSERT INTO datagroups (model_name, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		model, name, s.ms()); err != nil {
		return nil, wrap("ensure datagroup", err)
	}
	d, err := scanDatagroup(s.w.QueryRowContext(ctx, s.q(`SELECT `+datagroupColumns+` FROM datagroups
		WHERE model_name = ? AND name = ?`), model, name))
	return d, s.mapErr(err)
}

// Datagroups lists every datagroup's state.
func (s *Store) Datagroups(ctx context.Context) ([]*Datagroup, error) {
	rows, err := s.query(ctx, `SELECT `+datagroupColumns+` FROM datagroups ORDER BY model_name, name`)
	if err != nil {
		return nil, wrap("datagroups", err)
	}
	return scanRows(rows, scanDatagroup)
}

// SetDatagroupTimes writes stale_before and triggered_at (update_datagroup).
func (s *Store) SetDatagroupTimes(ctx context.Context, id int64, staleBefore, triggeredAt time.Time) error {
	res, err := s.exec(ctx, `UPDATE datagroups SET stale_before = ?, triggered_at = ? WHERE id = ?`,
		millisOrZero(staleBefore), millisOrZero(triggeredAt), id)
	return wrap("update datagroup", affectedOne(res, err))
}

// ClaimDatagroupCheck moves the datagroup's trigger_check_at from the value
// the caller read (was) to now. Of nodes that read the same state, one
// wins: it reports true and runs the check.
func (s *Store) ClaimDatagroupCheck(ctx context.Context, id int64, was, now time.Time) (bool, error) {
	res, err := s.exec(ctx, `UPDATE datagroups SET trigger_check_at = ? WHERE id = ? AND trigger_check_at = ?`,
		now.UnixMilli(), id, millisOrZero(was))
	if err != nil {
		return false, wrap("claim datagroup check", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// TriggerCheck is the outcome of one check of a datagroup's trigger.
type TriggerCheck struct {
	Value string
	Error string
	// Changed: the value differs from the last one, so the datagroup is
	// triggered at At (and results before it are stale).
	Changed bool
	At      time.Time
}

// RecordTriggerCheck stores a check's outcome. A failed check keeps the
// last good value.
func (s *Store) RecordTriggerCheck(ctx context.Context, id int64, c TriggerCheck) error {
	var err error
	switch {
	case c.Error != "":
		_, err = s.exec(ctx, `UPDATE datagroups SET trigger_error = ? WHERE id = ?`, c.Error, id)
	case c.Changed:
		at := c.At.UnixMilli()
		_, err = s.exec(ctx, `UPDATE datagroups SET trigger_value = ?, trigger_error = '', triggered_at = ?,
			stale_before = ? WHERE id = ?`, c.Value, at, at, id)
	default:
		_, err = s.exec(ctx, `UPDATE datagroups SET trigger_value = ?, trigger_error = '' WHERE id = ?`, c.Value, id)
	}
	return wrap("record trigger check", err)
}

// DatagroupPlans lists the enabled plans triggered by a datagroup, named
// either "name" or "model::name".
func (s *Store) DatagroupPlans(ctx context.Context, model, name string) ([]*ScheduledPlan, error) {
	rows, err := s.query(ctx, `SELECT `+planColumns+` FROM scheduled_plans WHERE enabled = ? AND datagroup IN (?, ?)
		ORDER BY id`, true, name, model+"::"+name)
	if err != nil {
		return nil, wrap("datagroup plans", err)
	}
	return scanRows(rows, scanPlan)
}
