package looker40

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerQueryTask) }

func registerQueryTask(api huma.API, b *Backend) {
	handle(api, op{ID: "create_query_task", Method: http.MethodPost, Path: "/query_tasks", Tag: tagQuery,
		Perm: "access_data", Summary: "Start running a saved query in the background"}, b.createQueryTask)
	handle(api, op{ID: "query_task_multi_results", Method: http.MethodGet, Path: "/query_tasks/multi_results",
		Tag: tagQuery, Perm: "access_data", Summary: "Status and results of several query tasks"}, b.queryTaskMultiResults)
	handle(api, op{ID: "query_task", Method: http.MethodGet, Path: "/query_tasks/{query_task_id}", Tag: tagQuery,
		Perm: "access_data", Summary: "A query task and its status"}, b.queryTask)
	handle(api, op{ID: "query_task_results", Method: http.MethodGet, Path: "/query_tasks/{query_task_id}/results",
		Tag: tagQuery, Perm: "access_data", Summary: "The results of a finished query task",
		Customize: taskResultContent}, b.queryTaskResults)
}

// taskResultContent declares the result body of a finished task and the
// bodiless 202 of an unfinished one.
func taskResultContent(o *huma.Operation) {
	resultContent(o)
	o.Responses["202"] = &huma.Response{Description: "The task has not finished: ask again later"}
}

// taskFormats are the result formats a task may be created with (the
// enum of CreateQueryTask.result_format); results.Resolve refuses those it
// cannot write.
var taskFormats = []string{"inline_json", "json", "json_detail", "json_fe", "json_bi", "csv", "html", "md", "txt",
	"xlsx", "gsxml", "sql", "odc"}

// TaskRunParams are the run options of create_query_task, honoured as by
// run_query (limit, apply_formatting, apply_vis, cache, cache_only) or
// accepted.
type TaskRunParams struct {
	Limit              int64  `query:"limit" doc:"Row limit for this run (overrides the query's limit)"`
	ApplyFormatting    bool   `query:"apply_formatting" doc:"Render values with their value formats"`
	ApplyVis           bool   `query:"apply_vis" doc:"Apply the query's visualization options"`
	Cache              bool   `query:"cache" doc:"Allow a cached result (cache=false runs the query afresh)"`
	GenerateDrillLinks bool   `query:"generate_drill_links" doc:"Drill links in json_detail (accepted; not generated yet)"`
	ForceProduction    bool   `query:"force_production" doc:"Use production models (always the case here)"`
	CacheOnly          bool   `query:"cache_only" doc:"Serve only from the cache, however old the entry (a miss fails the task)"`
	PathPrefix         string `query:"path_prefix" doc:"Prefix of drill links (accepted; not generated yet)"`
	RebuildPdts        bool   `query:"rebuild_pdts" doc:"Rebuild persistent derived tables (accepted; none yet)"`
	ServerTableCalcs   bool   `query:"server_table_calcs" doc:"Table calculations on the server (accepted; not yet)"`
	// noCache is cache=false given explicitly (an absent cache means true).
	noCache bool
}

// Resolve reads whether cache was given as false.
func (p *TaskRunParams) Resolve(ctx huma.Context) []error {
	u := ctx.URL()
	p.noCache = u.Query().Get("cache") == "false"
	return nil
}

// CreateQueryTaskInput names the query and format of a new task.
type CreateQueryTaskInput struct {
	TaskRunParams
	FieldsParam
	Body model.Body[model.CreateQueryTask]
}

// QueryTaskIDInput names a query task.
type QueryTaskIDInput struct {
	QueryTaskID string `path:"query_task_id" doc:"Id of the query task"`
	FieldsParam
}

func (b *Backend) createQueryTask(ctx context.Context, in *CreateQueryTaskInput) (*Out[model.QueryTask], error) {
	body := in.Body.Value
	f, err := taskFormat(orZero(body.ResultFormat))
	if err != nil {
		return nil, err
	}
	if orZero(body.QueryID) == "" {
		return nil, overlook.Invalid("query_id", "missing", "query_id is required")
	}
	if in.Limit < 0 {
		return nil, overlook.Invalid("limit", "invalid", "limit must not be negative")
	}
	q, err := b.visibleQuery(ctx, *body.QueryID)
	if err != nil {
		return nil, err
	}
	job, err := b.taskJob(ctx, q, f, in.TaskRunParams)
	if err != nil {
		return nil, err
	}
	job.FormatName, job.Source = *body.ResultFormat, orZero(body.Source)
	job.LookID, job.DashboardID = orZero(body.LookID), orZero(body.DashboardID)
	t, err := b.Tasks.Submit(ctx, job)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "query_task", t.ID)
	return ok(b.queryTaskWire(ctx, t, q))
}

