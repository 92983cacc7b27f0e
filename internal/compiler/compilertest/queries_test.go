package compilertest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

func qry(view string, filters map[string]string, fields ...string) compiler.Query {
	return compiler.Query{Model: "thelook", View: view, Fields: fields, Filters: filters, Limit: "5000"}
}

// differential are queries that must return the same rows everywhere.
var differential = []compiler.Query{
	qry("products", nil, "products.brand", "products.count"),
	qry("products", nil, "products.category", "products.count", "products.brand_count", "products.average_retail_price"),
	qry("products", map[string]string{"products.brand": "A%,B%,C%,D%"}, "products.brand", "products.count"),
	qry("products", map[string]string{"products.count": ">20"}, "products.department", "products.category", "products.count"),
	qry("products", nil, "products.retail_price_tier", "products.count"),
	qry("products", nil, "distribution_centers.name", "products.count"),
	qry("users", nil, "users.state", "users.count", "users.average_age"),
	qry("users", map[string]string{"users.age": "[20,40)", "users.gender": "F"}, "users.country", "users.count"),
	qry("users", nil, "users.age_tier", "users.is_female", "users.count"),
	qry("users", nil, "users.traffic_source", "users.count", "orders.count", "orders.total_items", "orders.average_items"),
	qry("users", nil, "users.state", "users.count", "orders.count", "orders.total_items", "order_items.count",
		"order_items.total_sale_price", "order_items.average_sale_price", "order_items.order_count"),
	qry("users", map[string]string{"orders.status": "Complete,Shipped"}, "users.gender", "users.average_age", "orders.average_items"),
	qry("users", nil, "users.created_year", "users.count"),
	qry("orders", nil, "orders.status", "orders.count", "orders.count_returned", "orders.total_items"),
	qry("orders", map[string]string{"orders.created_date": "30 days"}, "orders.created_date", "orders.count"),
	qry("orders", map[string]string{"orders.created_date": "2025"}, "orders.created_month", "orders.count", "users.count"),
	qry("orders", nil, "orders.created_quarter", "orders.count"),
	qry("orders", map[string]string{"orders.is_returned": "yes"}, "orders.gender", "orders.count"),
	qry("orders", nil, "users.country", "orders.count", "order_items.total_sale_price", "orders.total_items"),
	qry("order_items", nil, "order_items.status", "order_items.count", "order_items.returned_count", "order_items.total_sale_price"),
	qry("order_items", nil, "order_items.sale_price_tier", "order_items.count"),
	qry("order_items", map[string]string{"order_items.sale_price": ">=100", "products.category": "-Jeans"}, "products.category", "order_items.average_sale_price"),
	qry("order_items", nil, "distribution_centers.name", "order_items.total_sale_price", "users.count", "orders.count"),
	qry("order_items", nil, "user_order_facts.lifetime_orders_tier", "user_order_facts.is_repeat_customer", "order_items.count"),
	qry("order_items", map[string]string{"order_items.created_date": "before 2025-06-01"}, "order_items.created_year", "order_items.count"),
	qry("inventory_items", nil, "products.department", "inventory_items.count"),
	qry("events", nil, "events.event_type", "events.count", "users.count"),
	qry("distribution_centers", nil, "distribution_centers.name", "products.count"),
}

// differentialRun runs every query on every engine and compares the rows.
func differentialRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	withRows := 0
	for i, q := range differential {
		var want [][]string
		var first string
		for _, name := range []string{"duckdb", "postgres", "mysql"} {
			e, ok := es[name]
			if !ok {
				continue
			}
			c, err := compiler.Compile(m, q, e.Dialect(), compiler.Context{Now: asOf})
			if err != nil {
				t.Errorf("query %d (%v) on %s: %v", i, q.Fields, name, err)
				continue
			}
			got := run(t, e, c.SQL, c.Args...)
			if first == "" {
				want, first = got, name
				if len(got) > 0 {
					withRows++
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("query %d %v: %s and %s differ\n%s: %v\n%s: %v\nSQL:\n%s", i, q.Fields, first, name, first, head(want), name, head(got), c.SQL)
			}
		}
	}
	if len(differential) < 20 || withRows < len(differential)*8/10 {
		t.Errorf("%d queries, %d with rows", len(differential), withRows)
	}
	t.Logf("%d queries compared on %d engines, %d returned rows", len(differential), len(es), withRows)
}

func head(rows [][]string) string {
	if len(rows) > 8 {
		rows = rows[:8]
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("\n  " + strings.Join(r, " | "))
	}
	return b.String()
}
