package compilertest

import (
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// fanoutChecks pair (AVG(x * 1e0): MySQL averages integers as 4-decimal DECIMALs) a compiled query whose joins fan its measures out with
// hand-written SQL that computes the same figures at each view's grain.
var fanoutChecks = []struct {
	name string
	q    compiler.Query
	sql  string
}{
	{
		name: "users count and average age over orders and items",
		q:    qry("users", nil, "users.gender", "users.count", "users.average_age"),
		sql:  `SELECT gender, COUNT(*), AVG(age * 1e0) FROM users GROUP BY gender ORDER BY 2 DESC, 1`,
	},
	{
		name: "orders sum and average past the order_items fanout",
		q:    qry("users", nil, "users.gender", "orders.total_items", "orders.average_items", "orders.count", "order_items.count"),
		sql: `SELECT u.gender, COALESCE(SUM(o.num_of_item), 0), AVG(o.num_of_item * 1e0), COUNT(o.order_id),
		        (SELECT COUNT(*) FROM order_items oi JOIN orders o2 ON oi.order_id = o2.order_id JOIN users u2 ON o2.user_id = u2.id WHERE u2.gender = u.gender)
		      FROM users u LEFT JOIN orders o ON u.id = o.user_id GROUP BY u.gender ORDER BY 2 DESC, 1`,
	},
	{
		name: "count_distinct and sums with users many_to_one",
		q:    qry("order_items", nil, "users.country", "order_items.order_count", "order_items.total_sale_price", "users.count", "users.average_age"),
		sql: `SELECT u.country, COUNT(DISTINCT oi.order_id), COALESCE(SUM(oi.sale_price), 0),
		        (SELECT COUNT(*) FROM users u2 WHERE u2.country = u.country AND u2.id IN (SELECT user_id FROM order_items)),
		        (SELECT AVG(u2.age * 1e0) FROM users u2 WHERE u2.country = u.country AND u2.id IN (SELECT user_id FROM order_items))
		      FROM order_items oi LEFT JOIN users u ON oi.user_id = u.id GROUP BY u.country ORDER BY 2 DESC, 1`,
	},
}

// fanoutRun compares symmetric aggregates with hand-written SQL.
func fanoutRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	for name, e := range es {
		for _, fc := range fanoutChecks {
			c, err := compiler.Compile(m, fc.q, e.Dialect(), compiler.Context{Now: asOf})
			if err != nil {
				t.Fatalf("%s: %v", fc.name, err)
			}
			got := run(t, e, c.SQL, c.Args...)
			want := run(t, e, fc.sql)
			if len(got) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %s:\ncompiled: %s\nhand-written: %s\nSQL:\n%s", fc.name, name, head(got), head(want), c.SQL)
			}
		}
	}
}
