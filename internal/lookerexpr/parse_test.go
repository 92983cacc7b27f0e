package lookerexpr

import (
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	cases := []struct{ in, want string }{
		{`${orders.count} * 2`, `${orders.count} * 2`},
		{`1 + 2 * 3`, `1 + 2 * 3`},
		{`(1 + 2) * 3`, `(1 + 2) * 3`},
		{`1 - (2 - 3)`, `1 - (2 - 3)`},
		{`1 - 2 - 3`, `1 - 2 - 3`},
		{`-${a.b} / 4.50`, `-${a.b} / 4.50`},
		{`${users.state} = "CA" OR ${users.state} = 'NY' and not ${users.age} > 30`,
			`${users.state} = "CA" OR ${users.state} = "NY" AND NOT ${users.age} > 30`},
		{`NOT (${a.b} OR ${a.c})`, `NOT (${a.b} OR ${a.c})`},
		{`IF(${x.y} != 1, Yes, FALSE)`, `if(${x.y} <> 1, yes, no)`},
		{`coalesce(${x.y}, null)`, `coalesce(${x.y}, null)`},
		{"concat(\"a\\\"b\", 'c\\\\d') # comment\n", `concat("a\"b", "c\\d")`},
		{`row()`, `row()`},
		{`offset(${orders.count}, -1)`, `offset(${orders.count}, -1)`},
		{`date(2024, 1, 15) <= now()`, `date(2024, 1, 15) <= now()`},
		{`${custom_dim} >= 1e3`, `${custom_dim} >= 1e3`},
		{`(1 = 2) = yes`, `(1 = 2) = yes`},
		{`- -1`, `--1`},
		{"matches_filter(${orders.created_date}, `7 days`) OR NOT matches_filter(${a.b}, `\"x\",y`)",
			"matches_filter(${orders.created_date}, `7 days`) OR NOT matches_filter(${a.b}, `\"x\",y`)"},
	}
	for _, c := range cases {
		n, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		got := Format(n)
		if got != c.want {
			t.Errorf("Format(Parse(%q)) = %q, want %q", c.in, got, c.want)
		}
		again, err := Parse(got)
		if err != nil || Format(again) != got {
			t.Errorf("reparse of %q: %v %q", got, err, Format(again))
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		in  string
		pos int
		msg string
	}{
		{``, 0, "empty"},
		{`1 +`, 3, "unexpected end"},
		{`(1 + 2`, 6, "expected )"},
		{`${users.state`, 13, "ends with }"},
		{`${a.b.c}`, 0, "bad field name"},
		{`$x`, 0, "expected ${"},
		{`"abc`, 0, "unterminated"},
		{"matches_filter(${a.b}, `7 days)", 23, "unterminated filter"},
		{`users.state = 1`, 5, "unexpected character"},
		{`users = 1`, 0, "unknown name"},
		{`1 ; DROP TABLE x`, 2, "unexpected character"},
		{`f(1 2)`, 4, "expected , or )"},
		{`1 = 2 = 3`, 6, "unexpected"},
		{strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200), 100, "nests deeper"},
	}
	for _, c := range cases {
		_, err := Parse(c.in)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q) = %v, want an *Error", c.in, err)
			continue
		}
		if e.Pos != c.pos || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("Parse(%q) = %d %q, want %d %q", c.in, e.Pos, e.Msg, c.pos, c.msg)
		}
	}
}

func TestFields(t *testing.T) {
	n, err := Parse(`${a.x} + ${b} * ${a.x} + offset(${c.y}, 1)`)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(Fields(n), ","); got != "a.x,b,c.y" {
		t.Errorf("Fields = %s", got)
	}
}
