package filterexpr

import (
	"errors"
	"fmt"
	"testing"
)

// grammarCase is one row of a grammar table: the expression, the dumped
// tree, and the SQL rendered over x with "?" placeholders and its args.
type grammarCase struct {
	in   string
	dump string
	sql  string
	args []any
}

func render(p Predicate) (string, []any) {
	var a Args
	sql := Render(p, "x", &a)
	return sql, a.Values
}

func runGrammar(t *testing.T, parse func(string) (Predicate, error), cases []grammarCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := parse(c.in)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := p.String(); got != c.dump {
				t.Errorf("dump\n got %s\nwant %s", got, c.dump)
			}
			if c.sql == "" {
				return
			}
			sql, args := render(p)
			if sql != c.sql {
				t.Errorf("sql\n got %s\nwant %s", sql, c.sql)
			}
			if fmt.Sprint(args) != fmt.Sprint(c.args) {
				t.Errorf("args\n got %#v\nwant %#v", args, c.args)
			}
		})
	}
}

// errorCase is an expression its grammar must reject, and where.
type errorCase struct {
	in  string
	pos int
}

func runErrors(t *testing.T, parse func(string) (Predicate, error), cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := parse(c.in)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("want a *SyntaxError, got %v (tree %v)", err, p)
			}
			if se.Pos != c.pos {
				t.Errorf("pos = %d, want %d (%v)", se.Pos, c.pos, se)
			}
		})
	}
}
