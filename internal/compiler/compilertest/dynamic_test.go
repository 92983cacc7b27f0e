package compilertest

import (
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

func dyn(q compiler.Query, dynamicFields, filterExpression string) compiler.Query {
	q.DynamicFields, q.FilterExpression = dynamicFields, filterExpression
	return q
}

// dynamicQueries use custom dimensions and measures and filter
// expressions; they must return the same rows on every database.
var dynamicQueries = []compiler.Query{
	dyn(qry("users", nil, "age_band", "users.count"),
		`[{"dimension":"age_band","expression":"if(${users.age} >= 40, \"40+\", concat(\"under \", 40))"}]`, ""),
	dyn(qry("users", map[string]string{"is_senior_woman": "Yes"}, "users.state", "users.count", "half_age"),
		`[{"dimension":"is_senior_woman","expression":"${users.age} >= 60 AND ${users.is_female}"},
		  {"dimension":"half_age","expression":"round(${users.age} / 2, 1)"}]`, ""),
	dyn(qry("users", map[string]string{"complete_sales": ">100"}, "users.state", "complete_sales", "states", "oldest", "youngest", "mean_age"),
		`[{"measure":"complete_sales","based_on":"order_items.sale_price","type":"sum","filters":{"orders.status":"Complete"}},
		  {"measure":"states","based_on":"users.city","type":"count_distinct"},
		  {"measure":"oldest","based_on":"users.age","type":"max"},
		  {"measure":"youngest","based_on":"users.age","type":"min"},
		  {"measure":"mean_age","based_on":"users.age","type":"average"}]`, ""),
	dyn(qry("users", nil, "users.country", "orders_counted"),
		`[{"measure":"orders_counted","based_on":"orders.order_id","type":"count"}]`, ""),
	dyn(qry("users", nil, "users.state", "users.count"), "",
		`(${users.state} = "California" OR contains(${users.city}, "an")) AND ${users.age} / 3 > 10.5 AND NOT is_null(${users.id})`),
	dyn(qry("products", nil, "products.brand", "products.count"), "",
		`${products.count} > 20 OR starts_with(${products.brand}, "Ca")`),
	dyn(qry("orders", nil, "orders.status", "orders.count"), "",
		`${orders.created_raw} >= date(2025, 6, 1) AND mod(${orders.order_id}, 2) = 0 AND ${orders.is_returned} = no`),
	dyn(qry("orders", nil, "orders.status", "orders.count"), "",
		"matches_filter(${orders.created_date}, `2025-03 to 2025-09`) AND (matches_filter(${orders.status}, `Complete,Shipp%`) OR matches_filter(${orders.num_of_item}, `[2,3]`))"),
	dyn(qry("products", nil, "products.category", "products.count"), "",
		"${products.count} > 10 AND NOT matches_filter(${products.category}, `Jeans,-Pants`)"),
	dyn(qry("users", nil, "users.state", "per_user", "mean_age", "complete_orders"),
		`[{"measure":"per_user","expression":"${order_items.total_sale_price} / ${users.count}"},
		  {"measure":"mean_age","expression":"round(mean(${users.age}), 3) + count(${users.city}) * 0"},
		  {"measure":"complete_orders","expression":"count_distinct(if(${orders.status} = \"Complete\", ${orders.order_id}, null)) + sum(${users.age}) / 1000"}]`, ""),
	dyn(qry("orders", map[string]string{"share_shipped": ">0.1"}, "orders.status", "share_shipped"),
		`[{"measure":"share_shipped","expression":"count(if(matches_filter(${orders.shipped_date}, `+"`2025`"+`), ${orders.order_id}, null)) / ${orders.count}"}]`, ""),
	dyn(qry("orders", nil, "orders.status", "ship_days", "orders.count"),
		`[{"dimension":"ship_days","expression":"diff_days(${orders.created_date}, ${orders.shipped_date})"}]`,
		`extract_day_of_week(${orders.created_date}) < 5 AND length(substring(${orders.status}, 1, 3)) = 3 AND add_months(2, trunc_months(${orders.created_date})) > date(2025, 3, 1)`),
	dyn(qry("products", nil, "margin_band", "products.count"),
		`[{"dimension":"margin_band","expression":"floor((${products.retail_price} - coalesce(${products.cost}, 0)) / 10) * 10"}]`,
		`abs(${products.retail_price}) < 500`),
}

// dynamicRun compares the rows of the custom-field queries across engines.
func dynamicRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	withRows := 0
	for i, q := range dynamicQueries {
		var want [][]string
		var first string
		onEngines(t, m, q, es, func(name string, e warehouse.Engine, c *compiler.Compiled) {
			got := run(t, e, c.SQL, c.Args...)
			if first == "" {
				t.Logf("dynamic query %d: %d rows on %s", i, len(got), name)
				want, first = got, name
				if len(got) > 0 {
					withRows++
				}
				return
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("dynamic query %d: %s and %s differ\n%s: %v\n%s: %v\nSQL:\n%s", i, first, name, first, head(want), name, head(got), c.SQL)
			}
		})
	}
	if withRows < len(dynamicQueries) {
		t.Errorf("%d of %d dynamic queries returned rows", withRows, len(dynamicQueries))
	}
	t.Logf("%d dynamic queries compared on %d engines", len(dynamicQueries), len(es))
}
