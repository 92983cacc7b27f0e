package filterexpr

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ErrNoTextualForm is returned (wrapped) by Format for a tree that the
// grammar has no text for: a node the parser of that grammar never builds
// in that place, a non-finite number, a date range open on both sides, or
// an instant that the query zone's wall clock cannot name (sub-second, or
// the second pass through a repeated hour when clocks go back).
var ErrNoTextualForm = errors.New("filterexpr: predicate has no textual form")

// Format prints p as a filter expression of the grammar kind, such that
// Parse(kind, Format(p, kind), dc) gives p back for every tree Parse builds
// (dates in the zone the range's instants carry, which Parse sets to
// dc.Location). It fails with an error wrapping ErrNoTextualForm when p has
// no text in that grammar.
func Format(p Predicate, kind Kind) (string, error) {
	f := formatter{}
	var s string
	switch kind {
	case KindString:
		s = f.list(p, stringGrammar)
	case KindNumber, KindTier:
		s = f.list(p, numberGrammar)
	case KindDate:
		s = f.date(p)
	case KindYesNo:
		s = f.yesno(p)
	case KindLocation:
		s = f.location(p)
	default:
		return "", fmt.Errorf("filterexpr: unknown grammar kind %d", kind)
	}
	if f.bad != nil {
		return "", fmt.Errorf("%w: %v", ErrNoTextualForm, f.bad)
	}
	return s, nil
}

// formatter remembers the first node it could not print.
type formatter struct{ bad Predicate }

func (f *formatter) fail(p Predicate) string {
	if f.bad == nil {
		f.bad = p
	}
	return ""
}

// listGrammar is what differs between the string and number comma lists.
type listGrammar struct {
	sep      string
	negative string // the prefix that negates a term
	item     func(f *formatter, p Predicate) string
}

var stringGrammar, numberGrammar listGrammar

func init() {
	stringGrammar = listGrammar{sep: ",", negative: "-", item: (*formatter).stringItem}
	numberGrammar = listGrammar{sep: ", ", negative: "NOT ", item: (*formatter).numberItem}
}

// list prints the folded comma list termList.predicate builds: an And of
// the positive group and the negative terms, or just one of them.
func (f *formatter) list(p Predicate, g listGrammar) string {
	switch n := p.(type) {
	case Any:
		return ""
	case And:
		var out []string
		i := 0
		// The positive group comes first; a compound "a AND b" term is
		// flattened into the outer And, so it shows as two comparisons.
		for i < len(n.Terms) && !isNegative(n.Terms[i]) {
			i++
		}
		switch i {
		case 0:
		case 1:
			out = append(out, f.positives(n.Terms[0], g))
		case 2:
			out = append(out, f.compound(And{n.Terms[:2]}, g))
		default:
			return f.fail(p)
		}
		out = append(out, f.negatives(n.Terms[i:], g)...)
		if len(out) == 0 {
			return f.fail(p)
		}
		return strings.Join(out, g.sep)
	}
	if isNegative(p) {
		return strings.Join(f.negatives([]Predicate{p}, g), g.sep)
	}
	return f.positives(p, g)
}

// isNegative reports whether p is a negated term: NOT x, or NOT x OR NULL.
func isNegative(p Predicate) bool {
	switch n := p.(type) {
	case Not:
		return true
	case Or:
		if len(n.Terms) == 2 {
			_, not := n.Terms[0].(Not)
			_, null := n.Terms[1].(IsNull)
			return not && null
		}
	}
	return false
}

// positives prints the positive group: one term or an Or of them, with the
// exact values first as Compare or In, and EMPTY flattened to null, empty.
func (f *formatter) positives(p Predicate, g listGrammar) string {
	terms := []Predicate{p}
	if o, ok := p.(Or); ok {
		terms = o.Terms
	}
	var out []string
	for i := 0; i < len(terms); i++ {
		switch n := terms[i].(type) {
		case In:
			for _, v := range n.Values {
				out = append(out, f.value(v, g))
			}
			continue
		case IsNull:
			if g.sep == "," && i+1 < len(terms) {
				if _, ok := terms[i+1].(IsEmpty); ok {
					out = append(out, "EMPTY")
					i++
					continue
				}
			}
		case And:
			out = append(out, f.compound(n, g))
			continue
		}
		out = append(out, g.item(f, terms[i]))
	}
	return strings.Join(out, g.sep)
}

