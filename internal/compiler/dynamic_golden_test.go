package compiler_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
)

var dynamicCases = []goldenCase{
	{name: "dynamic_custom_dimension", q: with(q("users", "age_band", "users.count"), func(q *compiler.Query) {
		q.DynamicFields = `[{"dimension":"age_band","label":"Age band","expression":"if(${users.age} >= 40, \"40+\", concat(\"under \", 40))"},
			{"dimension":"is_senior","expression":"${users.age} >= 65 AND NOT is_null(${users.state})"}]`
		q.Filters = map[string]string{"is_senior": "No"}
		q.Sorts = []string{"age_band desc"}
	})},
	{name: "dynamic_custom_measure", q: with(q("users", "users.state", "total_sale", "completed_orders", "distinct_cities"), func(q *compiler.Query) {
		q.DynamicFields = `[{"measure":"total_sale","based_on":"order_items.sale_price","type":"sum","label":"Total sale","value_format_name":"usd"},
			{"measure":"completed_orders","based_on":"orders.order_id","type":"count_distinct","filters":{"orders.status":"complete"}},
			{"measure":"distinct_cities","based_on":"users.city","type":"count_distinct","_kind_hint":"measure"}]`
		q.Filters = map[string]string{"total_sale": ">100"}
	})},
	{name: "dynamic_filter_expression", q: with(q("users", "users.state", "users.count"), func(q *compiler.Query) {
		q.FilterExpression = `(${users.state} = "California" OR contains(${users.city}, "San")) AND ${users.age} / 2 > 10.5 AND NOT is_null(${users.id})`
	})},
	{name: "dynamic_matches_filter", q: with(q("orders", "orders.status", "orders.count"), func(q *compiler.Query) {
		q.FilterExpression = "matches_filter(${orders.created_date}, `7 days`) OR matches_filter(${orders.status}, `Complete,Shipp%`) AND ${orders.is_returned}"
	})},
	{name: "dynamic_filter_expression_having", q: with(q("products", "products.brand", "products.count"), func(q *compiler.Query) {
		q.FilterExpression = `${products.count} > 5 OR ${products.brand} = "Levi's"`
	})},
	{name: "dynamic_expression_measure", q: with(q("users", "users.state", "per_user", "complete_share", "mean_age"), func(q *compiler.Query) {
		q.DynamicFields = `[{"measure":"per_user","label":"Sales per user","expression":"${order_items.total_sale_price} / ${users.count}","value_format_name":"usd"},
			{"measure":"complete_share","expression":"count_distinct(if(${orders.status} = \"Complete\", ${orders.order_id}, null)) / max(${users.age})"},
			{"measure":"mean_age","expression":"round(mean(${users.age}) + sum(${order_items.sale_price}) * 0, 1)"}]`
		q.Filters = map[string]string{"per_user": ">10"}
	})},
	{name: "dynamic_functions", q: with(q("orders", "orders.status", "days", "orders.count"), func(q *compiler.Query) {
		q.DynamicFields = `[{"dimension":"days","expression":"diff_days(${orders.created_date}, add_months(1, trunc_months(${orders.created_date})))"}]`
		q.FilterExpression = `extract_day_of_week(${orders.created_date}) < 5 AND length(substring(${orders.status}, 1, 3)) = 3 AND power(extract_months(${orders.created_month}), 2) > 1`
	})},
	{name: "dynamic_table_calculation", q: with(q("products", "products.brand", "products.count", "share", "previous", "off"), func(q *compiler.Query) {
		q.DynamicFields = `[{"table_calculation":"share","label":"Share","expression":"percent_of_column_sum(${products.count})","value_format_name":"percent_1"},
			{"table_calculation":"previous","expression":"offset(${products.count}, -1)"},
			{"table_calculation":"off","expression":"1 +","is_disabled":true}]`
		q.Sorts = []string{"share desc", "off", "products.brand"}
	})},
}

