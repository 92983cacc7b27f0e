package lookerexpr

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden SQL files under testdata/")

// functionCases use every function of the language that has SQL.
var functionCases = []string{
	`length(${users.state})`,
	`position(${users.state}, "a")`,
	`substring(${users.state}, 2, 3)`,
	`replace(${users.state}, "a", "b")`,
	`contains(${users.state}, lower(${users.state}))`,
	`starts_with(${users.state}, upper(${users.state}))`,
	`ends_with(${users.state}, concat("a", ${users.state}))`,
	`ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})`,
	`sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})`,
	`power(${users.age}, 0.5)`,
	`case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")`,
	`choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))`,
	`mod(${users.age}, 7)`,
	`add_seconds(1, ${users.created_date})`,
	`add_minutes(2, ${users.created_date})`,
	`add_hours(3, ${users.created_date})`,
	`add_days(-4, ${users.created_date})`,
	`add_months(5, ${users.created_date})`,
	`add_years(6, ${users.created_date})`,
	`diff_seconds(${users.created_date}, now())`,
	`diff_minutes(${users.created_date}, now())`,
	`diff_hours(${users.created_date}, now())`,
	`diff_days(${users.created_date}, now())`,
	`diff_months(${users.created_date}, now())`,
	`diff_years(${users.created_date}, now())`,
	`extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})`,
	`extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})`,
	`extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})`,
	`extract_unix_timestamp(${users.created_date})`,
	`trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})`,
	`trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})`,
	`trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)`,
}

// TestFunctionsGolden renders every function on every dialect into
// testdata/functions/<dialect>.sql.
func TestFunctionsGolden(t *testing.T) {
	for _, d := range []string{"duckdb", "postgres", "mysql", "sqlite", "bigquery", "snowflake", "trino", "clickhouse"} {
		t.Run(d, func(t *testing.T) {
			var b strings.Builder
			for _, src := range functionCases {
				sql, args, err := testSQL(t, d, src)
				if err != nil {
					t.Errorf("%s: %v", src, err)
					continue
				}
				fmt.Fprintf(&b, "-- %s\n%s\n-- args %v\n\n", src, sql, args)
			}
			path := filepath.Join("testdata", "functions", d+".sql")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs (run with -update to accept):\n%s", path, b.String())
			}
		})
	}
}

func TestEvalFunctions(t *testing.T) {
	day := time.Date(2024, 1, 31, 13, 45, 30, 0, time.UTC)
	cases := []struct {
		in   string
		want any
	}{
		{`length("héllo")`, 5.0},
		{`position("héllo", "l")`, 3.0},
		{`position("abc", "z")`, 0.0},
		{`substring("héllo", 2, 3)`, "éll"},
		{`substring("abc", 3, 10)`, "c"},
		{`substring("abc", 9, 1)`, ""},
		{`substring("abc", 0, 1)`, nil},
		{`replace("banana", "an", "_")`, "b__a"},
		{`replace("abc", "", "x")`, "abc"},
		{`contains("abc", lower("B"))`, true},
		{`ln(0)`, nil},
		{`log(1000)`, 3.0},
		{`sqrt(-1)`, nil},
		{`exp(710)`, nil},
		{`exp(-800)`, 0.0},
		{`power(2, 10)`, 1024.0},
		{`power(-8, 0.5)`, nil},
		{`power(0, -1)`, nil},
		{`power(0, 0)`, 1.0},
		{`power(10, 400)`, nil},
		{`mod(7, 0)`, nil},
		{`add_months(1, ${d})`, time.Date(2024, 2, 29, 13, 45, 30, 0, time.UTC)},
		{`add_years(-1, add_days(29, ${d}))`, time.Date(2023, 2, 28, 13, 45, 30, 0, time.UTC)},
		{`add_hours(11, ${d})`, time.Date(2024, 2, 1, 0, 45, 30, 0, time.UTC)},
		{`diff_days(${d}, date(2024, 2, 1))`, 1.0},
		{`diff_hours(${d}, date(2024, 2, 1))`, 11.0},
		{`diff_months(date(2023, 12, 31), ${d})`, 1.0},
		{`diff_years(${d}, date(2020, 6, 1))`, -4.0},
		{`diff_seconds(date(1969, 12, 31), ${d}) > 0`, true},
		{`extract_day_of_week(${d})`, 2.0}, // a Wednesday
		{`extract_day_of_year(${d}) + extract_seconds(${d})`, 61.0},
		{`extract_unix_timestamp(date(1970, 1, 2))`, 86400.0},
		{`trunc_weeks(${d})`, time.Date(2024, 1, 29, 0, 0, 0, 0, time.UTC)},
		{`trunc_quarters(${d}) = date(2024, 1, 1)`, true},
		{`trunc_days(${s}) = date(2024, 3, 5)`, true},
		{`extract_months(${s})`, 3.0},
		{`case(when(1 > 2, "a"), when(2 > 1, "b"), "c")`, "b"},
		{`case(when(1 > 2, "a"))`, nil},
		{`choose(2.7, "a", "b", "c")`, "b"},
		{`choose(4, "a", "b", "c")`, nil},
		{`date_time(2024, 1, 31, 13, 45, 30) = ${d}`, true},
	}
	cols := map[string][]any{"d": {day}, "s": {"2024-03-05"}}
	table := Table{Rows: 1, Column: func(name string) ([]any, error) { return cols[name], nil }}
	for _, c := range cases {
		n, err := Parse(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		got, err := Eval(n, table)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if fmt.Sprint(got[0]) != fmt.Sprint(c.want) {
			t.Errorf("%s = %v, want %v", c.in, got[0], c.want)
		}
	}
}
