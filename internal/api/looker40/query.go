package looker40

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/apierr"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

const tagQuery = "Query"

func init() { register(registerQuery) }

func registerQuery(api huma.API, b *Backend) {
	handle(api, op{ID: "create_query", Method: http.MethodPost, Path: "/queries", Tag: tagQuery,
		Perm: "access_data", Summary: "Create a query (or find the identical one)"}, b.createQuery)
	handle(api, op{ID: "query", Method: http.MethodGet, Path: "/queries/{query_id}", Tag: tagQuery,
		Perm: "access_data", Summary: "Get a query"}, b.query)
	handle(api, op{ID: "query_for_slug", Method: http.MethodGet, Path: "/queries/slug/{slug}", Tag: tagQuery,
		Perm: "access_data", Summary: "Get a query by its slug"}, b.queryForSlug)
	handle(api, op{ID: "run_query", Method: http.MethodGet, Path: "/queries/{query_id}/run/{result_format}",
		Tag: tagQuery, Perm: "access_data", Summary: "Run a stored query", Customize: resultContent}, b.runQuery)
	handle(api, op{ID: "run_inline_query", Method: http.MethodPost, Path: "/queries/run/{result_format}",
		Tag: tagQuery, Perm: "access_data", Summary: "Run a query given in the body", Customize: resultContent},
		b.runInlineQuery)
	handle(api, op{ID: "run_url_encoded_query", Method: http.MethodGet,
		Path: "/queries/models/{model_name}/views/{view_name}/run/{result_format}", Tag: tagQuery,
		Perm: "access_data", Summary: "Run a query written in explore-URL syntax", Customize: resultContent},
		b.runURLEncodedQuery)
}

// resultContent declares what a run answers: one content type per result
// format (json, csv, text…), each a string body, and the images.
func resultContent(o *huma.Operation) {
	content := map[string]*huma.MediaType{}
	for _, name := range results.Names() {
		f, _ := results.Lookup(name)
		mime, _, _ := strings.Cut(f.ContentType, ";")
		content[mime] = &huma.MediaType{Schema: &huma.Schema{Type: huma.TypeString}}
	}
	// png and jpg are drawn by the renderer (see runImage).
	for _, mime := range []string{renderContentTypes[render.PNG], renderContentTypes[render.JPG]} {
		content[mime] = &huma.MediaType{Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}
	}
	if o.Responses == nil {
		o.Responses = map[string]*huma.Response{}
	}
	o.Responses["200"] = &huma.Response{Description: "The query's results in the result format", Content: content}
}

// QueryIDInput names a query.
type QueryIDInput struct {
	QueryID string `path:"query_id" doc:"Id of query"`
	FieldsParam
}

// QueryForSlugInput names a query by slug.
type QueryForSlugInput struct {
	Slug string `path:"slug" doc:"The query's slug"`
	FieldsParam
}

// CreateQueryInput is a query definition.
type CreateQueryInput struct {
	FieldsParam
	Body model.Body[model.Query]
}

// RunParams are the options of a run. Honoured: limit, apply_formatting,
// apply_vis, cache (false runs the query even when a cached result is
// fresh) and cache_only (answer from the cache however old the entry; a
// miss is a 404). Accepted and ignored until there are PDTs, server table
// calculations, drill links and images: force_production,
// server_table_calcs, rebuild_pdts, generate_drill_links, path_prefix,
// image_width, image_height.
type RunParams struct {
	ResultFormat       string `path:"result_format" doc:"The result format (json, csv, …)"`
	Limit              int64  `query:"limit" doc:"Row limit for this run (overrides the query's limit)"`
	ApplyFormatting    bool   `query:"apply_formatting" doc:"Render values with their value formats"`
	ApplyVis           bool   `query:"apply_vis" doc:"Apply the query's visualization options (hidden fields, labels)"`
	Cache              bool   `query:"cache" doc:"Allow a cached result (default true; false runs the query again)"`
	ImageWidth         int64  `query:"image_width" doc:"Image width in pixels (images are not rendered yet)"`
	ImageHeight        int64  `query:"image_height" doc:"Image height in pixels (images are not rendered yet)"`
	GenerateDrillLinks bool   `query:"generate_drill_links" doc:"Drill links in json_detail (accepted; not generated yet)"`
	ForceProduction    bool   `query:"force_production" doc:"Use production models (always the case here)"`
	CacheOnly          bool   `query:"cache_only" doc:"Serve only from the cache, however old the entry (a miss is a 404)"`
	PathPrefix         string `query:"path_prefix" doc:"Prefix of drill links (accepted; not generated yet)"`
	RebuildPdts        bool   `query:"rebuild_pdts" doc:"Rebuild persistent derived tables (accepted; none yet)"`
	ServerTableCalcs   bool   `query:"server_table_calcs" doc:"Table calculations on the server (accepted; not yet)"`
	// noCache is cache=false given explicitly (an absent cache means true).
	noCache bool
}

