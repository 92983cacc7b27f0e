package compilertest

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// functionChecks are expressions of the language's functions over demo
// fields: each is computed in SQL (as a custom dimension) and by the
// evaluator (over the fields it reads, as returned), on every engine.
var functionChecks = []struct {
	view   string
	fields []string
	expr   string
}{
	{"users", []string{"users.city"}, `length(${users.city}) * 100 + position(${users.city}, "a")`},
	{"users", []string{"users.city"}, `concat(substring(${users.city}, 2, 3), "|", replace(${users.city}, "an", "_"))`},
	{"users", []string{"users.city", "users.state"}, `if(contains(${users.state}, substring(${users.city}, 1, 1)) OR starts_with(${users.city}, lower(substring(${users.state}, 1, 2))) OR ends_with(${users.city}, substring(${users.state}, 3, 2)), 1, 0)`},
	{"users", []string{"users.age"}, `round(ln(${users.age}) + log(${users.age}) + sqrt(${users.age} - 30) + exp(${users.age} / 10), 6)`},
	{"users", []string{"users.age", "users.state"}, `case(when(${users.age} < 30, choose(${users.age} / 10, "a", "b", "c")), when(starts_with(${users.state}, "C"), ${users.state}), "other")`},
	{"orders", []string{"orders.created_time"}, `if(${orders.created_time} > date_time(2025, 6, 1, 12, 0, 0), 1, 0)`},
	{"users", []string{"users.age"}, `round(sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + atan(${users.age}) + coalesce(asin(${users.age} / 100), 7) + acos(${users.age} / 100), 6)`},
	{"users", []string{"users.age"}, `round(coalesce(power(${users.age} - 40, 0.5), -1) + power(${users.age} - 40, 3) + coalesce(power(2, ${users.age} * 20), -2) + mod(${users.age}, 7), 6)`},
	{"orders", []string{"orders.created_time"}, `add_seconds(61, add_minutes(-5, add_hours(30, ${orders.created_time})))`},
	{"orders", []string{"orders.created_date"}, `add_years(1, add_months(13, add_days(-40, ${orders.created_date})))`},
	{"orders", []string{"orders.created_time"}, `diff_seconds(${orders.created_time}, now()) + diff_minutes(${orders.created_time}, now()) + diff_hours(now(), ${orders.created_time})`},
	{"orders", []string{"orders.created_date", "orders.created_month"}, `diff_days(${orders.created_date}, now()) * 1000 + diff_months(${orders.created_month}, ${orders.created_date}) + diff_years(now(), ${orders.created_date}) * 100000`},
	{"orders", []string{"orders.created_time"}, `extract_seconds(${orders.created_time}) + 100 * extract_minutes(${orders.created_time}) + 10000 * extract_hours(${orders.created_time})`},
	{"orders", []string{"orders.created_date"}, `extract_days(${orders.created_date}) + 100 * extract_months(${orders.created_date}) + 10000 * extract_years(${orders.created_date})`},
	{"orders", []string{"orders.created_date"}, `extract_day_of_week(${orders.created_date}) * 1000 + extract_day_of_year(${orders.created_date})`},
	{"orders", []string{"orders.created_time"}, `extract_unix_timestamp(${orders.created_time})`},
	{"orders", []string{"orders.created_time"}, `trunc_minutes(${orders.created_time})`},
	{"orders", []string{"orders.created_time"}, `trunc_hours(${orders.created_time})`},
	{"orders", []string{"orders.created_date"}, `trunc_weeks(${orders.created_date})`},
	{"orders", []string{"orders.created_date"}, `trunc_quarters(${orders.created_date})`},
	{"orders", []string{"orders.created_week"}, `trunc_years(add_days(3, ${orders.created_week}))`},
}

// functionRun compares each function check's SQL value with the
// evaluator's, row by row, and the rows across engines.
func functionRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	for i, fc := range functionChecks {
		q := dyn(qry(fc.view, nil, append(append([]string{}, fc.fields...), "v")...),
			`[{"dimension":"v","expression":`+quote(fc.expr)+`}]`, "")
		q.Sorts = fc.fields
		n, err := lookerexpr.Parse(fc.expr)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		var first string
		onEngines(t, m, q, es, func(name string, e warehouse.Engine, c *compiler.Compiled) {
			got := runCells(t, e, normCell, c.SQL, c.Args...)
			if len(got) == 0 {
				t.Errorf("function check %d: no rows on %s", i, name)
				return
			}
			checkEvaluator(t, i, name, fc.fields, n, got, c.SQL)
			if nonNull := countValues(got); nonNull < len(got)/2 {
				t.Errorf("function check %d on %s: only %d of %d values are not null", i, name, nonNull, len(got))
			}
			if first == "" {
				want, first = got, name
			} else if !reflect.DeepEqual(got, want) {
				t.Errorf("function check %d (%s): %s and %s differ\n%s: %v\n%s: %v", i, fc.expr, first, name, first, head(want), name, head(got))
			}
		})
	}
	t.Logf("%d function checks compared with the evaluator on %d engines", len(functionChecks), len(es))
}

// onEngines compiles q for DuckDB, PostgreSQL and MariaDB in turn (those
// that run) and hands each compiled query to fn.
func onEngines(t *testing.T, m *semantic.Model, q compiler.Query, es map[string]warehouse.Engine,
	fn func(name string, e warehouse.Engine, c *compiler.Compiled)) {
	t.Helper()
	for _, name := range []string{"duckdb", "postgres", "mysql"} {
		e, ok := es[name]
		if !ok {
			continue
		}
		c, err := compiler.Compile(m, q, e.Dialect(), compiler.Context{Now: asOf})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		fn(name, e, c)
	}
}

