package semantic

import (
	"regexp"
	"strings"
)

// ref is one ${…} in a template: ${TABLE}, ${field}, ${view.field} or
// ${view.SQL_TABLE_NAME}. view is empty for the first two.
type ref struct {
	start, end int // byte offsets of the whole ${…}
	view       string
	field      string
}

const (
	refTable    = "TABLE"
	refSQLTable = "SQL_TABLE_NAME"
)

var refPattern = regexp.MustCompile(`\$\{\s*([A-Za-z0-9_]+)(?:\s*\.\s*([A-Za-z0-9_]+))?\s*\}`)

// refsOf finds the references of a template, in text order.
func refsOf(text string) []ref {
	var out []ref
	for _, m := range refPattern.FindAllStringSubmatchIndex(text, -1) {
		r := ref{start: m[0], end: m[1], field: text[m[2]:m[3]]}
		if m[4] >= 0 {
			r.view, r.field = r.field, text[m[4]:m[5]]
		}
		out = append(out, r)
	}
	return out
}

func (r ref) String() string {
	if r.view == "" {
		return "${" + r.field + "}"
	}
	return "${" + r.view + "." + r.field + "}"
}

func (r ref) isTable() bool { return r.view == "" && r.field == refTable }

func (r ref) isSQLTableName() bool { return r.view != "" && strings.EqualFold(r.field, refSQLTable) }

// fieldTemplates lists the templates of a field that hold SQL.
func fieldTemplates(f *Field) []Template {
	ts := []Template{f.SQL, f.SQLStart, f.SQLEnd, f.SQLLatitude, f.SQLLongitude, f.SQLDistinctKey}
	for _, c := range f.Cases {
		ts = append(ts, c.SQL)
	}
	out := ts[:0]
	for _, t := range ts {
		if !t.IsZero() {
			out = append(out, t)
		}
	}
	return out
}
