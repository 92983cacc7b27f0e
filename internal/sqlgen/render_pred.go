package sqlgen

import (
	"fmt"
	"strings"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// junction writes terms joined by AND or OR, each parenthesised; empty is
// the identity of the junction.
func (r *renderer) junction(terms []Expr, sep, empty string) error {
	if len(terms) == 0 {
		r.b.WriteString(empty)
		return nil
	}
	if len(terms) == 1 {
		return r.expr(terms[0])
	}
	r.b.WriteByte('(')
	err := list(r, terms, sep, func(t Expr) error { return r.wrap("(", t, ")") })
	r.b.WriteByte(')')
	return err
}

func (r *renderer) in(n In) error {
	if len(n.List) == 0 {
		r.b.WriteString(map[bool]string{false: "1 = 0", true: "1 = 1"}[n.Not])
		return nil
	}
	op := " IN ("
	if n.Not {
		op = " NOT IN ("
	}
	if err := r.wrap("(", n.X, ")"+op); err != nil {
		return err
	}
	if err := list(r, n.List, ", ", r.expr); err != nil {
		return err
	}
	r.b.WriteByte(')')
	return nil
}

func (r *renderer) between(n Between) error {
	op := " BETWEEN "
	if n.Not {
		op = " NOT BETWEEN "
	}
	if err := r.wrap("(", n.X, ")"+op); err != nil {
		return err
	}
	if err := r.wrap("", n.Low, " AND "); err != nil {
		return err
	}
	return r.expr(n.High)
}

func (r *renderer) isNull(n IsNull) error {
	tail := ") IS NULL"
	if n.Not {
		tail = ") IS NOT NULL"
	}
	return r.wrap("(", n.X, tail)
}

// EscapeLike escapes s for a LIKE pattern in dialect d, so that its % and _
// match themselves; append wildcards after. The result is a value to bind.
func EscapeLike(d Dialect, s string) string {
	esc := string(d.Spec().LikeEscape)
	return strings.NewReplacer(esc, esc+esc, "%", esc+"%", "_", esc+"_").Replace(s)
}

func (r *renderer) like(n Like) error {
	op := " LIKE "
	if n.Not {
		op = " NOT LIKE "
	}
	x, pat := n.X, n.Pattern
	if n.Fold && r.s.Caps.ILike {
		op = strings.Replace(op, "LIKE", "ILIKE", 1)
	} else if n.Fold {
		x, pat = Func{Name: "UPPER", Args: []Expr{x}}, Func{Name: "UPPER", Args: []Expr{pat}}
	}
	if err := r.wrap("(", x, ")"+op); err != nil {
		return err
	}
	if err := r.expr(pat); err != nil {
		return err
	}
	if !r.s.NoEscapeClause {
		lit, err := r.d.StringLiteral(string(r.s.LikeEscape))
		if err != nil {
			return err
		}
		r.b.WriteString(" ESCAPE " + lit)
	}
	return nil
}

// filter writes a filterexpr predicate over n.X. filterexpr takes its
// target as text and may repeat it ("x >= ? AND x < ?"), so the target and
// the values go in as markers, and the markers are then replaced in text
// order: the target is rendered afresh at each place and each value bound
// there, which keeps arguments in text order for every placeholder style.
func (r *renderer) filter(n Filter) error {
	if n.Pred == nil {
		return fmt.Errorf("sqlgen: filter without a predicate")
	}
	rec := &markerBinder{}
	text := filterexpr.RenderWith(n.Pred, markTarget, rec, filterexpr.RenderOptions{
		CaseInsensitive: n.Fold,
		ILike:           r.s.Caps.ILike,
		LikeEscape:      r.s.LikeEscape,
		NoEscapeClause:  r.s.NoEscapeClause,
	})
	for text != "" {
		i := strings.IndexByte(text, markByte)
		if i < 0 {
			r.b.WriteString(text)
			return nil
		}
		r.b.WriteString(text[:i])
		j := strings.IndexByte(text[i+1:], markByte) + i + 1
		if err := r.marker(text[i+1:j], n.X, rec.values); err != nil {
			return err
		}
		text = text[j+1:]
	}
	return nil
}

// markByte brackets markers; filterexpr writes no control characters.
const (
	markByte   = '\x00'
	markTarget = "\x00x\x00"
)

func (r *renderer) marker(m string, target Expr, values []any) error {
	if m == "x" {
		return r.expr(target)
	}
	var i int
	if _, err := fmt.Sscanf(m, "v%d", &i); err != nil || i >= len(values) {
		return fmt.Errorf("sqlgen: bad filter marker %q", m)
	}
	r.bind(values[i])
	return nil
}

// markerBinder records filter values and answers markers for them.
type markerBinder struct{ values []any }

func (b *markerBinder) Bind(v any) string {
	b.values = append(b.values, v)
	return fmt.Sprintf("%cv%d%c", markByte, len(b.values)-1, markByte)
}
