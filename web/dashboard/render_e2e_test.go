package dashboard_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/render/rendertest"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/store/storetest"
	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/web/dashboard"
)

const api = "/api/4.0"

// startWithDemo starts a node whose thelook connection is a PostgreSQL
// database holding a small demo (the seeded dashboards run on it).
func startWithDemo(t *testing.T) *servertest.Instance {
	t.Helper()
	url := storetest.PostgresDatabase(t, storetest.PostgresAdmin(t))
	ctx := context.Background()
	if err := demo.LoadURL(ctx, url, demo.Options{Scale: 0.002}.Defaults(time.Now), nil); err != nil {
		t.Fatal(err)
	}
	cfg, err := warehouse.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Name = "thelook"
	inst := servertest.Start(t)
	if err := inst.Server.Connections.AddStatic(cfg); err != nil {
		t.Fatal(err)
	}
	return inst
}

type renderTask struct {
	ID            string   `json:"id"`
	Status        string   `json:"status"`
	StatusDetail  string   `json:"status_detail"`
	QueryRuntime  *float64 `json:"query_runtime"`
	RenderRuntime *float64 `json:"render_runtime"`
}

// renderThrough creates a render task with a POST to path, polls it until
// it ends, and returns its result and content type.
func renderThrough(t *testing.T, inst *servertest.Instance, token, path string, body any) ([]byte, string) {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+path, token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("POST %s: %d %s", path, res.Status, res.Body)
	}
	var task renderTask
	res.JSON(t, &task)
	deadline := time.Now().Add(2 * time.Minute) // a safety net, not a measure
	for task.Status != "success" && task.Status != "failure" && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		inst.Do(t, http.MethodGet, api+"/render_tasks/"+task.ID, token, nil).JSON(t, &task)
	}
	if task.Status != "success" || task.QueryRuntime == nil || task.RenderRuntime == nil {
		t.Fatalf("render %s: %+v", path, task)
	}
	t.Logf("%s: queries %.2fs, drawing %.2fs", path, *task.QueryRuntime, *task.RenderRuntime)
	out := inst.Do(t, http.MethodGet, api+"/render_tasks/"+task.ID+"/results", token, nil)
	if out.Status != http.StatusOK {
		t.Fatalf("results: %d %s", out.Status, out.Body)
	}
	return out.Body, out.Header.Get("Content-Type")
}

// component is a tile's place in a dashboard layout, as the API shows it.
type component struct {
	ID     string `json:"id"`
	Row    int64  `json:"row"`
	Column int64  `json:"column"`
	Width  int64  `json:"width"`
	Height int64  `json:"height"`
}

// activeComponents reads the active layout's components of a dashboard.
func activeComponents(t *testing.T, inst *servertest.Instance, token, id string) []component {
	t.Helper()
	var layouts []struct {
		Active     bool        `json:"active"`
		Components []component `json:"dashboard_layout_components"`
	}
	inst.Do(t, http.MethodGet, api+"/dashboards/"+id+"/dashboard_layouts", token, nil).JSON(t, &layouts)
	for _, l := range layouts {
		if l.Active {
			return l.Components
		}
	}
	return nil
}

// addTiles adds a pie, a single value and a text tile to a dashboard.
func addTiles(t *testing.T, inst *servertest.Instance, token, id string) {
	t.Helper()
	for _, q := range []map[string]any{
		{"fields": []string{"order_items.status", "order_items.count"}, "vis_config": map[string]any{"type": "looker_pie"}},
		{"fields": []string{"order_items.count"}, "vis_config": map[string]any{"type": "single_value"}},
	} {
		q["model"], q["view"] = "thelook", "order_items"
		var created struct {
			ID string `json:"id"`
		}
		inst.Do(t, http.MethodPost, api+"/queries", token, q).JSON(t, &created)
		tile := map[string]any{"dashboard_id": id, "type": "vis", "query_id": created.ID, "title": q["vis_config"].(map[string]any)["type"]}
		if res := inst.Do(t, http.MethodPost, api+"/dashboard_elements", token, tile); res.Status != http.StatusOK {
			t.Fatalf("add tile: %d %s", res.Status, res.Body)
		}
	}
	text := map[string]any{"dashboard_id": id, "type": "text", "title_text": "Notes",
		"body_text": "Revenue and order items by status, from the demo data."}
	if res := inst.Do(t, http.MethodPost, api+"/dashboard_elements", token, text); res.Status != http.StatusOK {
		t.Fatalf("add text tile: %d %s", res.Status, res.Body)
	}
}

