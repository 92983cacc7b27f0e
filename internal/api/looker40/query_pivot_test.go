package looker40_test

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// brandsByCategory pivots the suggestions fixture's products (seven, six
// brands, Calvin Klein in Jeans and Tops) on their category.
func brandsByCategory(edit func(q map[string]any)) map[string]any {
	q := map[string]any{"model": "thelook", "view": "products",
		"fields": []string{"products.brand", "products.category", "products.count", "products.brand_count"},
		"pivots": []string{"products.category"},
		"sorts":  []string{"products.brand"},
		"total":  true, "row_total": "right"}
	if edit != nil {
		edit(q)
	}
	return q
}

func runInline(t *testing.T, inst *servertest.Instance, token, format string, body any) *servertest.Response {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+"/queries/run/"+format, token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("run_inline_query %s: %d %s", format, res.Status, res.Body)
	}
	return res
}

func TestRunInlineQueryPivotJSON(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	var rows []map[string]any
	runInline(t, inst, admin, "json", brandsByCategory(nil)).JSON(t, &rows)
	if len(rows) != 6 || rows[1]["products.brand"] != "Calvin Klein" || rows[1]["products.category"] != nil {
		t.Fatalf("want six brands, Calvin Klein second, no category key: %v", rows)
	}
	count := rows[1]["products.count"].(map[string]any)
	want := map[string]any{"Jeans": 1.0, "Pants": nil, "Swim": nil, "Tops": 1.0, "$$$_row_total_$$$": 2.0}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("Calvin Klein's counts %v, want %v", count, want)
	}
	// count_distinct's row total comes from the database, not a sum.
	if got := rows[1]["products.brand_count"].(map[string]any)["$$$_row_total_$$$"]; got != 1.0 {
		t.Errorf("Calvin Klein's brand_count row total %v, want 1", got)
	}

	runInline(t, inst, admin, "json", brandsByCategory(func(q map[string]any) {
		q["limit"], q["column_limit"] = "2", "2"
	})).JSON(t, &rows)
	// Allegra K has no cell among the first two categories (Jeans, Pants).
	if len(rows) != 2 || rows[0]["products.brand"] != "Calvin Klein" || rows[1]["products.brand"] != "Carhartt" {
		t.Fatalf("limit 2: want two row groups, got %v", rows)
	}
	if keys := sortedKeys(rows[1]["products.count"].(map[string]any)); !reflect.DeepEqual(keys, []string{"$$$_row_total_$$$", "Jeans", "Pants"}) {
		t.Errorf("column_limit 2: pivot keys %v", keys)
	}
}

// TestRunInlineQueryPivotColumnSort sorts the rows by one pivot column's
// measure ("desc 0"-style sorts): brands with Jeans first.
func TestRunInlineQueryPivotColumnSort(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	var rows []map[string]any
	runInline(t, inst, admin, "json", brandsByCategory(func(q map[string]any) {
		q["sorts"] = []string{"products.count 0", "products.brand"}
	})).JSON(t, &rows)
	want := []string{"Calvin Klein", "Levi's", "Allegra K", "Carhartt", "O'Neill", "x' OR '1'='1"}
	if got := brands(rows); !reflect.DeepEqual(got, want) {
		t.Errorf("brands %q, want %q", got, want)
	}
}

func sortedKeys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

type detailCell = map[string]any

func TestRunInlineQueryPivotDetail(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	var d struct {
		Pivots []struct {
			Key     string         `json:"key"`
			Data    map[string]any `json:"data"`
			IsTotal bool           `json:"is_total"`
		} `json:"pivots"`
		Fields struct {
			Dimensions []struct{ Name string } `json:"dimensions"`
			Pivots     []struct{ Name string } `json:"pivots"`
		} `json:"fields"`
		HasTotals    bool                             `json:"has_totals"`
		HasRowTotals bool                             `json:"has_row_totals"`
		Data         []map[string]any                 `json:"data"`
		Totals       map[string]map[string]detailCell `json:"totals_data"`
	}
	runInline(t, inst, admin, "json_detail", brandsByCategory(nil)).JSON(t, &d)
	var keys []string
	for _, p := range d.Pivots {
		keys = append(keys, p.Key)
	}
	if !reflect.DeepEqual(keys, []string{"Jeans", "Pants", "Swim", "Tops", "$$$_row_total_$$$"}) || !d.Pivots[4].IsTotal ||
		d.Pivots[0].Data["products.category"] != "Jeans" {
		t.Errorf("pivots %+v", d.Pivots)
	}
	if len(d.Fields.Pivots) != 1 || d.Fields.Pivots[0].Name != "products.category" || len(d.Fields.Dimensions) != 1 ||
		!d.HasTotals || !d.HasRowTotals || len(d.Data) != 6 {
		t.Errorf("fields %+v, has_totals %v, has_row_totals %v, %d rows", d.Fields, d.HasTotals, d.HasRowTotals, len(d.Data))
	}
	tops := d.Data[1]["products.count"].(map[string]any)["Tops"].(map[string]any)
	if tops["value"] != 1.0 {
		t.Errorf("Calvin Klein in Tops: %v", tops)
	}
	// Totals per category and overall; six distinct brands, not the sum 7.
	bc := d.Totals["products.brand_count"]
	if bc["Tops"]["value"] != 3.0 || bc["Jeans"]["value"] != 2.0 || bc["$$$_row_total_$$$"]["value"] != 6.0 ||
		d.Totals["products.count"]["$$$_row_total_$$$"]["value"] != 7.0 {
		t.Errorf("totals_data %v", d.Totals)
	}

	// Totals of an unpivoted query.
	var flat struct {
		HasTotals bool                  `json:"has_totals"`
		Totals    map[string]detailCell `json:"totals_data"`
	}
	runInline(t, inst, admin, "json_detail", map[string]any{"model": "thelook", "view": "products",
		"fields": []string{"products.category", "products.brand_count"}, "total": true}).JSON(t, &flat)
	if !flat.HasTotals || flat.Totals["products.brand_count"]["value"] != 6.0 || flat.Totals["products.category"]["value"] != nil {
		t.Errorf("unpivoted totals %+v", flat)
	}
}

func TestRunInlineQueryPivotCSV(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	body := brandsByCategory(func(q map[string]any) {
		q["fields"] = []string{"products.brand", "products.category", "products.count"}
		q["limit"] = "3"
	})
	res := runInline(t, inst, admin, "csv", body)
	want := strings.Join([]string{
		"Products Category,Jeans,Pants,Swim,Tops,Row Total",
		"Products Brand,Products Count,Products Count,Products Count,Products Count,Products Count",
		"Allegra K,,,,1,1",
		"Calvin Klein,1,,,1,2",
		"Carhartt,,1,,,1",
	}, "\n") + "\n"
	if string(res.Body) != want {
		t.Errorf("csv:\n%s\nwant:\n%s", res.Body, want)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	sql := runInline(t, inst, admin, "sql", body)
	if !strings.Contains(string(sql.Body), "z__pivot_col_rank") {
		t.Errorf("sql lacks the pivot ranks: %s", sql.Body)
	}
}
