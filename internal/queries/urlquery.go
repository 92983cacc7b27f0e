package queries

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

// FromExploreURL reads a query written in Looker's explore-URL syntax
// (run_url_encoded_query): fields=a,b, f[view.field]=expression, sorts=,
// pivots=, fill_fields=, subtotals=, limit=, column_limit=, total=,
// row_total=, query_timezone=, filter_expression=, dynamic_fields=, vis=
// (the vis_config as JSON). Other parameters are ignored.
func FromExploreURL(model, view string, v url.Values) (Definition, error) {
	d := Definition{Model: model, View: view, Fields: commaList(v.Get("fields")), Pivots: commaList(v.Get("pivots")),
		FillFields: commaList(v.Get("fill_fields")), Sorts: commaList(v.Get("sorts")),
		Subtotals: commaList(v.Get("subtotals")), Limit: v.Get("limit"), ColumnLimit: v.Get("column_limit"),
		RowTotal: v.Get("row_total"), QueryTimezone: v.Get("query_timezone"),
		FilterExpression: v.Get("filter_expression"), DynamicFields: v.Get("dynamic_fields")}
	d.Total = v.Get("total") == "true" || v.Get("total") == "on"
	for key, vals := range v {
		if name, ok := filterKey(key); ok && len(vals) > 0 {
			if d.Filters == nil {
				d.Filters = map[string]string{}
			}
			d.Filters[name] = vals[len(vals)-1]
		}
	}
	if vis := v.Get("vis"); vis != "" {
		if err := json.Unmarshal([]byte(vis), &d.VisConfig); err != nil {
			return d, overlook.Invalid("vis", "invalid", "vis must be a JSON object")
		}
	}
	return d, nil
}

// filterKey reads "f[view.field]".
func filterKey(key string) (string, bool) {
	name, ok := strings.CutPrefix(key, "f[")
	if !ok {
		return "", false
	}
	return strings.CutSuffix(name, "]")
}

func commaList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// ExploreURL is the relative explore URL reproducing d (the Query's url).
func ExploreURL(d Definition) string {
	v := url.Values{}
	set := func(key, val string) {
		if val != "" {
			v.Set(key, val)
		}
	}
	set("fields", strings.Join(d.Fields, ","))
	for name, expr := range d.Filters {
		v.Set("f["+name+"]", expr)
	}
	set("sorts", strings.Join(d.Sorts, ","))
	set("pivots", strings.Join(d.Pivots, ","))
	set("fill_fields", strings.Join(d.FillFields, ","))
	set("limit", d.Limit)
	set("column_limit", d.ColumnLimit)
	set("row_total", d.RowTotal)
	set("query_timezone", d.QueryTimezone)
	if d.Total {
		v.Set("total", "true")
	}
	return "/explore/" + url.PathEscape(d.Model) + "/" + url.PathEscape(d.View) + "?" + v.Encode()
}