// taskFormat resolves a task's result_format: required, one of Looker's
// task formats, and one results can write.
func taskFormat(name string) (results.Format, error) {
	if name == "" {
		return results.Format{}, overlook.Invalid("result_format", "missing", "result_format is required")
	}
	if !slices.Contains(taskFormats, name) {
		return results.Format{}, overlook.Invalid("result_format", "invalid",
			"result_format %q is not a query task format", name)
	}
	return results.Resolve(name)
}

// taskJob compiles q for the caller as run_query would; the task runs it
// through the results cache and records it in the history.
func (b *Backend) taskJob(ctx context.Context, q *queries.Query, f results.Format, p TaskRunParams) (queries.TaskJob, error) {
	principal := overlook.PrincipalFrom(ctx)
	if !f.RunsQuery && !principal.Can("see_sql") {
		return queries.TaskJob{}, overlook.Errorf(overlook.EFORBIDDEN, "the sql format needs the see_sql permission")
	}
	d := q.Definition
	if p.Limit != 0 {
		d.Limit = strconv.FormatInt(p.Limit, 10)
	}
	cq, err := b.compileQuery(ctx, d, true)
	if err != nil {
		return queries.TaskJob{}, err
	}
	opt := results.Options{ApplyFormatting: p.ApplyFormatting, ApplyVis: p.ApplyVis, Vis: visOf(d.VisConfig),
		SQL: cq.c.SQL, QueryID: idText(q.ID), Timezone: d.QueryTimezone, Filters: d.Filters,
		FilterExpression: d.FilterExpression, RanAt: time.Now()}
	pol := queries.CachePolicy{Bypass: p.noCache, Only: p.CacheOnly,
		MaxAge: queries.MaxAge(cq.model, queries.DefaultCacheMaxAge),
		Key: queries.KeyInput{Connection: cq.model.Connection, Compiled: cq.c, Format: f.Name, Options: opt,
			UserAttributes: cq.attrs}.Key()}
	rec := history.Run{HistoryEntry: store.HistoryEntry{QueryID: q.ID, UserID: principal.UserID(),
		Source: history.SourceQueryTask, ResultFormat: f.Name, ConnectionName: cq.model.Connection,
		Dialect: cq.eng.Dialect()}}
	rs := b.runState()
	run := func(ctx context.Context, w io.Writer) (int, error) {
		rec.CreatedAt = time.Now()
		rows, hit, err := rs.cache.Run(ctx, cq.eng, cq.c, f, w, opt, pol)
		rs.history.Record(finished(ctx, rec, rows, hit, err))
		return rows, err
	}
	return queries.TaskJob{QueryID: q.ID, UserID: principal.UserID(), ContentType: f.ContentType, SQL: cq.c.SQL,
		Connection: cq.model.Connection, Dialect: cq.eng.Dialect(), Run: run}, nil
}

func (b *Backend) queryTask(ctx context.Context, in *QueryTaskIDInput) (*Out[model.QueryTask], error) {
	t, err := b.ownTask(ctx, in.QueryTaskID)
	if err != nil {
		return nil, err
	}
	q, err := queries.New(b.Store).Get(ctx, t.QueryID)
	if err != nil {
		return nil, err
	}
	return ok(b.queryTaskWire(ctx, t, q))
}

// ownTask finds a task of the caller's; anyone else's is not found.
func (b *Backend) ownTask(ctx context.Context, id string) (*store.QueryTask, error) {
	requestinfo.SetObject(ctx, "query_task", id)
	t, err := b.Tasks.Get(ctx, id)
	if err == nil && t.UserID != overlook.PrincipalFrom(ctx).UserID() {
		return nil, overlook.NotFound()
	}
	return t, err
}

func (b *Backend) queryTaskWire(ctx context.Context, t *store.QueryTask, q *queries.Query) model.QueryTask {
	qw := b.queryWire(ctx, q)
	return model.QueryTask{ID: ptr(t.ID), QueryID: ptr(strconv.FormatInt(t.QueryID, 10)), Query: &qw,
		Status: ptr(t.Status), Source: optText(t.Source), ResultFormat: ptr(t.ResultFormat), Runtime: ptr(t.Runtime),
		LookID: optText(t.LookID), DashboardID: optText(t.DashboardID), ResultSource: optText(resultSource(t)),
		Can: map[string]bool{"show": true, "cancel": !taskFinished(t.Status)}}
}

func resultSource(t *store.QueryTask) string {
	if t.Status == store.QueryTaskComplete {
		return "query"
	}
	return ""
}

func taskFinished(status string) bool {
	return status != store.QueryTaskAdded && status != store.QueryTaskRunning
}

