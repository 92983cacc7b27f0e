package looker40

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/web/dashboard"
)

const tagRenderTask = "RenderTask"

func init() { register(registerRenderTask) }

func registerRenderTask(api huma.API, b *Backend) {
	handle(api, op{ID: "create_look_render_task", Method: http.MethodPost, Path: "/render_tasks/looks/{look_id}/{result_format}",
		Tag: tagRenderTask, Perm: permSeeLooks, Summary: "Start drawing a look's chart as an image"}, b.createLookRenderTask)
	handle(api, op{ID: "create_query_render_task", Method: http.MethodPost,
		Path: "/render_tasks/queries/{query_id}/{result_format}", Tag: tagRenderTask, Perm: "access_data",
		Summary: "Start drawing a query's chart as an image"}, b.createQueryRenderTask)
	handle(api, op{ID: "create_dashboard_render_task", Method: http.MethodPost,
		Path: "/render_tasks/dashboards/{dashboard_id}/{result_format}", Tag: tagRenderTask, Perm: permSeeDashboards,
		Summary: "Start drawing a dashboard as an image or a PDF"}, b.createDashboardRenderTask)
	handle(api, op{ID: "create_dashboard_element_render_task", Method: http.MethodPost,
		Path: "/render_tasks/dashboard_elements/{dashboard_element_id}/{result_format}", Tag: tagRenderTask,
		Perm: permSeeDashboards, Summary: "Start drawing one dashboard tile as an image"}, b.createElementRenderTask)
	handle(api, op{ID: "render_task", Method: http.MethodGet, Path: "/render_tasks/{render_task_id}", Tag: tagRenderTask,
		Perm: access.Authenticated, Summary: "A render task and how far it got"}, b.renderTask)
	handle(api, op{ID: "render_task_results", Method: http.MethodGet, Path: "/render_tasks/{render_task_id}/results",
		Tag: tagRenderTask, Perm: access.Authenticated, Summary: "The image or PDF of a finished render task",
		Customize: renderResultContent}, b.renderTaskResults)
}

// renderRetryAfter is the wait, in seconds, a client is told to leave
// before asking again for an unfinished task's result.
const renderRetryAfter = "2"

// maxRenderBytes bounds a render task's result, which is kept in the
// metadata database so that any node can hand it out.
const maxRenderBytes = 20 << 20

// renderContentTypes are the content types of the results by format.
var renderContentTypes = map[string]string{render.PNG: "image/png", render.JPG: "image/jpeg", render.PDF: "application/pdf"}

func renderResultContent(o *huma.Operation) {
	content := map[string]*huma.MediaType{}
	for _, ct := range renderContentTypes {
		content[ct] = &huma.MediaType{Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}
	}
	o.Responses = map[string]*huma.Response{
		"200": {Description: "The finished image or document", Content: content},
		"202": {Description: "The task has not finished: ask again after Retry-After seconds",
			Headers: map[string]*huma.Param{"Retry-After": {Schema: &huma.Schema{Type: huma.TypeInteger}}}},
	}
}

// RenderSize is the size of a render, in pixels.
type RenderSize struct {
	Width  int64 `query:"width" required:"true" doc:"Width of the image, in pixels"`
	Height int64 `query:"height" required:"true" doc:"Height of the image, in pixels"`
	FieldsParam
}

// LookRenderInput names a look to draw.
type LookRenderInput struct {
	LookID       string `path:"look_id" doc:"Id of the look"`
	ResultFormat string `path:"result_format" doc:"png or jpg"`
	RenderSize
}

// QueryRenderInput names a query to draw.
type QueryRenderInput struct {
	QueryID      string `path:"query_id" doc:"Id of the query"`
	ResultFormat string `path:"result_format" doc:"png or jpg"`
	RenderSize
}

// ElementRenderInput names a dashboard tile to draw.
type ElementRenderInput struct {
	DashboardElementID string `path:"dashboard_element_id" doc:"Id of the dashboard tile"`
	ResultFormat       string `path:"result_format" doc:"png or jpg"`
	RenderSize
}

// DashboardRenderInput names a dashboard to draw and how.
type DashboardRenderInput struct {
	DashboardID  string `path:"dashboard_id" doc:"Id of the dashboard"`
	ResultFormat string `path:"result_format" doc:"pdf, png or jpg"`
	RenderSize
	PdfPaperSize string `query:"pdf_paper_size" doc:"Paper of a PDF: letter, legal, tabloid, a0 to a5 (default: one page the size of the dashboard)"`
	PdfLandscape bool   `query:"pdf_landscape" doc:"Print the PDF in landscape"`
	LongTables   bool   `query:"long_tables" doc:"Show tables whole (accepted; tables show what fits)"`
	Theme        string `query:"theme" doc:"Theme name (accepted; the default theme is used)"`
	Body         model.Body[model.CreateDashboardRenderTask]
}

// RenderTaskIDInput names a render task.
type RenderTaskIDInput struct {
	RenderTaskID string `path:"render_task_id" doc:"Id of the render task"`
	FieldsParam
}

