package filterexpr

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The String methods print a compact, stable dump of the tree, used by tests
// and error messages: or(eq("FOO"), null).

func (Any) String() string       { return "any" }
func (o Or) String() string      { return "or(" + joinPreds(o.Terms) + ")" }
func (a And) String() string     { return "and(" + joinPreds(a.Terms) + ")" }
func (n Not) String() string     { return "not(" + n.Term.String() + ")" }
func (IsNull) String() string    { return "null" }
func (IsEmpty) String() string   { return "empty" }
func (IsTrue) String() string    { return "true" }
func (c Compare) String() string { return c.Op.name() + "(" + dumpValue(c.Value) + ")" }

func (i In) String() string {
	parts := make([]string, len(i.Values))
	for k, v := range i.Values {
		parts[k] = dumpValue(v)
	}
	return "in(" + strings.Join(parts, ", ") + ")"
}

func (b Between) String() string {
	open, closing := "(", ")"
	if b.LowInclusive {
		open = "["
	}
	if b.HighInclusive {
		closing = "]"
	}
	return "between" + open + dumpValue(b.Low) + ", " + dumpValue(b.High) + closing
}

func (l Like) String() string {
	parts := make([]string, len(l.Parts))
	for k, p := range l.Parts {
		if p.Wild != 0 {
			parts[k] = string(p.Wild)
		} else {
			parts[k] = strconv.Quote(p.Text)
		}
	}
	return "like(" + strings.Join(parts, " ") + ")"
}

func (d DateRange) String() string {
	return "range[" + dumpTime(d.Start, "-inf") + ", " + dumpTime(d.End, "+inf") + ")"
}

func (a AtPoint) String() string { return fmt.Sprintf("at(%g, %g)", a.Lat, a.Lon) }

func (w WithinDistance) String() string {
	return fmt.Sprintf("within(%gm of %g, %g)", w.Meters, w.Lat, w.Lon)
}

func (b InBox) String() string {
	return fmt.Sprintf("box(%g, %g to %g, %g)", b.Lat1, b.Lon1, b.Lat2, b.Lon2)
}

func (op Op) name() string {
	switch op {
	case Eq:
		return "eq"
	case Ne:
		return "ne"
	case Lt:
		return "lt"
	case Le:
		return "le"
	case Gt:
		return "gt"
	case Ge:
		return "ge"
	}
	return "op?"
}

func joinPreds(ps []Predicate) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

func dumpValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

func dumpTime(t time.Time, open string) string {
	if t.IsZero() {
		return open
	}
	return t.Format(time.RFC3339)
}
