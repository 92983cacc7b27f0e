package lookerexpr

import "github.com/overlookbi/overlook/internal/sqlgen"

// Guards keep the SQL of the math functions to the values every database
// computes alike: out of its domain a function is null (where PostgreSQL
// would raise an error), past a double's range exp and power are null, and
// below it zero. The evaluator applies the same limits.
const (
	maxExp      = 709.0
	minExp      = -708.0
	maxExponent = 1e15
	// round to places works in decimals: maxWholeDouble (2^53) and past
	// is whole already; rounding to tens and more stops at maxRoundTens.
	maxWholeDouble = 9007199254740992.0
	maxRoundTens   = 1e27
)

// moreCall translates the string, math and date functions; ok is false for
// a function it does not handle.
func (t translator) moreCall(n Call) (x sqlgen.Expr, ok bool, err error) {
	if family, unit := dateFamily(n.Name); family != "" {
		x, err = t.dateCall(n, family, unit)
		return x, true, err
	}
	switch n.Name {
	case "length", "position", "substring", "replace", "exp", "ln", "log", "sqrt", "power",
		"sin", "cos", "tan", "asin", "acos", "atan":
	default:
		return nil, false, nil
	}
	args, err := t.exprs(n.Args)
	if err != nil {
		return nil, true, err
	}
	return mathOrText(n.Name, args), true, nil
}

func builtin(name string, args ...sqlgen.Expr) sqlgen.Expr {
	return sqlgen.Builtin{Name: name, Args: args}
}

func num(v float64) sqlgen.Expr { return sqlgen.Literal{Value: v} }

func float(x sqlgen.Expr) sqlgen.Expr { return castOnce(x, sqlgen.TypeFloat) }

// castOnce casts x unless it already is of that type.
func castOnce(x sqlgen.Expr, t sqlgen.Type) sqlgen.Expr {
	if c, ok := x.(sqlgen.Cast); ok && c.Type == t {
		return c
	}
	return sqlgen.Cast{X: x, Type: t}
}

// whole is x rounded down to an integer.
func whole(x sqlgen.Expr) sqlgen.Expr {
	if c, ok := x.(sqlgen.Cast); ok && c.Type == sqlgen.TypeInt {
		return c
	}
	return sqlgen.Cast{X: sqlgen.Func{Name: "FLOOR", Args: []sqlgen.Expr{x}}, Type: sqlgen.TypeInt}
}

func cmp(op sqlgen.Op, l, r sqlgen.Expr) sqlgen.Expr { return sqlgen.Binary{Op: op, L: l, R: r} }

func mathOrText(name string, a []sqlgen.Expr) sqlgen.Expr {
	null := sqlgen.Literal{Value: nil}
	switch name {
	case "length":
		return builtin(sqlgen.FnLength, a[0])
	case "position":
		return builtin(sqlgen.FnPosition, a[0], a[1])
	case "replace":
		return builtin(sqlgen.FnReplace, a[0], a[1], a[2])
	case "substring":
		bad := sqlgen.Or{cmp(sqlgen.OpLt, a[1], num(1)), cmp(sqlgen.OpLt, a[2], num(0))}
		return sqlgen.Case{Whens: []sqlgen.When{{Cond: bad, Then: null}},
			Else: builtin(sqlgen.FnSubstring, a[0], whole(a[1]), whole(a[2]))}
	case "sin", "cos", "tan", "atan":
		return builtin(name, float(a[0]))
	case "asin", "acos":
		x := float(a[0])
		inRange := sqlgen.And{cmp(sqlgen.OpGe, x, num(-1)), cmp(sqlgen.OpLe, x, num(1))}
		return sqlgen.Case{Whens: []sqlgen.When{{Cond: inRange, Then: builtin(name, x)}}}
	case "ln", "log", "sqrt":
		x := float(a[0])
		fn, op := map[string]string{"ln": sqlgen.FnLn, "log": sqlgen.FnLog10, "sqrt": sqlgen.FnSqrt}[name], sqlgen.OpGt
		if name == "sqrt" {
			op = sqlgen.OpGe
		}
		return sqlgen.Case{Whens: []sqlgen.When{{Cond: cmp(op, x, num(0)), Then: builtin(fn, x)}}}
	case "exp":
		x := float(a[0])
		return sqlgen.Case{Whens: []sqlgen.When{{Cond: cmp(sqlgen.OpGt, x, num(maxExp)), Then: null},
			{Cond: cmp(sqlgen.OpLt, x, num(minExp)), Then: num(0)}}, Else: builtin(sqlgen.FnExp, x)}
	}
	return power(float(a[0]), float(a[1]))
}

