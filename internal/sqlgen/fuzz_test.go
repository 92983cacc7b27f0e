package sqlgen_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/filterexpr"
	. "github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

// paramStatement puts two request values in every place a Param can go:
// WHERE, IN, LIKE, a filter (whose target is repeated), CASE, HAVING, date
// arithmetic, a symmetric average (which repeats its operand) and a CTE.
func paramStatement(a, b any) *Select {
	x := Binary{Op: OpAdd, L: ordersAmount, R: Param{b}}
	inner := &Select{Columns: []Column{{Star{}, ""}}, From: table("orders"), Where: Binary{Op: OpNe, L: ordersStatus, R: Param{b}}}
	return &Select{
		With: []CTE{{Name: "o", Select: inner}},
		Columns: []Column{
			{Case{Whens: []When{{Cond: Binary{Op: OpEq, L: ordersStatus, R: Param{a}}, Then: Param{b}}}}, "c"},
			{Symmetric{Func: Avg, X: x, Key: ordersID}, "s"},
			{TimeframeExpr{Frame: "date", X: DateAdd{Unit: Day, N: Param{a}, X: ordersCreated}}, "d"},
		},
		From: Table{Parts: []string{"o"}, Alias: "orders"},
		Where: And{
			In{X: ordersStatus, List: []Expr{Param{a}, Param{b}}},
			Like{X: ordersStatus, Pattern: Param{a}, Fold: true},
			Filter{X: Func{Name: "LOWER", Args: []Expr{Param{a}}}, Pred: filterexpr.Between{Low: a, High: b, LowInclusive: true}},
			Filter{X: ordersStatus, Pred: filterexpr.In{Values: []any{a, b}}, Fold: true},
		},
		GroupBy: []Expr{Ordinal{1}, Ordinal{3}},
		Having:  Binary{Op: OpGt, L: Agg{Func: Count}, R: Param{b}},
	}
}

var numbered = map[PlaceholderStyle]*regexp.Regexp{
	DollarNumber: regexp.MustCompile(`\$(\d+)`),
	AtNamed:      regexp.MustCompile(`@p(\d+)`),
}

// FuzzParams: whatever strings the request values are, the SQL text is the
// same as for two fixed sentinels (so it holds no byte of the values), the
// arguments are exactly the values in placeholder order, and there is one
// argument per placeholder, in every dialect.
func FuzzParams(f *testing.F) {
	for _, seed := range [][2]string{
		{"'; DROP TABLE users; --", "x"}, {"?", "$1"}, {"@p1", "{x}"}, {"\x00x\x00", "\x00v0\x00"},
		{"%_!^", `\'`}, {"é€", "ORDER BY 1"}, {"", ""},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, name := range dialect.Names() {
			d, _ := dialect.Lookup(name)
			checkParams(t, d, a, b)
		}
	})
}

func checkParams(t *testing.T, d Dialect, a, b string) {
	const sa, sb = "SENTINEL_A", "SENTINEL_B"
	skeleton, sargs, err := Render(paramStatement(sa, sb), d)
	if err != nil {
		t.Fatal(err)
	}
	text, args, err := Render(paramStatement(a, b), d)
	if err != nil {
		t.Fatalf("%s: %v", d.Name(), err)
	}
	if text != skeleton {
		t.Fatalf("%s: the text depends on the values:\n%s\n%s", d.Name(), text, skeleton)
	}
	for _, v := range []string{a, b} {
		if len(v) >= 3 && !strings.Contains(skeleton, v) && strings.Contains(text, v) {
			t.Fatalf("%s: value %q is in the SQL", d.Name(), v)
		}
	}
	if len(args) != len(sargs) {
		t.Fatalf("%s: %d args, %d with sentinels", d.Name(), len(args), len(sargs))
	}
	for i, s := range sargs {
		want := map[any]string{sa: a, sb: b}[s]
		if args[i] != want {
			t.Fatalf("%s: arg %d is %q, want %q", d.Name(), i+1, args[i], want)
		}
	}
	if n := countPlaceholders(t, d, text); n != len(args) {
		t.Fatalf("%s: %d placeholders, %d args:\n%s", d.Name(), n, len(args), text)
	}
}

// countPlaceholders counts "?" or checks that numbered placeholders run
// 1, 2, … in text order.
func countPlaceholders(t *testing.T, d Dialect, text string) int {
	re, ok := numbered[d.Spec().Params]
	if !ok {
		return strings.Count(text, "?")
	}
	ms := re.FindAllStringSubmatch(text, -1)
	for i, m := range ms {
		if m[1] != strconv.Itoa(i+1) {
			t.Fatalf("%s: placeholder %d is %s", d.Name(), i+1, m[0])
		}
	}
	return len(ms)
}
