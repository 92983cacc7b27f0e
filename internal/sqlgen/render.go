package sqlgen

import (
	"errors"
	"fmt"
	"strings"
)

// Render writes stmt for dialect d: the SQL text, and the arguments its
// placeholders stand for, in order.
func Render(stmt *Select, d Dialect) (sql string, args []any, err error) {
	if stmt == nil || d == nil {
		return "", nil, errors.New("sqlgen: Render needs a statement and a dialect")
	}
	r := &renderer{d: d, s: d.Spec()}
	if err := r.statement(stmt); err != nil {
		return "", nil, err
	}
	return r.b.String(), r.args, nil
}

// RenderExpr writes one expression, for callers that assemble SQL text
// around it (a Liquid {% condition %} block, a derived table).
func RenderExpr(e Expr, d Dialect) (sql string, args []any, err error) {
	if d == nil {
		return "", nil, errors.New("sqlgen: RenderExpr needs a dialect")
	}
	r := &renderer{d: d, s: d.Spec()}
	if err := r.expr(e); err != nil {
		return "", nil, err
	}
	return r.b.String(), r.args, nil
}

// renderer accumulates the text and arguments of one statement. Text is
// written in order, and every placeholder binds when written, so argument
// order is text order whatever the placeholder style.
type renderer struct {
	d     Dialect
	s     *Spec
	b     strings.Builder
	args  []any
	depth int
	// columns is the select list of the statement being written, for
	// ordinals that must be spelled out.
	columns []Column
}

// bind records v and writes its placeholder.
func (r *renderer) bind(v any) {
	r.args = append(r.args, v)
	r.b.WriteString(r.d.Placeholder(len(r.args)))
}

// newline starts a line at the current nesting depth.
func (r *renderer) newline() {
	r.b.WriteByte('\n')
	r.b.WriteString(strings.Repeat("    ", r.depth))
}

// ident writes a quoted identifier.
func (r *renderer) ident(name string) error {
	q, err := r.d.QuoteIdent(name)
	r.b.WriteString(q)
	return err
}

// list writes items separated by sep.
func list[T any](r *renderer, items []T, sep string, each func(T) error) error {
	for i, it := range items {
		if i > 0 {
			r.b.WriteString(sep)
		}
		if err := each(it); err != nil {
			return err
		}
	}
	return nil
}

// expr writes one expression node.
func (r *renderer) expr(e Expr) error {
	switch n := e.(type) {
	case nil:
		return errors.New("sqlgen: missing expression")
	case Col:
		return r.col(n)
	case Raw:
		r.b.WriteString(n.SQL)
	case Param:
		r.bind(n.Value)
	case Literal:
		return r.literal(n.Value)
	case Star:
		return r.star(n)
	case Ordinal:
		fmt.Fprintf(&r.b, "%d", n.N)
	case Func:
		return r.call(n)
	case Binary:
		return r.binary(n)
	case Neg:
		return r.wrap("(-", n.X, ")")
	case Case:
		return r.caseExpr(n)
	case Cast:
		return r.cast(n)
	case Concat:
		if r.s.ConcatOperator != "" {
			return r.joined(n.Args, " "+r.s.ConcatOperator+" ")
		}
		return r.call(Func{Name: "CONCAT", Args: n.Args})
	default:
		return r.exprMore(e)
	}
	return nil
}

// exprMore writes the predicate, aggregate and time nodes.
func (r *renderer) exprMore(e Expr) error {
	switch n := e.(type) {
	case And:
		return r.junction(n, " AND ", "1 = 1")
	case Or:
		return r.junction(n, " OR ", "1 = 0")
	case Not:
		return r.wrap("NOT (", n.X, ")")
	case In:
		return r.in(n)
	case Between:
		return r.between(n)
	case IsNull:
		return r.isNull(n)
	case Like:
		return r.like(n)
	case Filter:
		return r.filter(n)
	case Agg:
		return r.agg(n)
	case Window:
		return r.window(n)
	case Symmetric:
		return r.symmetric(n)
	case Builtin:
		return r.builtin(n)
	default:
		return r.timeExpr(e)
	}
}

// wrap writes open, x, close.
func (r *renderer) wrap(open string, x Expr, close string) error {
	r.b.WriteString(open)
	if err := r.expr(x); err != nil {
		return err
	}
	r.b.WriteString(close)
	return nil
}

// joined writes (a op b op …).
func (r *renderer) joined(args []Expr, op string) error {
	r.b.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			r.b.WriteString(op)
		}
		if err := r.expr(a); err != nil {
			return err
		}
	}
	r.b.WriteByte(')')
	return nil
}
