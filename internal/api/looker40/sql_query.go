package looker40

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/store"
)

// The SQL Runner: a user's own SQL for a connection, stored under a slug
// and run in any result format. It needs use_sql_runner. The
// system__activity connection (the metadata database) does not exist for
// it: naming it is a 404, as for any connection the caller cannot see.

func init() { register(registerSQLQuery) }

func registerSQLQuery(api huma.API, b *Backend) {
	handle(api, op{ID: "create_sql_query", Method: http.MethodPost, Path: "/sql_queries", Tag: tagQuery,
		Perm: "use_sql_runner", Summary: "Save SQL text for the SQL Runner"}, b.createSQLQuery)
	handle(api, op{ID: "sql_query", Method: http.MethodGet, Path: "/sql_queries/{slug}", Tag: tagQuery,
		Perm: "use_sql_runner", Summary: "Get a SQL Runner query by its slug"}, b.sqlQuery)
	handle(api, op{ID: "run_sql_query", Method: http.MethodPost, Path: "/sql_queries/{slug}/run/{result_format}",
		Tag: tagQuery, Perm: "use_sql_runner", Summary: "Run a SQL Runner query", Customize: resultContent},
		b.runSQLQuery)
}

// CreateSQLQueryInput is the SQL and where it runs.
type CreateSQLQueryInput struct {
	Body model.Body[model.SqlQueryCreate]
}

// SQLQuerySlugInput names a SQL Runner query.
type SQLQuerySlugInput struct {
	Slug string `path:"slug" doc:"Slug of the SQL Runner query"`
}

// RunSQLQueryInput runs a SQL Runner query.
type RunSQLQueryInput struct {
	Slug         string `path:"slug" doc:"Slug of the SQL Runner query"`
	ResultFormat string `path:"result_format" doc:"The result format (json, csv, …)"`
	Download     string `query:"download" doc:"When set (true), answer as a file download"`
}

func (b *Backend) createSQLQuery(ctx context.Context, in *CreateSQLQueryInput) (*Out[model.SqlQuery], error) {
	body := in.Body.Value
	conn, err := b.sqlRunnerTarget(ctx, sqlConnectionName(body), orZero(body.ModelName))
	if err != nil {
		return nil, err
	}
	q := &queries.SQLQuery{Connection: conn.Name, Model: orZero(body.ModelName), SQL: orZero(body.SQL),
		VisConfig: body.VisConfig, UserID: overlook.PrincipalFrom(ctx).UserID()}
	if err := queries.New(b.Store).CreateSQL(ctx, q); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "sql_query", q.Slug)
	return ok(b.sqlQueryWire(ctx, q, conn))
}

func (b *Backend) sqlQuery(ctx context.Context, in *SQLQuerySlugInput) (*Out[model.SqlQuery], error) {
	q, conn, err := b.loadSQLQuery(ctx, in.Slug)
	if err != nil {
		return nil, err
	}
	return ok(b.sqlQueryWire(ctx, q, conn))
}

func (b *Backend) runSQLQuery(ctx context.Context, in *RunSQLQueryInput) (*huma.StreamResponse, error) {
	f, err := results.Resolve(in.ResultFormat)
	if err != nil {
		return nil, err
	}
	q, conn, err := b.loadSQLQuery(ctx, in.Slug)
	if err != nil {
		return nil, err
	}
	eng, err := b.Connections.Engine(ctx, conn.Name)
	if err != nil {
		return nil, err
	}
	ranAt := time.Now()
	// Every run started counts (last_run_at, run_count); a failure to
	// count is not the client's.
	_ = queries.New(b.Store).RecordSQLRun(ctx, q.ID, ranAt)
	opt := results.Options{SQL: q.SQL, RanAt: ranAt}
	user := overlook.PrincipalFrom(ctx).UserID()
	rec := history.Run{HistoryEntry: store.HistoryEntry{UserID: user, Source: history.SourceSQLRunner,
		ResultFormat: f.Name, ConnectionName: conn.Name, Dialect: eng.Dialect(), CreatedAt: ranAt}}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		w := &lazyWriter{ctx: hctx, contentType: f.ContentType}
		out := &downloadWriter{lazyWriter: w, filename: downloadName(in.Download, q.Slug, f)}
		// The run counts against the caller's running queries, like a task.
		release, err := b.Tasks.Hold(ctx, user)
		if err != nil {
			writeLookerError(hctx, err)
			return
		}
		defer release()
		// ctx is the request's: a client that goes away cancels the query.
		rows, err := queries.RunSQL(ctx, eng, q.SQL, f, out, opt)
		if err != nil && !w.started {
			writeLookerError(hctx, err)
		}
		b.History.Record(finished(ctx, rec, rows, false, err))
	}}, nil
}

