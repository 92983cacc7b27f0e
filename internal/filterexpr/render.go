package filterexpr

import (
	"strings"
	"time"
)

// RenderOptions carries the per-dialect and per-field choices the SQL text
// depends on. The zero value suits most dialects with case-sensitive fields.
type RenderOptions struct {
	// CaseInsensitive compares strings ignoring case (the field or model
	// says case_sensitive: no): UPPER() on both sides, or ILIKE.
	CaseInsensitive bool
	// ILike says the dialect has ILIKE (PostgreSQL, DuckDB, Snowflake); used
	// for case-insensitive patterns instead of UPPER() on both sides.
	ILike bool
	// LikeEscape is the character that escapes % and _ in LIKE patterns.
	// With an ESCAPE clause it must be one of ! ^ ~ # (anything else falls
	// back to !, which needs no quoting in any dialect's string literal).
	LikeEscape byte
	// NoEscapeClause is for dialects whose LIKE has a fixed escape character
	// and no ESCAPE clause (BigQuery: backslash). Set LikeEscape to it.
	NoEscapeClause bool
}

// Render writes p applied to the SQL expression expr, with default options.
// expr is trusted SQL from the model; every value goes through b.
func Render(p Predicate, expr string, b Binder) string {
	return RenderWith(p, expr, b, RenderOptions{})
}

// RenderWith is Render with dialect and field options.
func RenderWith(p Predicate, expr string, b Binder, o RenderOptions) string {
	r := renderer{b: b, o: o.normalized(), e: "(" + expr + ")"}
	return r.pred(p)
}

// RenderLocation writes a location predicate over the latitude and
// longitude expressions of a location field.
func RenderLocation(p Predicate, lat, lon string, b Binder) string {
	r := renderer{b: b, o: RenderOptions{}.normalized(), lat: "(" + lat + ")", lon: "(" + lon + ")"}
	return r.pred(p)
}

const (
	sqlTrue  = "1 = 1"
	sqlFalse = "1 = 0"
)

func (o RenderOptions) normalized() RenderOptions {
	if o.NoEscapeClause {
		if o.LikeEscape == 0 {
			o.LikeEscape = '\\'
		}
		return o
	}
	switch o.LikeEscape {
	case '!', '^', '~', '#':
	default:
		o.LikeEscape = '!'
	}
	return o
}

// renderer holds the target of one rendering: a scalar expression e, or a
// location's lat and lon. A node that does not fit its target renders as
// false, so a misuse can only narrow a filter, never widen it.
type renderer struct {
	b        Binder
	o        RenderOptions
	e        string
	lat, lon string
}

func (r *renderer) location() bool { return r.e == "" }

func (r *renderer) pred(p Predicate) string {
	switch n := p.(type) {
	case Any:
		return sqlTrue
	case Or:
		return r.join(n.Terms, " OR ", sqlFalse)
	case And:
		return r.join(n.Terms, " AND ", sqlTrue)
	case Not:
		return r.not(n.Term)
	case IsNull:
		return r.isNull()
	}
	if r.location() {
		return r.locationPred(p)
	}
	return r.scalar(p)
}

func (r *renderer) scalar(p Predicate) string {
	switch n := p.(type) {
	case Compare:
		return r.compare(n.Op, n.Value)
	case In:
		return r.in(n.Values, " IN ")
	case Between:
		return r.between(n)
	case Like:
		return r.like(n, " LIKE ")
	case IsEmpty:
		return "LENGTH" + r.e + " = 0"
	case IsTrue:
		return r.e
	case DateRange:
		return r.dateRange(n)
	}
	return sqlFalse
}

func (r *renderer) join(terms []Predicate, sep, empty string) string {
	if len(terms) == 0 {
		return empty
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = r.pred(t)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, sep) + ")"
}

// not writes the natural negated form of a node where SQL has one.
func (r *renderer) not(p Predicate) string {
	if r.location() {
		if _, ok := p.(IsNull); ok {
			return "(" + r.lat + " IS NOT NULL AND " + r.lon + " IS NOT NULL)"
		}
		return "NOT (" + r.pred(p) + ")"
	}
	switch n := p.(type) {
	case IsNull:
		return r.e + " IS NOT NULL"
	case IsEmpty:
		return "LENGTH" + r.e + " <> 0"
	case Compare:
		if n.Op == Eq {
			return r.compare(Ne, n.Value)
		}
	case In:
		return r.in(n.Values, " NOT IN ")
	case Like:
		return r.like(n, " NOT LIKE ")
	}
	return "NOT (" + r.pred(p) + ")"
}

func (r *renderer) isNull() string {
	if r.location() {
		return "(" + r.lat + " IS NULL OR " + r.lon + " IS NULL)"
	}
	return r.e + " IS NULL"
}

var opSQL = map[Op]string{Eq: " = ", Ne: " <> ", Lt: " < ", Le: " <= ", Gt: " > ", Ge: " >= "}

func (r *renderer) compare(op Op, v any) string {
	sym, ok := opSQL[op]
	if !ok {
		return sqlFalse
	}
	return r.lhs(v) + sym + r.bind(v)
}

func (r *renderer) in(vals []any, sep string) string {
	if len(vals) == 0 {
		return sqlFalse
	}
	ph := make([]string, len(vals))
	for i, v := range vals {
		ph[i] = r.bind(v)
	}
	return r.lhs(vals[0]) + sep + "(" + strings.Join(ph, ", ") + ")"
}

func (r *renderer) between(n Between) string {
	lo, hi := " > ", " < "
	if n.LowInclusive {
		lo = " >= "
	}
	if n.HighInclusive {
		hi = " <= "
	}
	return "(" + r.e + lo + r.bind(n.Low) + " AND " + r.e + hi + r.bind(n.High) + ")"
}

func (r *renderer) dateRange(n DateRange) string {
	var parts []string
	if !n.Start.IsZero() {
		parts = append(parts, r.e+" >= "+r.bind(n.Start))
	}
	if !n.End.IsZero() {
		parts = append(parts, r.e+" < "+r.bind(n.End))
	}
	switch len(parts) {
	case 0:
		return sqlTrue
	case 1:
		return parts[0]
	}
	return "(" + parts[0] + " AND " + parts[1] + ")"
}

// folds reports whether a comparison with v ignores case.
func (r *renderer) folds(v any) bool {
	_, isText := v.(string)
	return isText && r.o.CaseInsensitive
}

func (r *renderer) lhs(v any) string {
	if r.folds(v) {
		return "UPPER" + r.e
	}
	return r.e
}

// bind binds v; a text value compared without case is upper-cased in SQL
// rather than in Go, so the database's own case rules apply to both sides.
func (r *renderer) bind(v any) string {
	if t, ok := v.(time.Time); ok && t.IsZero() {
		return "NULL"
	}
	if r.folds(v) {
		return "UPPER(" + r.b.Bind(v) + ")"
	}
	return r.b.Bind(v)
}
