package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() {
	add("RenderTaskLifecycle", testRenderTaskLifecycle)
	add("OldRenderTasksAreDeleted", testRenderTasksDeleted)
}

func testRenderTaskLifecycle(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Ren", "Der")
	task := &store.RenderTask{ID: "r1", UserID: u.ID, ResultFormat: "png", Width: 800, Height: 600, DashboardID: "7",
		DashboardFilters: "State=Texas", DashboardStyle: "tiled"}
	if err := st.CreateRenderTask(ctx, task); err != nil || task.Status != store.RenderEnqueued || task.Options != "{}" {
		t.Fatalf("create: %v %+v", err, task)
	}
	wantCode(t, st.CreateRenderTask(ctx, &store.RenderTask{ID: "r1", UserID: u.ID}), overlook.ECONFLICT)
	if err := st.SetRenderTaskStatus(ctx, "r1", store.RenderRendering, 0.5); err != nil {
		t.Fatal(err)
	}
	_, err := st.RenderTaskResultByID(ctx, "r1")
	wantCode(t, err, overlook.ENOTFOUND)
	task.Status, task.RenderRuntime, task.Runtime = store.RenderSuccess, 1.5, 2
	body := []byte("\x89PNG\r\n\x1a\n\x00\xff")
	if err := st.FinishRenderTask(ctx, task, &store.RenderTaskResult{ContentType: "image/png", Body: body}); err != nil {
		t.Fatal(err)
	}
	got, err := st.RenderTaskByID(ctx, "r1")
	if err != nil || got.Status != store.RenderSuccess || got.FinalizedAt == nil || got.Width != 800 ||
		got.DashboardFilters != "State=Texas" || got.QueryRuntime != 0 || got.Runtime != 2 {
		t.Fatalf("read back: %v %+v", err, got)
	}
	res, err := st.RenderTaskResultByID(ctx, "r1")
	if err != nil || res.ContentType != "image/png" || string(res.Body) != string(body) {
		t.Fatalf("result: %v %+v", err, res)
	}
	// A finished task keeps its status.
	wantCode(t, st.SetRenderTaskStatus(ctx, "r1", store.RenderQuerying, 0), overlook.ENOTFOUND)
	_, err = st.RenderTaskByID(ctx, "nope")
	wantCode(t, err, overlook.ENOTFOUND)
}

func testRenderTasksDeleted(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Old", "Render")
	task := &store.RenderTask{ID: "old", UserID: u.ID, ResultFormat: "pdf", Width: 10, Height: 10, QueryID: "1"}
	if err := st.CreateRenderTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	task.Status = store.RenderFailure
	if err := st.FinishRenderTask(ctx, task, &store.RenderTaskResult{ContentType: "application/pdf", Body: []byte("%PDF")}); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DeleteRenderTasks(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
		t.Fatalf("nothing is that old: %d %v", n, err)
	}
	stuck := &store.RenderTask{ID: "stuck", UserID: u.ID, ResultFormat: "png", Width: 10, Height: 10, QueryID: "1"}
	if err := st.CreateRenderTask(ctx, stuck); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DeleteRenderTasks(ctx, time.Now().Add(time.Hour)); err != nil || n != 2 {
		t.Fatalf("delete: %d %v", n, err)
	}
	_, err := st.RenderTaskResultByID(ctx, "old")
	wantCode(t, err, overlook.ENOTFOUND)
}
