package looker40_test

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// brandCount counts products by brand over the suggestions fixture
// (thelookSQLite): six brands, Calvin Klein twice.
func brandCount(filters any) map[string]any {
	return map[string]any{"model": "thelook", "view": "products", "fields": []string{"products.brand", "products.count"},
		"filters": filters, "sorts": []string{"products.brand"}, "limit": 10, "vis_config": map[string]any{"type": "looker_column"}}
}

type wireQuery struct {
	ID       string            `json:"id"`
	Slug     string            `json:"slug"`
	ClientID string            `json:"client_id"`
	Fields   []string          `json:"fields"`
	Filters  map[string]string `json:"filters"`
	Limit    string            `json:"limit"`
	Model    string            `json:"model"`
	View     string            `json:"view"`
	URL      string            `json:"url"`
	ShareURL string            `json:"share_url"`
	Vis      map[string]any    `json:"vis_config"`
	Can      map[string]bool   `json:"can"`
}

func createQuery(t *testing.T, inst *servertest.Instance, token string, body any) wireQuery {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+"/queries", token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("create_query: %d %s", res.Status, res.Body)
	}
	var q wireQuery
	res.JSON(t, &q)
	return q
}

func TestCreateQueryDeduplicates(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	q := createQuery(t, inst, admin, brandCount([]any{}))
	if q.ID == "" || len(q.Slug) == 0 || len(q.ClientID) != 22 || q.Limit != "10" || q.Model != "thelook" ||
		q.View != "products" || !reflect.DeepEqual(q.Fields, []string{"products.brand", "products.count"}) ||
		q.Vis["type"] != "looker_column" || !q.Can["run"] || !strings.HasSuffix(q.ShareURL, "/x/"+q.Slug) ||
		!strings.HasPrefix(q.URL, "/explore/thelook/products?") {
		t.Fatalf("created %+v", q)
	}
	if again := createQuery(t, inst, admin, brandCount(nil)); again.ID != q.ID || again.Slug != q.Slug {
		t.Errorf("identical definition: id %s slug %s, want %s %s", again.ID, again.Slug, q.ID, q.Slug)
	}
	filtered := createQuery(t, inst, admin, brandCount(map[string]string{"products.brand": "Levi's", "products.category": "Jeans"}))
	if filtered.ID == q.ID || filtered.Filters["products.brand"] != "Levi's" {
		t.Errorf("filtered query %+v shares id %s", filtered, q.ID)
	}
	var byID, bySlug wireQuery
	getJSON(t, inst, admin, "/queries/"+q.ID, &byID)
	getJSON(t, inst, admin, "/queries/slug/"+q.Slug, &bySlug)
	if !reflect.DeepEqual(byID, q) || !reflect.DeepEqual(bySlug, q) {
		t.Errorf("read back %+v / %+v, want %+v", byID, bySlug, q)
	}
}

// queryRuns are the formats a run answers, with what the count-by-brand
// body must hold and what the zero-row body must be.
var queryRuns = []struct {
	format, has, empty string
}{
	{"json", `"products.brand":"Calvin Klein"`, "[]"},
	{"json_label", `"Products Brand":"Calvin Klein"`, "[]"},
	{"json_detail", `"Calvin Klein"`, `"data":[]`},
	{"json_bi", `"Calvin Klein"`, `"rows":[]`},
	{"csv", "Calvin Klein,2\n", "Products Brand,Products Count\n"},
	{"txt", "Calvin Klein\t2\n", "Products Brand\tProducts Count\n"},
	{"html", "<td>Calvin Klein</td>", "<table"},
	{"md", "| Calvin Klein | 2 |", "| Products Brand | Products Count |"},
	{"xlsx", "PK", "PK"},
	{"sql", `AS "products.brand"`, `AS "products.count"`},
}

func TestRunQueryFormats(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createQuery(t, inst, admin, brandCount(nil))
	none := createQuery(t, inst, admin, brandCount(map[string]string{"products.brand": "No Such Brand"}))
	for _, c := range queryRuns {
		t.Run(c.format, func(t *testing.T) {
			f, _ := results.Lookup(c.format)
			for _, run := range []struct{ id, want string }{{q.ID, c.has}, {none.ID, c.empty}} {
				res := inst.Do(t, http.MethodGet, api+"/queries/"+run.id+"/run/"+c.format, admin, nil)
				body := strings.NewReplacer(" ", "", "\n", "").Replace(string(res.Body))
				want := run.want
				if c.format == "json_detail" || c.format == "json_bi" || c.format == "json" || c.format == "json_label" {
					want = strings.ReplaceAll(want, " ", "")
				} else {
					body = string(res.Body)
				}
				if res.Status != http.StatusOK || res.Header.Get("Content-Type") != f.ContentType || !strings.Contains(body, want) {
					t.Errorf("query %s: %d %s, want %s containing %q: %.300s", run.id, res.Status,
						res.Header.Get("Content-Type"), f.ContentType, want, res.Body)
				}
			}
		})
	}
	csv := inst.Do(t, http.MethodGet, api+"/queries/"+none.ID+"/run/csv", admin, nil)
	if string(csv.Body) != "Products Brand,Products Count\n" {
		t.Errorf("zero-row csv %q, want the header alone", csv.Body)
	}
	sql := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/sql", admin, nil)
	if !strings.Contains(string(sql.Body), "SELECT") {
		t.Errorf("sql %s lacks SELECT", sql.Body)
	}
}

