package looker40_test

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg" // decodes jpg results
	_ "image/png"  // decodes png results
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/render/rendertest"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/store"
)

type wireRenderTask struct {
	ID           string   `json:"id"`
	Status       string   `json:"status"`
	StatusDetail string   `json:"status_detail"`
	ResultFormat string   `json:"result_format"`
	Width        int64    `json:"width"`
	Height       int64    `json:"height"`
	QueryID      *string  `json:"query_id"`
	LookID       *string  `json:"look_id"`
	DashboardID  *string  `json:"dashboard_id"`
	UserID       string   `json:"user_id"`
	Runtime      *float64 `json:"runtime"`
}

// renderFixture is a dashboard with one tile over thelook's products, a
// look of the same query, in the shared folder; and a dashboard in the
// admin's personal folder, which the viewer cannot see.
type renderFixture struct {
	u                                 contentUsers
	query, look, dash, tile, closedID string
}

func newRenderFixture(t *testing.T, inst *servertest.Instance) renderFixture {
	t.Helper()
	thelookSQLite(t, inst)
	f := renderFixture{u: newContentUsers(t, inst)}
	admin := f.u.admin
	f.query = createQuery(t, inst, admin, brandCount(nil)).ID
	var look, d, closed wireItem
	want(t, inst, http.MethodPost, "/looks", admin, map[string]any{"title": "Brands", "query_id": f.query,
		"folder_id": f.u.sharedFolder}, http.StatusOK, &look)
	want(t, inst, http.MethodPost, "/dashboards", admin, map[string]any{"title": "Brands", "folder_id": f.u.sharedFolder},
		http.StatusOK, &d)
	var e wireElement
	want(t, inst, http.MethodPost, "/dashboard_elements", admin, map[string]any{"dashboard_id": d.ID, "type": "vis",
		"query_id": f.query}, http.StatusOK, &e)
	want(t, inst, http.MethodPost, "/dashboards", admin, map[string]any{"title": "Mine", "folder_id": f.u.adminFolder},
		http.StatusOK, &closed)
	want(t, inst, http.MethodGet, "/dashboards/"+closed.ID, f.u.viewer, nil, http.StatusNotFound, nil)
	f.look, f.dash, f.tile, f.closedID = look.ID, d.ID, e.ID, closed.ID
	return f
}

func TestRenderTaskRefusals(t *testing.T) {
	inst := servertest.Start(t)
	f := newRenderFixture(t, inst)
	size := "?width=400&height=300"
	cases := []struct {
		name, path, token string
		status            int
		names             string
	}{
		{"unknown format", "/render_tasks/queries/" + f.query + "/gif" + size, f.u.admin, 422, "result_format"},
		{"pdf of a look", "/render_tasks/looks/" + f.look + "/pdf" + size, f.u.admin, 422, "result_format"},
		{"too narrow", "/render_tasks/dashboards/" + f.dash + "/png?width=2&height=300", f.u.admin, 422, "width"},
		{"too tall", "/render_tasks/dashboard_elements/" + f.tile + "/png?width=400&height=90000", f.u.admin, 422, "height"},
		{"no width", "/render_tasks/queries/" + f.query + "/png?height=300", f.u.admin, 422, "width"},
		{"paper size", "/render_tasks/dashboards/" + f.dash + "/pdf" + size + "&pdf_paper_size=napkin", f.u.admin, 422,
			"pdf_paper_size"},
		{"no such look", "/render_tasks/looks/99999/png" + size, f.u.admin, 404, ""},
		{"dashboard the caller cannot see", "/render_tasks/dashboards/" + f.closedID + "/png" + size, f.u.viewer, 404, ""},
		{"lookml dashboard", "/render_tasks/dashboards/thelook::overview/png" + size, f.u.admin, 404, ""},
	}
	for _, c := range cases {
		res := inst.Do(t, http.MethodPost, api+c.path, c.token, map[string]any{})
		if res.Status != c.status || !strings.Contains(string(res.Body), c.names) || !strings.Contains(string(res.Body), `"message"`) {
			t.Errorf("%s: %d %s, want %d naming %q", c.name, res.Status, res.Body, c.status, c.names)
		}
	}
}