// RenderTaskResultsInput names a render task whose result is wanted.
type RenderTaskResultsInput struct {
	RenderTaskID string `path:"render_task_id" doc:"Id of the render task"`
}

// pageBuilder gathers, as the task's user, what a render shows.
type pageBuilder func(ctx context.Context, width, height int64) (dashboard.Page, error)

func (b *Backend) createLookRenderTask(ctx context.Context, in *LookRenderInput) (*Out[model.RenderTask], error) {
	t, err := newRenderTask(in.ResultFormat, in.RenderSize, false)
	if err != nil {
		return nil, err
	}
	id, err := objectID(ctx, "look", in.LookID)
	if err != nil {
		return nil, err
	}
	look, err := b.Content.Look(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	t.LookID = idText(look.ID)
	return b.startRender(ctx, t, dashboard.Options{Format: t.ResultFormat}, b.queryPage(look.Title, look.QueryID))
}

func (b *Backend) createQueryRenderTask(ctx context.Context, in *QueryRenderInput) (*Out[model.RenderTask], error) {
	t, err := newRenderTask(in.ResultFormat, in.RenderSize, false)
	if err != nil {
		return nil, err
	}
	q, err := b.visibleQuery(ctx, in.QueryID)
	if err != nil {
		return nil, err
	}
	t.QueryID = idText(q.ID)
	return b.startRender(ctx, t, dashboard.Options{Format: t.ResultFormat}, b.queryPage("", q.ID))
}

func (b *Backend) createElementRenderTask(ctx context.Context, in *ElementRenderInput) (*Out[model.RenderTask], error) {
	t, err := newRenderTask(in.ResultFormat, in.RenderSize, false)
	if err != nil {
		return nil, err
	}
	id, err := objectID(ctx, "dashboard_element", in.DashboardElementID)
	if err != nil {
		return nil, err
	}
	e, err := b.Content.DashboardElement(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	t.DashboardElementID = idText(e.ID)
	return b.startRender(ctx, t, dashboard.Options{Format: t.ResultFormat}, b.elementPage(e))
}

func (b *Backend) createDashboardRenderTask(ctx context.Context, in *DashboardRenderInput) (*Out[model.RenderTask], error) {
	t, err := newRenderTask(in.ResultFormat, in.RenderSize, true)
	if err != nil {
		return nil, err
	}
	if in.PdfPaperSize != "" && !render.PaperSize(in.PdfPaperSize) {
		return nil, overlook.Invalid("pdf_paper_size", "invalid", "%q is not a paper size (letter, legal, tabloid, a0 to a5)",
			in.PdfPaperSize)
	}
	body := in.Body.Value
	t.DashboardFilters, t.DashboardStyle = orZero(body.DashboardFilters), orZero(body.DashboardStyle)
	if t.DashboardStyle != "" && t.DashboardStyle != "tiled" && t.DashboardStyle != "single_column" {
		return nil, overlook.Invalid("dashboard_style", "invalid", "dashboard_style is tiled or single_column")
	}
	filters, err := url.ParseQuery(t.DashboardFilters)
	if err != nil {
		return nil, overlook.Invalid("dashboard_filters", "invalid", "dashboard_filters is not URL-query text: %v", err)
	}
	id, err := objectID(ctx, "dashboard", in.DashboardID)
	if err != nil {
		return nil, err
	}
	d, err := b.Content.Dashboard(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	t.DashboardID = idText(d.ID)
	opts := dashboard.Options{Format: t.ResultFormat, PaperSize: in.PdfPaperSize, Landscape: in.PdfLandscape}
	options, _ := json.Marshal(opts)
	t.Options = string(options)
	return b.startRender(ctx, t, opts, b.dashboardPage(d, firstValues(filters), t.DashboardStyle == "single_column"))
}

// newRenderTask checks the format and size of a render.
func newRenderTask(format string, size RenderSize, pdf bool) (*store.RenderTask, error) {
	formats := []string{render.PNG, render.JPG}
	if pdf {
		formats = append(formats, render.PDF)
	}
	if !slices.Contains(formats, format) {
		return nil, overlook.Invalid("result_format", "invalid", "result_format %q is not one of %v", format, formats)
	}
	if err := checkRenderSize("width", size.Width); err != nil {
		return nil, err
	}
	if err := checkRenderSize("height", size.Height); err != nil {
		return nil, err
	}
	return &store.RenderTask{ResultFormat: format, Width: size.Width, Height: size.Height}, nil
}

// checkRenderSize refuses a side of an image outside what the browser draws.
func checkRenderSize(name string, v int64) error {
	if v < render.MinSize || v > render.MaxSize {
		return overlook.Invalid(name, "invalid", "%s must be between %d and %d pixels", name, render.MinSize, render.MaxSize)
	}
	return nil
}

func firstValues(v url.Values) map[string]string {
	out := map[string]string{}
	for k, vals := range v {
		if len(vals) > 0 {
			out[k] = vals[0]
		}
	}
	return out
}

// startRender stores the task and runs it in the background as the
// caller.
func (b *Backend) startRender(ctx context.Context, t *store.RenderTask, opts dashboard.Options, build pageBuilder) (*Out[model.RenderTask], error) {
	if b.Render == nil {
		return nil, overlook.Errorf(overlook.EINTERNAL, "this node does not render")
	}
	p := overlook.PrincipalFrom(ctx)
	t.ID, t.UserID = newRenderTaskID(), p.UserID()
	if err := b.Store.CreateRenderTask(ctx, t); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "render_task", t.ID)
	task := *t
	b.Render.Go(func(ctx context.Context) { b.runRender(overlook.WithPrincipal(ctx, p), &task, opts, build) })
	return ok(renderTaskWire(t))
}

func newRenderTaskID() string {
	var id [16]byte
	_, _ = rand.Read(id[:])
	return hex.EncodeToString(id[:])
}

// runRender gathers the data, draws the page and records the outcome.
func (b *Backend) runRender(ctx context.Context, t *store.RenderTask, opts dashboard.Options, build pageBuilder) {
	start := time.Now()
	_ = b.Store.SetRenderTaskStatus(ctx, t.ID, store.RenderQuerying, 0)
	page, err := build(ctx, t.Width, t.Height)
	t.QueryRuntime = time.Since(start).Seconds()
	var data []byte
	if err == nil {
		_ = b.Store.SetRenderTaskStatus(ctx, t.ID, store.RenderRendering, t.QueryRuntime)
		drawn := time.Now()
		data, err = b.Render.Draw(ctx, page, opts)
		t.RenderRuntime = time.Since(drawn).Seconds()
	}
	if err == nil && len(data) > maxRenderBytes {
		err = overlook.Errorf(overlook.EINVALID, "the result is larger than %d MB", maxRenderBytes>>20)
	}
	t.Runtime = time.Since(start).Seconds()
	var result *store.RenderTaskResult
	if err != nil {
		t.Status, t.StatusDetail = store.RenderFailure, err.Error()
	} else {
		t.Status = store.RenderSuccess
		result = &store.RenderTaskResult{ContentType: renderContentTypes[t.ResultFormat], Body: data}
	}
	// The outcome is recorded even when the node is closing.
	_ = b.Store.FinishRenderTask(context.WithoutCancel(ctx), t, result)
}

func (b *Backend) renderTask(ctx context.Context, in *RenderTaskIDInput) (*Out[model.RenderTask], error) {
	t, err := b.ownRenderTask(ctx, in.RenderTaskID)
	if err != nil {
		return nil, err
	}
	return ok(renderTaskWire(t))
}

// ownRenderTask finds a task of the caller's; anyone else's is not found.
func (b *Backend) ownRenderTask(ctx context.Context, id string) (*store.RenderTask, error) {
	requestinfo.SetObject(ctx, "render_task", id)
	t, err := b.Store.RenderTaskByID(ctx, id)
	if err == nil && t.UserID != overlook.PrincipalFrom(ctx).UserID() {
		return nil, overlook.NotFound()
	}
	return t, err
}

func (b *Backend) renderTaskResults(ctx context.Context, in *RenderTaskResultsInput) (*huma.StreamResponse, error) {
	t, err := b.ownRenderTask(ctx, in.RenderTaskID)
	if err != nil {
		return nil, err
	}
	switch t.Status {
	case store.RenderSuccess:
		res, err := b.Store.RenderTaskResultByID(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		return bodyResponse(http.StatusOK, res.ContentType, res.Body), nil
	case store.RenderFailure:
		return nil, overlook.Errorf(overlook.EBADREQUEST, "the render failed: %s", t.StatusDetail)
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Retry-After", renderRetryAfter)
		hctx.SetStatus(http.StatusAccepted)
	}}, nil
}

func renderTaskWire(t *store.RenderTask) model.RenderTask {
	done := t.FinalizedAt != nil
	w := model.RenderTask{ID: ptr(t.ID), UserID: ptr(strconv.FormatInt(t.UserID, 10)), Status: ptr(t.Status),
		StatusDetail: optText(t.StatusDetail), ResultFormat: ptr(t.ResultFormat), Width: ptr(t.Width),
		Height: ptr(t.Height), LookID: optText(t.LookID), QueryID: optText(t.QueryID),
		DashboardID: optText(t.DashboardID), DashboardElementID: optText(t.DashboardElementID),
		DashboardFilters: optText(t.DashboardFilters), DashboardStyle: optText(t.DashboardStyle),
		CreatedAt: timeString(t.CreatedAt), FinalizedAt: optTime(t.FinalizedAt), Can: map[string]bool{"show": true}}
	if done {
		w.QueryRuntime, w.RenderRuntime, w.Runtime = ptr(t.QueryRuntime), ptr(t.RenderRuntime), ptr(t.Runtime)
	}
	return w
}
