package store

import (
	"context"
	"database/sql"
	"time"
)

// Alert watches one field of a dashboard tile's query on a cron. Options
// holds Looker's remaining alert fields as a JSON object; ConditionState
// is what change comparisons remember between evaluations (JSON).
type Alert struct {
	ID                 int64
	OwnerID            int64
	DashboardElementID int64
	QueryID            int64
	FieldName          string
	FieldTitle         string
	ComparisonType     string
	Threshold          float64
	Cron               string
	IsDisabled         bool
	IsPublic           bool
	Options            string
	ConditionState     string
	// PlannedUntil: every fire up to this instant has its job row.
	PlannedUntil time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// AlertFilter narrows a list of alerts; zero fields match everything.
type AlertFilter struct {
	OwnerID  int64
	Disabled *bool
	Cron     string
	// ConditionMet keeps alerts whose latest evaluation did (or did not)
	// meet their condition.
	ConditionMet *bool
	// VisibleTo, when set, keeps the alerts this user owns, follows, or
	// that are public.
	VisibleTo int64
}

const alertColumns = `id, owner_id, dashboard_element_id, query_id, field_name, field_title, comparison_type,
	threshold, cron, is_disabled, is_public, options, condition_state, planned_until, created_at, updated_at`

func scanAlert(sc scanner) (*Alert, error) {
	a := &Alert{}
	var element, query sql.NullInt64
	var planned, created, updated int64
	err := sc.Scan(&a.ID, &a.OwnerID, &element, &query, &a.FieldName, &a.FieldTitle, &a.ComparisonType,
		&a.Threshold, &a.Cron, &a.IsDisabled, &a.IsPublic, &a.Options, &a.ConditionState, &planned, &created, &updated)
	a.DashboardElementID, a.QueryID = element.Int64, query.Int64
	a.PlannedUntil, a.CreatedAt, a.UpdatedAt = fromMillis(planned), fromMillis(created), fromMillis(updated)
	return a, err
}

// CreateAlert inserts a. Fires are planned from now on.
func (s *Store) CreateAlert(ctx context.Context, a *Alert) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO alerts (owner_id, dashboard_element_id, query_id, field_name,
		field_title, comparison_type, threshold, cron, is_disabled, is_public, options, condition_state,
		planned_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.OwnerID, nullInt(a.DashboardElementID), nullInt(a.QueryID), a.FieldName, a.FieldTitle, a.ComparisonType,
		a.Threshold, a.Cron, a.IsDisabled, a.IsPublic, orEmptyObject(a.Options), orEmptyObject(a.ConditionState),
		now, now, now)
	if err != nil {
		return wrap("create alert", err)
	}
	a.ID = id
	a.PlannedUntil, a.CreatedAt, a.UpdatedAt = fromMillis(now), fromMillis(now), fromMillis(now)
	return nil
}

// UpdateAlert writes every field of a but its id, state and times. A
// changed cron plans from now on.
func (s *Store) UpdateAlert(ctx context.Context, a *Alert) error {
	now := s.ms()
	res, err := s.exec(ctx, `UPDATE alerts SET owner_id = ?, dashboard_element_id = ?, query_id = ?, field_name = ?,
		field_title = ?, comparison_type = ?, threshold = ?, is_disabled = ?, is_public = ?, options = ?,
		planned_until = CASE WHEN cron = ? THEN planned_until ELSE ? END, cron = ?, updated_at = ? WHERE id = ?`,
		a.OwnerID, nullInt(a.DashboardElementID), nullInt(a.QueryID), a.FieldName, a.FieldTitle, a.ComparisonType,
		a.Threshold, a.IsDisabled, a.IsPublic, orEmptyObject(a.Options), a.Cron, now, a.Cron, now, a.ID)
	return wrap("update alert", affectedOne(res, err))
}

