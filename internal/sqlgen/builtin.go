package sqlgen

import "fmt"

// Builtin is a scalar function of the expression language that databases
// spell differently (LENGTH or CHAR_LENGTH, STRPOS or INSTR…): the
// dialect's Funcs table holds its template, whose operands are the
// arguments {a}, {b}, {c} in order.
type Builtin struct {
	Name string
	Args []Expr
}

func (Builtin) expr() {}

// The builtin functions every dialect spells in its Funcs table.
const (
	FnLength    = "length"    // characters of {a}
	FnPosition  = "position"  // 1-based index of {b} in {a}, 0 when absent
	FnSubstring = "substring" // {c} characters of {a} from the {b}-th (1-based)
	FnReplace   = "replace"   // {a} with every {b} replaced by {c}
	FnLn        = "ln"        // natural logarithm
	FnLog10     = "log10"     // base-10 logarithm
	FnExp       = "exp"       // e to the power {a}
	FnSqrt      = "sqrt"      // square root
	FnPower     = "power"     // {a} to the power {b}
	FnEpoch     = "epoch"     // whole seconds from 1970-01-01 00:00:00 to the wall-clock time {a}
	FnSin       = "sin"       // the trigonometric functions, in radians
	FnCos       = "cos"
	FnTan       = "tan"
	FnAsin      = "asin"
	FnAcos      = "acos"
	FnAtan      = "atan"
)

// DefaultFuncs are the standard spellings; a dialect replaces the ones it
// spells otherwise.
func DefaultFuncs() map[string]string {
	return map[string]string{
		FnLength:    "LENGTH({a})",
		FnPosition:  "POSITION({b} IN {a})",
		FnSubstring: "SUBSTRING({a}, {b}, {c})",
		FnReplace:   "REPLACE({a}, {b}, {c})",
		FnLn:        "LN({a})",
		FnLog10:     "LOG10({a})",
		FnExp:       "EXP({a})",
		FnSqrt:      "SQRT({a})",
		FnPower:     "POWER({a}, {b})",
		FnEpoch:     "CAST(FLOOR(EXTRACT(EPOCH FROM CAST({a} AS TIMESTAMP))) AS BIGINT)",
		FnSin:       "SIN({a})",
		FnCos:       "COS({a})",
		FnTan:       "TAN({a})",
		FnAsin:      "ASIN({a})",
		FnAcos:      "ACOS({a})",
		FnAtan:      "ATAN({a})",
	}
}

var builtinOperands = [...]string{"a", "b", "c"}

// builtin writes a Builtin from the dialect's template.
func (r *renderer) builtin(n Builtin) error {
	if len(n.Args) > len(builtinOperands) {
		return fmt.Errorf("sqlgen: function %s takes at most %d arguments", n.Name, len(builtinOperands))
	}
	ops := operands{}
	for i, a := range n.Args {
		ops[builtinOperands[i]] = r.exprOp(a)
	}
	tmpl := r.s.Funcs[n.Name]
	if r.s.Funcs == nil {
		tmpl = DefaultFuncs()[n.Name]
	}
	return r.expand("function "+n.Name, tmpl, ops)
}
