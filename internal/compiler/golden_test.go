package compiler_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
)

var update = flag.Bool("update", false, "rewrite the golden SQL files under testdata/")

// goldenDialects are the databases the compiled SQL is pinned for.
var goldenDialects = []string{"duckdb", "postgres", "mysql", "sqlite"}

// fixedNow makes relative date filters reproducible.
var fixedNow = time.Date(2026, 3, 18, 15, 4, 5, 0, time.UTC)

type goldenCase struct {
	name  string
	model string // "" is thelook
	q     compiler.Query
	attrs map[string]string
}

func q(view string, fields ...string) compiler.Query {
	return compiler.Query{Model: "thelook", View: view, Fields: fields}
}

func with(base compiler.Query, edit func(*compiler.Query)) compiler.Query {
	edit(&base)
	return base
}

var goldenCases = []goldenCase{
	{name: "count_by_brand", q: q("products", "products.brand", "products.count")},
	// The SDK integration tests' queries (sdk-test-data.json).
	{name: "sdk_user_query", q: with(q("users", "users.id", "users.age", "users.city", "users.email", "users.first_name",
		"users.last_name", "users.zip", "users.state", "users.country"), func(q *compiler.Query) { q.Limit = "10" })},
	{name: "sdk_brand_query", q: with(q("products", "products.brand", "products.count"), func(q *compiler.Query) { q.Limit = "100" })},
	{name: "measure_types", q: q("order_items", "order_items.status", "order_items.count", "order_items.order_count",
		"order_items.total_sale_price", "order_items.average_sale_price", "order_items.median_sale_price",
		"order_items.returned_count", "order_items.dynamic_sale_price")},
	{name: "fanout_users_orders_items", q: q("users", "users.state", "users.count", "users.average_age",
		"orders.count", "orders.total_items", "orders.average_items", "order_items.count", "order_items.order_count",
		"order_items.total_sale_price")},
	{name: "fanout_one_level", q: q("users", "users.gender", "users.count", "orders.total_items")},
	{name: "filter_string", q: with(q("users", "users.state", "users.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"users.state": "Cal%,New York,-Texas", "users.city": "-EMPTY"}
	})},
	{name: "filter_number", q: with(q("users", "users.age", "users.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"users.age": "[20,40),>=65", "users.id": "NOT NULL"}
	})},
	{name: "filter_date", q: with(q("orders", "orders.created_date", "orders.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"orders.created_date": "7 days", "orders.shipped_date": "2025-01 to 2025-06"}
	})},
	{name: "filter_date_timezone", q: with(q("orders", "orders.created_month", "orders.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"orders.created_date": "this year"}
		q.QueryTimezone = "America/New_York"
	})},
	{name: "filter_yesno_tier", q: with(q("order_items", "order_items.sale_price_tier", "order_items.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"order_items.is_returned": "No", "order_items.sale_price_tier": ">= 25 and < 50,500 or Above"}
	})},
	{name: "filter_measure_having", q: with(q("products", "products.brand", "products.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"products.count": ">10", "products.category": "Jeans"}
	})},
	{name: "sorts", q: with(q("users", "users.state", "users.city", "users.count"), func(q *compiler.Query) {
		q.Sorts = []string{"users.city desc", "users.count"}
	})},
	{name: "unsorted", q: with(q("users", "users.state", "users.count"), func(q *compiler.Query) {
		q.Sorts = []string{"__UNSORTED__"}
		q.Limit = "-1"
	})},
	{name: "default_sort_time", q: q("orders", "orders.status", "orders.created_week", "orders.count")},
	{name: "default_sort_dims_only", q: q("users", "users.country", "users.state")},
	{name: "required_joins", q: q("order_items", "distribution_centers.name", "order_items.total_sale_price")},
	{name: "derived_table", q: q("order_items", "user_order_facts.lifetime_orders_tier", "user_order_facts.is_repeat_customer", "order_items.count")},
	{name: "timeframes", q: q("order_items", "order_items.created_year", "order_items.created_quarter",
		"order_items.created_month_name", "order_items.created_day_of_week", "order_items.count")},
	{name: "access_and_always_filter", model: "secure", q: q("secure_users", "users.state", "users.count", "orders.count"),
		attrs: map[string]string{"state": "California"}},
	{name: "always_filter_overridden", model: "secure", q: with(q("secure_users", "users.country", "users.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"users.country": "UK"}
	}), attrs: map[string]string{"state": "%"}},
	{name: "conditionally_filter", model: "secure", q: q("recent_orders", "orders.status", "orders.count")},
	{name: "conditionally_filter_lifted", model: "secure", q: with(q("recent_orders", "orders.status", "orders.count"), func(q *compiler.Query) {
		q.Filters = map[string]string{"orders.order_id": ">100"}
	})},
}

