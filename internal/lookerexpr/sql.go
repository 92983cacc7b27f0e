package lookerexpr

import (
	"time"

	"github.com/overlookbi/overlook/internal/sqlgen"
)

// SQLOptions are what turning an expression into SQL needs from the
// query: the SQL of each referenced field, the dialect's LIKE escaping and
// the time now() stands for.
type SQLOptions struct {
	// Field is the SQL a ${name} reference stands for; the name has passed
	// Check, so an error here is the caller's own.
	Field func(name string) (sqlgen.Expr, error)
	// EscapeLike escapes % and _ (and the escape character) for a LIKE
	// pattern of the dialect.
	EscapeLike func(string) string
	Now        time.Time
	// MatchesFilter is the condition of matches_filter(${field}, `filter`).
	MatchesFilter func(field, filter string, pos int) (sqlgen.Expr, error)
	// Aggregate, when set, is the SQL of an aggregate of a custom measure
	// (sum, mean, max, min, count, count_distinct) over x, the SQL of arg.
	Aggregate func(name string, x sqlgen.Expr, arg Node) (sqlgen.Expr, error)
	// DateField, when set, is what a ${name} stands for as the argument of
	// a date function (a timeframe's time rather than its text); Field
	// otherwise.
	DateField func(name string) (sqlgen.Expr, error)
}

// ToSQL turns a checked row-level expression into a sqlgen expression.
// Every constant of the source becomes a bound parameter: no byte of the
// expression's text reaches the SQL text. Table calculation functions are
// refused.
func ToSQL(n Node, opt SQLOptions) (sqlgen.Expr, error) {
	t := translator{opt: opt}
	return t.expr(n)
}

type translator struct{ opt SQLOptions }

func (t translator) expr(n Node) (sqlgen.Expr, error) {
	switch n := n.(type) {
	case Number:
		if i, ok := IntConst(n); ok {
			return sqlgen.Cast{X: sqlgen.Param{Value: int64(i)}, Type: sqlgen.TypeInt}, nil
		}
		return sqlgen.Cast{X: sqlgen.Param{Value: n.Value}, Type: sqlgen.TypeFloat}, nil
	case String:
		return sqlgen.Param{Value: n.Value}, nil
	case Bool:
		return sqlgen.Literal{Value: n.Value}, nil
	case Null:
		return sqlgen.Literal{Value: nil}, nil
	case Field:
		return t.opt.Field(n.Name)
	case Unary:
		x, err := t.expr(n.X)
		if err != nil {
			return nil, err
		}
		if n.Op == "NOT" {
			return sqlgen.Not{X: x}, nil
		}
		return sqlgen.Neg{X: x}, nil
	case Binary:
		return t.binary(n)
	case Call:
		return t.call(n)
	}
	return nil, errAt(n.Pos(), "unknown expression")
}

var sqlOps = map[string]sqlgen.Op{"+": sqlgen.OpAdd, "-": sqlgen.OpSub, "*": sqlgen.OpMul,
	"=": sqlgen.OpEq, "<>": sqlgen.OpNe, "<": sqlgen.OpLt, "<=": sqlgen.OpLe, ">": sqlgen.OpGt, ">=": sqlgen.OpGe}

func (t translator) binary(n Binary) (sqlgen.Expr, error) {
	operand := t.expr
	if _, cmp := sqlOps[n.Op]; cmp && (isDateNode(n.L) || isDateNode(n.R)) {
		// A field compared with a computed time reads as a time too (a
		// timeframe's text would not compare).
		operand = t.timeOperand
	}
	l, err := operand(n.L)
	if err != nil {
		return nil, err
	}
	r, err := operand(n.R)
	if err != nil {
		return nil, err
	}
	switch n.Op {
	case "AND":
		return sqlgen.And{l, r}, nil
	case "OR":
		return sqlgen.Or{l, r}, nil
	case "/":
		// Division is in floating point, and by zero gives null.
		den := sqlgen.Func{Name: "NULLIF", Args: []sqlgen.Expr{r, sqlgen.Literal{Value: 0}}}
		return sqlgen.Binary{Op: sqlgen.OpDiv, L: sqlgen.Cast{X: l, Type: sqlgen.TypeFloat}, R: den}, nil
	}
	return sqlgen.Binary{Op: sqlOps[n.Op], L: l, R: r}, nil
}

