package compiler_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
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
	{name: "dynamic_filter_expression_having", q: with(q("products", "products.brand", "products.count"), func(q *compiler.Query) {
		q.FilterExpression = `${products.count} > 5 OR ${products.brand} = "Levi's"`
	})},
	{name: "dynamic_table_calculation", q: with(q("products", "products.brand", "products.count", "share", "previous"), func(q *compiler.Query) {
		q.DynamicFields = `[{"table_calculation":"share","label":"Share","expression":"percent_of_column_sum(${products.count})","value_format_name":"percent_1"},
			{"table_calculation":"previous","expression":"offset(${products.count}, -1)"}]`
		q.Sorts = []string{"share desc", "products.brand"}
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