func jsonRows(t *testing.T, inst *servertest.Instance, token, method, path string, body any) []map[string]any {
	t.Helper()
	res := inst.Do(t, method, api+path, token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, res.Status, res.Body)
	}
	var rows []map[string]any
	res.JSON(t, &rows)
	return rows
}

func brands(rows []map[string]any) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r["products.brand"].(string))
	}
	return out
}

func TestRunQueryRowsAndLimits(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createQuery(t, inst, admin, brandCount(nil))
	all := []string{"Allegra K", "Calvin Klein", "Carhartt", "Levi's", "O'Neill", "x' OR '1'='1"}
	cases := []struct {
		name, method, path string
		body               any
		want               []string
	}{
		{"run_query", "GET", "/queries/" + q.ID + "/run/json", nil, all},
		{"limit parameter", "GET", "/queries/" + q.ID + "/run/json?limit=2&cache=true&unknown=1", nil, all[:2]},
		{"run_inline_query", "POST", "/queries/run/json", brandCount(map[string]string{"products.category": "Jeans"}),
			[]string{"Calvin Klein", "Levi's"}},
		{"hostile filter is a value", "POST", "/queries/run/json", brandCount(map[string]string{"products.brand": "x' OR '1'='1"}),
			[]string{"x' OR '1'='1"}},
		{"hostile filter matches nothing", "POST", "/queries/run/json",
			brandCount(map[string]string{"products.brand": "Levi's' OR '1'='1"}), []string{}},
		{"run_url_encoded_query", "GET", "/queries/models/thelook/views/products/run/json?fields=products.brand,products.count&" +
			url.QueryEscape("f[products.category]") + "=Jeans&sorts=products.brand+desc&limit=5", nil, []string{"Levi's", "Calvin Klein"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := brands(jsonRows(t, inst, admin, c.method, c.path, c.body)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("brands %q, want %q", got, c.want)
			}
		})
	}
	rows := jsonRows(t, inst, admin, "GET", "/queries/"+q.ID+"/run/json", nil)
	if rows[1]["products.count"] != float64(2) {
		t.Errorf("Calvin Klein count %v, want 2", rows[1]["products.count"])
	}
}

