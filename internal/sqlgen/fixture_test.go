package sqlgen_test

import (
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixtureSQL creates the three tables the integration cases read; the
// column types are the only part that differs by engine.
func fixtureSQL(timestampType, floatType string) []string {
	return []string{
		"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50), city VARCHAR(50))",
		"CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER, status VARCHAR(50), amount " + floatType +
			", created_at " + timestampType + ")",
		"CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER, sale_price " + floatType + ")",
		"INSERT INTO users VALUES (1, 'Ann', 'Paris'), (2, 'Bob', 'Berlin'), (3, 'Cy', NULL)",
		"INSERT INTO orders VALUES (1, 1, 'complete', 100.5, '2024-05-13 14:37:52')," +
			" (2, 1, 'pending', 20.25, '2024-02-29 23:05:09'), (3, 2, 'complete', 50, '2023-12-31 00:00:00')," +
			" (4, 3, 'cancelled', 7.75, '2024-07-04 09:15:00'), (5, 2, '100% done', NULL, '2024-03-10 08:00:00')",
		"INSERT INTO order_items VALUES (1, 1, 10), (2, 1, 20), (3, 1, 70.5), (4, 2, 20.25), (5, 3, 25), (6, 3, 25)",
	}
}

// orderTimes are the fixture's created_at values by order id.
var orderTimes = map[int]time.Time{
	1: time.Date(2024, 5, 13, 14, 37, 52, 0, time.UTC),
	2: time.Date(2024, 2, 29, 23, 5, 9, 0, time.UTC),
	3: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
	4: time.Date(2024, 7, 4, 9, 15, 0, 0, time.UTC),
	5: time.Date(2024, 3, 10, 8, 0, 0, 0, time.UTC),
}

// expectedRows are the results of the golden cases on the fixture, each
// row written as normalize writes it. List cells are sorted (their order is
// the database's).
var expectedRows = map[string][][]string{
	"simple_group_order_limit":      {{"complete", "2"}, {"100% done", "1"}, {"cancelled", "1"}, {"pending", "1"}},
	"joins":                         {{"Berlin", "2", "50"}, {"Paris", "4", "120.75"}},
	"timeframes":                    {timeframeRow(orderTimes[2])},
	"timeframe_group_by_truncation": {{"2024-07", "2024-Q3", "1"}, {"2024-05", "2024-Q2", "1"}, {"2024-03", "2024-Q1", "1"}, {"2024-02", "2024-Q1", "1"}, {"2023-12", "2023-Q4", "1"}},
	"timezone_and_date_add":         {{"2024-05-13 10:37:52", "2024-05-10", "2024-08"}},
	"symmetric_fanout": {{"Berlin", "50", "50", "2", "2", "50"}, {"Paris", "120.75", "60.375", "2", "4", "120.75"},
		{"NULL", "7.75", "7.75", "1", "0", "NULL"}},
	"having_on_measure":      {{"complete", "150.5"}},
	"filter_like_and_dates":  {{"1", "complete"}, {"2", "pending"}},
	"cte":                    {{"Paris", "2"}, {"Berlin", "1"}},
	"pivot_case_columns":     {{"Berlin", "50", "0"}, {"Paris", "100.5", "20.25"}, {"NULL", "0", "0"}},
	"totals_second_query":    {{"170.75", "6"}},
	"nulls_last_sorts":       {{"Paris", "100.5"}, {"Berlin", "50"}, {"NULL", "7.75"}},
	"median_percentile_list": {{"35.125", "85.35", "100% done|RECORD|cancelled|RECORD|complete|RECORD|pending"}},
	"literals_and_casts": {{`it's a \ "test"`, "1", "NULL", "2", "7", "0", "-2.5", "No"},
		{`it's a \ "test"`, "1", "NULL", "3", "7", "1", "-2.5", "Yes"}},
	"list_and_window": {{"Berlin", "100% done|RECORD|complete", "1", "2"}, {"Paris", "complete|RECORD|pending", "1", "4"}},
}

// timeframeRow is what the timeframes case must return for t, computed
// with Go's time package as an independent oracle.
func timeframeRow(t time.Time) []string {
	floor := func(unit time.Duration, n int) time.Time { return t.Truncate(unit * time.Duration(n)) }
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	_, isoWeek := t.ISOWeek()
	q := (int(t.Month())-1)/3 + 1
	byName := map[string]string{
		"raw": t.Format(time.DateTime), "time": t.Format(time.DateTime), "second": t.Format(time.DateTime),
		"minute": t.Format("2006-01-02 15:04"), "hour": t.Format("2006-01-02 15"),
		"date": t.Format(time.DateOnly), "week": t.AddDate(0, 0, -wd).Format(time.DateOnly),
		"month": t.Format("2006-01"), "quarter": fmt.Sprintf("%d-Q%d", t.Year(), q), "year": strconv.Itoa(t.Year()),
		"time_of_day": t.Format("15:04"), "hour_of_day": strconv.Itoa(t.Hour()),
		"day_of_week": t.Weekday().String(), "day_of_week_index": strconv.Itoa(wd),
		"day_of_month": strconv.Itoa(t.Day()), "day_of_year": strconv.Itoa(t.YearDay()),
		"week_of_year": strconv.Itoa(isoWeek), "month_num": strconv.Itoa(int(t.Month())),
		"month_name": t.Month().String(), "quarter_of_year": fmt.Sprintf("Q%d", q),
	}
	for _, n := range []int{2, 5, 15, 30} {
		byName["minute"+strconv.Itoa(n)] = floor(time.Minute, n).Format("2006-01-02 15:04")
	}
	for _, n := range []int{2, 6, 12} {
		byName["hour"+strconv.Itoa(n)] = floor(time.Hour, n).Format("2006-01-02 15")
	}
	var row []string
	for _, tf := range timeframeOrder {
		row = append(row, byName[string(tf)])
	}
	return row
}

// queryRows runs a statement and returns its rows normalised.
func queryRows(db *sql.DB, query string, args []any) ([][]string, error) {
	rows, err := db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		cells := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(cols))
		for i, c := range cells {
			row[i] = normalize(c)
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// normalize writes a cell the same way whichever driver produced it.
func normalize(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return normalize(string(v))
	case bool:
		return map[bool]string{true: "1", false: "0"}[v]
	case float64:
		return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	case float32:
		return normalize(float64(v))
	case time.Time:
		return v.Format(time.DateTime)
	case string:
		if strings.Contains(v, "|RECORD|") {
			parts := strings.Split(v, "|RECORD|")
			slices.Sort(parts)
			return strings.Join(parts, "|RECORD|")
		}
		return v
	}
	return fmt.Sprint(v)
}

// runner runs one rendered statement and returns its rows normalised.
type runner func(query string, args []any) ([][]string, error)

func dbRunner(db *sql.DB) runner {
	return func(query string, args []any) ([][]string, error) { return queryRows(db, query, args) }
}

// checkCases runs every golden case the dialect can render and compares
// the rows with expectedRows. skips names cases known to differ, and why.
func checkCases(t *testing.T, run runner, dialectName string, skips map[string]string) {
	d := mustDialect(t, dialectName)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, ok := expectedRows[c.name]
			text, args, err := renderCase(c, d)
			if err != nil || !ok || skips[c.name] != "" {
				t.Skipf("not run on %s: %v %s", dialectName, err, skips[c.name])
			}
			got, err := run(text, args)
			if err != nil {
				t.Fatalf("%v\n%s", err, text)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("rows\n got %q\nwant %q\n%s", got, want, text)
			}
		})
	}
}