// TestDynamicGolden pins the SQL of custom fields and filter expressions
// (table calculations leave the SQL as it is).
func TestDynamicGolden(t *testing.T) {
	for _, gc := range dynamicCases {
		for _, d := range goldenDialects {
			t.Run(gc.name+"/"+d, func(t *testing.T) {
				c, err := compiler.Compile(testModel(t, gc.model), gc.q, d, compiler.Context{UserAttributes: gc.attrs, Now: fixedNow})
				got := goldenText(c, err)
				if c != nil {
					for _, tc := range c.TableCalcs {
						got += fmt.Sprintf("-- table calculation %s (%s, sort %d desc %v): %s\n", tc.Name, tc.Type, tc.SortOrder, tc.SortDesc, tc.Expression)
					}
				}
				checkGolden(t, filepath.Join("testdata", gc.name, d+".sql"), got)
			})
		}
	}
}

// TestDynamicRefusals: misused custom fields and expressions are 422s on
// the parameter that holds them.
func TestDynamicRefusals(t *testing.T) {
	cases := []struct {
		name, field string
		q           compiler.Query
	}{
		{"having on an ungrouped dimension", "filter_expression", with(q("products", "products.brand", "products.count"), func(q *compiler.Query) {
			q.FilterExpression = `${products.count} > 5 OR ${products.category} = "Jeans"`
		})},
		{"matches_filter with a bad number filter", "filter_expression", with(q("users", "users.state"), func(q *compiler.Query) {
			q.FilterExpression = "matches_filter(${users.age}, `old`)"
		})},
		{"custom dimension reading a measure", "dynamic_fields", with(q("users", "users.state", "d"), func(q *compiler.Query) {
			q.DynamicFields = `[{"dimension":"d","expression":"${users.count} + 1"}]`
		})},
		{"custom dimensions in a cycle", "dynamic_fields", with(q("users", "users.state", "a"), func(q *compiler.Query) {
			q.DynamicFields = `[{"dimension":"a","expression":"${b} + 1"},{"dimension":"b","expression":"${a} - 1"}]`
		})},
		{"custom field named like a field", "dynamic_fields", with(q("users", "users.state"), func(q *compiler.Query) {
			q.DynamicFields = `[{"dimension":"state","expression":"1"}]`
		})},
		{"custom measure with a filter expression", "dynamic_fields", with(q("users", "users.state", "m"), func(q *compiler.Query) {
			q.DynamicFields = `[{"measure":"m","type":"count","based_on":"users.id","filter_expression":"${users.age} > 3"}]`
		})},
		{"custom measure on a measure", "dynamic_fields", with(q("users", "users.state"), func(q *compiler.Query) {
			q.DynamicFields = `[{"measure":"m","type":"sum","based_on":"users.count"}]`
		})},
		{"expression measure reading a dimension outside an aggregate", "dynamic_fields", with(q("users", "users.state", "m"), func(q *compiler.Query) {
			q.DynamicFields = `[{"measure":"m","expression":"${users.age} + ${users.count}"}]`
		})},
		{"expression measure aggregating a measure", "dynamic_fields", with(q("users", "users.state", "m"), func(q *compiler.Query) {
			q.DynamicFields = `[{"measure":"m","expression":"sum(${users.count})"}]`
		})},
		{"expression measure with based_on", "dynamic_fields", with(q("users", "users.state", "m"), func(q *compiler.Query) {
			q.DynamicFields = `[{"measure":"m","expression":"${users.count}","based_on":"users.age"}]`
		})},
		{"count_distinct in a filter expression", "filter_expression", with(q("users", "users.state", "users.count"), func(q *compiler.Query) {
			q.FilterExpression = `count_distinct(${users.city}) > 1`
		})},
		{"date function of a year number", "filter_expression", with(q("orders", "orders.status"), func(q *compiler.Query) {
			q.FilterExpression = `extract_days(${orders.created_year}) = 1`
		})},
		{"sort direction on a table calculation", "sorts", with(q("users", "users.state", "users.count"), func(q *compiler.Query) {
			q.DynamicFields = `[{"table_calculation":"c","expression":"row()"}]`
			q.Sorts = []string{"c sideways"}
		})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compiler.Compile(testModel(t, ""), tc.q, "postgres", compiler.Context{Now: fixedNow})
			var oe *overlook.Error
			if !errors.As(err, &oe) || oe.Code != overlook.EINVALID || oe.Field != tc.field {
				t.Errorf("error %v, want a 422 on %s", err, tc.field)
			}
		})
	}
}
