package store_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// taskOwner stores a user and a query for tasks to run.
func taskOwner(t *testing.T, st *store.Store) (userID, queryID int64) {
	t.Helper()
	ctx := context.Background()
	if err := st.EnsureRootFolders(ctx); err != nil {
		t.Fatal(err)
	}
	u := &overlook.User{FirstName: "Owner"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	q := &store.Query{Slug: "s1", Hash: "h1", Model: "thelook", View: "products", Fields: `[]`, Pivots: `[]`,
		FillFields: `[]`, Filters: `{}`, Sorts: `[]`, Subtotals: `[]`, VisConfig: `{}`, FilterConfig: `{}`}
	if err := st.CreateQuery(ctx, q); err != nil {
		t.Fatal(err)
	}
	return u.ID, q.ID
}

func TestQueryTasks(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			user, query := taskOwner(t, st)
			task := &store.QueryTask{ID: "t1", QueryID: query, UserID: user, ResultFormat: "csv", Source: "api"}
			if err := st.CreateQueryTask(ctx, task); err != nil || task.Status != store.QueryTaskAdded || task.CreatedAt.IsZero() {
				t.Fatalf("create: %v %+v", err, task)
			}
			if err := st.CreateQueryTask(ctx, &store.QueryTask{ID: "t1", QueryID: query, UserID: user}); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("taken id: %v, want conflict", err)
			}
			if err := st.StartQueryTask(ctx, "t1"); err != nil {
				t.Fatal(err)
			}
			if err := st.StartQueryTask(ctx, "t1"); !overlook.IsNotFound(err) {
				t.Errorf("starting a running task: %v, want not found", err)
			}
			body := []byte("a,b\n1,\x002\n")
			done := &store.QueryTask{ID: "t1", Status: store.QueryTaskComplete, Runtime: 1.5}
			if err := st.FinishQueryTask(ctx, done, &store.QueryTaskResult{ContentType: "text/csv", Body: body}); err != nil {
				t.Fatal(err)
			}
			got, err := st.QueryTaskByID(ctx, "t1")
			if err != nil || got.Status != store.QueryTaskComplete || got.Runtime != 1.5 || got.StartedAt == nil ||
				got.FinishedAt == nil || got.UserID != user || got.QueryID != query || got.Source != "api" {
				t.Fatalf("read back: %v %+v", err, got)
			}
			res, err := st.QueryTaskResultByID(ctx, "t1")
			if err != nil || !bytes.Equal(res.Body, body) || res.ContentType != "text/csv" {
				t.Fatalf("result: %v %+v", err, res)
			}
			if _, err := st.QueryTaskByID(ctx, "nope"); !overlook.IsNotFound(err) {
				t.Errorf("unknown task: %v", err)
			}
			if n, err := st.ExpireQueryTasks(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
				t.Errorf("expire nothing: %d %v", n, err)
			}
			if n, err := st.ExpireQueryTasks(ctx, time.Now().Add(time.Second)); err != nil || n != 1 {
				t.Errorf("expire: %d %v", n, err)
			}
			if got, _ := st.QueryTaskByID(ctx, "t1"); got.Status != store.QueryTaskExpired {
				t.Errorf("after expiry: %+v", got)
			}
			if _, err := st.QueryTaskResultByID(ctx, "t1"); !overlook.IsNotFound(err) {
				t.Errorf("expired result: %v", err)
			}
		})
	}
}