// SetAlertConditionState records what the latest evaluation remembers.
func (s *Store) SetAlertConditionState(ctx context.Context, id int64, state string) error {
	_, err := s.exec(ctx, `UPDATE alerts SET condition_state = ? WHERE id = ?`, orEmptyObject(state), id)
	return wrap("alert condition state", err)
}

// DeleteAlert removes an alert with its jobs, followers and notifications.
func (s *Store) DeleteAlert(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM alerts WHERE id = ?`, id)
	return wrap("delete alert", affectedOne(res, err))
}

// AlertByID returns one alert.
func (s *Store) AlertByID(ctx context.Context, id int64) (*Alert, error) {
	a, err := scanAlert(s.queryRow(ctx, `SELECT `+alertColumns+` FROM alerts WHERE id = ?`, id))
	return a, s.mapErr(err)
}

// Alerts lists the alerts f keeps, oldest first, with their total count
// before limit and offset.
func (s *Store) Alerts(ctx context.Context, f AlertFilter, limit, offset int) ([]*Alert, int, error) {
	var w whereBuilder
	if f.OwnerID != 0 {
		w.add("owner_id = ?", f.OwnerID)
	}
	if f.Disabled != nil {
		w.add("is_disabled = ?", *f.Disabled)
	}
	if f.Cron != "" {
		w.add("cron = ?", f.Cron)
	}
	if f.VisibleTo != 0 {
		w.add(`(owner_id = ? OR is_public = ? OR id IN (SELECT alert_id FROM alert_followers WHERE user_id = ?))`,
			f.VisibleTo, true, f.VisibleTo)
	}
	if f.ConditionMet != nil {
		w.add(`(SELECT condition_met FROM alert_jobs j WHERE j.alert_id = alerts.id AND j.condition_met IS NOT NULL
			ORDER BY j.fire_at DESC LIMIT 1) = ?`, *f.ConditionMet)
	}
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM alerts `+w.sql(false), w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count alerts", err)
	}
	q := `SELECT ` + alertColumns + ` FROM alerts ` + w.sql(false) + ` ORDER BY id` + limitClause(limit, offset)
	rows, err := s.query(ctx, q, w.args...)
	if err != nil {
		return nil, 0, wrap("alerts", err)
	}
	out, err := scanRows(rows, scanAlert)
	return out, total, err
}

// AlertsDue lists the enabled alerts with fires not yet planned before now.
func (s *Store) AlertsDue(ctx context.Context, now time.Time) ([]*Alert, error) {
	rows, err := s.query(ctx, `SELECT `+alertColumns+` FROM alerts WHERE is_disabled = ? AND planned_until < ? ORDER BY id`,
		false, now.UnixMilli())
	if err != nil {
		return nil, wrap("alerts due", err)
	}
	return scanRows(rows, scanAlert)
}

