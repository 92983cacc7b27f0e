package filterexpr

import "time"

// Predicate is one node of a parsed filter. The set of node types is closed:
// only the types in this file implement it.
type Predicate interface {
	predicate()
	String() string
}

// Any matches every row; it is what an empty expression means. Callers
// usually drop the filter instead of rendering it.
type Any struct{}

// Or is true when any of its terms is.
type Or struct{ Terms []Predicate }

// And is true when all of its terms are.
type And struct{ Terms []Predicate }

// Not negates its term with SQL's three-valued NOT: NULL stays NULL. Where
// Looker wants negatives to keep NULL rows, the parsers say so explicitly
// with Or{Not{…}, IsNull{}}.
type Not struct{ Term Predicate }

// Op is a comparison operator.
type Op int

// Comparison operators.
const (
	Eq Op = iota
	Ne
	Lt
	Le
	Gt
	Ge
)

// Compare compares the expression with one value.
type Compare struct {
	Op    Op
	Value any // string, int64 or float64
}

// In is true when the expression equals one of the values.
type In struct{ Values []any }

// Between bounds the expression on both sides.
type Between struct {
	Low, High                   any // int64 or float64
	LowInclusive, HighInclusive bool
}

// Like matches the expression against a pattern of literal text and
// wildcards. The renderer escapes the literal parts for the dialect.
type Like struct{ Parts []LikePart }

// LikePart is literal text, or a wildcard when Wild is '%' (any run) or
// '_' (one character).
type LikePart struct {
	Text string
	Wild byte
}

// IsNull is true when the expression is NULL.
type IsNull struct{}

// IsEmpty is true when the expression is the empty string.
type IsEmpty struct{}

// IsTrue is true when the expression, a boolean condition, holds.
type IsTrue struct{}

// DateRange is the half-open window [Start, End). A zero bound is open:
// "before X" has only End, "after X" only Start.
type DateRange struct{ Start, End time.Time }

// AtPoint matches a location exactly.
type AtPoint struct{ Lat, Lon float64 }

// WithinDistance matches locations at most Meters from a point (great-circle
// distance).
type WithinDistance struct{ Lat, Lon, Meters float64 }

// InBox matches locations inside the box whose corners are (Lat1, Lon1) and
// (Lat2, Lon2). Longitudes run east from Lon1 to Lon2, so a box with
// Lon1 > Lon2 crosses the antimeridian.
type InBox struct{ Lat1, Lon1, Lat2, Lon2 float64 }

func (Any) predicate()            {}
func (Or) predicate()             {}
func (And) predicate()            {}
func (Not) predicate()            {}
func (Compare) predicate()        {}
func (In) predicate()             {}
func (Between) predicate()        {}
func (Like) predicate()           {}
func (IsNull) predicate()         {}
func (IsEmpty) predicate()        {}
func (IsTrue) predicate()         {}
func (DateRange) predicate()      {}
func (AtPoint) predicate()        {}
func (WithinDistance) predicate() {}
func (InBox) predicate()          {}

// anyOf builds an Or, flattening nested Ors and unwrapping a single term.
func anyOf(terms ...Predicate) Predicate {
	return flatten(terms, func(p Predicate) ([]Predicate, bool) {
		o, ok := p.(Or)
		return o.Terms, ok
	}, func(ts []Predicate) Predicate { return Or{ts} })
}

// allOf builds an And, flattening nested Ands and unwrapping a single term.
func allOf(terms ...Predicate) Predicate {
	return flatten(terms, func(p Predicate) ([]Predicate, bool) {
		a, ok := p.(And)
		return a.Terms, ok
	}, func(ts []Predicate) Predicate { return And{ts} })
}

func flatten(terms []Predicate, open func(Predicate) ([]Predicate, bool), wrap func([]Predicate) Predicate) Predicate {
	var out []Predicate
	for _, t := range terms {
		if inner, ok := open(t); ok {
			out = append(out, inner...)
			continue
		}
		out = append(out, t)
	}
	if len(out) == 1 {
		return out[0]
	}
	return wrap(out)
}

// orNull keeps NULL rows in a negative term: Looker reads "-FOO" as "any
// value except FOO", and NULL is not FOO.
func orNull(p Predicate) Predicate { return Or{[]Predicate{p, IsNull{}}} }