// negatives prints negated terms; "-EMPTY" is the pair not(null), not(empty).
func (f *formatter) negatives(terms []Predicate, g listGrammar) []string {
	var out []string
	for i := 0; i < len(terms); i++ {
		if !isNegative(terms[i]) {
			out = append(out, f.fail(terms[i]))
			continue
		}
		switch n := terms[i].(type) {
		case Not:
			if _, ok := n.Term.(IsNull); !ok {
				out = append(out, f.fail(n))
				continue
			}
			if g.sep == "," && i+1 < len(terms) {
				if m, ok := terms[i+1].(Not); ok && m.Term == (IsEmpty{}) {
					out = append(out, "-EMPTY")
					i++
					continue
				}
			}
			out = append(out, g.negative+"NULL")
		case Or:
			switch x := n.Terms[0].(Not).Term.(type) {
			case In:
				for _, v := range x.Values {
					out = append(out, g.negative+f.value(v, g))
				}
			case IsNull:
				out = append(out, f.fail(n)) // NOT NULL drops NULL rows
			case And:
				out = append(out, g.negative+f.compound(x, g))
			default:
				out = append(out, g.negative+g.item(f, x))
			}
		}
	}
	return out
}

// value prints one exact value of an In.
func (f *formatter) value(v any, g listGrammar) string {
	return g.item(f, Compare{Eq, v})
}

// compound prints "op a AND op b", which only the number grammar has.
func (f *formatter) compound(a And, g listGrammar) string {
	if g.sep == "," || len(a.Terms) != 2 {
		return f.fail(a)
	}
	parts := make([]string, 2)
	for i, t := range a.Terms {
		c, ok := t.(Compare)
		if !ok || c.Op == Ne {
			return f.fail(a)
		}
		parts[i] = opSymbol[c.Op] + f.number(c.Value)
	}
	return parts[0] + " AND " + parts[1]
}

var opSymbol = map[Op]string{Eq: "=", Lt: "<", Le: "<=", Gt: ">", Ge: ">="}

// stringItem prints one positive term of the string grammar.
func (f *formatter) stringItem(p Predicate) string {
	switch n := p.(type) {
	case Compare:
		s, ok := n.Value.(string)
		if n.Op != Eq || !ok {
			return f.fail(p)
		}
		if s == "" {
			return `""`
		}
		return escapeString(s, true, true)
	case Like:
		return f.likeText(n)
	case IsNull:
		return "NULL"
	}
	return f.fail(p)
}

// likeText prints a pattern: literal parts escaped, wildcards bare. A
// pattern with no wildcard would read back as an exact value.
func (f *formatter) likeText(l Like) string {
	var b strings.Builder
	wild := false
	for i, part := range l.Parts {
		if part.Wild == '%' || part.Wild == '_' {
			b.WriteByte(part.Wild)
			wild = true
			continue
		}
		if part.Wild != 0 || part.Text == "" || i > 0 && l.Parts[i-1].Wild == 0 {
			return f.fail(l)
		}
		b.WriteString(escapeString(part.Text, i == 0, false))
	}
	if !wild {
		return f.fail(l)
	}
	return b.String()
}