// FollowAlert adds user to the alert's followers; following twice is
// following once.
func (s *Store) FollowAlert(ctx context.Context, alertID, userID int64) error {
	_, err := s.exec(ctx, `INSERT INTO alert_followers (alert_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		alertID, userID)
	return wrap("follow alert", err)
}

// UnfollowAlert removes user from the alert's followers, if there.
func (s *Store) UnfollowAlert(ctx context.Context, alertID, userID int64) error {
	_, err := s.exec(ctx, `DELETE FROM alert_followers WHERE alert_id = ? AND user_id = ?`, alertID, userID)
	return wrap("unfollow alert", err)
}

// AlertFollowers lists the ids of an alert's followers.
func (s *Store) AlertFollowers(ctx context.Context, alertID int64) ([]int64, error) {
	rows, err := s.query(ctx, `SELECT user_id FROM alert_followers WHERE alert_id = ? ORDER BY user_id`, alertID)
	if err != nil {
		return nil, wrap("alert followers", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// AlertJob is one fire of an alert: its evaluation and notification.
type AlertJob struct {
	ID           int64
	AlertID      int64
	FireAt       time.Time
	Status       string // JobPending, JobRunning, JobSuccess, JobFailure
	Attempts     int
	LeaseOwner   string
	ConditionMet *bool
	Error        string
	FinishedAt   *time.Time
}

const alertJobColumns = `id, alert_id, fire_at, status, attempts, lease_owner, condition_met, error, finished_at`

func scanAlertJob(sc scanner) (*AlertJob, error) {
	j := &AlertJob{}
	var fire int64
	var owner sql.NullString
	var met sql.NullBool
	var finished sql.NullInt64
	err := sc.Scan(&j.ID, &j.AlertID, &fire, &j.Status, &j.Attempts, &owner, &met, &j.Error, &finished)
	j.FireAt, j.LeaseOwner, j.FinishedAt = fromMillis(fire), owner.String, optMillis(finished)
	if met.Valid {
		j.ConditionMet = &met.Bool
	}
	return j, err
}

// PlanAlertFires adds a pending job for each fire the alert does not have
// yet and moves its planned_until forward to until. It returns how many it
// created: nodes planning the same fires at once create each job once.
func (s *Store) PlanAlertFires(ctx context.Context, alertID int64, fires []time.Time, until time.Time) (int, error) {
	created := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, f := range fires {
			res, err := tx.ExecContext(ctx, s.q(`INSERT INTO alert_jobs (alert_id, fire_at, status, next_attempt_at,
				created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
				alertID, f.UnixMilli(), JobPending, f.UnixMilli(), s.ms())
			if err != nil {
				return wrap("plan alert fire", err)
			}
			n, _ := res.RowsAffected()
			created += int(n)
		}
		if until.IsZero() {
			return nil
		}
		_, err := tx.ExecContext(ctx, s.q(`UPDATE alerts SET planned_until = ? WHERE id = ? AND planned_until < ?`),
			until.UnixMilli(), alertID, until.UnixMilli())
		return wrap("plan alert fires", err)
	})
	return created, err
}

// ClaimAlertJob takes the earliest alert job that is due, or whose
// holder's lease ran out, for owner until now+lease; nil when none is.
func (s *Store) ClaimAlertJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*AlertJob, error) {
	at := now.UnixMilli()
	row := s.w.QueryRowContext(ctx, s.q(`UPDATE alert_jobs SET status = ?, lease_owner = ?, lease_until = ?,
		attempts = attempts + 1
		WHERE id = (SELECT id FROM alert_jobs
			WHERE (status = ? AND next_attempt_at <= ?) OR (status = ? AND lease_until < ?)
			ORDER BY fire_at, id LIMIT 1`+s.backend.skipLocked+`)
		RETURNING `+alertJobColumns),
		JobRunning, owner, now.Add(lease).UnixMilli(), JobPending, at, JobRunning, at)
	j, err := scanAlertJob(row)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return j, s.mapErr(err)
}

// AlertJobResult is how an attempt at an alert job ended.
type AlertJobResult struct {
	Status       string
	ConditionMet *bool
	Error        string
	// RetryAt is when a pending job is tried again.
	RetryAt time.Time
}

// FinishAlertJob records the end of an attempt by owner. A holder whose
// lease was taken over finishes nothing.
func (s *Store) FinishAlertJob(ctx context.Context, id int64, owner string, r AlertJobResult) error {
	next, finished := sql.NullInt64{}, sql.NullInt64{Int64: s.ms(), Valid: true}
	if r.Status == JobPending {
		next, finished = sql.NullInt64{Int64: r.RetryAt.UnixMilli(), Valid: true}, sql.NullInt64{}
	}
	var met sql.NullBool
	if r.ConditionMet != nil {
		met = sql.NullBool{Bool: *r.ConditionMet, Valid: true}
	}
	_, err := s.exec(ctx, `UPDATE alert_jobs SET status = ?, condition_met = ?, error = ?, finished_at = ?,
		next_attempt_at = COALESCE(?, next_attempt_at), lease_owner = NULL, lease_until = NULL
		WHERE id = ? AND lease_owner = ?`, r.Status, met, r.Error, finished, next, id, owner)
	return wrap("finish alert job", err)
}

