package lookerexpr

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func testTable() Table {
	cols := map[string][]any{
		"orders.status": {"complete", "pending", nil, "complete"},
		"orders.count":  {int64(4), json.Number("1"), int64(3), 2.0},
		"orders.total":  {10.0, nil, 30.0, 60.0},
	}
	return Table{Rows: 4, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Column: func(name string) ([]any, error) {
		c, ok := cols[name]
		if !ok {
			return nil, fmt.Errorf("no column %s", name)
		}
		return c, nil
	}}
}

func TestEval(t *testing.T) {
	cases := []evalCase{
		{`${orders.count} * 2`, `[8 2 6 4]`},
		{`${orders.total} / ${orders.count}`, `[2.5 <nil> 10 30]`},
		{`${orders.count} / 0`, `[<nil> <nil> <nil> <nil>]`},
		{`offset(${orders.count}, -1)`, `[<nil> 4 1 3]`},
		{`offset(${orders.count}, 1) - ${orders.count}`, `[-3 2 -1 <nil>]`},
		{`running_total(${orders.total})`, `[10 10 40 100]`},
		{`percent_of_column_sum(${orders.total})`, `[0.1 <nil> 0.3 0.6]`},
		{`sum(${orders.count})`, `[10 10 10 10]`},
		{`mean(${orders.total})`, `[33.333333333333336 33.333333333333336 33.333333333333336 33.333333333333336]`},
		{`max(${orders.status})`, `[pending pending pending pending]`},
		{`min(${orders.count}) + count(${orders.total})`, `[4 4 4 4]`},
		{`row()`, `[1 2 3 4]`},
		{`if(${orders.status} = "complete", "done", coalesce(${orders.status}, "?"))`, `[done pending ? done]`},
		{`is_null(${orders.total}) OR ${orders.count} > 3`, `[true true false false]`},
		{`${orders.count} > 3 AND is_null(${orders.status})`, `[false false false false]`},
		{`${orders.total} > 20 AND ${orders.count} > 0`, `[false <nil> true true]`},
		{`concat(${orders.status}, "-", row())`, `[complete-1 pending-2 <nil> complete-4]`},
		{`contains(${orders.status}, "pend")`, `[false true <nil> false]`},
		{`round(${orders.total} / 7, 2)`, `[1.43 <nil> 4.29 8.57]`},
		{`mod(row(), 2) = 0`, `[false true false true]`},
		{`now() > date(2025, 12, 31)`, `[true true true true]`},
		{`-abs(-${orders.count}) + floor(1.5) + ceiling(0.2)`, `[-2 1 -1 0]`},
	}
	runEvalCases(t, cases, testTable(), nil)
}

type evalCase struct{ in, want string }

// runEvalCases evaluates each case over table, after checking it as a
// table calculation when types is set.
func runEvalCases(t *testing.T, cases []evalCase, table Table, types FieldTypes) {
	t.Helper()
	for _, c := range cases {
		n, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		if types != nil {
			if _, err := Check(n, types, true); err != nil {
				t.Errorf("Check(%q): %v", c.in, err)
			}
		}
		got, err := Eval(n, table)
		if err != nil {
			t.Errorf("Eval(%q): %v", c.in, err)
			continue
		}
		if s := fmt.Sprint(got); s != c.want {
			t.Errorf("Eval(%q) = %s, want %s", c.in, s, c.want)
		}
	}
}

func TestEvalUnknownField(t *testing.T) {
	n, _ := Parse(`${orders.nope} + 1`)
	if _, err := Eval(n, testTable()); err == nil {
		t.Error("no error for an unknown column")
	}
}

// pivotTable is a result of two rows pivoted over three columns.
func pivotTable() Table {
	counts := [][]any{{1.0, 10.0}, {2.0, nil}, {4.0, 30.0}} // by pivot column, then row
	var at func(i int) Table
	at = func(i int) Table {
		col := func(name string) ([]any, error) {
			if i == 3 {
				return []any{7.0, 40.0}, nil // the row total
			}
			return counts[i], nil
		}
		return Table{Rows: 2, Column: col, Pivot: &Pivot{Index: i, Count: 3, At: at}}
	}
	return at(1)
}

func TestEvalPivot(t *testing.T) {
	cases := []evalCase{
		{`pivot_column()`, `[2 2]`},
		{`pivot_offset(${c}, -1)`, `[1 10]`},
		{`pivot_offset(${c}, 2)`, `[<nil> <nil>]`},
		{`pivot_index(${c}, 3) - ${c}`, `[2 <nil>]`},
		{`sum(pivot_row(${c}))`, `[7 40]`},
		{`count(pivot_row(${c})) + max(pivot_row(${c}))`, `[7 32]`},
		{`mean(pivot_row(${c} * 2))`, `[4.666666666666667 40]`},
		{`pivot_where(${c} = 4, pivot_column())`, `[3 <nil>]`},
		{`${c} / sum(pivot_row(${c}))`, `[0.2857142857142857 <nil>]`},
		{`sum(${c})`, `[2 2]`},
	}
	runEvalCases(t, cases, pivotTable(), func(string) (Type, bool) { return TypeNumber, true })
	for _, bad := range []string{`pivot_row(${c})`, `pivot_row(${c}) + 1`, `percent_of_column_sum(pivot_row(${c}))`, `pivot_offset(${c}, ${c})`} {
		n, _ := Parse(bad)
		if _, err := Check(n, func(string) (Type, bool) { return TypeNumber, true }, true); err == nil {
			t.Errorf("Check(%q) passed", bad)
		}
	}
}

func TestEvalPositionalAndStatistics(t *testing.T) {
	cases := []evalCase{
		{`index(${orders.count}, 3)`, `[3 3 3 3]`},
		{`index(${orders.count}, row() + 1)`, `[1 3 2 <nil>]`},
		{`lookup("pending", ${orders.status}, ${orders.count})`, `[1 1 1 1]`},
		{`lookup(${orders.status}, ${orders.status}, ${orders.total})`, `[10 <nil> <nil> 10]`},
		{`sum(offset_list(${orders.count}, -1, 2))`, `[4 5 4 5]`},
		{`max(list(${orders.count}, 3.5))`, `[4 3.5 3.5 3.5]`},
		{`percent_of_previous(${orders.count})`, `[<nil> 0.25 3 0.6666666666666666]`},
		{`percent_change_from_previous(${orders.count})`, `[<nil> -0.75 2 -0.33333333333333337]`},
		{`rank(${orders.count}, ${orders.count})`, `[1 4 2 3]`},
		{`running_product(${orders.count})`, `[4 4 12 24]`},
		{`count_distinct(${orders.status})`, `[2 2 2 2]`},
		{`median(${orders.count}) + percentile(${orders.total}, 0.25)`, `[22.5 22.5 22.5 22.5]`},
		{`var_samp(${orders.count}) + var_pop(${orders.count})`, `[2.916666666666667 2.916666666666667 2.916666666666667 2.916666666666667]`},
		{`round(stddev_samp(${orders.total}) + stddev_pop(${orders.total}), 6)`, `[45.714161 45.714161 45.714161 45.714161]`},
		{`round(sin(1) + cos(1) + tan(1) + atan(1), 6)`, `[3.724579 3.724579 3.724579 3.724579]`},
		{`asin(2)`, `[<nil> <nil> <nil> <nil>]`},
	}
	runEvalCases(t, cases, testTable(), func(name string) (Type, bool) {
		return map[string]Type{"orders.status": TypeString}[name], true
	})
}
