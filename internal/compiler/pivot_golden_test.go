package compiler_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
)

// pivotCases pin the pivot form and the totals queries; the golden file
// holds the main statement, then each side query under a comment.
var pivotCases = []goldenCase{
	{name: "pivot_status_by_brand", q: with(q("order_items", "products.brand", "order_items.status", "order_items.count"),
		func(q *compiler.Query) { q.Pivots = []string{"order_items.status"}; q.Limit = "20" })},
	{name: "pivot_two_fields_sorted", q: with(q("order_items", "users.state", "order_items.count", "order_items.total_sale_price"),
		func(q *compiler.Query) {
			q.Pivots = []string{"users.gender", "order_items.created_year"}
			q.Sorts = []string{"order_items.created_year desc", "order_items.total_sale_price desc"}
			q.ColumnLimit = "10"
		})},
	{name: "pivot_tier_unsorted", q: with(q("users", "users.country", "users.age_tier", "users.count"),
		func(q *compiler.Query) { q.Pivots = []string{"users.age_tier"}; q.Sorts = []string{"__UNSORTED__"} })},
	{name: "totals", q: with(q("users", "users.state", "users.count", "users.average_age", "orders.count"),
		func(q *compiler.Query) { q.Total = true })},
	{name: "pivot_totals_row_totals", q: with(q("order_items", "products.category", "order_items.status", "order_items.count",
		"order_items.order_count"), func(q *compiler.Query) {
		q.Pivots = []string{"order_items.status"}
		q.Total, q.RowTotal = true, "right"
		q.Filters = map[string]string{"products.category": "Jeans,Shorts"}
	})},
	{name: "pivot_sort_by_column", q: with(q("order_items", "products.brand", "order_items.status", "order_items.count"),
		func(q *compiler.Query) {
			q.Pivots = []string{"order_items.status"}
			q.Sorts = []string{"order_items.count desc 1", "products.brand"}
		})},
	{name: "pivot_bad_column_limit", q: with(q("users", "users.state", "users.gender", "users.count"),
		func(q *compiler.Query) { q.Pivots = []string{"users.gender"}; q.ColumnLimit = "many" })},
	{name: "pivot_measure", q: with(q("users", "users.state", "users.count"),
		func(q *compiler.Query) { q.Pivots = []string{"users.count"} })},
}

func TestPivotGolden(t *testing.T) {
	for _, gc := range pivotCases {
		for _, d := range goldenDialects {
			t.Run(gc.name+"/"+d, func(t *testing.T) {
				c, err := compiler.Compile(testModel(t, gc.model), gc.q, d, compiler.Context{UserAttributes: gc.attrs, Now: fixedNow})
				checkGolden(t, filepath.Join("testdata", gc.name, d+".sql"), pivotText(c, err))
			})
		}
	}
}

func pivotText(c *compiler.Compiled, err error) string {
	text := goldenText(c, err)
	if err != nil {
		return text
	}
	var b strings.Builder
	b.WriteString(text)
	if len(c.Pivots) > 0 {
		b.WriteString("-- pivots: " + strings.Join(c.Pivots, ", ") + "\n")
	}
	for _, side := range []struct {
		name string
		c    *compiler.Compiled
	}{{"totals", c.Totals}, {"row totals", c.RowTotals}, {"grand totals", c.GrandTotals}} {
		if side.c != nil {
			b.WriteString("\n-- " + side.name + ":\n" + goldenText(side.c, nil))
		}
	}
	return b.String()
}

// TestPivotKeepsARowLimit: an unlimited download of a pivoted query is cut
// at the row cap, since its rows are reshaped in memory.
func TestPivotKeepsARowLimit(t *testing.T) {
	query := with(q("users", "users.state", "users.gender", "users.count"), func(q *compiler.Query) {
		q.Pivots, q.Limit = []string{"users.gender"}, "-1"
	})
	c, err := compiler.Compile(testModel(t, ""), query, "duckdb", compiler.Context{Unlimited: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if c.Limit != compiler.DefaultMaxLimit || !strings.Contains(c.SQL, "<= 5000") {
		t.Errorf("limit %d, SQL:\n%s", c.Limit, c.SQL)
	}
	flat := query
	flat.Pivots = nil
	if c, err = compiler.Compile(testModel(t, ""), flat, "duckdb", compiler.Context{Unlimited: true, Now: fixedNow}); err != nil || c.Limit != 0 {
		t.Errorf("unpivoted: limit %d, %v; want none", c.Limit, err)
	}
}