// JobsOfAlert lists an alert's jobs, oldest fire first.
func (s *Store) JobsOfAlert(ctx context.Context, alertID int64) ([]*AlertJob, error) {
	rows, err := s.query(ctx, `SELECT `+alertJobColumns+` FROM alert_jobs WHERE alert_id = ? ORDER BY fire_at`, alertID)
	if err != nil {
		return nil, wrap("alert jobs", err)
	}
	return scanRows(rows, scanAlertJob)
}

// AlertNotification is what one user was told about one fire of an alert.
type AlertNotification struct {
	ID               int64
	AlertID          int64
	UserID           int64
	FireAt           time.Time
	FieldValue       *float64
	ThresholdValue   float64
	FieldTitle       string
	NotificationType string
	IsRead           bool
	RanAt            time.Time
}

const notificationColumns = `id, alert_id, user_id, fire_at, field_value, threshold_value, field_title,
	notification_type, is_read, ran_at`

func scanNotification(sc scanner) (*AlertNotification, error) {
	n := &AlertNotification{}
	var fire, ran int64
	var value sql.NullFloat64
	err := sc.Scan(&n.ID, &n.AlertID, &n.UserID, &fire, &value, &n.ThresholdValue, &n.FieldTitle,
		&n.NotificationType, &n.IsRead, &ran)
	n.FireAt, n.RanAt = fromMillis(fire), fromMillis(ran)
	if value.Valid {
		n.FieldValue = &value.Float64
	}
	return n, err
}

// AddAlertNotification records n once per (alert, user, fire): a repeat
// of the same fire changes nothing.
func (s *Store) AddAlertNotification(ctx context.Context, n *AlertNotification) error {
	var value sql.NullFloat64
	if n.FieldValue != nil {
		value = sql.NullFloat64{Float64: *n.FieldValue, Valid: true}
	}
	_, err := s.exec(ctx, `INSERT INTO alert_notifications (alert_id, user_id, fire_at, field_value, threshold_value,
		field_title, notification_type, is_read, ran_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		n.AlertID, n.UserID, n.FireAt.UnixMilli(), value, n.ThresholdValue, n.FieldTitle, n.NotificationType, false,
		n.RanAt.UnixMilli())
	return wrap("alert notification", err)
}

// AlertNotifications lists a user's notifications, newest first, with
// their total count.
func (s *Store) AlertNotifications(ctx context.Context, userID int64, limit, offset int) ([]*AlertNotification, int, error) {
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM alert_notifications WHERE user_id = ?`, userID).Scan(&total); err != nil {
		return nil, 0, wrap("count alert notifications", err)
	}
	rows, err := s.query(ctx, `SELECT `+notificationColumns+` FROM alert_notifications WHERE user_id = ?
		ORDER BY ran_at DESC, id DESC`+limitClause(limit, offset), userID)
	if err != nil {
		return nil, 0, wrap("alert notifications", err)
	}
	out, err := scanRows(rows, scanNotification)
	return out, total, err
}

// ReadAlertNotification marks one of the user's notifications read and
// returns it; another user's is not found.
func (s *Store) ReadAlertNotification(ctx context.Context, id, userID int64) (*AlertNotification, error) {
	res, err := s.exec(ctx, `UPDATE alert_notifications SET is_read = ? WHERE id = ? AND user_id = ?`, true, id, userID)
	if err := affectedOne(res, err); err != nil {
		return nil, wrap("read alert notification", err)
	}
	n, err := scanNotification(s.queryRow(ctx, `SELECT `+notificationColumns+` FROM alert_notifications WHERE id = ?`, id))
	return n, s.mapErr(err)
}

// scanRows reads every row with scan and closes rows.
func scanRows[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
