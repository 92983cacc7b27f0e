package looker40

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// Running queries are the query tasks waiting or running on this node: a
// task running on another node is neither listed nor killed from here.
// Listing them needs see_queries, as in Looker; a user may kill their own
// task, and a holder of see_queries anyone's.

func init() { register(registerRunningQueries) }

func registerRunningQueries(api huma.API, b *Backend) {
	handle(api, op{ID: "all_running_queries", Method: http.MethodGet, Path: "/running_queries", Tag: tagQuery,
		Perm: "see_queries", Summary: "The query tasks in flight on this node"}, b.allRunningQueries)
	handle(api, op{ID: "kill_query", Method: http.MethodDelete, Path: "/running_queries/{query_task_id}",
		Tag: tagQuery, Perm: "access_data", Summary: "Stop a query task in flight", Status: http.StatusNoContent},
		b.killQuery)
}

func (b *Backend) allRunningQueries(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.RunningQueries], error) {
	seeSQL := overlook.PrincipalFrom(ctx).Can("see_sql")
	out := []model.RunningQueries{}
	for _, rt := range b.Tasks.Running() {
		out = append(out, b.runningWire(ctx, rt, seeSQL))
	}
	return ok(out)
}

func (b *Backend) runningWire(ctx context.Context, rt queries.RunningTask, seeSQL bool) model.RunningQueries {
	w := model.RunningQueries{ID: ptr(rt.TaskID), QueryTaskID: ptr(rt.TaskID),
		QueryID: ptr(strconv.FormatInt(rt.QueryID, 10)), Source: optText(rt.Source), Status: ptr(rt.Status),
		ConnectionName: ptr(rt.Connection), Dialect: ptr(rt.Dialect), Runtime: ptr(0.0),
		CreatedAt: ptr(rt.CreatedAt.Format(time.RFC3339)), User: b.runningUser(ctx, rt.UserID),
		Can: map[string]bool{"kill": true}}
	if rt.Status == store.QueryTaskRunning {
		w.Runtime = ptr(time.Since(rt.StartedAt).Seconds())
	}
	if seeSQL {
		w.SQL = ptr(rt.SQL)
	}
	if q, err := queries.New(b.Store).Get(ctx, rt.QueryID); err == nil {
		qw := b.queryWire(ctx, q)
		w.Query, w.Slug = &qw, ptr(q.Slug)
	}
	return w
}

// runningUser is the public face of a task's user (just the id if the
// user is gone).
func (b *Backend) runningUser(ctx context.Context, id int64) *model.UserPublic {
	u := &model.UserPublic{ID: ptr(strconv.FormatInt(id, 10))}
	if user, err := b.Store.User(ctx, id); err == nil {
		name := user.FirstName + " " + user.LastName
		u.FirstName, u.LastName, u.DisplayName = ptr(user.FirstName), ptr(user.LastName), ptr(name)
	}
	return u
}

func (b *Backend) killQuery(ctx context.Context, in *QueryTaskIDInput) (*Empty, error) {
	requestinfo.SetObject(ctx, "query_task", in.QueryTaskID)
	p := overlook.PrincipalFrom(ctx)
	if err := b.Tasks.Kill(in.QueryTaskID, p.UserID(), p.Can("see_queries")); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}