// checkEvaluator evaluates n over the rows' field columns and compares
// with their last column, the SQL's value.
func checkEvaluator(t *testing.T, i int, engine string, fields []string, n lookerexpr.Node, rows [][]string, sql string) {
	t.Helper()
	table := lookerexpr.Table{Rows: len(rows), Now: asOf, Column: func(name string) ([]any, error) {
		col := -1
		for k, f := range fields {
			if f == name {
				col = k
			}
		}
		out := make([]any, len(rows))
		for r, row := range rows {
			out[r] = evalInput(row[col])
		}
		return out, nil
	}}
	vals, err := lookerexpr.Eval(n, table)
	if err != nil {
		t.Fatalf("function check %d: %v", i, err)
	}
	bad := 0
	for r, row := range rows {
		if got := normCell(vals[r]); got != row[len(row)-1] {
			if bad++; bad <= 3 {
				t.Errorf("function check %d on %s, row %v: SQL %s, evaluator %s\n%s", i, engine, row[:len(row)-1], row[len(row)-1], got, sql)
			}
		}
	}
}

// countValues counts the rows whose last column is not NULL.
func countValues(rows [][]string) int {
	n := 0
	for _, r := range rows {
		if r[len(r)-1] != "NULL" {
			n++
		}
	}
	return n
}

// evalInput is a field's value as the evaluator reads it from a result.
func evalInput(s string) any {
	if s == "NULL" {
		return nil
	}
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err == nil {
		return f
	}
	return s
}

// normCell is cell with times read back from text, so that a DATETIME
// returned as text compares with a time.
func normCell(v any) string {
	if s, ok := v.(string); ok {
		for _, layout := range []string{time.DateTime, time.DateOnly} {
			if tm, err := time.Parse(layout, s); err == nil {
				return cell(tm)
			}
		}
	}
	return cell(v)
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// pivotCalcQueries are pivoted queries with table calculations and
// expression measures, run through the result writer on every engine.
var pivotCalcQueries = []compiler.Query{
	withPivot(dyn(qry("orders", nil, "orders.created_year", "orders.status", "orders.count", "share", "previous", "total", "first", "spread"),
		`[{"table_calculation":"share","expression":"${orders.count} / sum(pivot_row(${orders.count}))"},
		  {"table_calculation":"previous","expression":"${orders.count} - pivot_offset(${orders.count}, -1)"},
		  {"table_calculation":"total","expression":"sum(pivot_row(${orders.count}))"},
		  {"table_calculation":"first","expression":"pivot_index(${orders.count}, 1) + pivot_column() + offset(${orders.count}, 1)"},
		  {"table_calculation":"spread","expression":"round(stddev_pop(pivot_row(${orders.count})) + median(${orders.count}) + rank(${orders.count}, ${orders.count}) + sum(pivot_offset_list(${orders.count}, 0, 2)), 6)"}]`, ""),
		"orders.status"),
	withPivot(dyn(qry("users", map[string]string{"users.state": "California,Texas,New York"}, "users.gender", "users.state", "users.count", "per_user", "age_span", "running"),
		`[{"measure":"per_user","expression":"${order_items.total_sale_price} / ${users.count}"},
		  {"measure":"age_span","expression":"max(${users.age}) - min(${users.age}) + count_distinct(${users.city}) * 0"},
		  {"table_calculation":"running","expression":"running_total(${per_user}) + pivot_where(${users.state} = \"Texas\", ${users.count})"}]`, ""),
		"users.state"),
}

func withPivot(q compiler.Query, pivots ...string) compiler.Query {
	q.Pivots, q.Total, q.RowTotal = pivots, true, "right"
	return q
}

// pivotCalcRun compares the json of the pivoted queries across engines,
// numbers to 9 significant digits.
func pivotCalcRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	f, _ := results.Lookup("json_detail")
	for i, q := range pivotCalcQueries {
		var want any
		var first string
		onEngines(t, m, q, es, func(name string, e warehouse.Engine, c *compiler.Compiled) {
			var buf bytes.Buffer
			if _, err := queries.Run(context.Background(), e, c, f, &buf, results.Options{RanAt: asOf}); err != nil {
				t.Errorf("pivot calc query %d on %s: %v", i, name, err)
				return
			}
			var doc map[string]any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			got := rounded(map[string]any{"data": doc["data"], "totals": doc["totals_data"], "pivots": doc["pivots"]})
			if rows, _ := doc["data"].([]any); len(rows) == 0 {
				t.Errorf("pivot calc query %d: no rows on %s", i, name)
			}
			for _, calc := range c.TableCalcs {
				if !bytes.Contains(buf.Bytes(), []byte(`"`+calc.Name+`":{"`)) {
					t.Errorf("pivot calc query %d on %s: no values of %s", i, name, calc.Name)
				}
			}
			if first == "" {
				want, first = got, name
			} else if !reflect.DeepEqual(got, want) {
				a, _ := json.Marshal(want)
				b, _ := json.Marshal(got)
				t.Errorf("pivot calc query %d: %s and %s differ\n%s: %.2000s\n%s: %.2000s", i, first, name, first, a, name, b)
			}
		})
	}
	t.Logf("%d pivoted queries with table calculations compared", len(pivotCalcQueries))
}

// rounded replaces numbers by their 9-significant-digit text, and drops
// rendered text (whose number formatting follows the value).
func rounded(v any) any {
	switch x := v.(type) {
	case float64:
		return cell(x)
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k != "rendered" {
				out[k] = rounded(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = rounded(e)
		}
		return out
	}
	return v
}
