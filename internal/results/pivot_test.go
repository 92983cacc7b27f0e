package results

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var pivotCols = []Column{
	{Name: "users.state", Label: "Users State", LabelShort: "State", Kind: Dimension, Type: "string", View: "users", ViewLabel: "Users"},
	{Name: "orders.status", Label: "Orders Status", LabelShort: "Status", Kind: Dimension, Type: "string", View: "orders", ViewLabel: "Orders"},
	{Name: "orders.created_year", Label: "Orders Created Year", LabelShort: "Created Year", Kind: Dimension, Type: "date_year", View: "orders", ViewLabel: "Orders"},
	{Name: "orders.count", Label: "Orders Count", LabelShort: "Count", Kind: Measure, Type: "count", ValueFormat: "#,##0", View: "orders", ViewLabel: "Orders"},
	{Name: "orders.total", Label: "Orders Total", LabelShort: "Total", Kind: Measure, Type: "sum", ValueFormatName: "usd", View: "orders", ViewLabel: "Orders"},
}

// pivotLong are the long rows of a query pivoted on status and year, in
// row group then pivot order; "NY" lacks a cell and one status is NULL.
func pivotLong() [][]any {
	return [][]any{
		{"CA", "complete", int64(2024), int64(1200), 1500.5},
		{"CA", "complete", int64(2025), int64(3), 30.25},
		{"CA", nil, int64(2025), int64(1), 2.0},
		{"NY, \"the city\"", "complete", int64(2024), int64(5), 50.0},
	}
}

// pivotRanks are the long rows' column ranks: the NULL status ranks
// before the complete ones, against the order the rows first show them.
var pivotRanks = []float64{2, 3, 1, 2}

func pivotFixture(t *testing.T, totals bool) *PivotTable {
	t.Helper()
	pt, err := NewPivotTable(pivotCols, []string{"orders.status", "orders.created_year"})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range pivotLong() {
		if err := pt.Add(r, pivotRanks[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := pt.AddPivot([]any{"TX", "returned", int64(2025), int64(9), 9.0}, 4); err != nil {
		t.Fatal(err)
	}
	if !totals {
		return pt
	}
	for _, r := range [][]any{{"CA", int64(1204), 1532.75}, {"TX", int64(9), 9.0}, {"NY, \"the city\"", int64(5), 50.0}} {
		if err := pt.AddRowTotal(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range [][]any{{"complete", int64(2024), int64(1205), 1550.5}, {nil, int64(2025), int64(1), 2.0}} {
		if err := pt.AddTotal(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := pt.SetGrandTotal([]any{int64(1209), 1582.75}); err != nil {
		t.Fatal(err)
	}
	return pt
}

func TestPivotGolden(t *testing.T) {
	cases := []struct {
		name   string
		totals bool
		format bool
	}{{"pivot", false, false}, {"pivot_totals", true, false}, {"pivot_formatted", true, true}}
	for _, tc := range cases {
		for _, format := range Names() {
			if format == "sql" {
				continue
			}
			t.Run(tc.name+"."+format, func(t *testing.T) {
				checkPivotGolden(t, pivotFixture(t, tc.totals), format, tc.name, tc.format)
			})
		}
	}
}

// checkPivotGolden writes pt in format and compares it with
// testdata/<name>.<format>.
func checkPivotGolden(t *testing.T, pt *PivotTable, format, name string, formatted bool) {
	t.Helper()
	ran := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	f, _ := Lookup(format)
	opt := Options{SQL: "SELECT 1", QueryID: "7", RanAt: ran, ApplyFormatting: formatted,
		Now: func() time.Time { return ran.Add(time.Second) }}
	var buf bytes.Buffer
	n, err := f.WritePivot(&buf, pt, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("wrote %d row groups, want 2", n)
	}
	got, name := buf.Bytes(), name+"."+format
	if format == "xlsx" {
		got, name = dumpXLSX(t, got), name+".txt"
	}
	if strings.HasPrefix(format, "json") && !json.Valid(got) {
		t.Fatalf("invalid JSON:\n%s", got)
	}
	checkGolden(t, filepath.Join("testdata", name), got)
}

// TestPivotJSONShape checks json's shape by decoding it: measures keyed by
// pivot key, fields joined by |FIELD|, the row total under its key.
func TestPivotJSONShape(t *testing.T) {
	f, _ := Lookup("json")
	var buf bytes.Buffer
	if _, err := f.WritePivot(&buf, pivotFixture(t, true), Options{}); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	count := rows[0]["orders.count"].(map[string]any)
	if keys := pivotKeys(pivotFixture(t, false)); !slices.Equal(keys, []string{"∅|FIELD|2025", "complete|FIELD|2024", "complete|FIELD|2025", "returned|FIELD|2025"}) {
		t.Errorf("pivot keys %q, want them in rank order", keys)
	}
	want := map[string]any{"complete|FIELD|2024": 1200.0, "complete|FIELD|2025": 3.0, "∅|FIELD|2025": 1.0, RowTotalKey: 1204.0}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("orders.count[%q] = %v, want %v (row %v)", k, count[k], v, rows[0])
		}
	}
	if got := rows[1]["orders.count"].(map[string]any)["complete|FIELD|2025"]; got != nil {
		t.Errorf("a missing cell is %v, want null", got)
	}
}

func TestPivotTableRefusesUnknownPivot(t *testing.T) {
	if _, err := NewPivotTable(pivotCols, []string{"orders.nope"}); err == nil {
		t.Fatal("want an error for a pivot that is not a column")
	}
	pt, _ := NewPivotTable(pivotCols, []string{"orders.status"})
	if err := pt.Add([]any{"x"}, 1); err == nil {
		t.Fatal("want an error for a short row")
	}
}

func pivotKeys(pt *PivotTable) []string {
	pt.sortPivots()
	var out []string
	for _, p := range pt.Pivots() {
		out = append(out, p.Key)
	}
	return out
}
