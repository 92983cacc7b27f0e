package sqlgen

import (
	"fmt"
	"strings"
)

// SumDistinctTemplate builds a dialect's SymmetricSum template from the
// parts of Looker's technique: value ({x} scaled to an exact integer), hash
// (a large number drawn from {k}) and result (which receives the difference
// of the two distinct sums as {sum}). Adding the hash to the value makes
// each row's copies identical and different rows distinct, so SUM(DISTINCT)
// counts every row once; subtracting the sum of the hashes leaves the sum.
func SumDistinctTemplate(value, hash, result string) string {
	sum := "SUM(DISTINCT (" + value + ") + (" + hash + ")) - SUM(DISTINCT " + hash + ")"
	return strings.ReplaceAll(result, "{sum}", sum)
}

// scale is the factor symmetric sums multiply values by before summing
// them as exact integers (six decimals survive).
const scale = "(1000000 * 1.0)"

// ScaledValue is the {x} part of a symmetric sum: the value scaled to an
// exact integer of the given decimal type.
//
// ROUND, not FLOOR: a double such as 12.345 is held as 12.34499…, and
// FLOOR would lose a millionth — on some engines and not on others, as
// engines that compute in DECIMAL hold it exactly.
func ScaledValue(decimal string) string {
	return "CAST(ROUND(COALESCE({x}, 0) * " + scale + ") AS " + decimal + ")"
}

// ScaledResult turns the difference of the distinct sums ({sum}) back
// into a float of the given type.
func ScaledResult(float string) string {
	return "COALESCE(CAST(({sum}) AS " + float + ") / CAST(" + scale + " AS " + float + "), 0)"
}

// symmetric writes an aggregate that a fan-out cannot inflate.
func (r *renderer) symmetric(s Symmetric) error {
	if s.Key == nil {
		return fmt.Errorf("sqlgen: symmetric aggregate without a key")
	}
	switch s.Func {
	case Sum:
		return r.symmetricSum(s)
	case Avg:
		return r.symmetricAvg(s)
	case Count:
		return r.expr(Agg{Func: CountDistinct, X: s.keyWhereX()})
	}
	return fmt.Errorf("sqlgen: no symmetric form of aggregate %d", s.Func)
}

func (r *renderer) symmetricSum(s Symmetric) error {
	if s.X == nil {
		return fmt.Errorf("sqlgen: symmetric sum without a value")
	}
	return r.expand("symmetric SUM", r.s.Aggs.SymmetricSum, operands{"x": r.exprOp(s.X), "k": r.exprOp(s.Key)})
}

// symmetricAvg is the symmetric sum over the number of distinct keys whose
// value is not NULL.
func (r *renderer) symmetricAvg(s Symmetric) error {
	r.b.WriteByte('(')
	if err := r.symmetricSum(s); err != nil {
		return err
	}
	r.b.WriteString(") / ")
	count := Agg{Func: CountDistinct, X: s.keyWhereX()}
	return r.expr(Func{Name: "NULLIF", Args: []Expr{count, Literal{0}}})
}

// keyWhereX is the key where X is not NULL, or the key alone without X.
func (s Symmetric) keyWhereX() Expr {
	if s.X == nil {
		return s.Key
	}
	return Case{Whens: []When{{Cond: IsNull{X: s.X, Not: true}, Then: s.Key}}, Else: Literal{nil}}
}