// escapeString carets what the string grammar would otherwise read as
// syntax: ^ % _ , and \ anywhere; a leading - or " when first; and a text
// that is a keyword (NULL, EMPTY) when keywords are possible.
func escapeString(s string, first, keyword bool) string {
	var b strings.Builder
	if keyword {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "null", "empty":
			b.WriteByte('^')
			b.WriteByte(s[0])
			s = s[1:]
			first = false
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '^' || c == '%' || c == '_' || c == ',' || c == '\\',
			first && i == 0 && (c == '-' || c == '"'):
			b.WriteByte('^')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// numberItem prints one positive term of the number grammar.
func (f *formatter) numberItem(p Predicate) string {
	switch n := p.(type) {
	case Compare:
		if n.Op == Eq {
			return f.number(n.Value)
		}
		if n.Op == Ne {
			return f.fail(p)
		}
		return opSymbol[n.Op] + f.number(n.Value)
	case Between:
		open, closing := "(", ")"
		if n.LowInclusive {
			open = "["
		}
		if n.HighInclusive {
			closing = "]"
		}
		return open + f.number(n.Low) + ", " + f.number(n.High) + closing
	case IsNull:
		return "NULL"
	}
	return f.fail(p)
}

// number prints an int64 as such and a float64 with full precision and a
// '.' or exponent, so it reads back as a float64 and not an int64.
func (f *formatter) number(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return f.fail(Compare{Eq, v})
		}
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0"
		}
		return s
	}
	return f.fail(Compare{Eq, v})
}

// yesno prints the two values of the yesno grammar.
func (f *formatter) yesno(p Predicate) string {
	switch p.String() {
	case "any":
		return ""
	case "true":
		return "yes"
	case "or(not(true), null)":
		return "no"
	}
	return f.fail(p)
}

// location prints a point, a circle in meters, a box, or a NULL test.
func (f *formatter) location(p Predicate) string {
	if s, ok := nullTest(p); ok {
		return s
	}
	switch n := p.(type) {
	case Any:
		return ""
	case AtPoint:
		return f.latLon(n.Lat, n.Lon)
	case WithinDistance:
		if !(n.Meters >= 0) {
			return f.fail(p)
		}
		return f.float(n.Meters) + " meters from " + f.latLon(n.Lat, n.Lon)
	case InBox:
		return "inside box from " + f.latLon(n.Lat1, n.Lon1) + " to " + f.latLon(n.Lat2, n.Lon2)
	}
	return f.fail(p)
}

func (f *formatter) latLon(lat, lon float64) string {
	if !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
		return f.fail(AtPoint{lat, lon})
	}
	return f.float(lat) + ", " + f.float(lon)
}

func (f *formatter) float(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return f.fail(Compare{Eq, x})
	}
	if x == 0 && math.Signbit(x) {
		return "-0.0" // "-0" is the integer zero, read as +0
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// date prints a comma list of NULL, NOT NULL and absolute ranges.
func (f *formatter) date(p Predicate) string {
	terms := []Predicate{p}
	switch n := p.(type) {
	case Any:
		return ""
	case Or:
		terms = n.Terms
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = f.dateTerm(t)
	}
	return strings.Join(out, ", ")
}

// nullTest prints the NULL and NOT NULL terms the date and location
// grammars share.
func nullTest(p Predicate) (string, bool) {
	switch p {
	case Predicate(IsNull{}):
		return "NULL", true
	case Predicate(Not{IsNull{}}):
		return "NOT NULL", true
	}
	return "", false
}

func (f *formatter) dateTerm(p Predicate) string {
	if s, ok := nullTest(p); ok {
		return s
	}
	if n, ok := p.(DateRange); ok {
		switch {
		case isOpen(n.Start) && isOpen(n.End):
			// The open range has no text: the zone is unknown.
		case isOpen(n.Start):
			return "before " + f.instant(n.End, p)
		case isOpen(n.End):
			return "after " + f.instant(n.Start, p)
		case !n.End.Before(n.Start):
			return f.instant(n.Start, p) + " to " + f.instant(n.End, p)
		}
	}
	return f.fail(p)
}

// isOpen reports whether a bound is the zero time.Time the parser leaves
// on the open side of before/after. The zero instant on a zone's wall clock
// (0001-01-01 05:53:28 in Asia/Kolkata) is a bound the parser can also
// build, and prints as a date.
func isOpen(t time.Time) bool { return t == time.Time{} }

// instant prints t to the second on its zone's wall clock, when that text
// names t and no other instant.
func (f *formatter) instant(t time.Time, p Predicate) string {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	if y < 1 || y > 9999 || !time.Date(y, mo, d, h, mi, s, 0, t.Location()).Equal(t) {
		return f.fail(p)
	}
	return t.Format("2006-01-02 15:04:05")
}