// arrange places five tiles on the grid: two wide charts above three
// narrower tiles.
func arrange(t *testing.T, inst *servertest.Instance, token string, comps []component) []dashboard.Cell {
	t.Helper()
	places := []dashboard.Cell{{Row: 0, Column: 0, Width: 12, Height: 8}, {Row: 0, Column: 12, Width: 12, Height: 8},
		{Row: 8, Column: 0, Width: 8, Height: 6}, {Row: 8, Column: 8, Width: 8, Height: 6}, {Row: 8, Column: 16, Width: 8, Height: 6}}
	if len(comps) != len(places) {
		t.Fatalf("layout has %d components, want %d", len(comps), len(places))
	}
	for i, c := range comps {
		p := places[i]
		body := map[string]any{"row": p.Row, "column": p.Column, "width": p.Width, "height": p.Height}
		if res := inst.Do(t, http.MethodPatch, api+"/dashboard_layout_components/"+c.ID, token, body); res.Status != http.StatusOK {
			t.Fatalf("move tile: %d %s", res.Status, res.Body)
		}
	}
	return places
}

// TestRenderSeededDashboard draws a seeded dashboard (two charts, plus a
// pie, a single value and a text tile added here, arranged in two rows)
// through the API at two sizes: each PNG is exactly
// the asked size with ink in every tile's rectangle; the PDF has a page.
func TestRenderSeededDashboard(t *testing.T) {
	rendertest.RequireBrowser(t)
	inst := startWithDemo(t)
	admin := inst.AdminToken(t)
	var found []struct {
		ID string `json:"id"`
	}
	inst.Do(t, http.MethodGet, api+"/dashboards/search?title=Sales%20Overview", admin, nil).JSON(t, &found)
	if len(found) != 1 {
		t.Fatalf("seeded dashboard: %v", found)
	}
	id := found[0].ID
	addTiles(t, inst, admin, id)
	cells := arrange(t, inst, admin, activeComponents(t, inst, admin, id))
	for i, c := range activeComponents(t, inst, admin, id) {
		if got := (dashboard.Cell{Row: c.Row, Column: c.Column, Width: c.Width, Height: c.Height}); got != cells[i] {
			t.Fatalf("component %d reads back as %+v", i, got)
		}
	}
	for _, size := range [][2]int64{{1200, 900}, {800, 1400}} {
		path := fmt.Sprintf("/render_tasks/dashboards/%s/png?width=%d&height=%d", id, size[0], size[1])
		data, ct := renderThrough(t, inst, admin, path, map[string]any{"dashboard_style": "tiled"})
		if ct != "image/png" {
			t.Fatalf("content type %q", ct)
		}
		dashboard.CheckPNG(t, data, size[0], size[1], dashboard.Layout(cells, size[0], size[1]))
		saveImage(t, fmt.Sprintf("sales-overview-%dx%d.png", size[0], size[1]), data)
	}
	path := fmt.Sprintf("/render_tasks/dashboards/%s/pdf?width=1200&height=900&pdf_paper_size=a4&pdf_landscape=true", id)
	data, ct := renderThrough(t, inst, admin, path, map[string]any{"dashboard_filters": "Status=Complete"})
	if ct != "application/pdf" || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("pdf: %q %.20q", ct, data)
	}
	if n := bytes.Count(data, []byte("/Type /Page\n")) + bytes.Count(data, []byte("/Type /Page\r")) +
		bytes.Count(data, []byte("/Type /Page>")) + bytes.Count(data, []byte("/Type /Page/")); n < 1 {
		t.Fatalf("the pdf has no page object (%d bytes)", len(data))
	}
}

// saveImage keeps an image under testdata/out (git-ignored) to look at.
func saveImage(t *testing.T, name string, data []byte) {
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err == nil {
		err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		if err != nil {
			t.Log(err)
		}
	}
}
