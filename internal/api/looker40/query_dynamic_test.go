package looker40_test

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// dynamicQuery counts Jeans and Tops products by brand, with a custom
// measure, a custom dimension and two table calculations.
func dynamicQuery() map[string]any {
	return map[string]any{"model": "thelook", "view": "products",
		"fields": []string{"products.brand", "products.count", "categories", "share", "running"},
		"dynamic_fields": `[
			{"measure":"categories","label":"Categories","based_on":"products.category","type":"count_distinct","_kind_hint":"measure"},
			{"dimension":"is_jeans","expression":"${products.category} = \"Jeans\""},
			{"table_calculation":"share","label":"Share","expression":"percent_of_column_sum(${products.count})","value_format_name":"percent_0"},
			{"table_calculation":"running","expression":"running_total(${products.count})"}]`,
		"filter_expression": `${is_jeans} OR ${products.category} = "Tops"`,
		"sorts":             []string{"products.brand"}, "limit": "10"}
}

func TestRunInlineQueryDynamicFields(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	rows := jsonRows(t, inst, admin, http.MethodPost, "/queries/run/json", dynamicQuery())
	want := []map[string]any{
		{"products.brand": "Allegra K", "products.count": 1.0, "categories": 1.0, "share": 0.2, "running": 1.0},
		{"products.brand": "Calvin Klein", "products.count": 2.0, "categories": 2.0, "share": 0.4, "running": 3.0},
		{"products.brand": "Levi's", "products.count": 1.0, "categories": 1.0, "share": 0.2, "running": 4.0},
		{"products.brand": "x' OR '1'='1", "products.count": 1.0, "categories": 1.0, "share": 0.2, "running": 5.0},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n%v\nwant\n%v", rows, want)
	}

	res := inst.Do(t, http.MethodPost, api+"/queries/run/csv", admin, dynamicQuery())
	wantCSV := "Products Brand,Products Count,Categories,Share,Running\nAllegra K,1,1,0.2,1\nCalvin Klein,2,2,0.4,3\nLevi's,1,1,0.2,4\nx' OR '1'='1,1,1,0.2,5\n"
	if res.Status != http.StatusOK || string(res.Body) != wantCSV {
		t.Errorf("csv %d:\n%s\nwant\n%s", res.Status, res.Body, wantCSV)
	}

	sorted := dynamicQuery()
	sorted["sorts"] = []string{"share desc", "products.brand desc"}
	if got := brands(jsonRows(t, inst, admin, http.MethodPost, "/queries/run/json", sorted)); !reflect.DeepEqual(got,
		[]string{"Calvin Klein", "x' OR '1'='1", "Levi's", "Allegra K"}) {
		t.Errorf("sorted on a table calculation: %q", got)
	}

	q := createQuery(t, inst, admin, dynamicQuery())
	if got := jsonRows(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/json", nil); !reflect.DeepEqual(got, want) {
		t.Errorf("run_query rows %v", got)
	}
}

func TestRunInlineQueryDynamicRefusals(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	with := func(key string, value any) map[string]any {
		q := dynamicQuery()
		q[key] = value
		return q
	}
	runCalls(t, inst, admin, []call{
		{name: "unknown field in filter_expression", method: "POST", path: "/queries/run/json",
			body: with("filter_expression", "${products.nope} = 1"), status: 422, field: "filter_expression"},
		{name: "filter_expression syntax", method: "POST", path: "/queries/run/json",
			body: with("filter_expression", "${products.brand} = "), status: 422, field: "filter_expression", contains: "character"},
		{name: "filter_expression not yes/no", method: "POST", path: "/queries/run/json",
			body: with("filter_expression", "${products.count} + 1"), status: 422, field: "filter_expression"},
		{name: "dynamic_fields not JSON", method: "POST", path: "/queries/run/json",
			body: with("dynamic_fields", "[{"), status: 422, field: "dynamic_fields"},
		{name: "table calculation over a field not in the query", method: "POST", path: "/queries/run/json",
			body: with("dynamic_fields", `[{"dimension":"is_jeans","expression":"yes"},{"table_calculation":"share","expression":"${products.category}"}]`), status: 422, field: "dynamic_fields"},
		{name: "table calculations of a pivoted query", method: "POST", path: "/queries/run/json",
			body: with("pivots", []string{"products.brand"}), status: 200, contains: `"share":{"Allegra K":1,"Calvin Klein":1,`},
		{name: "table calculations with totals", method: "POST", path: "/queries/run/json_detail",
			body: with("total", true), status: 200, contains: `"totals_data":{"products.brand":{"value":null},"products.count":{"value":5},"categories":{"value":2},"share":{"value":1,`},
		{name: "custom measure of an unknown type", method: "POST", path: "/queries/run/json",
			body: with("dynamic_fields", `[{"measure":"categories","based_on":"products.category","type":"sleep"}]`), status: 422, field: "dynamic_fields"},
	})
}
