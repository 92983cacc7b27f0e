package compiler_test

import (
	"errors"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
)

// TestRefusals: bad queries are client errors naming the offending input.
func TestRefusals(t *testing.T) {
	cases := []struct {
		name, model string
		q           compiler.Query
		attrs       map[string]string
		code, field string
	}{
		{name: "unknown explore", q: q("nope", "users.id"), code: overlook.EINVALID, field: "view"},
		{name: "unknown field", q: q("users", "users.nope"), code: overlook.EINVALID, field: "fields"},
		{name: "field of a join the explore lacks", q: q("products", "users.id"), code: overlook.EINVALID, field: "fields"},
		{name: "field the explore hides", model: "secure", q: q("narrow_users", "users.email"), code: overlook.EINVALID, field: "fields"},
		{name: "filter the explore hides", model: "secure", q: with(q("narrow_users", "users.id"), func(q *compiler.Query) {
			q.Filters = map[string]string{"users.email": "a%"}
		}), code: overlook.EINVALID, field: "filters"},
		{name: "no fields", q: q("users"), code: overlook.EINVALID, field: "fields"},
		{name: "filter-only field selected", q: q("orders", "orders.status_filter"), code: overlook.EINVALID, field: "fields"},
		{name: "pivot on a measure", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Pivots = []string{"users.count"} }), code: overlook.EINVALID, field: "pivots"},
		{name: "bad number filter", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Filters = map[string]string{"users.age": "old"} }), code: overlook.EINVALID, field: "filters"},
		{name: "bad date filter", q: with(q("orders", "orders.status"), func(q *compiler.Query) { q.Filters = map[string]string{"orders.created_date": "someday"} }), code: overlook.EINVALID, field: "filters"},
		{name: "unquoted parameter outside its allowed values", q: with(q("order_items", "order_items.dynamic_sale_price"), func(q *compiler.Query) {
			q.Filters = map[string]string{"order_items.price_measure": "max"}
		}), code: overlook.EINVALID, field: "filters"},
		{name: "sort on an unselected field", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Sorts = []string{"users.city"} }), code: overlook.EINVALID, field: "sorts"},
		{name: "sort direction", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Sorts = []string{"users.state sideways"} }), code: overlook.EINVALID, field: "sorts"},
		{name: "limit text", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Limit = "ten" }), code: overlook.EINVALID, field: "limit"},
		{name: "limit zero", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Limit = "0" }), code: overlook.EINVALID, field: "limit"},
		{name: "limit below -1", q: with(q("users", "users.state"), func(q *compiler.Query) { q.Limit = "-2" }), code: overlook.EINVALID, field: "limit"},
		{name: "unknown time zone", q: with(q("users", "users.state"), func(q *compiler.Query) { q.QueryTimezone = "Mars/Olympus" }), code: overlook.EINVALID, field: "query_timezone"},
		{name: "filter_expression", q: with(q("users", "users.state"), func(q *compiler.Query) { q.FilterExpression = "${users.age} > " }), code: overlook.EINVALID, field: "filter_expression"},
		{name: "dynamic_fields", q: with(q("users", "users.state"), func(q *compiler.Query) { q.DynamicFields = `[{"table_calculation":"x"}]` }), code: overlook.EINVALID, field: "dynamic_fields"},
		{name: "duration dimension", q: q("orders", "orders.hours_shipping"), code: overlook.EINVALID, field: "fields"},
		// Looker refuses the query of a user without the access filter's
		// attribute, rather than answering no rows.
		{name: "access filter without the attribute", model: "secure", q: q("secure_users", "users.state"), code: overlook.EFORBIDDEN},
		{name: "filter naming a missing user attribute", q: with(q("users", "users.state"), func(q *compiler.Query) {
			q.Filters = map[string]string{"users.state": "{{ _user_attributes['region'] }}"}
		}), code: overlook.EINVALID, field: "filters"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compiler.Compile(testModel(t, tc.model), tc.q, "postgres", compiler.Context{UserAttributes: tc.attrs, Now: fixedNow})
			var oe *overlook.Error
			if !errors.As(err, &oe) {
				t.Fatalf("error %v, want a %s error", err, tc.code)
			}
			if oe.Code != tc.code || oe.Field != tc.field {
				t.Errorf("error %s on %q (%v), want %s on %q", oe.Code, oe.Field, oe.Details, tc.code, tc.field)
			}
		})
	}
}

// TestLimits: Looker's string limit, its default and the cap.
func TestLimits(t *testing.T) {
	cases := []struct {
		limit     string
		unlimited bool
		want      int
	}{
		{"", false, 500}, {"10", false, 10}, {" 42 ", false, 42}, {"5000", false, 5000}, {"10000", false, 5000},
		{"-1", false, 5000}, {"-1", true, 0},
	}
	for _, tc := range cases {
		query := with(q("users", "users.state"), func(q *compiler.Query) { q.Limit = tc.limit })
		c, err := compiler.Compile(testModel(t, ""), query, "duckdb", compiler.Context{Unlimited: tc.unlimited})
		if err != nil {
			t.Fatalf("limit %q: %v", tc.limit, err)
		}
		if c.Limit != tc.want {
			t.Errorf("limit %q (unlimited %v): %d, want %d", tc.limit, tc.unlimited, c.Limit, tc.want)
		}
	}
}
