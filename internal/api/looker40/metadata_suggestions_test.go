package looker40_test

import (
	"database/sql"
	"net/url"
	"path/filepath"
	"reflect"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, to write the fixture

	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/warehouse"
	_ "github.com/overlookbi/overlook/internal/warehouse/sqlite" // registers the "sqlite" engine
)

// suggestBrands are the products of the fixture: brand and category. One
// brand holds an injection payload as data, to show that a hostile term
// matches it as text and nothing else.
var suggestBrands = [][2]string{
	{"Calvin Klein", "Jeans"}, {"Carhartt", "Pants"}, {"Levi's", "Jeans"}, {"Allegra K", "Tops"},
	{"O'Neill", "Swim"}, {"x' OR '1'='1", "Tops"}, {"Calvin Klein", "Tops"},
}

// thelookSQLite writes a tiny thelook (products, distribution_centers) into
// a SQLite file and serves it as the thelook connection.
func thelookSQLite(t *testing.T, inst *servertest.Instance) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "thelook.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []string{
		`CREATE TABLE distribution_centers (id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL)`,
		`CREATE TABLE products (id INTEGER PRIMARY KEY, brand TEXT, category TEXT, department TEXT, name TEXT,
			sku TEXT, cost REAL, retail_price REAL, distribution_center_id INTEGER)`,
		`INSERT INTO distribution_centers VALUES (1, 'Memphis TN', 35.1, -90.0)`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	for i, b := range suggestBrands {
		if _, err := db.Exec(`INSERT INTO products (id, brand, category, department, distribution_center_id) VALUES (?, ?, ?, 'Women', 1)`,
			i+1, b[0], b[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := inst.Server.Connections.AddStatic(warehouse.Config{Name: "thelook", Dialect: "sqlite", Path: path, ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
}

const brandSuggestions = "/models/thelook/views/products/fields/products.brand/suggestions"

func TestModelFieldnameSuggestions(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)

	cases := []struct {
		name, query string
		want        []string
	}{
		{"every brand, sorted, distinct", "", []string{"Allegra K", "Calvin Klein", "Carhartt", "Levi's", "O'Neill", "x' OR '1'='1"}},
		{"term ignores case", "term=CAL", []string{"Calvin Klein"}},
		{"term with a quote", "term=" + url.QueryEscape("'n"), []string{"O'Neill"}},
		{"filter", "filters=" + url.QueryEscape(`{"products.category":"Jeans"}`), []string{"Calvin Klein", "Levi's"}},
		{"term and filter", "term=lev&filters=" + url.QueryEscape(`{"products.category":"Jeans,Tops"}`), []string{"Levi's"}},
		{"joined filter", "filters=" + url.QueryEscape(`{"distribution_centers.name":"Memphis%"}`), []string{"Allegra K", "Calvin Klein", "Carhartt", "Levi's", "O'Neill", "x' OR '1'='1"}},
		{"hostile term is text", "term=" + url.QueryEscape("' OR '1'='1"), []string{"x' OR '1'='1"}},
		{"hostile term matches nothing", "term=" + url.QueryEscape("%' OR 1=1 --"), []string{}},
		{"wildcards are literal", "term=%25", []string{}},
		{"hostile filter value", "filters=" + url.QueryEscape(`{"products.category":"Jeans' OR '1'='1"}`), []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got struct {
				Suggestions []string `json:"suggestions"`
				Error       *string  `json:"error"`
				HitLimit    *bool    `json:"hit_limit"`
			}
			getJSON(t, inst, viewer, brandSuggestions+"?"+c.query, &got)
			if got.Error != nil || got.HitLimit == nil || *got.HitLimit {
				t.Fatalf("error %v, hit_limit %v", got.Error, got.HitLimit)
			}
			if !reflect.DeepEqual(got.Suggestions, c.want) {
				t.Errorf("suggestions %q, want %q", got.Suggestions, c.want)
			}
		})
	}

	ps := create(t, inst, admin, "/permission_sets", map[string]any{"name": "Data only", "permissions": []string{"access_data"}})
	ms := create(t, inst, admin, "/model_sets", map[string]any{"name": "Elsewhere", "models": []string{"other"}})
	create(t, inst, admin, "/roles", map[string]any{"name": "Outsider", "permission_set_id": ps, "model_set_id": ms})
	outsider := inst.TokenFor(t, inst.CreateUser(t, "Otto", "Outsider", "Outsider").ID)
	runCalls(t, inst, outsider, []call{
		{name: "model outside the caller's model sets", method: "GET", path: brandSuggestions, status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "unknown model", method: "GET", path: "/models/nope/views/products/fields/products.brand/suggestions", status: 404},
		{name: "unknown explore", method: "GET", path: "/models/thelook/views/nope/fields/products.brand/suggestions", status: 404},
		{name: "unknown field", method: "GET", path: "/models/thelook/views/products/fields/products.nope/suggestions", status: 422, field: "field_name"},
		{name: "measure", method: "GET", path: "/models/thelook/views/products/fields/products.count/suggestions", status: 422, field: "field_name"},
		{name: "filters not JSON", method: "GET", path: brandSuggestions + "?filters=brand", status: 422, field: "filters"},
		{name: "filter on unknown field", method: "GET", path: brandSuggestions + "?filters=" + url.QueryEscape(`{"x.y":"1"}`), status: 422, field: "filters"},
		{name: "bad filter expression", method: "GET", path: brandSuggestions + "?filters=" + url.QueryEscape(`{"products.retail_price":"abc"}`), status: 422, field: "filters"},
	})
}
