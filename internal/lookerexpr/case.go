package lookerexpr

import (
	"math"
	"time"

	"github.com/overlookbi/overlook/internal/sqlgen"
)

// case(when(cond, value), …, else) takes the value of the first true
// condition, else the last argument when it is not a when (null when
// there is none). when exists only inside case.
func (c checker) caseCall(n Call) (Type, error) {
	whens, other := caseParts(n)
	if len(whens) == 0 {
		return 0, errAt(n.At, "case takes when(condition, value) arguments and an optional default value")
	}
	t := TypeNull
	unifyWith := func(x Node) error {
		got, err := c.check(x)
		if err == nil {
			t, err = unify(x.Pos(), "case", t, got)
		}
		return err
	}
	for _, w := range whens {
		if len(w.Args) != 2 {
			return 0, errAt(w.At, "when takes a condition and a value")
		}
		if err := c.want(w.Args[0], TypeBool, "when"); err != nil {
			return 0, err
		}
		if err := unifyWith(w.Args[1]); err != nil {
			return 0, err
		}
	}
	if other != nil {
		if err := unifyWith(other); err != nil {
			return 0, err
		}
	}
	if t == TypeList {
		return 0, errAt(n.At, "case cannot give a list")
	}
	return t, nil
}

// caseParts splits case's arguments into its whens and its default; a
// when out of place is nil in whens, which the check refuses.
func caseParts(n Call) (whens []Call, other Node) {
	for i, a := range n.Args {
		w, ok := a.(Call)
		switch {
		case ok && w.Name == "when":
			whens = append(whens, w)
		case i == len(n.Args)-1 && len(n.Args) > 1:
			other = a
		default:
			return nil, nil
		}
	}
	return whens, other
}

func (t translator) caseSQL(n Call) (sqlgen.Expr, error) {
	whens, other := caseParts(n)
	c := sqlgen.Case{}
	for _, w := range whens {
		args, err := t.exprs(w.Args)
		if err != nil {
			return nil, err
		}
		c.Whens = append(c.Whens, sqlgen.When{Cond: args[0], Then: args[1]})
	}
	if other != nil {
		x, err := t.expr(other)
		if err != nil {
			return nil, err
		}
		c.Else = x
	}
	return c, nil
}

func (e *evaluator) caseEval(n Call, row int) (any, error) {
	whens, other := caseParts(n)
	for _, w := range whens {
		c, err := e.eval(w.Args[0], row)
		if err != nil {
			return nil, err
		}
		if b, _ := c.(bool); b {
			return e.eval(w.Args[1], row)
		}
	}
	if other == nil {
		return nil, nil
	}
	return e.eval(other, row)
}

// chooseSQL is choose(index, v1, v2…): the index-th value (from 1, the
// index rounded down), null out of range.
func (t translator) chooseSQL(n Call) (sqlgen.Expr, error) {
	args, err := t.exprs(n.Args)
	if err != nil {
		return nil, err
	}
	c := sqlgen.Case{Operand: sqlgen.Func{Name: "FLOOR", Args: []sqlgen.Expr{float(args[0])}}}
	for i, v := range args[1:] {
		c.Whens = append(c.Whens, sqlgen.When{Cond: sqlgen.Literal{Value: i + 1}, Then: v})
	}
	return c, nil
}

func (e *evaluator) chooseEval(n Call, row int) (any, error) {
	idx, err := e.eval(n.Args[0], row)
	f, ok := number(idx)
	if err != nil || !ok {
		return nil, err
	}
	i := math.Floor(f)
	if i < 1 || i > float64(len(n.Args)-1) {
		return nil, nil
	}
	return e.eval(n.Args[int(i)], row)
}

// dateTimeSQL is date_time(y, m, d, h, mi, s) of whole-number constants.
func (t translator) dateTimeSQL(n Call) (sqlgen.Expr, error) {
	var v [6]int
	for i := range v {
		k, ok := IntConst(n.Args[i])
		if !ok {
			return nil, errAt(n.Args[i].Pos(), "date_time takes whole numbers")
		}
		v[i] = k
	}
	d := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, time.UTC)
	if d.Year() != v[0] || int(d.Month()) != v[1] || d.Day() != v[2] || d.Hour() != v[3] || d.Minute() != v[4] ||
		d.Second() != v[5] || v[0] < 1 || v[0] > 9999 {
		return nil, errAt(n.At, "date_time(%d, %d, %d, %d, %d, %d) is not a time of the calendar", v[0], v[1], v[2], v[3], v[4], v[5])
	}
	return sqlgen.Cast{X: sqlgen.Param{Value: d.Format(time.DateTime)}, Type: sqlgen.TypeTimestamp}, nil
}
