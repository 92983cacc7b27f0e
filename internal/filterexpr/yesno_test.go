package filterexpr

import "testing"

func TestParseYesNo(t *testing.T) {
	runGrammar(t, ParseYesNo, []grammarCase{
		{"", "any", "1 = 1", nil},
		{"yes", "true", "(x)", nil},
		{"Yes", "true", "(x)", nil},
		{" YES ", "true", "(x)", nil},
		{"no", "or(not(true), null)", "(NOT ((x)) OR (x) IS NULL)", nil},
		{"No", "or(not(true), null)", "(NOT ((x)) OR (x) IS NULL)", nil},
	})
	runErrors(t, ParseYesNo, []errorCase{{"maybe", 0}, {"  y", 2}, {"yes,no", 0}})
}