func (b *Backend) queryTaskResults(ctx context.Context, in *QueryTaskIDInput) (*huma.StreamResponse, error) {
	t, err := b.ownTask(ctx, in.QueryTaskID)
	if err != nil {
		return nil, err
	}
	switch t.Status {
	case store.QueryTaskAdded, store.QueryTaskRunning:
		return bodyResponse(http.StatusAccepted, "", nil), nil
	case store.QueryTaskExpired:
		return nil, overlook.NotFound()
	case store.QueryTaskComplete:
		res, err := b.Tasks.Result(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		return bodyResponse(http.StatusOK, res.ContentType, res.Body), nil
	}
	if t.ResultFormat != "json_detail" {
		return nil, overlook.Errorf(overlook.EBADREQUEST, "%s", t.Error)
	}
	body, err := json.Marshal(failedDetail(t))
	if err != nil {
		return nil, err
	}
	return bodyResponse(http.StatusOK, results.TypeJSON, body), nil
}

// bodyResponse answers status with body (none when contentType is "").
func bodyResponse(status int, contentType string, body []byte) *huma.StreamResponse {
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		if contentType != "" {
			hctx.SetHeader("Content-Type", contentType)
		}
		hctx.SetStatus(status)
		_, _ = hctx.BodyWriter().Write(body)
	}}
}

// failedDetail is a failed task as json_detail reports it: no rows and
// the failure in errors.
func failedDetail(t *store.QueryTask) map[string]any {
	return map[string]any{"id": t.ID, "runtime": t.Runtime, "data": []any{},
		"errors": []map[string]any{{"message": t.Error, "message_details": nil, "sql_error_loc": nil}}}
}

// maxMultiResults caps the ids of one query_task_multi_results call.
const maxMultiResults = 100

// QueryTaskMultiResultsInput names several query tasks.
type QueryTaskMultiResultsInput struct {
	QueryTaskIDs DelimList `query:"query_task_ids" required:"true" doc:"Ids of the query tasks"`
}

// TaskOutcome is one task's entry in query_task_multi_results.
type TaskOutcome struct {
	Status string `json:"status"`
	Data   any    `json:"data,omitempty"`
}

func (b *Backend) queryTaskMultiResults(ctx context.Context, in *QueryTaskMultiResultsInput) (*Out[map[string]TaskOutcome], error) {
	if len(in.QueryTaskIDs) == 0 {
		return nil, overlook.Invalid("query_task_ids", "missing", "query_task_ids is required")
	}
	if len(in.QueryTaskIDs) > maxMultiResults {
		return nil, overlook.Invalid("query_task_ids", "invalid", "at most %d query_task_ids at once", maxMultiResults)
	}
	out := map[string]TaskOutcome{}
	for _, id := range in.QueryTaskIDs {
		o, err := b.taskOutcome(ctx, id)
		if err != nil {
			return nil, err
		}
		out[id] = o
	}
	return ok(out)
}

// taskOutcome reports one task: missing when the caller may not see it,
// its status alone while unfinished or expired, and its result or failure
// once finished.
func (b *Backend) taskOutcome(ctx context.Context, id string) (TaskOutcome, error) {
	t, err := b.ownTask(ctx, id)
	if overlook.IsNotFound(err) {
		return TaskOutcome{Status: "missing"}, nil
	}
	if err != nil {
		return TaskOutcome{}, err
	}
	switch t.Status {
	case store.QueryTaskComplete:
		return b.completeOutcome(ctx, t)
	case store.QueryTaskError, store.QueryTaskKilled:
		if t.ResultFormat == "json_detail" {
			return TaskOutcome{Status: t.Status, Data: failedDetail(t)}, nil
		}
		return TaskOutcome{Status: t.Status, Data: map[string]any{"id": t.ID, "error": t.Error, "runtime": t.Runtime}}, nil
	}
	return TaskOutcome{Status: t.Status}, nil
}

// completeOutcome holds the result: JSON results as JSON, others as text.
func (b *Backend) completeOutcome(ctx context.Context, t *store.QueryTask) (TaskOutcome, error) {
	res, err := b.Tasks.Result(ctx, t.ID)
	if overlook.IsNotFound(err) {
		return TaskOutcome{Status: store.QueryTaskExpired}, nil
	}
	if err != nil {
		return TaskOutcome{}, err
	}
	if strings.HasPrefix(res.ContentType, results.TypeJSON) && json.Valid(res.Body) {
		return TaskOutcome{Status: t.Status, Data: json.RawMessage(res.Body)}, nil
	}
	return TaskOutcome{Status: t.Status, Data: string(res.Body)}, nil
}