// simpleFuncs map one-to-one onto a SQL function.
var simpleFuncs = map[string]string{"coalesce": "COALESCE", "lower": "LOWER", "upper": "UPPER",
	"abs": "ABS", "floor": "FLOOR", "ceiling": "CEIL"}

func (t translator) call(n Call) (sqlgen.Expr, error) {
	f, ok := functions[n.Name]
	if ok && f.aggregate && t.opt.Aggregate != nil {
		x, err := t.expr(n.Args[0])
		if err != nil {
			return nil, err
		}
		return t.opt.Aggregate(n.Name, x, n.Args[0])
	}
	if !ok || f.calc || f.measureOnly {
		return nil, errAt(n.At, "%s cannot be computed in SQL", n.Name)
	}
	switch n.Name {
	case "matches_filter":
		if t.opt.MatchesFilter == nil {
			return nil, errAt(n.At, "matches_filter cannot be used here")
		}
		return t.opt.MatchesFilter(n.Args[0].(Field).Name, n.Args[1].(FilterText).Text, n.At)
	case "date":
		return t.date(n)
	case "date_time":
		return t.dateTimeSQL(n)
	case "case":
		return t.caseSQL(n)
	case "choose":
		return t.chooseSQL(n)
	case "now":
		return sqlgen.Cast{X: sqlgen.Param{Value: t.opt.Now.Format(time.DateTime)}, Type: sqlgen.TypeTimestamp}, nil
	case "contains", "starts_with", "ends_with":
		return t.like(n)
	case "round":
		return t.round(n)
	}
	if x, ok, err := t.moreCall(n); ok {
		return x, err
	}
	args, err := t.exprs(n.Args)
	if err != nil {
		return nil, err
	}
	switch n.Name {
	case "if":
		return sqlgen.Case{Whens: []sqlgen.When{{Cond: args[0], Then: args[1]}}, Else: args[2]}, nil
	case "is_null":
		return sqlgen.IsNull{X: args[0]}, nil
	case "concat":
		for i := range args {
			args[i] = sqlgen.Cast{X: args[i], Type: sqlgen.TypeString}
		}
		return sqlgen.Concat{Args: args}, nil
	case "mod":
		// By zero: null, where PostgreSQL would raise an error.
		den := sqlgen.Func{Name: "NULLIF", Args: []sqlgen.Expr{args[1], sqlgen.Literal{Value: 0}}}
		return sqlgen.Binary{Op: sqlgen.OpMod, L: args[0], R: den}, nil
	}
	name, ok := simpleFuncs[n.Name]
	if !ok {
		return nil, errAt(n.At, "%s cannot be computed in SQL", n.Name)
	}
	return sqlgen.Func{Name: name, Args: args}, nil
}

