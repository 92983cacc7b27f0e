package filterexpr

import "testing"

func TestParseTier(t *testing.T) {
	runGrammar(t, ParseTier, []grammarCase{
		{"20 to 29", "between[20, 29]", "((x) >= ? AND (x) <= ?)", []any{int64(20), int64(29)}},
		{"Below 0", "lt(0)", "(x) < ?", []any{int64(0)}},
		{"80 or Above", "ge(80)", "(x) >= ?", []any{int64(80)}},
		{"Undefined", "null", "(x) IS NULL", nil},
		{"T02 [10,20)", "between[10, 20)", "((x) >= ? AND (x) < ?)", []any{int64(10), int64(20)}},
		{">= 10 AND < 20", "between[10, 20)", "((x) >= ? AND (x) < ?)", []any{int64(10), int64(20)}},
		{"Below 0, 80 or above", "or(lt(0), ge(80))", "((x) < ? OR (x) >= ?)", []any{int64(0), int64(80)}},
		{"5 or 7", "in(5, 7)", "(x) IN (?, ?)", []any{int64(5), int64(7)}},
		{"NOT Below 0", "or(not(lt(0)), null)", "(NOT ((x) < ?) OR (x) IS NULL)", []any{int64(0)}},
	})
	runErrors(t, ParseTier, []errorCase{{"Below", 5}, {"T02", 0}, {"80 or", 5}})
}