func TestRenderTaskPendingAndOwned(t *testing.T) {
	inst := servertest.Start(t)
	f := newRenderFixture(t, inst)
	var me struct {
		ID string `json:"id"`
	}
	getJSON(t, inst, f.u.admin, "/user", &me)
	// A task stored as enqueued, as another node would have left it.
	task := &store.RenderTask{ID: "pending1", UserID: mustID(t, me.ID), ResultFormat: "png", Width: 100, Height: 100,
		QueryID: f.query}
	if err := inst.Server.Store.CreateRenderTask(context.Background(), task); err != nil {
		t.Fatal(err)
	}
	res := want(t, inst, http.MethodGet, "/render_tasks/pending1/results", f.u.admin, nil, http.StatusAccepted, nil)
	if res.Header.Get("Retry-After") == "" || len(res.Body) != 0 {
		t.Errorf("pending results: headers %v body %q", res.Header, res.Body)
	}
	var got wireRenderTask
	want(t, inst, http.MethodGet, "/render_tasks/pending1", f.u.admin, nil, http.StatusOK, &got)
	if got.Status != "enqueued_for_query" || got.Width != 100 || got.QueryID == nil || *got.QueryID != f.query || got.Runtime != nil {
		t.Errorf("pending task %+v", got)
	}
	for _, path := range []string{"/render_tasks/pending1", "/render_tasks/pending1/results", "/render_tasks/nope"} {
		want(t, inst, http.MethodGet, path, f.u.viewer, nil, http.StatusNotFound, nil)
	}
}

// TestRenderTasksDraw renders a query, a look and a tile to png and jpg
// and a dashboard to pdf, through the browser.
func TestRenderTasksDraw(t *testing.T) {
	rendertest.RequireBrowser(t)
	inst := servertest.Start(t)
	f := newRenderFixture(t, inst)
	cases := []struct{ path, format, contentType string }{
		{"/render_tasks/queries/" + f.query, "png", "image/png"},
		{"/render_tasks/looks/" + f.look, "jpg", "image/jpeg"},
		{"/render_tasks/dashboard_elements/" + f.tile, "png", "image/png"},
		{"/render_tasks/dashboards/" + f.dash, "jpg", "image/jpeg"},
		{"/render_tasks/dashboards/" + f.dash, "pdf", "application/pdf"},
	}
	for _, c := range cases {
		var task wireRenderTask
		want(t, inst, http.MethodPost, c.path+"/"+c.format+"?width=640&height=480", f.u.viewer, map[string]any{},
			http.StatusOK, &task)
		if task.ResultFormat != c.format || task.Width != 640 || task.ID == "" {
			t.Fatalf("%s: created %+v", c.path, task)
		}
		task = pollRender(t, inst, f.u.viewer, task.ID)
		if task.Status != "success" || task.Runtime == nil {
			t.Fatalf("%s %s: %+v", c.path, c.format, task)
		}
		res := want(t, inst, http.MethodGet, "/render_tasks/"+task.ID+"/results", f.u.viewer, nil, http.StatusOK, nil)
		if ct := res.Header.Get("Content-Type"); ct != c.contentType {
			t.Fatalf("%s: content type %q", c.path, ct)
		}
		if c.format == "pdf" {
			if !bytes.HasPrefix(res.Body, []byte("%PDF")) {
				t.Fatalf("pdf starts %.10q", res.Body)
			}
			continue
		}
		img, _, err := image.Decode(bytes.NewReader(res.Body))
		if err != nil || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 480 {
			t.Fatalf("%s: %v", c.path, err)
		}
	}
}

func pollRender(t *testing.T, inst *servertest.Instance, token, id string) wireRenderTask {
	t.Helper()
	var task wireRenderTask
	deadline := time.Now().Add(2 * time.Minute) // a safety net, not a measure
	for time.Now().Before(deadline) {
		want(t, inst, http.MethodGet, "/render_tasks/"+id, token, nil, http.StatusOK, &task)
		if task.Status == "success" || task.Status == "failure" {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return task
}

// run_query, run_look and a tile's run answer png and jpg too, drawn
// while the client waits.
func TestRunAsImage(t *testing.T) {
	rendertest.RequireBrowser(t)
	inst := servertest.Start(t)
	f := newRenderFixture(t, inst)
	cases := []struct {
		path        string
		w, h        int
		contentType string
	}{
		{"/queries/" + f.query + "/run/png?image_width=320&image_height=200", 320, 200, "image/png"},
		{"/looks/" + f.look + "/run/jpg", 800, 600, "image/jpeg"},
		{"/dashboard_elements/" + f.tile + "/run/png?image_width=500&image_height=500", 500, 500, "image/png"},
	}
	for _, c := range cases {
		res := want(t, inst, http.MethodGet, c.path, f.u.viewer, nil, http.StatusOK, nil)
		img, _, err := image.Decode(bytes.NewReader(res.Body))
		if err != nil || res.Header.Get("Content-Type") != c.contentType || img.Bounds().Dx() != c.w || img.Bounds().Dy() != c.h {
			t.Errorf("%s: %v %s", c.path, err, res.Header.Get("Content-Type"))
		}
	}
}