// Resolve reads whether cache was given as false: the bool alone cannot
// tell that from an absent parameter.
func (p *RunParams) Resolve(ctx huma.Context) []error {
	u := ctx.URL()
	p.noCache = u.Query().Get("cache") == "false"
	return nil
}

// RunQueryInput runs a saved query.
type RunQueryInput struct {
	QueryID string `path:"query_id" doc:"Id of query"`
	RunParams
}

// RunInlineQueryInput runs the query in its body.
type RunInlineQueryInput struct {
	RunParams
	Body model.Body[model.Query]
}

// RunURLEncodedQueryInput runs a query written in explore-URL syntax.
type RunURLEncodedQueryInput struct {
	ModelName    string `path:"model_name" doc:"Model name"`
	ViewName     string `path:"view_name" doc:"View name"`
	ResultFormat string `path:"result_format" doc:"The result format (json, csv, …)"`
	values       url.Values
}

// Resolve keeps the raw query string: its keys (f[view.field]) are not
// declarable parameters.
func (in *RunURLEncodedQueryInput) Resolve(ctx huma.Context) []error {
	u := ctx.URL()
	in.values = u.Query()
	return nil
}

func (b *Backend) createQuery(ctx context.Context, in *CreateQueryInput) (*Out[model.Query], error) {
	d := queryDefinition(in.Body.Value)
	if _, err := b.compileQuery(ctx, d, false); err != nil {
		return nil, err
	}
	q, err := queries.New(b.Store).Create(ctx, d, orZero(in.Body.Value.ClientID), overlook.PrincipalFrom(ctx).UserID())
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "query", strconv.FormatInt(q.ID, 10))
	return ok(b.queryWire(ctx, q))
}

func (b *Backend) query(ctx context.Context, in *QueryIDInput) (*Out[model.Query], error) {
	q, err := b.visibleQuery(ctx, in.QueryID)
	if err != nil {
		return nil, err
	}
	return ok(b.queryWire(ctx, q))
}

func (b *Backend) queryForSlug(ctx context.Context, in *QueryForSlugInput) (*Out[model.Query], error) {
	q, err := queries.New(b.Store).BySlug(ctx, in.Slug)
	if err == nil && !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), q.Model) {
		err = overlook.NotFound()
	}
	if err != nil {
		return nil, err
	}
	return ok(b.queryWire(ctx, q))
}

// visibleQuery finds a query by id; one over a model the caller cannot
// see is not found.
func (b *Backend) visibleQuery(ctx context.Context, param string) (*queries.Query, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "query", strconv.FormatInt(id, 10))
	q, err := queries.New(b.Store).Get(ctx, id)
	if err == nil && !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), q.Model) {
		err = overlook.NotFound()
	}
	return q, err
}

func (b *Backend) runQuery(ctx context.Context, in *RunQueryInput) (*huma.StreamResponse, error) {
	q, err := b.visibleQuery(ctx, in.QueryID)
	if err != nil {
		return nil, err
	}
	return b.run(ctx, q.Definition, q.ID, in.RunParams)
}

func (b *Backend) runInlineQuery(ctx context.Context, in *RunInlineQueryInput) (*huma.StreamResponse, error) {
	return b.run(ctx, queryDefinition(in.Body.Value), 0, in.RunParams)
}

func (b *Backend) runURLEncodedQuery(ctx context.Context, in *RunURLEncodedQueryInput) (*huma.StreamResponse, error) {
	d, err := queries.FromExploreURL(in.ModelName, in.ViewName, in.values)
	if err != nil {
		return nil, err
	}
	p := RunParams{ResultFormat: in.ResultFormat}
	p.ApplyFormatting = in.values.Get("apply_formatting") == "true"
	p.ApplyVis = in.values.Get("apply_vis") == "true"
	p.noCache = in.values.Get("cache") == "false"
	p.CacheOnly = in.values.Get("cache_only") == "true"
	return b.run(ctx, d, 0, p)
}

