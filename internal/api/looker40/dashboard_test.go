package looker40_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

type wireListen struct {
	DashboardFilterName string `json:"dashboard_filter_name"`
	Field               string `json:"field"`
}

type wireElement struct {
	ID          string `json:"id"`
	DashboardID string `json:"dashboard_id"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	TitleText   string `json:"title_text"`
	Subtitle    string `json:"subtitle_text"`
	BodyText    string `json:"body_text"`
	QueryID     string `json:"query_id"`
	ResultMaker *struct {
		Filterables []struct {
			Listen []wireListen `json:"listen"`
		} `json:"filterables"`
	} `json:"result_maker"`
}

type wireComponent struct {
	ID        string `json:"id"`
	ElementID string `json:"dashboard_element_id"`
	Row       int64  `json:"row"`
	Width     int64  `json:"width"`
}

type wireDashboard struct {
	wireItem
	BackgroundColor string           `json:"background_color"`
	Filters         []map[string]any `json:"dashboard_filters"`
	Elements        []wireElement    `json:"dashboard_elements"`
	Layouts         []struct {
		ID         string          `json:"id"`
		Active     bool            `json:"active"`
		Components []wireComponent `json:"dashboard_layout_components"`
	} `json:"dashboard_layouts"`
}

// sdkTestData is the dashboard of the official SDK tests' data file.
type sdkTestData struct {
	Dashboards []struct {
		Title           string           `json:"title"`
		BackgroundColor string           `json:"background_color"`
		Filters         []map[string]any `json:"filters"`
		Tiles           []map[string]any `json:"tiles"`
	} `json:"dashboards"`
}

func readSDKTestData(t *testing.T) sdkTestData {
	t.Helper()
	raw, err := os.ReadFile("../../../../shared/reference/sdk-test-data.json")
	if err != nil {
		t.Skip("sdk-test-data.json not found:", err)
	}
	var d sdkTestData
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// The dashboard of the SDK tests' data, created the way the SDK tests do,
// reads back equal, with a layout component per tile.
func TestDashboardOfSDKTestData(t *testing.T) {
	data := readSDKTestData(t).Dashboards[0]
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	u := newContentUsers(t, inst)
	q := createQuery(t, inst, u.admin, brandCount(nil))

	var d wireDashboard
	want(t, inst, http.MethodPost, "/dashboards", u.admin, map[string]any{"title": data.Title,
		"background_color": data.BackgroundColor, "folder_id": u.adminFolder}, http.StatusOK, &d)
	if d.Title != data.Title || d.BackgroundColor != "green" || len(d.Layouts) != 1 || !d.Layouts[0].Active {
		t.Fatalf("created %+v", d)
	}
	filter := data.Filters[0]
	filter["dashboard_id"] = d.ID
	var gotFilter map[string]any
	want(t, inst, http.MethodPost, "/dashboard_filters", u.admin, filter, http.StatusOK, &gotFilter)
	for k, v := range filter {
		if !reflect.DeepEqual(gotFilter[k], v) {
			t.Errorf("filter %s: %v, want %v", k, gotFilter[k], v)
		}
	}
	if gotFilter["required"] != false {
		t.Errorf("filter required: %v", gotFilter["required"])
	}
	want(t, inst, http.MethodPost, "/dashboard_filters", u.admin, filter, http.StatusUnprocessableEntity, nil)

	for _, tile := range data.Tiles {
		body := map[string]any{"dashboard_id": d.ID}
		for k, v := range tile {
			switch k {
			case "query_id":
				body[k] = q.ID
			case "result_maker": // the data file's shorthand: filter name → field
				body[k] = map[string]any{"filterables": []any{map[string]any{"model": "thelook", "view": "products",
					"listen": []any{map[string]any{"dashboard_filter_name": "Brand Match", "field": "products.brand"}}}}}
			default:
				body[k] = v
			}
		}
		var e wireElement
		want(t, inst, http.MethodPost, "/dashboard_elements", u.admin, body, http.StatusOK, &e)
		if e.DashboardID != d.ID || e.Title != tile["title"] || e.Type != tile["type"] {
			t.Errorf("tile %+v from %v", e, tile)
		}
	}

	var back wireDashboard
	getJSON(t, inst, u.admin, "/dashboards/"+d.ID, &back)
	if back.Title != data.Title || back.BackgroundColor != "green" || len(back.Filters) != 1 ||
		len(back.Elements) != len(data.Tiles) || len(back.Layouts) != 1 {
		t.Fatalf("read back %+v", back)
	}
	for i, tile := range data.Tiles {
		e := back.Elements[i]
		if e.Type != tile["type"] || e.Title != tile["title"] || e.TitleText != tile["title_text"] ||
			e.Subtitle != tile["subtitle_text"] || e.BodyText != tile["body_text"] {
			t.Errorf("tile %d read back %+v, want %v", i, e, tile)
		}
	}
	vis := back.Elements[1]
	if vis.QueryID != q.ID || vis.ResultMaker == nil || len(vis.ResultMaker.Filterables) != 1 ||
		!reflect.DeepEqual(vis.ResultMaker.Filterables[0].Listen, []wireListen{{"Brand Match", "products.brand"}}) {
		t.Errorf("vis tile %+v", vis)
	}
	comps := back.Layouts[0].Components
	if len(comps) != 3 || comps[0].ElementID != back.Elements[0].ID || comps[1].Row <= comps[0].Row {
		t.Errorf("layout components %+v", comps)
	}

	// Trash and restore keep the title.
	var trashed, restored wireDashboard
	want(t, inst, http.MethodPatch, "/dashboards/"+d.ID, u.admin, map[string]any{"deleted": true}, http.StatusOK, &trashed)
	want(t, inst, http.MethodPatch, "/dashboards/"+d.ID, u.admin, map[string]any{"deleted": false}, http.StatusOK, &restored)
	if !*trashed.Deleted || *restored.Deleted || trashed.Title != data.Title || restored.Title != data.Title {
		t.Errorf("trash %+v restore %+v", trashed.wireItem, restored.wireItem)
	}

	// A copy has its own tiles, filters and layout.
	var cp wireDashboard
	want(t, inst, http.MethodPost, "/dashboards/"+d.ID+"/copy?folder_id="+u.sharedFolder, u.admin, nil, http.StatusOK, &cp)
	if cp.ID == d.ID || cp.Title != data.Title || cp.FolderID != u.sharedFolder || len(cp.Elements) != 3 ||
		len(cp.Filters) != 1 || len(cp.Layouts) != 1 || cp.Elements[0].ID == back.Elements[0].ID ||
		cp.Layouts[0].Components[2].ElementID != cp.Elements[2].ID {
		t.Fatalf("copy %+v", cp)
	}

	// The viewer reads Shared's copy, not the admin's original, and
	// changes neither.
	want(t, inst, http.MethodGet, "/dashboards/"+d.ID, u.viewer, nil, http.StatusNotFound, nil)
	want(t, inst, http.MethodGet, "/dashboard_elements/"+back.Elements[0].ID, u.viewer, nil, http.StatusNotFound, nil)
	want(t, inst, http.MethodGet, "/dashboards/"+cp.ID, u.viewer, nil, http.StatusOK, nil)
	want(t, inst, http.MethodPost, "/dashboard_elements", u.viewer, map[string]any{"dashboard_id": cp.ID, "type": "text"},
		http.StatusForbidden, nil)
	want(t, inst, http.MethodPatch, "/dashboard_layout_components/"+cp.Layouts[0].Components[0].ID, u.viewer,
		map[string]any{"width": 12}, http.StatusForbidden, nil)
	var found []wireItem
	want(t, inst, http.MethodGet, "/dashboards/search?title="+url.QueryEscape(data.Title), u.viewer, nil, http.StatusOK, &found)
	if len(found) != 1 || found[0].ID != cp.ID {
		t.Errorf("viewer's search %+v", found)
	}

	// Layout components move; a tile's removal removes its components.
	var moved wireComponent
	want(t, inst, http.MethodPatch, "/dashboard_layout_components/"+comps[0].ID, u.admin, map[string]any{"width": 24},
		http.StatusOK, &moved)
	if moved.Width != 24 {
		t.Errorf("component %+v", moved)
	}
	want(t, inst, http.MethodDelete, "/dashboard_elements/"+back.Elements[0].ID, u.admin, nil, http.StatusNoContent, nil)
	var left []wireComponent
	getJSON(t, inst, u.admin, "/dashboard_layouts/"+back.Layouts[0].ID+"/dashboard_layout_components", &left)
	if len(left) != 2 {
		t.Errorf("components after deleting a tile: %+v", left)
	}
	want(t, inst, http.MethodDelete, "/dashboard_layouts/"+back.Layouts[0].ID, u.admin, nil,
		http.StatusUnprocessableEntity, nil)

	res := want(t, inst, http.MethodDelete, "/dashboards/"+d.ID, u.admin, nil, http.StatusNoContent, nil)
	if len(res.Body) != 0 {
		t.Errorf("delete answered %q", res.Body)
	}
	want(t, inst, http.MethodGet, "/dashboards/"+d.ID, u.admin, nil, http.StatusNotFound, nil)
	want(t, inst, http.MethodGet, "/dashboard_elements/"+back.Elements[1].ID, u.admin, nil, http.StatusNotFound, nil)
}

// Running a tile under a dashboard filter value answers exactly what its
// query answers with that value written as a filter; with no value, the
// filter's default applies.
func TestRunTileWithDashboardFilter(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	u := newContentUsers(t, inst)
	q := createQuery(t, inst, u.admin, brandCount(nil))
	var d wireDashboard
	want(t, inst, http.MethodPost, "/dashboards", u.admin, map[string]any{"title": "Brands", "folder_id": u.sharedFolder},
		http.StatusOK, &d)
	want(t, inst, http.MethodPost, "/dashboard_filters", u.admin, map[string]any{"dashboard_id": d.ID,
		"name": "Brand Match", "title": "Brand", "type": "field_filter", "model": "thelook", "explore": "products",
		"dimension": "products.brand", "default_value": "C%"}, http.StatusOK, nil)
	var e wireElement
	want(t, inst, http.MethodPost, "/dashboard_elements", u.admin, map[string]any{"dashboard_id": d.ID, "type": "vis",
		"query_id": q.ID, "result_maker": map[string]any{"filterables": []any{map[string]any{"model": "thelook",
			"view": "products", "listen": []any{map[string]any{"dashboard_filter_name": "Brand Match",
				"field": "products.brand"}}}}}}, http.StatusOK, &e)

	for _, tc := range []struct{ query, inline string }{
		{"?" + url.Values{"Brand Match": {"Levi's,Calvin Klein"}}.Encode(), "Levi's,Calvin Klein"},
		{"", "C%"},
		{"?Brand+Match=", ""},
	} {
		for _, format := range []string{"json", "csv"} {
			tile := want(t, inst, http.MethodGet, "/dashboard_elements/"+e.ID+"/run/"+format+tc.query, u.viewer, nil,
				http.StatusOK, nil)
			filters := map[string]string{}
			if tc.inline != "" {
				filters["products.brand"] = tc.inline
			}
			inline := want(t, inst, http.MethodPost, "/queries/run/"+format, u.admin, brandCount(filters), http.StatusOK, nil)
			if string(tile.Body) != string(inline.Body) {
				t.Errorf("tile %s%s:\n%s\nwant\n%s", format, tc.query, tile.Body, inline.Body)
			}
		}
	}
	var rows []map[string]any
	want(t, inst, http.MethodGet, "/dashboard_elements/"+e.ID+"/run/json?Brand+Match=Levi%27s", u.admin, nil,
		http.StatusOK, &rows)
	if len(rows) != 1 || rows[0]["products.brand"] != "Levi's" {
		t.Errorf("one brand: %+v", rows)
	}
}

// A fresh instance holds ten dashboards or more, so system__activity's
// dashboard explore answers the SDK tests' query with exactly ten rows.
func TestSeededContent(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	var all []wireItem
	getJSON(t, inst, admin, "/dashboards", &all)
	if len(all) < 10 {
		t.Fatalf("%d dashboards seeded", len(all))
	}
	q := createQuery(t, inst, admin, map[string]any{"model": "system__activity", "view": "dashboard",
		"fields": []string{"dashboard.id", "dashboard.title", "dashboard.count"}, "limit": "10",
		"vis_config": map[string]any{"type": "looker_column"}})
	var rows []map[string]any
	want(t, inst, http.MethodGet, "/queries/"+q.ID+"/run/json", admin, nil, http.StatusOK, &rows)
	if len(rows) != 10 || rows[0]["dashboard.title"] == nil {
		t.Fatalf("system__activity rows: %+v", rows)
	}
	// Every seeded tile's query compiles against thelook.
	for _, d := range all {
		var full wireDashboard
		getJSON(t, inst, admin, "/dashboards/"+d.ID, &full)
		if len(full.Elements) == 0 || len(full.Layouts[0].Components) != len(full.Elements) {
			t.Errorf("dashboard %s: %d tiles, layout %+v", d.Title, len(full.Elements), full.Layouts)
		}
		for _, e := range full.Elements {
			want(t, inst, http.MethodGet, "/dashboard_elements/"+e.ID+"/run/sql", admin, nil, http.StatusOK, nil)
		}
	}
}
