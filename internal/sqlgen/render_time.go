package sqlgen

import (
	"fmt"
	"strconv"
	"strings"
)

// timeExpr writes the date and time nodes.
func (r *renderer) timeExpr(e Expr) error {
	t := &r.s.Time
	switch n := e.(type) {
	case Trunc:
		return r.expand("truncation to "+n.Unit.String(), t.Trunc[n.Unit], operands{"x": r.exprOp(n.X)})
	case Extract:
		return r.expand(fmt.Sprintf("date part %d", n.Part), t.Extract[n.Part], operands{"x": r.exprOp(n.X)})
	case DateAdd:
		return r.dateAdd(n)
	case ConvertTZ:
		return r.convertTZ(n)
	case formatTime:
		return r.expand("date formatting", t.Format, operands{"x": r.exprOp(n.X), "f": r.stringOp(r.layout(n.Layout))})
	case TimeframeExpr:
		x, err := n.expand()
		if err != nil {
			return err
		}
		return r.expr(x)
	}
	return fmt.Errorf("sqlgen: unknown expression node %T", e)
}

// layout spells a date layout in the dialect's format codes.
func (r *renderer) layout(parts []layoutPart) string {
	c := r.s.Time.Codes
	codes := [...]string{c.Year, c.Month, c.Day, c.Hour, c.Minute, c.Second}
	var b strings.Builder
	for _, p := range parts {
		if p.field < 0 {
			b.WriteString(p.text)
		} else {
			b.WriteString(codes[p.field])
		}
	}
	return b.String()
}

func (r *renderer) dateAdd(n DateAdd) error {
	u, ok := r.s.Time.AddUnits[n.Unit]
	if !ok {
		return fmt.Errorf("sqlgen: dialect %s cannot add %ss", r.d.Name(), n.Unit)
	}
	amount := n.N
	if u.Factor > 1 {
		amount = Binary{Op: OpMul, L: n.N, R: Literal{u.Factor}}
	}
	return r.expand("date arithmetic", r.s.Time.Add, operands{
		"x": r.exprOp(n.X), "n": r.exprOp(amount), "unit": r.textOp(u.Name)})
}

func (r *renderer) convertTZ(n ConvertTZ) error {
	if !r.s.Caps.TimeZones {
		return fmt.Errorf("sqlgen: dialect %s cannot convert time zones", r.d.Name())
	}
	for _, z := range []string{n.From, n.To} {
		if !isZoneName(z) {
			return fmt.Errorf("sqlgen: %q is not a time zone name", z)
		}
	}
	return r.expand("time zone conversion", r.s.Time.ConvertTZ, operands{
		"x": r.exprOp(n.X), "from": r.stringOp(n.From), "to": r.stringOp(n.To)})
}

// isZoneName accepts IANA-style names: UTC, America/New_York, Etc/GMT+5.
func isZoneName(z string) bool {
	if z == "" || len(z) > 64 {
		return false
	}
	for i := 0; i < len(z); i++ {
		c := z[i]
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '/' || c == '_' || c == '+' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}

// Each fills a template for every unit (or part) from a spelling table:
// Each("DATE_TRUNC('%s', {x})", names) → one template per key. Dialect data
// uses it where a database spells all of them alike.
func Each[K comparable](format string, names map[K]string) map[K]string {
	out := make(map[K]string, len(names))
	for k, name := range names {
		out[k] = strings.ReplaceAll(format, "%s", name)
	}
	return out
}

// UnitNames is each unit's lower-case name, for Each.
func UnitNames(units ...Unit) map[Unit]string {
	out := make(map[Unit]string, len(units))
	for _, u := range units {
		out[u] = u.String()
	}
	return out
}

// AddUnitNames builds a dialect's AddUnits from spellings; "month*3" is a
// unit written as three months.
func AddUnitNames(names map[Unit]string) map[Unit]AddUnit {
	out := make(map[Unit]AddUnit, len(names))
	for u, n := range names {
		name, factor, _ := strings.Cut(n, "*")
		f, err := strconv.Atoi(factor)
		if err != nil {
			f = 1
		}
		out[u] = AddUnit{Name: name, Factor: f}
	}
	return out
}