func TestQueryRefusals(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createQuery(t, inst, admin, brandCount(nil))
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	ps := create(t, inst, admin, "/permission_sets", map[string]any{"name": "Data only", "permissions": []string{"access_data"}})
	ms := create(t, inst, admin, "/model_sets", map[string]any{"name": "Elsewhere", "models": []string{"other"}})
	create(t, inst, admin, "/roles", map[string]any{"name": "Outsider", "permission_set_id": ps, "model_set_id": ms})
	outsider := inst.TokenFor(t, inst.CreateUser(t, "Otto", "Outsider", "Outsider").ID)
	badField := brandCount(nil)
	badField["fields"] = []string{"products.nope"}

	runCalls(t, inst, admin, []call{
		{name: "unknown query", method: "GET", path: "/queries/999999", status: 404},
		{name: "unknown slug", method: "GET", path: "/queries/slug/nope", status: 404},
		{name: "run unknown query", method: "GET", path: "/queries/999999/run/json", status: 404},
		{name: "png too narrow", method: "GET", path: "/queries/" + q.ID + "/run/png?image_width=5", status: 422, field: "image_width"},
		{name: "unknown format", method: "GET", path: "/queries/" + q.ID + "/run/pdfx", status: 422, field: "result_format"},
		{name: "jpg too tall", method: "GET", path: "/queries/" + q.ID + "/run/jpg?image_height=99999", status: 422, field: "image_height"},
		{name: "task-only inline_json", method: "POST", path: "/queries/run/inline_json", body: brandCount(nil), status: 422, field: "result_format"},
		{name: "task-only gsxml", method: "GET", path: "/queries/models/thelook/views/products/run/gsxml?fields=products.brand", status: 422, field: "result_format"},
		{name: "url-encoded unknown field", method: "GET", path: "/queries/models/thelook/views/products/run/json?fields=products.nope", status: 422},
		{name: "url-encoded unknown model", method: "GET", path: "/queries/models/nope/views/products/run/json?fields=products.brand", status: 404},
		{name: "unknown field", method: "POST", path: "/queries", body: badField, status: 422, contains: "products.nope"},
		{name: "unknown field inline", method: "POST", path: "/queries/run/csv", body: badField, status: 422},
		{name: "filters of the wrong shape", method: "POST", path: "/queries", body: map[string]any{"model": "thelook",
			"view": "products", "filters": "products.brand"}, status: 422, field: "filters"},
		{name: "no model", method: "POST", path: "/queries", body: map[string]any{"view": "products"}, status: 422, field: "model"},
		{name: "unknown explore", method: "POST", path: "/queries", body: map[string]any{"model": "thelook", "view": "nope"}, status: 422, field: "view"},
		{name: "unknown model", method: "POST", path: "/queries", body: map[string]any{"model": "nope", "view": "products"}, status: 404},
		{name: "bad limit parameter", method: "GET", path: "/queries/" + q.ID + "/run/json?limit=abc", status: 422},
	})
	runCalls(t, inst, outsider, []call{
		{name: "query over a hidden model", method: "GET", path: "/queries/" + q.ID, status: 404},
		{name: "slug over a hidden model", method: "GET", path: "/queries/slug/" + q.Slug, status: 404},
		{name: "run over a hidden model", method: "GET", path: "/queries/" + q.ID + "/run/json", status: 404},
		{name: "create over a hidden model", method: "POST", path: "/queries", body: brandCount(nil), status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "viewer runs", method: "GET", path: "/queries/" + q.ID + "/run/csv", status: 200},
		{name: "sql needs see_sql", method: "GET", path: "/queries/" + q.ID + "/run/sql", status: 403},
	})
}

// A query the database refuses (the fixture has no users table) is a 400
// in Looker's JSON error body, whatever the format, and names no secret.
func TestRunQueryDatabaseError(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	body := map[string]any{"model": "thelook", "view": "users", "fields": []string{"users.count"}}
	for _, format := range []string{"json", "csv", "json_detail", "xlsx"} {
		res := inst.Do(t, http.MethodPost, api+"/queries/run/"+format, admin, body)
		var e struct {
			Message string `json:"message"`
		}
		res.JSON(t, &e)
		if res.Status != http.StatusBadRequest || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") ||
			!strings.Contains(e.Message, "users") {
			t.Errorf("%s: %d %s %s", format, res.Status, res.Header.Get("Content-Type"), res.Body)
		}
	}
}

// The official SDK's query tests run over system__activity (the metadata
// DB itself): a create_query with filters: [] and the zero-row query of
// "parses a query with no results", in each format, with and without cache.
func TestQueriesOverSystemActivity(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	fields := []string{"dashboard.id", "dashboard.title", "dashboard.count"}
	q := createQuery(t, inst, admin, map[string]any{"model": "system__activity", "view": "dashboard", "fields": fields,
		"fill_fields": []any{}, "filters": []any{}, "limit": "10", "sorts": []any{}, "total": false,
		"vis_config": map[string]any{"type": "looker_column"}})
	sql := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/sql", admin, nil)
	for _, f := range fields {
		if !strings.Contains(string(sql.Body), `AS "`+f+`"`) {
			t.Errorf("sql lacks the alias of %s: %s", f, sql.Body)
		}
	}
	none := createQuery(t, inst, admin, map[string]any{"model": "system__activity", "view": "dashboard", "limit": "2",
		"fields": []string{"dashboard.id", "dashboard.title"}, "filters": map[string]string{"dashboard.id": "-1"}})
	probe := inst.Do(t, http.MethodGet, api+"/queries/"+none.ID+"/run/json", admin, nil)
	if probe.Status == http.StatusBadRequest && strings.Contains(string(probe.Body), "no such table") {
		t.Skipf("system__activity has no dashboard content view yet: %s", probe.Body)
	}
	for _, format := range []string{"csv", "json", "json_detail", "txt", "md"} {
		for _, cache := range []string{"", "?cache=true"} {
			res := inst.Do(t, http.MethodGet, api+"/queries/"+none.ID+"/run/"+format+cache, admin, nil)
			if res.Status != http.StatusOK {
				t.Errorf("%s%s: %d %s", format, cache, res.Status, res.Body)
			}
		}
	}
}