// sqlConnectionName is the connection a body names (connection_id is
// Looker's older name for it).
func sqlConnectionName(body model.SqlQueryCreate) string {
	if name := orZero(body.ConnectionName); name != "" {
		return name
	}
	return orZero(body.ConnectionID)
}

// sqlRunnerTarget resolves where SQL runs: the named connection, else the
// model's. A model the caller cannot see, an unknown connection and the
// system connection are 404s; naming neither is a 422.
func (b *Backend) sqlRunnerTarget(ctx context.Context, connName, modelName string) (*connections.Connection, error) {
	if modelName != "" {
		m, served := b.Catalog.Model(modelName)
		if !served || !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), modelName) {
			return nil, overlook.NotFound()
		}
		if connName == "" {
			connName = m.Connection
		} else if connName != m.Connection {
			return nil, overlook.Invalid("connection_name", "invalid",
				"model %q runs on connection %q, not %q", modelName, m.Connection, connName)
		}
	}
	if connName == "" {
		return nil, overlook.Invalid("connection_name", "missing", "connection_name or model_name is required")
	}
	if connections.IsSystem(connName) {
		return nil, overlook.NotFound()
	}
	return b.loadConnection(ctx, connName)
}

// loadSQLQuery finds a SQL Runner query and checks that its connection
// (and model, if any) is still there for the caller.
func (b *Backend) loadSQLQuery(ctx context.Context, slug string) (*queries.SQLQuery, *connections.Connection, error) {
	q, err := queries.New(b.Store).SQLBySlug(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	conn, err := b.sqlRunnerTarget(ctx, q.Connection, q.Model)
	if err != nil {
		return nil, nil, err
	}
	requestinfo.SetObject(ctx, "sql_query", q.Slug)
	return q, conn, nil
}

// sqlQueryWire answers a SQL Runner query.
func (b *Backend) sqlQueryWire(ctx context.Context, q *queries.SQLQuery, c *connections.Connection) model.SqlQuery {
	conn := &model.DBConnectionBase{Name: ptr(c.Name), PdtsEnabled: ptr(false), Snippets: []model.Snippet{},
		Can: map[string]bool{"index": true, "show": true}}
	if d, found := connections.LookupDialect(c.Dialect); found {
		conn.Dialect = dialectWire(d)
	}
	vis := q.VisConfig
	if vis == nil {
		vis = map[string]any{}
	}
	return model.SqlQuery{Slug: ptr(q.Slug), SQL: ptr(q.SQL), Connection: conn, ModelName: optText(q.Model),
		LastRunAt: timeString(q.LastRunAt), RunCount: ptr(q.RunCount), Plaintext: ptr(false),
		BrowserLimit: ptr(int64(5000)), VisConfig: vis, Creator: b.creatorWire(ctx, q.UserID),
		Can: map[string]bool{"run": true, "download": true, "show": true}}
}

// creatorWire is the public face of the query's author; nil when the user
// is gone.
func (b *Backend) creatorWire(ctx context.Context, userID int64) *model.UserPublic {
	if userID == 0 {
		return nil
	}
	u, err := b.Store.User(ctx, userID)
	if err != nil {
		return nil
	}
	return &model.UserPublic{ID: idString(u.ID), FirstName: ptr(u.FirstName), LastName: ptr(u.LastName),
		DisplayName: ptr(u.DisplayName()), Can: map[string]bool{}}
}

// downloadName is the attachment's file name when download is asked for
// ("true" or "1"), else "".
func downloadName(download, slug string, f results.Format) string {
	if v, err := strconv.ParseBool(download); err != nil || !v {
		return ""
	}
	return "sql_runner_" + slug + "." + f.Extension
}

// downloadWriter adds Content-Disposition with the first byte, so an
// error answered instead of results carries none.
type downloadWriter struct {
	*lazyWriter
	filename string
}

func (w *downloadWriter) Write(p []byte) (int, error) {
	if !w.started && w.filename != "" {
		w.ctx.SetHeader("Content-Disposition", `attachment; filename="`+w.filename+`"`)
	}
	return w.lazyWriter.Write(p)
}
