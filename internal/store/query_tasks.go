package store

import (
	"context"
	"database/sql"
	"time"
)

// Statuses of a query task, as Looker reports them.
const (
	QueryTaskAdded    = "added"
	QueryTaskRunning  = "running"
	QueryTaskComplete = "complete"
	QueryTaskError    = "error"
	QueryTaskKilled   = "killed"
	QueryTaskExpired  = "expired"
)

// QueryTask is an asynchronous run of a stored query for a user. Runtime
// is in seconds; Error holds the failure of an error or killed task.
type QueryTask struct {
	ID           string
	QueryID      int64
	UserID       int64
	ResultFormat string
	Status       string
	Source       string
	LookID       string
	DashboardID  string
	CreatedAt    time.Time
	StartedAt    *time.Time
	FinishedAt   *time.Time
	Runtime      float64
	Error        string
}

// QueryTaskResult is the finished body of a task in its format.
type QueryTaskResult struct {
	TaskID      string
	ContentType string
	Body        []byte
	CreatedAt   time.Time
}

const queryTaskColumns = `id, query_id, user_id, result_format, status, source, look_id, dashboard_id, created_at,
	started_at, finished_at, runtime, error`

func scanQueryTask(sc scanner) (*QueryTask, error) {
	t := &QueryTask{}
	var created int64
	var started, finished sql.NullInt64
	err := sc.Scan(&t.ID, &t.QueryID, &t.UserID, &t.ResultFormat, &t.Status, &t.Source, &t.LookID, &t.DashboardID,
		&created, &started, &finished, &t.Runtime, &t.Error)
	t.CreatedAt, t.StartedAt, t.FinishedAt = fromMillis(created), optMillis(started), optMillis(finished)
	return t, err
}

// CreateQueryTask inserts t (its ID chosen by the caller) with status
// added and sets its creation time; a taken id is a conflict.
func (s *Store) CreateQueryTask(ctx context.Context, t *QueryTask) error {
	now := s.ms()
	_, err := s.exec(ctx, `INSERT INTO query_tasks (id, query_id, user_id, result_format, status, source, look_id,
		dashboard_id, created_at) VALUES (`+placeholders(9)+`)`,
		t.ID, t.QueryID, t.UserID, t.ResultFormat, QueryTaskAdded, t.Source, t.LookID, t.DashboardID, now)
	if err != nil {
		return s.mapErr(err)
	}
	t.Status, t.CreatedAt = QueryTaskAdded, fromMillis(now)
	return nil
}

// QueryTaskByID returns the task with id.
func (s *Store) QueryTaskByID(ctx context.Context, id string) (*QueryTask, error) {
	t, err := scanQueryTask(s.queryRow(ctx, `SELECT `+queryTaskColumns+` FROM query_tasks WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return t, nil
}

// StartQueryTask marks an added task running; a task no longer added (a
// killed one) is not found.
func (s *Store) StartQueryTask(ctx context.Context, id string) error {
	res, err := s.exec(ctx, `UPDATE query_tasks SET status = ?, started_at = ? WHERE id = ? AND status = ?`,
		QueryTaskRunning, s.ms(), id, QueryTaskAdded)
	return s.oneRow(res, err)
}

// FinishQueryTask records the end of a task: its status, runtime and
// error, and its result when there is one, in one transaction.
func (s *Store) FinishQueryTask(ctx context.Context, t *QueryTask, result *QueryTaskResult) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE query_tasks SET status = ?, finished_at = ?, runtime = ?, error = ?
			WHERE id = ?`), t.Status, now, t.Runtime, t.Error, t.ID)
		if err != nil || result == nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO query_task_results (task_id, content_type, body, created_at)
			VALUES (?, ?, ?, ?)`), t.ID, result.ContentType, result.Body, now)
		return err
	})
}

// QueryTaskResultByID returns the stored result of task id.
func (s *Store) QueryTaskResultByID(ctx context.Context, id string) (*QueryTaskResult, error) {
	r := &QueryTaskResult{TaskID: id}
	var created int64
	err := s.queryRow(ctx, `SELECT content_type, body, created_at FROM query_task_results WHERE task_id = ?`, id).
		Scan(&r.ContentType, &r.Body, &created)
	if err != nil {
		return nil, s.mapErr(err)
	}
	r.CreatedAt = fromMillis(created)
	return r, nil
}

// ExpireQueryTasks marks the tasks finished before before expired and
// drops their results. It returns how many tasks expired.
func (s *Store) ExpireQueryTasks(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cut := before.UnixMilli()
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM query_task_results WHERE task_id IN
			(SELECT id FROM query_tasks WHERE finished_at < ? AND status <> ?)`), cut, QueryTaskExpired); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE query_tasks SET status = ? WHERE finished_at < ? AND status <> ?`),
			QueryTaskExpired, cut, QueryTaskExpired)
		if err == nil {
			n, err = res.RowsAffected()
		}
		return err
	})
	return n, err
}

func (s *Store) oneRow(res sql.Result, err error) error {
	if err != nil {
		return s.mapErr(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errNotFound
	}
	return nil
}
