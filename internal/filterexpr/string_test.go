package filterexpr

import "testing"

func TestParseString(t *testing.T) {
	runGrammar(t, ParseString, []grammarCase{
		{"", "any", "1 = 1", nil},
		{"FOO", `eq("FOO")`, "(x) = ?", []any{"FOO"}},
		{"FOO,BAR", `in("FOO", "BAR")`, "(x) IN (?, ?)", []any{"FOO", "BAR"}},
		{"%FOO%", `like(% "FOO" %)`, "(x) LIKE ? ESCAPE '!'", []any{"%FOO%"}},
		{"FOO%", `like("FOO" %)`, "(x) LIKE ? ESCAPE '!'", []any{"FOO%"}},
		{"%FOO", `like(% "FOO")`, "(x) LIKE ? ESCAPE '!'", []any{"%FOO"}},
		{"F%OD", `like("F" % "OD")`, "(x) LIKE ? ESCAPE '!'", []any{"F%OD"}},
		{"_UF", `like(_ "UF")`, "(x) LIKE ? ESCAPE '!'", []any{"_UF"}},
		{"-FOO", `or(not(eq("FOO")), null)`, "((x) <> ? OR (x) IS NULL)", []any{"FOO"}},
		{"-FOO,-BAR", `or(not(in("FOO", "BAR")), null)`, "((x) NOT IN (?, ?) OR (x) IS NULL)", []any{"FOO", "BAR"}},
		{"-%FOO%", `or(not(like(% "FOO" %)), null)`, "((x) NOT LIKE ? ESCAPE '!' OR (x) IS NULL)", []any{"%FOO%"}},
		{"-FOO%", `or(not(like("FOO" %)), null)`, "((x) NOT LIKE ? ESCAPE '!' OR (x) IS NULL)", []any{"FOO%"}},
		{"-%FOO", `or(not(like(% "FOO")), null)`, "((x) NOT LIKE ? ESCAPE '!' OR (x) IS NULL)", []any{"%FOO"}},
		{"EMPTY", "or(null, empty)", "((x) IS NULL OR LENGTH(x) = 0)", nil},
		{"empty", "or(null, empty)", "((x) IS NULL OR LENGTH(x) = 0)", nil},
		{"-EMPTY", "and(not(null), not(empty))", "((x) IS NOT NULL AND LENGTH(x) <> 0)", nil},
		{"NULL", "null", "(x) IS NULL", nil},
		{"null", "null", "(x) IS NULL", nil},
		{"-NULL", "not(null)", "(x) IS NOT NULL", nil},
		{"-null", "not(null)", "(x) IS NOT NULL", nil},
		{"FOO%,BAR", `or(eq("BAR"), like("FOO" %))`, "((x) = ? OR (x) LIKE ? ESCAPE '!')", []any{"BAR", "FOO%"}},
		{"FOO%,-FOOD", `and(like("FOO" %), or(not(eq("FOOD")), null))`,
			"((x) LIKE ? ESCAPE '!' AND ((x) <> ? OR (x) IS NULL))", []any{"FOO%", "FOOD"}},
		{"FOO,NULL", `or(eq("FOO"), null)`, "((x) = ? OR (x) IS NULL)", []any{"FOO"}},
		{"FOO, null ", `or(eq("FOO"), null)`, "((x) = ? OR (x) IS NULL)", []any{"FOO"}},
	})
}

func TestParseStringEscapes(t *testing.T) {
	runGrammar(t, ParseString, []grammarCase{
		{"^%", `eq("%")`, "(x) = ?", []any{"%"}},
		{"100^%", `eq("100%")`, "(x) = ?", []any{"100%"}},
		{"sub^_region", `eq("sub_region")`, "(x) = ?", []any{"sub_region"}},
		{"a^,b", `eq("a,b")`, "(x) = ?", []any{"a,b"}},
		{`a\,b`, `eq("a,b")`, "(x) = ?", []any{"a,b"}},
		{"^^", `eq("^")`, "(x) = ?", []any{"^"}},
		{"^-FOO", `eq("-FOO")`, "(x) = ?", []any{"-FOO"}},
		{`^"FOO^"`, `eq("\"FOO\"")`, "(x) = ?", []any{`"FOO"`}},
		{"^NULL", `eq("NULL")`, "(x) = ?", []any{"NULL"}},
		{"t-shirt", `eq("t-shirt")`, "(x) = ?", []any{"t-shirt"}},
		{"-", `eq("-")`, "(x) = ?", []any{"-"}},
		{"  hello  ", `eq("  hello  ")`, "(x) = ?", []any{"  hello  "}},
		{"FOO,", `in("FOO", "")`, "(x) IN (?, ?)", []any{"FOO", ""}},
		{"trailing^", `eq("trailing^")`, "(x) = ?", []any{"trailing^"}},
		{"%100^%^_^^ FOO%", `like(% "100%_^ FOO" %)`, "(x) LIKE ? ESCAPE '!'", []any{"%100!%!_^ FOO%"}},
		{"%wow!%", `like(% "wow!" %)`, "(x) LIKE ? ESCAPE '!'", []any{"%wow!!%"}},
		{"it's", `eq("it's")`, "(x) = ?", []any{"it's"}},
		{"x'); DROP TABLE t; --", `eq("x'); DROP TABLE t; --")`, "(x) = ?", []any{"x'); DROP TABLE t; --"}},
	})
}

func TestParseStringQuoted(t *testing.T) {
	runGrammar(t, ParseString, []grammarCase{
		{`"t-shirt \"new\" style"`, `eq("t-shirt \"new\" style")`, "(x) = ?", []any{`t-shirt "new" style`}},
		{`"100% Silk"`, `eq("100% Silk")`, "(x) = ?", []any{"100% Silk"}},
		{`"DANCE, Socks",BAR`, `in("DANCE, Socks", "BAR")`, "(x) IN (?, ?)", []any{"DANCE, Socks", "BAR"}},
		{`"Intentional^caret"`, `eq("Intentional^caret")`, "(x) = ?", []any{"Intentional^caret"}},
		{`"quoted_underscore"`, `eq("quoted_underscore")`, "(x) = ?", []any{"quoted_underscore"}},
		{`"NULL"`, `eq("NULL")`, "(x) = ?", []any{"NULL"}},
		{`-"FOO,BAR"`, `or(not(eq("FOO,BAR")), null)`, "((x) <> ? OR (x) IS NULL)", []any{"FOO,BAR"}},
		{`""`, `eq("")`, "(x) = ?", []any{""}},
		{`a"b`, `eq("a\"b")`, "(x) = ?", []any{`a"b`}},
	})
}

func TestParseStringErrors(t *testing.T) {
	runErrors(t, ParseString, []errorCase{
		{`"open`, 0},
		{`FOO,"open`, 4},
		{`"a"b`, 3},
		{"bad\xffutf8", 3},
		{"nul\x00", 3},
	})
}
