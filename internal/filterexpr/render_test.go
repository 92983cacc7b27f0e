package filterexpr

import (
	"fmt"
	"testing"
)

func TestRenderOptions(t *testing.T) {
	upper := RenderOptions{CaseInsensitive: true}
	ilike := RenderOptions{CaseInsensitive: true, ILike: true}
	bigquery := RenderOptions{NoEscapeClause: true, LikeEscape: '\\'}
	cases := []struct {
		in   string
		o    RenderOptions
		sql  string
		args []any
	}{
		{"FOO", upper, "UPPER(x) = UPPER(?)", []any{"FOO"}},
		{"FOO,BAR", upper, "UPPER(x) IN (UPPER(?), UPPER(?))", []any{"FOO", "BAR"}},
		{"-FOO", upper, "(UPPER(x) <> UPPER(?) OR (x) IS NULL)", []any{"FOO"}},
		{"%FOO%", upper, "UPPER(x) LIKE UPPER(?) ESCAPE '!'", []any{"%FOO%"}},
		{"%FOO%", ilike, "(x) ILIKE ? ESCAPE '!'", []any{"%FOO%"}},
		{"-%FOO%", ilike, "((x) NOT ILIKE ? ESCAPE '!' OR (x) IS NULL)", []any{"%FOO%"}},
		{"%a^%b\\c%", bigquery, "(x) LIKE ?", []any{`%a\%b\\c%`}},
		{"%a^_b%", RenderOptions{LikeEscape: '~'}, "(x) LIKE ? ESCAPE '~'", []any{"%a~_b%"}},
		{"%a%", RenderOptions{LikeEscape: '\''}, "(x) LIKE ? ESCAPE '!'", []any{"%a%"}},
	}
	for _, c := range cases {
		p, err := ParseString(c.in)
		if err != nil {
			t.Fatal(err)
		}
		var a Args
		sql := RenderWith(p, "x", &a, c.o)
		if sql != c.sql || fmt.Sprint(a.Values) != fmt.Sprint(c.args) {
			t.Errorf("%q %+v:\n got %s %v\nwant %s %v", c.in, c.o, sql, a.Values, c.sql, c.args)
		}
	}
}

func TestRenderNumbersIgnoreCaseOption(t *testing.T) {
	p, _ := ParseNumber("5")
	var a Args
	if sql := RenderWith(p, "x", &a, RenderOptions{CaseInsensitive: true}); sql != "(x) = ?" {
		t.Errorf("numbers must not be upper-cased: %s", sql)
	}
}

func TestArgsDollar(t *testing.T) {
	p, _ := ParseString("A,B,-C")
	a := Args{Dollar: true}
	sql := Render(p, "t.name", &a)
	want := "((t.name) IN ($1, $2) AND ((t.name) <> $3 OR (t.name) IS NULL))"
	if sql != want {
		t.Errorf("got %s, want %s", sql, want)
	}
}

func TestRenderEmptyNodes(t *testing.T) {
	for _, c := range []struct {
		p    Predicate
		want string
	}{
		{Or{}, "1 = 0"}, {And{}, "1 = 1"}, {In{}, "1 = 0"}, {DateRange{}, "1 = 1"}, {Compare{Op(99), 1}, "1 = 0"},
	} {
		if got, _ := render(c.p); got != c.want {
			t.Errorf("%v: got %s, want %s", c.p, got, c.want)
		}
	}
}
