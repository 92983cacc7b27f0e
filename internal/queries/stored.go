package queries

import (
	"encoding/json"

	"github.com/overlookbi/overlook/internal/store"
)

// toStore lays q out as a store row.
func toStore(q *Query, hash string) *store.Query {
	d := q.normalized()
	return &store.Query{Slug: q.Slug, Hash: hash, Model: d.Model, View: d.View,
		Fields: jsonText(d.Fields), Pivots: jsonText(d.Pivots), FillFields: jsonText(d.FillFields),
		Filters: jsonText(d.Filters), FilterExpression: d.FilterExpression, Sorts: jsonText(d.Sorts),
		Limit: d.Limit, ColumnLimit: d.ColumnLimit, Total: d.Total, RowTotal: d.RowTotal,
		Subtotals: jsonText(d.Subtotals), VisConfig: jsonText(d.VisConfig), FilterConfig: jsonText(d.FilterConfig),
		VisibleUISections: d.VisibleUISections, DynamicFields: d.DynamicFields, ClientID: q.ClientID,
		QueryTimezone: d.QueryTimezone, UserID: q.UserID}
}

// fromStore reads a store row back.
func fromStore(r *store.Query) (*Query, error) {
	q := &Query{ID: r.ID, Slug: r.Slug, ClientID: r.ClientID, UserID: r.UserID, CreatedAt: r.CreatedAt}
	d := &q.Definition
	d.Model, d.View, d.FilterExpression, d.Limit, d.ColumnLimit = r.Model, r.View, r.FilterExpression, r.Limit, r.ColumnLimit
	d.Total, d.RowTotal, d.VisibleUISections, d.DynamicFields = r.Total, r.RowTotal, r.VisibleUISections, r.DynamicFields
	d.QueryTimezone = r.QueryTimezone
	for _, f := range []struct {
		text string
		dst  any
	}{{r.Fields, &d.Fields}, {r.Pivots, &d.Pivots}, {r.FillFields, &d.FillFields}, {r.Filters, &d.Filters},
		{r.Sorts, &d.Sorts}, {r.Subtotals, &d.Subtotals}, {r.VisConfig, &d.VisConfig}, {r.FilterConfig, &d.FilterConfig}} {
		if err := json.Unmarshal([]byte(f.text), f.dst); err != nil {
			return nil, err
		}
	}
	return q, nil
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("queries: property does not encode: " + err.Error())
	}
	return string(b)
}
