package lookerexpr

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

// FuzzExpression: parse → print → parse gives the same print, and the SQL
// of an expression that checks carries none of its constants in its text.
func FuzzExpression(f *testing.F) {
	for _, s := range []string{
		`${orders.count} * 2 + offset(${orders.count}, -1)`,
		`${users.state} = "CA' OR 1=1 --" OR NOT ${users.active}`,
		`if(contains(${users.state}, "%_!'"), concat(${users.state}, ";DROP"), null)`,
		`round(${users.age} / 3, 2) >= 1.5e3`,
		`date(2024, 2, 29) <= ${users.created_date} AND is_null(${users.odd})`,
		"# comment\n-(-1) - mod(7, 2)",
		"matches_filter(${users.state}, `-%' OR 1=1 --`) AND NOT matches_filter(${users.age}, `[1,5]`)",
		`substring(replace(${users.state}, "'", "--"), position(${users.state}, ";"), length("/*"))`,
		`add_months(-3, trunc_weeks(${users.created_date})) < now() OR diff_days(${users.created_date}, now()) > 7`,
		`power(ln(${users.age}), sqrt(2)) + exp(log(100)) + extract_day_of_week(${users.created_date})`,
		`ends_with(${users.state}, concat("'", "x")) AND extract_unix_timestamp(date(1969, 7, 20)) < 0`,
		`${users.age} / sum(pivot_row(${users.age})) + pivot_offset(${users.age}, -1) + pivot_where(${users.age} > 1, pivot_column())`,
		`count_distinct(if(${users.state} = "';--", ${users.odd}, null)) / max(${users.created_date} > now())`,
	} {
		f.Add(s)
	}
	d, _ := dialect.Lookup("postgres")
	opt := SQLOptions{
		Field:      func(string) (sqlgen.Expr, error) { return sqlgen.Col{Table: "t", Name: "f"}, nil },
		EscapeLike: func(s string) string { return sqlgen.EscapeLike(d, s) },
		Now:        time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		MatchesFilter: func(_, filter string, _ int) (sqlgen.Expr, error) {
			return sqlgen.Binary{Op: sqlgen.OpEq, L: sqlgen.Col{Table: "t", Name: "f"}, R: sqlgen.Param{Value: filter}}, nil
		},
		Aggregate: func(_ string, x sqlgen.Expr, _ Node) (sqlgen.Expr, error) {
			return sqlgen.Agg{Func: sqlgen.Sum, X: x}, nil
		},
	}
	f.Fuzz(func(t *testing.T, src string) {
		n, err := Parse(src)
		if err != nil {
			return
		}
		printed := Format(n)
		again, err := Parse(printed)
		if err != nil {
			t.Fatalf("printed form %q of %q does not parse: %v", printed, src, err)
		}
		if p2 := Format(again); p2 != printed {
			t.Fatalf("print is not stable: %q then %q", printed, p2)
		}
		if _, err := Check(n, testFieldTypes, true); err == nil {
			// A table calculation evaluates without panicking, pivoted or not.
			if _, err := Eval(n, pivotTable()); err != nil {
				t.Fatalf("Eval(%q): %v", src, err)
			}
		}
		_, errMeasure := CheckMeasure(n, testFieldTypes, func(name string) bool { return name == "users.age" })
		if _, err := Check(n, testFieldTypes, false); err != nil && errMeasure != nil {
			return
		}
		sql, ok := render(n, opt, d)
		if !ok {
			return
		}
		assertNoConstants(t, n, sql)
		// The text of the SQL does not depend on the string constants.
		if other, _ := render(withStrings(n, "x"), opt, d); other != sql {
			t.Fatalf("the SQL text changes with the constants:\n%s\n%s", sql, other)
		}
	})
}

func render(n Node, opt SQLOptions, d sqlgen.Dialect) (string, bool) {
	x, err := ToSQL(n, opt)
	if err != nil {
		return "", false
	}
	sql, _, err := sqlgen.RenderExpr(x, d)
	return sql, err == nil
}

// withStrings is n with every string and filter constant replaced by s.
func withStrings(n Node, s string) Node {
	switch x := n.(type) {
	case String:
		x.Value = s
		return x
	case FilterText:
		x.Text = s
		return x
	case Unary:
		x.X = withStrings(x.X, s)
		return x
	case Binary:
		x.L, x.R = withStrings(x.L, s), withStrings(x.R, s)
		return x
	case Call:
		args := make([]Node, len(x.Args))
		for i, a := range x.Args {
			args[i] = withStrings(a, s)
		}
		x.Args = args
		return x
	}
	return n
}

var dialectQuotes = regexp.MustCompile(`INTERVAL '1 [a-z]+'|DATE_TRUNC\('[a-z]+'`)

// assertNoConstants fails when the SQL text holds a quote, a statement or
// comment break, or the text of a string constant of the expression.
func assertNoConstants(t *testing.T, n Node, sql string) {
	t.Helper()
	sql = strings.ReplaceAll(sql, " ESCAPE '!'", "") // the dialect's own escape clause
	sql = dialectQuotes.ReplaceAllString(sql, "")    // and its interval and truncation units
	for _, bad := range []string{"'", ";", "--", "/*", "\\", "#"} {
		if strings.Contains(sql, bad) {
			t.Fatalf("SQL %q holds %q", sql, bad)
		}
	}
	Walk(n, func(x Node) {
		s, ok := x.(String)
		if f, isFilter := x.(FilterText); isFilter {
			s, ok = String{Value: f.Text}, true
		}
		// Short or operator-like constants may match the SQL's own text
		// ("< 0", "AS "): the comparison with other constants covers them.
		if ok && len(s.Value) >= 6 && strings.ContainsAny(s.Value, `'"\;-/*#`) && strings.Contains(sql, s.Value) {
			t.Fatalf("SQL %q holds the constant %q", sql, s.Value)
		}
	})
}
