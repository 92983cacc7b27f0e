package store

import (
	"context"
	"database/sql"
	"time"
)

// Statuses of a render task, as Looker reports them.
const (
	RenderEnqueued  = "enqueued_for_query"
	RenderQuerying  = "querying"
	RenderRendering = "rendering"
	RenderSuccess   = "success"
	RenderFailure   = "failure"
)

// RenderTask is a look, query, dashboard or dashboard tile drawn to an
// image or a PDF for a user. Exactly one of the source ids is set. Options
// holds the PDF settings as JSON. Runtimes are in seconds.
type RenderTask struct {
	ID                 string
	UserID             int64
	ResultFormat       string
	Status             string
	StatusDetail       string
	Width, Height      int64
	LookID             string
	QueryID            string
	DashboardID        string
	DashboardElementID string
	DashboardFilters   string
	DashboardStyle     string
	Options            string
	CreatedAt          time.Time
	FinalizedAt        *time.Time
	QueryRuntime       float64
	RenderRuntime      float64
	Runtime            float64
}

// RenderTaskResult is the finished image or document of a task.
type RenderTaskResult struct {
	TaskID      string
	ContentType string
	Body        []byte
}

const renderTaskColumns = `id, user_id, result_format, status, status_detail, width, height, look_id, query_id,
	dashboard_id, dashboard_element_id, dashboard_filters, dashboard_style, options, created_at, finalized_at,
	query_runtime, render_runtime, runtime`

func scanRenderTask(sc scanner) (*RenderTask, error) {
	t := &RenderTask{}
	var created int64
	var finalized sql.NullInt64
	err := sc.Scan(&t.ID, &t.UserID, &t.ResultFormat, &t.Status, &t.StatusDetail, &t.Width, &t.Height, &t.LookID,
		&t.QueryID, &t.DashboardID, &t.DashboardElementID, &t.DashboardFilters, &t.DashboardStyle, &t.Options,
		&created, &finalized, &t.QueryRuntime, &t.RenderRuntime, &t.Runtime)
	t.CreatedAt, t.FinalizedAt = fromMillis(created), optMillis(finalized)
	return t, err
}

// CreateRenderTask inserts t (its ID chosen by the caller) as enqueued and
// sets its creation time; a taken id is a conflict.
func (s *Store) CreateRenderTask(ctx context.Context, t *RenderTask) error {
	now := s.ms()
	if t.Options == "" {
		t.Options = "{}"
	}
	_, err := s.exec(ctx, `INSERT INTO render_tasks (id, user_id, result_format, status, width, height, look_id,
		query_id, dashboard_id, dashboard_element_id, dashboard_filters, dashboard_style, options, created_at)
		VALUES (`+placeholders(14)+`)`,
		t.ID, t.UserID, t.ResultFormat, RenderEnqueued, t.Width, t.Height, t.LookID, t.QueryID, t.DashboardID,
		t.DashboardElementID, t.DashboardFilters, t.DashboardStyle, t.Options, now)
	if err != nil {
		return s.mapErr(err)
	}
	t.Status, t.CreatedAt = RenderEnqueued, fromMillis(now)
	return nil
}

// RenderTaskByID returns the task with id.
func (s *Store) RenderTaskByID(ctx context.Context, id string) (*RenderTask, error) {
	t, err := scanRenderTask(s.queryRow(ctx, `SELECT `+renderTaskColumns+` FROM render_tasks WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return t, nil
}

// SetRenderTaskStatus moves an unfinished task to status; a finished
// task is not found.
func (s *Store) SetRenderTaskStatus(ctx context.Context, id, status string, queryRuntime float64) error {
	res, err := s.exec(ctx, `UPDATE render_tasks SET status = ?, query_runtime = ? WHERE id = ? AND finalized_at IS NULL`,
		status, queryRuntime, id)
	return s.oneRow(res, err)
}

// FinishRenderTask records the end of a task (success or failure, its
// detail and runtimes) and its result when there is one, in one
// transaction.
func (s *Store) FinishRenderTask(ctx context.Context, t *RenderTask, result *RenderTaskResult) error {
	now := s.ms()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`UPDATE render_tasks SET status = ?, status_detail = ?, finalized_at = ?,
			query_runtime = ?, render_runtime = ?, runtime = ? WHERE id = ?`),
			t.Status, t.StatusDetail, now, t.QueryRuntime, t.RenderRuntime, t.Runtime, t.ID)
		if err != nil || result == nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO render_task_results (task_id, content_type, body, created_at)
			VALUES (?, ?, ?, ?)`), t.ID, result.ContentType, result.Body, now)
		return err
	})
	if err == nil {
		t.FinalizedAt = optMillis(sql.NullInt64{Int64: now, Valid: true})
	}
	return err
}

// RenderTaskResultByID returns the stored result of task id.
func (s *Store) RenderTaskResultByID(ctx context.Context, id string) (*RenderTaskResult, error) {
	r := &RenderTaskResult{TaskID: id}
	err := s.queryRow(ctx, `SELECT content_type, body FROM render_task_results WHERE task_id = ?`, id).
		Scan(&r.ContentType, &r.Body)
	if err != nil {
		return nil, s.mapErr(err)
	}
	return r, nil
}

// DeleteRenderTasks removes, with their results, the tasks finished
// before before and those started before it that never finished (their
// node stopped), and returns how many went.
func (s *Store) DeleteRenderTasks(ctx context.Context, before time.Time) (int64, error) {
	cut := before.UnixMilli()
	res, err := s.exec(ctx, `DELETE FROM render_tasks WHERE finalized_at < ? OR (finalized_at IS NULL AND created_at < ?)`,
		cut, cut)
	if err != nil {
		return 0, s.mapErr(err)
	}
	return res.RowsAffected()
}