// compileQuery checks that the caller may see d's model and compiles d
// for the model's connection; 422s name the property at fault.
func (b *Backend) compileQuery(ctx context.Context, d queries.Definition, unlimited bool) (*compiledQuery, error) {
	if d.Model == "" {
		return nil, overlook.Invalid("model", "missing", "model is required")
	}
	if d.View == "" {
		return nil, overlook.Invalid("view", "missing", "view is required")
	}
	p := overlook.PrincipalFrom(ctx)
	m, served := b.Catalog.Model(d.Model)
	if !served || !b.Catalog.CanSee(p, d.Model) {
		return nil, overlook.NotFound()
	}
	if m.Explore(d.View) == nil {
		return nil, overlook.Invalid("view", "invalid", "the model has no explore %q", d.View)
	}
	attrs, err := b.userAttributes(ctx, p)
	if err != nil {
		return nil, err
	}
	eng, err := b.Connections.Engine(ctx, m.Connection)
	if err != nil {
		return nil, err
	}
	c, err := b.Plans.Compile(m, d, eng.Dialect(), compiler.Context{UserAttributes: attrs, Unlimited: unlimited})
	if err != nil {
		return nil, err
	}
	return &compiledQuery{eng: eng, c: c, model: m, attrs: attrs}, nil
}

type compiledQuery struct {
	eng   warehouse.Engine
	c     *compiler.Compiled
	model *semantic.Model
	attrs map[string]string
}

// run compiles d and streams its results in the format asked for, from
// the results cache when it may, and records the run in the history.
// Checks and compilation fail as ordinary errors; the database's refusal
// before the first row is still a Looker error body; a failure later ends
// the stream. queryID is 0 for a query not stored (yet).
func (b *Backend) run(ctx context.Context, d queries.Definition, queryID int64, p RunParams) (*huma.StreamResponse, error) {
	if isImageFormat(p.ResultFormat) {
		return b.runImage(ctx, d, queryID, p)
	}
	f, err := results.Resolve(p.ResultFormat)
	if err != nil {
		return nil, err
	}
	if !f.RunsQuery && !overlook.PrincipalFrom(ctx).Can("see_sql") {
		return nil, overlook.Errorf(overlook.EFORBIDDEN, "the sql format needs the see_sql permission")
	}
	if p.Limit != 0 {
		d.Limit = strconv.FormatInt(p.Limit, 10)
	}
	cq, err := b.compileQuery(ctx, d, true)
	if err != nil {
		return nil, err
	}
	opt := results.Options{ApplyFormatting: p.ApplyFormatting, ApplyVis: p.ApplyVis, Vis: visOf(d.VisConfig),
		SQL: cq.c.SQL, QueryID: idText(queryID), Timezone: d.QueryTimezone, Filters: d.Filters,
		FilterExpression: d.FilterExpression, RanAt: time.Now()}
	rs := b.runState()
	user := overlook.PrincipalFrom(ctx).UserID()
	pol := queries.CachePolicy{Bypass: p.noCache, Only: p.CacheOnly,
		MaxAge: queries.MaxAge(cq.model, queries.DefaultCacheMaxAge),
		Key: queries.KeyInput{Connection: cq.model.Connection, Compiled: cq.c, Format: f.Name, Options: opt,
			UserAttributes: cq.attrs}.Key(),
		// A run counts against the caller's running queries, like a task.
		Hold: func(ctx context.Context) (func(), error) { return b.Tasks.Hold(ctx, user) }}
	rec := history.Run{HistoryEntry: store.HistoryEntry{QueryID: queryID, UserID: user,
		Source: history.SourceAPI, ResultFormat: f.Name, ConnectionName: cq.model.Connection,
		Dialect: cq.eng.Dialect(), CreatedAt: opt.RanAt}}
	if queryID == 0 {
		rec.Query = &d
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		w := &lazyWriter{ctx: hctx, contentType: f.ContentType}
		// ctx is the request's: a client that goes away cancels the query.
		rows, hit, err := rs.cache.Run(ctx, cq.eng, cq.c, f, w, opt, pol)
		if err != nil && !w.started {
			writeLookerError(hctx, err)
		}
		rs.history.Record(finished(ctx, rec, rows, hit, err))
	}}, nil
}

// finished completes a history record with how the run ended.
func finished(ctx context.Context, rec history.Run, rows int, hit bool, err error) history.Run {
	rec.CompletedAt = time.Now()
	rec.Runtime = rec.CompletedAt.Sub(rec.CreatedAt)
	rec.Rows, rec.CacheHit, rec.Status = rows, hit, history.StatusComplete
	switch {
	case err != nil && ctx.Err() != nil:
		rec.Status = history.StatusCancelled
	case err != nil:
		rec.Status, rec.Message = history.StatusError, err.Error()
	}
	return rec
}

