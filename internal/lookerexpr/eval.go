package lookerexpr

import (
	"encoding/json"
	"math"
	"strings"
	"time"
)

// Table is a whole result as table calculations see it.
type Table struct {
	Rows int
	// Column is the values of a field or of another table calculation,
	// one per row; an error for a name the result lacks.
	Column func(name string) ([]any, error)
	Now    time.Time
	// Pivot is set for a calculation of a pivoted query.
	Pivot *Pivot
}

// Eval computes n for every row of t. Values are nil, float64, string,
// bool or time.Time; an operation on values that do not fit (a string
// plus a number, a division by zero) gives nil, as in a spreadsheet.
func Eval(n Node, t Table) ([]any, error) {
	e := newEvaluator(t)
	out := make([]any, t.Rows)
	for i := range out {
		v, err := e.eval(n, i)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

type evaluator struct {
	t    Table
	cols map[string][]any
	// agg and running cache the whole-column functions by call position.
	agg     map[int]any
	running map[int][]any
	others  map[int]*evaluator // the other pivot columns' evaluators
	colVals map[int][]any      // a column's values, by call position
	ranked  map[int][]float64  // rank's column, sorted
	lookups map[int]map[string]int
}

func newEvaluator(t Table) *evaluator {
	return &evaluator{t: t, cols: map[string][]any{}, agg: map[int]any{}, running: map[int][]any{}, others: map[int]*evaluator{},
		colVals: map[int][]any{}, ranked: map[int][]float64{}, lookups: map[int]map[string]int{}}
}

func (e *evaluator) eval(n Node, row int) (any, error) {
	switch n := n.(type) {
	case Number:
		return n.Value, nil
	case String:
		return n.Value, nil
	case Bool:
		return n.Value, nil
	case Null:
		return nil, nil
	case Field:
		return e.field(n, row)
	case Unary:
		x, err := e.eval(n.X, row)
		if err != nil {
			return nil, err
		}
		if n.Op == "NOT" {
			b, ok := x.(bool)
			return nullable(!b, ok), nil
		}
		f, ok := number(x)
		return nullable(-f, ok), nil
	case Binary:
		return e.binary(n, row)
	case Call:
		return e.call(n, row)
	}
	return nil, errAt(n.Pos(), "unknown expression")
}

func nullable(v any, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

func (e *evaluator) field(n Field, row int) (any, error) {
	col, ok := e.cols[n.Name]
	if !ok {
		var err error
		if col, err = e.t.Column(n.Name); err != nil {
			return nil, err
		}
		e.cols[n.Name] = col
	}
	if row < 0 || row >= len(col) {
		return nil, nil
	}
	return normalize(col[row]), nil
}

// normalize turns a result value into one of the evaluator's types.
func normalize(v any) any {
	switch v := v.(type) {
	case int64:
		return float64(v)
	case int:
		return float64(v)
	case int32:
		return float64(v)
	case float32:
		return float64(v)
	case json.Number:
		f, err := v.Float64()
		return nullable(f, err == nil)
	case float64:
		return nullable(v, !math.IsNaN(v) && !math.IsInf(v, 0))
	}
	return v
}

func number(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok
}

func (e *evaluator) binary(n Binary, row int) (any, error) {
	l, err := e.eval(n.L, row)
	if err != nil {
		return nil, err
	}
	if n.Op == "AND" || n.Op == "OR" {
		return e.logical(n, l, row)
	}
	r, err := e.eval(n.R, row)
	if err != nil {
		return nil, err
	}
	if l == nil || r == nil {
		return nil, nil
	}
	switch n.Op {
	case "+", "-", "*", "/":
		a, okA := number(l)
		b, okB := number(r)
		if !okA || !okB {
			return nil, nil
		}
		return arith(n.Op, a, b), nil
	}
	c, ok := compare(l, r)
	if !ok {
		return nil, nil
	}
	switch n.Op {
	case "=":
		return c == 0, nil
	case "<>":
		return c != 0, nil
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// logical is AND/OR with SQL's three-valued logic.
func (e *evaluator) logical(n Binary, l any, row int) (any, error) {
	lb, lok := l.(bool)
	if lok && (n.Op == "AND" && !lb || n.Op == "OR" && lb) {
		return lb, nil
	}
	r, err := e.eval(n.R, row)
	if err != nil {
		return nil, err
	}
	rb, rok := r.(bool)
	switch {
	case rok && (n.Op == "AND" && !rb || n.Op == "OR" && rb):
		return rb, nil
	case lok && rok:
		return rb, nil
	}
	return nil, nil
}

func arith(op string, a, b float64) any {
	var v float64
	switch op {
	case "+":
		v = a + b
	case "-":
		v = a - b
	case "*":
		v = a * b
	default:
		if b == 0 {
			return nil
		}
		v = a / b
	}
	return nullable(v, !math.IsNaN(v) && !math.IsInf(v, 0))
}

// compare orders two values of one type.
func compare(a, b any) (int, bool) {
	switch a := a.(type) {
	case float64:
		if b, ok := b.(float64); ok {
			return cmpOrdered(a, b), true
		}
	case string:
		if b, ok := b.(string); ok {
			return strings.Compare(a, b), true
		}
		if _, ok := b.(time.Time); ok {
			c, ok := compare(b, a)
			return -c, ok
		}
	case bool:
		if b, ok := b.(bool); ok {
			return cmpOrdered(boolInt(a), boolInt(b)), true
		}
	case time.Time:
		if b, ok := toTime(b); ok {
			a, _ = toTime(a)
			return a.Compare(b), true
		}
	}
	return 0, false
}

func cmpOrdered[T int | float64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
