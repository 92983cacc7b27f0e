package results

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/lookerexpr"
)

func calc(t *testing.T, name, expr string) TableCalc {
	t.Helper()
	n, err := lookerexpr.Parse(expr)
	if err != nil {
		t.Fatal(err)
	}
	return TableCalc{Column: Column{Name: name, Label: strings.ToUpper(name), Kind: TableCalculation, Type: "number", Expression: expr}, Expr: n}
}

func TestWithTableCalcs(t *testing.T) {
	cols := []Column{{Name: "products.brand", Label: "Products Brand", Kind: Dimension, Type: "string"},
		{Name: "products.count", Label: "Products Count", Kind: Measure, Type: "count"}}
	reused := make([]any, 2) // a source that reuses its row slice
	src := &funcRows{n: 3, row: func(i int) []any {
		reused[0], reused[1] = []string{"a", "b", "c"}[i], int64([]int{5, 3, 2}[i])
		return reused
	}}
	calcs := []TableCalc{calc(t, "share", "percent_of_column_sum(${Products.Count})"),
		calc(t, "prev", "offset(${products.count}, -1)"), calc(t, "twice", "${half} * 4 + row()"), calc(t, "half", "${share} / 2")}
	all, rows := WithTableCalcs(cols, src, calcs, time.Now())
	if len(all) != 6 || all[4].Name != "twice" {
		t.Fatalf("columns %v", all)
	}
	var buf bytes.Buffer
	f, _ := Resolve("csv")
	if _, err := f.Write(&buf, all, rows, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "Products Brand,Products Count,SHARE,PREV,TWICE,HALF\na,5,0.5,,2,0.25\nb,3,0.3,5,2.6,0.15\nc,2,0.2,3,3.4,0.1\n"
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestWithTableCalcsSorted(t *testing.T) {
	cols := []Column{{Name: "x", Kind: Dimension, Type: "number"}}
	vals := []any{int64(3), nil, int64(1), int64(2), int64(1)}
	src := &funcRows{n: len(vals), row: func(i int) []any { return []any{vals[i]} }}
	c := calc(t, "neg", "-${x}")
	c.SortOrder, c.SortDesc = 1, true
	_, rows := WithTableCalcs(cols, src, []TableCalc{c, calc(t, "r", "row()")}, time.Now())
	var got []any
	for rows.Next() {
		row, _ := rows.Row()
		got = append(got, row[2])
	}
	// -x descending, nulls first: rows 2 (null), 3 and 5 (-1, in query order), 4, 1.
	if want := []any{2.0, 3.0, 5.0, 4.0, 1.0}; !reflect.DeepEqual(got, want) {
		t.Errorf("row order %v, want %v", got, want)
	}
}

func TestWithTableCalcsFailsBeforeWriting(t *testing.T) {
	cols := []Column{{Name: "products.count", Kind: Measure, Type: "count"}}
	_, rows := WithTableCalcs(cols, &funcRows{n: 1, row: func(int) []any { return []any{int64(1)} }},
		[]TableCalc{calc(t, "loop", "${again} + 1"), calc(t, "again", "${loop} * 2")}, time.Now())
	var buf bytes.Buffer
	f, _ := Resolve("json")
	if _, err := f.Write(&buf, append(cols, Column{Name: "loop"}, Column{Name: "again"}), rows, Options{}); err == nil || buf.Len() != 0 {
		t.Errorf("err %v, output %q", err, buf.String())
	}
}

func TestWithoutTableCalcs(t *testing.T) {
	src := &sliceRows{}
	cols, rows := WithTableCalcs(fixtureCols, src, nil, time.Now())
	if rows != Rows(src) || len(cols) != len(fixtureCols) {
		t.Error("no calculations should change nothing")
	}
}

// funcRows makes rows with a function.
type funcRows struct {
	n, i int
	row  func(int) []any
}

func (f *funcRows) Next() bool          { f.i++; return f.i <= f.n }
func (f *funcRows) Row() ([]any, error) { return f.row(f.i - 1), nil }
func (f *funcRows) Err() error          { return nil }
