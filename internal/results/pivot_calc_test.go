package results

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/lookerexpr"
)

// fixtureCalcs are table calculations of the pivot fixture: two spread over
// the pivot columns, two with one value per row.
func fixtureCalcs(t *testing.T) []TableCalc {
	t.Helper()
	var out []TableCalc
	for _, c := range []struct{ name, expr, typ string }{
		{"share", "${orders.count} / sum(pivot_row(${orders.count}))", "number"},
		{"previous", "coalesce(pivot_offset(${orders.count}, -1), 0) + pivot_column() / 10", "number"},
		{"row_total", "sum(pivot_row(${orders.total}))", "number"},
		{"state_length", "length(${users.state})", "number"},
	} {
		n, err := lookerexpr.Parse(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		label := strings.ToUpper(c.name[:1]) + strings.ReplaceAll(c.name[1:], "_", " ")
		out = append(out, TableCalc{Expr: n, Column: Column{Name: c.name, Label: label, LabelShort: label,
			Kind: TableCalculation, Type: c.typ, Expression: c.expr}})
	}
	out[2].SortOrder, out[2].SortDesc = 1, false
	return out
}

func TestPivotTableCalcsGolden(t *testing.T) {
	ran := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	for _, format := range Names() {
		if format == "sql" {
			continue
		}
		t.Run(format, func(t *testing.T) {
			pt := pivotFixture(t, true)
			if err := pt.ApplyTableCalcs(fixtureCalcs(t), ran); err != nil {
				t.Fatal(err)
			}
			checkPivotGolden(t, pt, format, "pivot_calcs", false)
		})
	}
}

// TestPivotTableCalcsJSON decodes json: a pivoted calculation is keyed by
// pivot like a measure, and computed in missing cells; an unpivoted one
// is a plain value; the rows are sorted on row_total.
func TestPivotTableCalcsJSON(t *testing.T) {
	pt := pivotFixture(t, true)
	if err := pt.ApplyTableCalcs(fixtureCalcs(t), time.Now()); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	f, _ := Lookup("json")
	if _, err := f.WritePivot(&buf, pt, Options{}); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0]["users.state"] != "NY, \"the city\"" {
		t.Fatalf("rows not sorted on row_total: %v", rows)
	}
	ca := rows[1]
	share := ca["share"].(map[string]any)
	if got := share["complete|FIELD|2024"].(float64); got < 0.9966 || got > 0.9967 {
		t.Errorf("share of CA complete 2024 = %v, want 1200/1204", got)
	}
	if got := share[RowTotalKey]; got != 1.0 {
		t.Errorf("share row total = %v, want 1", got)
	}
	prev := ca["previous"].(map[string]any)
	if prev["∅|FIELD|2025"] != 0.1 || prev["complete|FIELD|2024"] != 1.2 || prev["returned|FIELD|2025"] != 3.4 {
		t.Errorf("previous = %v", prev)
	}
	if ca["row_total"] != 1532.75 || ca["state_length"] != 2.0 {
		t.Errorf("row values: %v %v", ca["row_total"], ca["state_length"])
	}
}

func TestPivotTableCalcsRefuseCycles(t *testing.T) {
	a, _ := lookerexpr.Parse("${b} + ${orders.count}")
	b, _ := lookerexpr.Parse("${a} * 2")
	calcs := []TableCalc{{Expr: a, Column: Column{Name: "a", Kind: TableCalculation}}, {Expr: b, Column: Column{Name: "b", Kind: TableCalculation}}}
	if err := pivotFixture(t, false).ApplyTableCalcs(calcs, time.Now()); err == nil {
		t.Fatal("no error for calculations that read each other")
	}
}