func (t translator) exprs(ns []Node) ([]sqlgen.Expr, error) {
	out := make([]sqlgen.Expr, len(ns))
	for i, a := range ns {
		x, err := t.expr(a)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

func (t translator) date(n Call) (sqlgen.Expr, error) {
	var ymd [3]int
	for i := range ymd {
		v, ok := IntConst(n.Args[i])
		if !ok {
			return nil, errAt(n.Args[i].Pos(), "date takes whole numbers")
		}
		ymd[i] = v
	}
	d := time.Date(ymd[0], time.Month(ymd[1]), ymd[2], 0, 0, 0, 0, time.UTC)
	if d.Year() != ymd[0] || int(d.Month()) != ymd[1] || d.Day() != ymd[2] || ymd[0] < 1 || ymd[0] > 9999 {
		return nil, errAt(n.At, "date(%d, %d, %d) is not a day of the calendar", ymd[0], ymd[1], ymd[2])
	}
	return sqlgen.Cast{X: sqlgen.Param{Value: d.Format(time.DateOnly)}, Type: sqlgen.TypeDate}, nil
}

// like is contains, starts_with or ends_with of a constant string, as a
// LIKE whose pattern is bound.
func (t translator) like(n Call) (sqlgen.Expr, error) {
	x, err := t.expr(n.Args[0])
	if err != nil {
		return nil, err
	}
	sub, ok := n.Args[1].(String)
	if !ok {
		return t.likeExpr(n.Name, x, n.Args[1])
	}
	p := t.opt.EscapeLike(sub.Value)
	switch n.Name {
	case "contains":
		p = "%" + p + "%"
	case "starts_with":
		p += "%"
	default:
		p = "%" + p
	}
	return sqlgen.Like{X: x, Pattern: sqlgen.Param{Value: p}}, nil
}

// likeExpr is contains, starts_with or ends_with of a computed string,
// by the position of the one in the other.
func (t translator) likeExpr(name string, x sqlgen.Expr, subNode Node) (sqlgen.Expr, error) {
	sub, err := t.expr(subNode)
	if err != nil {
		return nil, err
	}
	switch name {
	case "contains":
		return cmp(sqlgen.OpGt, builtin(sqlgen.FnPosition, x, sub), sqlgen.Literal{Value: 0}), nil
	case "starts_with":
		return cmp(sqlgen.OpEq, builtin(sqlgen.FnPosition, x, sub), sqlgen.Literal{Value: 1}), nil
	}
	// The tail of x as long as sub: SUBSTRING from length(x) - length(sub) + 1.
	lx, ls := builtin(sqlgen.FnLength, x), builtin(sqlgen.FnLength, sub)
	from := sqlgen.Binary{Op: sqlgen.OpAdd, L: sqlgen.Binary{Op: sqlgen.OpSub, L: lx, R: ls}, R: sqlgen.Literal{Value: 1}}
	tail := builtin(sqlgen.FnSubstring, x, from, ls)
	return sqlgen.And{cmp(sqlgen.OpGe, lx, ls), cmp(sqlgen.OpEq, tail, sub)}, nil
}

// round rounds to whole numbers, or to a number of decimals as a decimal
// (PostgreSQL rounds only numerics to places).
func (t translator) round(n Call) (sqlgen.Expr, error) {
	x, err := t.expr(n.Args[0])
	if err != nil {
		return nil, err
	}
	if len(n.Args) == 1 {
		return sqlgen.Func{Name: "ROUND", Args: []sqlgen.Expr{x}}, nil
	}
	places, _ := IntConst(n.Args[1])
	if places < -30 || places > 30 {
		return nil, errAt(n.Args[1].Pos(), "round takes between -30 and 30 places")
	}
	r := sqlgen.Func{Name: "ROUND", Args: []sqlgen.Expr{sqlgen.Cast{X: x, Type: sqlgen.TypeDecimal}, sqlgen.Literal{Value: places}}}
	// Past the decimal's range: a double that large is whole already, and
	// rounding it to tens or more is null (see roundTo).
	var big sqlgen.Expr = float(x)
	limit := maxWholeDouble
	if places < 0 {
		big, limit = sqlgen.Literal{Value: nil}, maxRoundTens
	}
	tooBig := cmp(sqlgen.OpGe, sqlgen.Func{Name: "ABS", Args: []sqlgen.Expr{x}}, num(limit))
	return sqlgen.Case{Whens: []sqlgen.When{{Cond: tooBig, Then: big}}, Else: sqlgen.Cast{X: r, Type: sqlgen.TypeFloat}}, nil
}