// power is x^y with the guards: 0 to a negative power, a negative base to
// a fractional power and exponents past ±1e15 are null; results past a
// double's range are null, or zero below it. CASE tries its branches in
// order, so LN never sees zero.
func power(x, y sqlgen.Expr) sqlgen.Expr {
	null := sqlgen.Literal{Value: nil}
	magnitude := sqlgen.Binary{Op: sqlgen.OpMul, L: y, R: builtin(sqlgen.FnLn, sqlgen.Func{Name: "ABS", Args: []sqlgen.Expr{x}})}
	return sqlgen.Case{Whens: []sqlgen.When{
		{Cond: cmp(sqlgen.OpGt, sqlgen.Func{Name: "ABS", Args: []sqlgen.Expr{y}}, num(maxExponent)), Then: null},
		{Cond: cmp(sqlgen.OpEq, x, num(0)), Then: sqlgen.Case{Whens: []sqlgen.When{
			{Cond: cmp(sqlgen.OpLt, y, num(0)), Then: null}, {Cond: cmp(sqlgen.OpEq, y, num(0)), Then: num(1)}}, Else: num(0)}},
		{Cond: sqlgen.And{cmp(sqlgen.OpLt, x, num(0)), cmp(sqlgen.OpNe, y, sqlgen.Func{Name: "FLOOR", Args: []sqlgen.Expr{y}})}, Then: null},
		{Cond: cmp(sqlgen.OpGt, magnitude, num(maxExp)), Then: null},
		{Cond: cmp(sqlgen.OpLt, magnitude, num(minExp)), Then: num(0)},
	}, Else: builtin(sqlgen.FnPower, x, y)}
}

// isDateNode reports an expression that computes a date or time.
func isDateNode(n Node) bool {
	c, ok := n.(Call)
	if !ok {
		return false
	}
	family, _ := dateFamily(c.Name)
	return family == "add" || family == "trunc" || c.Name == "date" || c.Name == "date_time" || c.Name == "now"
}

// timeOperand is a timeframe field as its time, anything else as it is.
func (t translator) timeOperand(n Node) (sqlgen.Expr, error) {
	if f, ok := n.(Field); ok && t.opt.DateField != nil {
		return t.opt.DateField(f.Name)
	}
	return t.expr(n)
}

// dateArg is a date argument as a timestamp; a timeframe field stands for
// its time rather than its formatted text.
func (t translator) dateArg(n Node) (sqlgen.Expr, error) {
	var x sqlgen.Expr
	var err error
	if f, ok := n.(Field); ok && t.opt.DateField != nil {
		x, err = t.opt.DateField(f.Name)
	} else {
		x, err = t.expr(n)
	}
	return castOnce(x, sqlgen.TypeTimestamp), err
}

func (t translator) dateCall(n Call, family, unit string) (sqlgen.Expr, error) {
	first := 0
	if family == "add" {
		first = 1
	}
	var dates []sqlgen.Expr
	for _, a := range n.Args[first:] {
		d, err := t.dateArg(a)
		if err != nil {
			return nil, err
		}
		dates = append(dates, d)
	}
	switch family {
	case "add":
		k, err := t.expr(n.Args[0])
		if err != nil {
			return nil, err
		}
		return sqlgen.Cast{X: sqlgen.DateAdd{Unit: addUnits[unit], N: whole(k), X: dates[0]}, Type: sqlgen.TypeTimestamp}, nil
	case "trunc":
		return sqlgen.Cast{X: sqlgen.Trunc{Unit: truncUnits[unit], X: dates[0]}, Type: sqlgen.TypeTimestamp}, nil
	case "extract":
		return extractSQL(unit, dates[0]), nil
	}
	return diffSQL(addUnits[unit], dates[0], dates[1]), nil
}

func extractSQL(unit string, x sqlgen.Expr) sqlgen.Expr {
	if unit == "unix_timestamp" {
		return builtin(sqlgen.FnEpoch, x)
	}
	e := sqlgen.Extract{Part: extractParts[unit], X: x}
	if unit == "day_of_week" {
		return sqlgen.Binary{Op: sqlgen.OpSub, L: e, R: sqlgen.Literal{Value: 1}}
	}
	return e
}

// diffSQL counts the unit boundaries from start to end: whole seconds,
// minutes, hours or days on the clock since 1970, calendar months or
// years.
func diffSQL(u sqlgen.Unit, start, end sqlgen.Expr) sqlgen.Expr {
	if secs, ok := unitSeconds[u]; ok {
		count := func(x sqlgen.Expr) sqlgen.Expr {
			e := builtin(sqlgen.FnEpoch, x)
			if secs == 1 {
				return e
			}
			return sqlgen.Func{Name: "FLOOR", Args: []sqlgen.Expr{sqlgen.Binary{Op: sqlgen.OpDiv, L: float(e), R: num(float64(secs))}}}
		}
		return sqlgen.Cast{X: sqlgen.Binary{Op: sqlgen.OpSub, L: count(end), R: count(start)}, Type: sqlgen.TypeInt}
	}
	part := func(p sqlgen.Part, x sqlgen.Expr) sqlgen.Expr { return sqlgen.Extract{Part: p, X: x} }
	years := sqlgen.Binary{Op: sqlgen.OpSub, L: part(sqlgen.PartYear, end), R: part(sqlgen.PartYear, start)}
	if u == sqlgen.Year {
		return years
	}
	months := sqlgen.Binary{Op: sqlgen.OpSub, L: part(sqlgen.PartMonth, end), R: part(sqlgen.PartMonth, start)}
	return sqlgen.Binary{Op: sqlgen.OpAdd, L: sqlgen.Binary{Op: sqlgen.OpMul, L: years, R: sqlgen.Literal{Value: 12}}, R: months}
}