func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// lazyWriter sends the status and content type with the first byte, so an
// error found before then can still be answered as an error.
type lazyWriter struct {
	ctx         huma.Context
	contentType string
	started     bool
}

func (w *lazyWriter) Write(p []byte) (int, error) {
	if !w.started {
		w.started = true
		w.ctx.SetHeader("Content-Type", w.contentType)
		w.ctx.SetStatus(http.StatusOK)
	}
	return w.ctx.BodyWriter().Write(p)
}

// Flush pushes what was written to the client (results flushes per
// chunk); before the first byte there is nothing to push, and pushing would
// commit the status.
func (w *lazyWriter) Flush() {
	if !w.started {
		return
	}
	switch bw := w.ctx.BodyWriter().(type) {
	case http.Flusher:
		bw.Flush()
	case http.ResponseWriter:
		_ = http.NewResponseController(bw).Flush()
	}
}

var _ io.Writer = (*lazyWriter)(nil)

func writeLookerError(hctx huma.Context, err error) {
	le := apierr.From(err)
	hctx.SetHeader("Content-Type", "application/json")
	hctx.SetStatus(le.GetStatus())
	_ = json.NewEncoder(hctx.BodyWriter()).Encode(le)
}

// visOf reads the parts of vis_config the writers apply: hidden_fields and
// series_labels.
func visOf(cfg map[string]any) results.Vis {
	var v results.Vis
	if hidden, ok := cfg["hidden_fields"].([]any); ok {
		for _, h := range hidden {
			if s, ok := h.(string); ok {
				v.HiddenFields = append(v.HiddenFields, s)
			}
		}
	}
	if labels, ok := cfg["series_labels"].(map[string]any); ok {
		v.SeriesLabels = map[string]string{}
		for k, l := range labels {
			if s, ok := l.(string); ok {
				v.SeriesLabels[k] = s
			}
		}
	}
	return v
}

// queryDefinition reads a Query body.
func queryDefinition(q model.Query) queries.Definition {
	return queries.Definition{Model: orZero(q.Model), View: orZero(q.View), Fields: q.Fields, Pivots: q.Pivots,
		FillFields: q.FillFields, Filters: q.Filters, FilterExpression: orZero(q.FilterExpression), Sorts: q.Sorts,
		Limit: orZero(q.Limit), ColumnLimit: orZero(q.ColumnLimit), Total: orZero(q.Total), RowTotal: orZero(q.RowTotal),
		Subtotals: q.Subtotals, VisConfig: q.VisConfig, FilterConfig: q.FilterConfig,
		VisibleUISections: orZero(q.VisibleUISections), DynamicFields: orZero(q.DynamicFields),
		QueryTimezone: orZero(q.QueryTimezone)}
}

// queryWire answers a stored query with every property.
func (b *Backend) queryWire(ctx context.Context, q *queries.Query) model.Query {
	d := q.Definition
	rel := queries.ExploreURL(d)
	origin := b.origin(ctx)
	seeSQL := overlook.PrincipalFrom(ctx).Can("see_sql")
	return model.Query{ID: ptr(strconv.FormatInt(q.ID, 10)), Slug: ptr(q.Slug), ClientID: ptr(q.ClientID),
		Model: ptr(d.Model), View: ptr(d.View), Fields: d.Fields, Pivots: d.Pivots, FillFields: d.FillFields,
		Filters: d.Filters, FilterExpression: optText(d.FilterExpression), Sorts: d.Sorts, Limit: optText(d.Limit),
		ColumnLimit: optText(d.ColumnLimit), Total: ptr(d.Total), RowTotal: optText(d.RowTotal), Subtotals: d.Subtotals,
		VisConfig: d.VisConfig, FilterConfig: d.FilterConfig, VisibleUISections: optText(d.VisibleUISections),
		DynamicFields: optText(d.DynamicFields), QueryTimezone: optText(d.QueryTimezone),
		HasTableCalculations: ptr(strings.Contains(d.DynamicFields, "table_calculation")),
		URL:                  ptr(rel), ShareURL: ptr(origin + "/x/" + q.Slug), ExpandedShareURL: ptr(origin + rel),
		Can: map[string]bool{"run": true, "see_results": true, "explore": true, "create": true, "show": true,
			"cost_estimate": true, "index": true, "see_sql": seeSQL, "save": true, "download": true}}
}

// optText is nil for "" (Looker answers null for unset strings).
func optText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
