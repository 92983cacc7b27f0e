package semantic

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// queryValues is a query context with every kind of value set.
func queryValues() *Values {
	return &Values{
		UserAttributes: map[string]string{"pii": "yes", "country": "NL"},
		Filters: map[string]string{
			"users.name_filter": "Ann%", "users.metric": "order_count", "users.greeting": "hi",
			"sales_by_week.region": "EU,US",
		},
		Fields:   []string{"users.id"},
		Dialect:  "postgres",
		Timezone: "UTC",
		Dates:    filterexpr.NewDateContext(time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC), time.UTC),
	}
}

// TestFieldSQLGolden expands every SQL template of every field of the
// users and order_items explores, with aliases quoted as a dialect would
// and a query context, and compares SQL and bound values with a golden file.
func TestFieldSQLGolden(t *testing.T) {
	m := loadThelook(t)
	var b strings.Builder
	for _, name := range []string{"users", "order_items", "events", "sales_by_week"} {
		e := m.Explore(name)
		fmt.Fprintf(&b, "== explore %s\n", name)
		for _, alias := range e.Aliases() {
			for _, f := range e.ViewOf(alias).Fields {
				writeFieldSQL(&b, e, alias+"."+f.Short, f)
			}
		}
		for _, j := range e.Joins {
			writeSQL(&b, "join "+j.Name+" sql_on", func(s Scope) (string, error) { return e.Expand(j.Name, j.SQLOn, s) })
		}
		for _, alias := range e.Aliases() {
			writeSQL(&b, "table "+alias, func(s Scope) (string, error) { return e.TableSQL(alias, s) })
		}
		writeSQL(&b, "sql_always_where", func(s Scope) (string, error) { return e.Expand(e.ViewName, e.SQLAlwaysWhere, s) })
	}
	checkGolden(t, "testdata/fieldsql.golden", b.String())
}

func writeFieldSQL(b *strings.Builder, e *Explore, name string, f *Field) {
	parts := []struct {
		label string
		part  Part
		t     Template
	}{
		{"", PartSQL, f.SQL}, {" sql_start", PartStart, f.SQLStart}, {" sql_end", PartEnd, f.SQLEnd},
		{" sql_latitude", PartLatitude, f.SQLLatitude}, {" sql_longitude", PartLongitude, f.SQLLongitude},
		{" sql_distinct_key", PartDistinctKey, f.SQLDistinctKey},
	}
	for _, p := range parts {
		if p.t.IsZero() {
			continue
		}
		writeSQL(b, name+p.label, func(s Scope) (string, error) { return e.PartSQL(name, p.part, s) })
	}
	for i := range f.Cases {
		writeSQL(b, fmt.Sprintf("%s when %d", name, i), func(s Scope) (string, error) { return e.CaseSQL(name, i, s) })
	}
}

func writeSQL(b *strings.Builder, label string, expand func(Scope) (string, error)) {
	args := &filterexpr.Args{Dollar: true}
	scope := Scope{
		Aliases: map[string]string{"users": `"users"`, "orders": `"orders"`, "order_items": `"order_items"`},
		Binder:  args,
		Values:  queryValues(),
	}
	sql, err := expand(scope)
	if err != nil {
		fmt.Fprintf(b, "%s: ERROR %v\n", label, err)
		return
	}
	fmt.Fprintf(b, "%s: %s", label, strings.Join(strings.Fields(sql), " "))
	if len(args.Values) > 0 {
		fmt.Fprintf(b, "  %v", formatArgs(args.Values))
	}
	b.WriteString("\n")
}

func formatArgs(vs []any) string {
	var out []string
	for _, v := range vs {
		if t, ok := v.(time.Time); ok {
			out = append(out, t.Format(time.RFC3339))
			continue
		}
		out = append(out, fmt.Sprintf("%#v", v))
	}
	return "[" + strings.Join(out, ", ") + "]"
}
