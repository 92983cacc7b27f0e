package sqlgen

import "fmt"

// orders writes ORDER BY items. Where the dialect cannot say NULLS
// FIRST/LAST, a leading CASE key puts NULLs where asked.
func (r *renderer) orders(os []Order) error {
	return list(r, os, ", ", func(o Order) error {
		if o.Nulls != NullsDefault && !r.s.Caps.NullsOrder {
			if err := r.nullsKey(o); err != nil {
				return err
			}
		}
		if err := r.ordinalOrExpr(o.Expr); err != nil {
			return err
		}
		if o.Desc {
			r.b.WriteString(" DESC")
		}
		if o.Nulls != NullsDefault && r.s.Caps.NullsOrder {
			r.b.WriteString(map[Nulls]string{NullsFirst: " NULLS FIRST", NullsLast: " NULLS LAST"}[o.Nulls])
		}
		return nil
	})
}

// nullsKey writes "CASE WHEN x IS NULL THEN 1 ELSE 0 END, " (0/1 swapped
// for NULLS FIRST). An ordinal is spelled out: inside CASE it would be a
// constant.
func (r *renderer) nullsKey(o Order) error {
	x := o.Expr
	if ord, ok := x.(Ordinal); ok {
		if ord.N < 1 || ord.N > len(r.columns) {
			return fmt.Errorf("sqlgen: ordinal %d outside the %d columns", ord.N, len(r.columns))
		}
		x = r.columns[ord.N-1].Expr
	}
	first, last := Literal{1}, Literal{0}
	if o.Nulls == NullsFirst {
		first, last = last, first
	}
	err := r.expr(Case{Whens: []When{{Cond: IsNull{X: x}, Then: first}}, Else: last})
	r.b.WriteString(", ")
	return err
}