// TestGolden compiles every case for every dialect and compares the SQL and
// its arguments with testdata/<case>/<dialect>.sql.
func TestGolden(t *testing.T) {
	for _, gc := range goldenCases {
		for _, d := range goldenDialects {
			t.Run(gc.name+"/"+d, func(t *testing.T) {
				c, err := compiler.Compile(testModel(t, gc.model), gc.q, d, compiler.Context{UserAttributes: gc.attrs, Now: fixedNow})
				got := goldenText(c, err)
				checkGolden(t, filepath.Join("testdata", gc.name, d+".sql"), got)
			})
		}
	}
}

func goldenText(c *compiler.Compiled, err error) string {
	if err != nil {
		return "-- error: " + errText(err) + "\n"
	}
	var b strings.Builder
	b.WriteString(c.SQL)
	b.WriteString("\n-- args:")
	for _, a := range c.Args {
		switch v := a.(type) {
		case time.Time:
			fmt.Fprintf(&b, " %s", v.Format(time.RFC3339))
		case string:
			fmt.Fprintf(&b, " %q", v)
		default:
			fmt.Fprintf(&b, " %v", v)
		}
	}
	b.WriteString("\n-- columns:")
	for _, col := range c.Columns {
		fmt.Fprintf(&b, " %s(%s", col.Name, col.Kind)
		if col.Hidden {
			b.WriteString(",hidden")
		}
		b.WriteString(")")
	}
	b.WriteString("\n")
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// errText is an error with the details a client would see.
func errText(err error) string {
	var oe *overlook.Error
	if !errors.As(err, &oe) {
		return "non-domain error: " + err.Error()
	}
	text := oe.Code + ": " + oe.Message
	for _, d := range oe.Details {
		text += "; " + d.Field + " " + d.Code + ": " + d.Message
	}
	return text
}

// TestSuggestGolden pins the suggestion queries.
func TestSuggestGolden(t *testing.T) {
	cases := []struct {
		name  string
		model string
		sq    compiler.SuggestQuery
		attrs map[string]string
	}{
		{name: "brand_term", sq: compiler.SuggestQuery{Explore: "products", Field: "products.brand", Term: "ca_l%"}},
		{name: "brand_filtered", sq: compiler.SuggestQuery{Explore: "products", Field: "products.brand",
			Filters: map[string]string{"products.category": "Jeans", "distribution_centers.name": "-NULL"}}},
		{name: "tier", sq: compiler.SuggestQuery{Explore: "users", Field: "users.age_tier"}},
		{name: "access_filter", model: "secure", sq: compiler.SuggestQuery{Explore: "secure_users", Field: "users.city", Term: "san"},
			attrs: map[string]string{"state": "California"}},
	}
	for _, tc := range cases {
		for _, d := range goldenDialects {
			t.Run(tc.name+"/"+d, func(t *testing.T) {
				s, err := compiler.Suggest(testModel(t, tc.model), tc.sq, d, compiler.Context{UserAttributes: tc.attrs, Now: fixedNow})
				var c *compiler.Compiled
				if err == nil {
					c = s.Query
				}
				checkGolden(t, filepath.Join("testdata", "suggest_"+tc.name, d+".sql"), goldenText(c, err))
			})
		}
	}
}
