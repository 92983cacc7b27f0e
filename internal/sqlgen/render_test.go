package sqlgen_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/filterexpr"
	. "github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/postgres"
)

func renderExpr(t *testing.T, e Expr, d Dialect) (string, []any) {
	t.Helper()
	sql, args, err := RenderExpr(e, d)
	if err != nil {
		t.Fatal(err)
	}
	return sql, args
}

// A filter whose target holds a parameter repeats the target; with "?"
// placeholders the arguments must follow the text, not the filter's order.
func TestFilterTargetParamsFollowTextOrder(t *testing.T) {
	target := Func{Name: "COALESCE", Args: []Expr{ordersAmount, Param{"T"}}}
	f := Filter{X: target, Pred: filterexpr.Between{Low: 1, High: 9, LowInclusive: true, HighInclusive: true}}
	for _, name := range []string{"mysql", "postgres"} {
		sql, args := renderExpr(t, f, mustDialect(t, name))
		if want := []any{"T", 1, "T", 9}; !reflect.DeepEqual(args, want) {
			t.Errorf("%s: args %v, want %v\n%s", name, args, want, sql)
		}
	}
}

func TestLimitStyles(t *testing.T) {
	base := func(limit, offset int) *Select {
		return &Select{Columns: []Column{{Expr: Col{Name: "a"}}}, From: Table{Parts: []string{"t"}}, Limit: limit, Offset: offset}
	}
	tests := []struct {
		style         LimitStyle
		offsetOnly    string
		limit, offset int
		want, wantErr string
	}{
		{LimitOffset, "", 5, 10, "LIMIT 5 OFFSET 10", ""},
		{LimitOffset, "-1", 0, 10, "LIMIT -1 OFFSET 10", ""},
		{LimitOffset, "", 0, 10, "\nOFFSET 10", ""},
		{OffsetLimit, "", 5, 10, "OFFSET 10 LIMIT 5", ""},
		{OffsetLimit, "", 5, 0, "\nLIMIT 5", ""},
		{FetchFirst, "", 5, 10, "OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY", ""},
		{FetchFirst, "", 5, 0, "\nFETCH FIRST 5 ROWS ONLY", ""},
		{Top, "", 5, 0, "SELECT TOP 5\n", ""},
		{Top, "", 5, 1, "", "has no OFFSET"},
		{LimitOffset, "", -1, 0, "", "negative"},
	}
	for _, tt := range tests {
		spec := postgres.New()
		spec.Limit, spec.OffsetOnlyLimit = tt.style, tt.offsetOnly
		sql, _, err := Render(base(tt.limit, tt.offset), spec)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("style %d: error %v, want %q", tt.style, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !strings.Contains(sql, tt.want) {
			t.Errorf("style %d limit %d offset %d: %v\n%s\nwant %q", tt.style, tt.limit, tt.offset, err, sql, tt.want)
		}
	}
}

func TestQuoting(t *testing.T) {
	tests := []struct {
		dialect, alias, want string
	}{
		{"postgres", "orders.count", `"orders.count"`},
		{"mysql", "orders.count", "`orders.count`"},
		{"bigquery", "orders.count", "`orders_count`"},
		{"clickhouse", "orders.count", "`orders.count`"},
	}
	for _, tt := range tests {
		got, err := mustDialect(t, tt.dialect).QuoteAlias(tt.alias)
		if err != nil || got != tt.want {
			t.Errorf("%s alias %q: %q %v, want %q", tt.dialect, tt.alias, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", `a"b`, "a\nb", "a\x00", strings.Repeat("x", 129), "\xff"} {
		if _, err := mustDialect(t, "postgres").QuoteIdent(bad); err == nil {
			t.Errorf("identifier %q accepted", bad)
		}
	}
	if _, err := mustDialect(t, "mysql").QuoteIdent("a`b"); err == nil {
		t.Error("backquote accepted in a MySQL identifier")
	}
}

func TestStringLiterals(t *testing.T) {
	in := "it's \\ a\ntest"
	tests := map[string]string{
		"postgres": "'it''s \\ a\ntest'",
		"mysql":    "'it''s \\\\ a\ntest'",
		"bigquery": `'it\'s \\ a\ntest'`,
	}
	for name, want := range tests {
		got, err := mustDialect(t, name).StringLiteral(in)
		if err != nil || got != want {
			t.Errorf("%s: %s %v, want %s", name, got, err, want)
		}
	}
	if _, err := mustDialect(t, "postgres").StringLiteral("a\x00b"); err == nil {
		t.Error("NUL accepted in a string literal")
	}
}

func TestEscapeLike(t *testing.T) {
	if got := EscapeLike(mustDialect(t, "postgres"), "50%_off!"); got != "50!%!_off!!" {
		t.Errorf("postgres: %q", got)
	}
	if got := EscapeLike(mustDialect(t, "bigquery"), `a%\`); got != `a\%\\` {
		t.Errorf("bigquery: %q", got)
	}
}

// TestRenderErrors: what cannot be written safely or at all is an error,
// never SQL.
func TestRenderErrors(t *testing.T) {
	one := []Column{{Expr: Literal{1}}}
	tests := []struct {
		name string
		stmt *Select
		want string
	}{
		{"no columns", &Select{}, "without columns"},
		{"bad function", &Select{Columns: []Column{{Expr: Func{Name: "f(1); DROP"}}}}, "bad function name"},
		{"ordinal range", &Select{Columns: one, GroupBy: []Expr{Ordinal{2}}}, "ordinal 2"},
		{"bad zone", &Select{Columns: []Column{{Expr: ConvertTZ{X: ordersCreated, From: "UTC", To: "x'; --"}}}}, "not a time zone"},
		{"unknown timeframe", &Select{Columns: []Column{{Expr: TimeframeExpr{Frame: "fortnight", X: ordersCreated}}}}, "unknown timeframe"},
		{"bad bucket", &Select{Columns: []Column{{Expr: TimeframeExpr{Frame: "minute7", X: ordersCreated}}}}, "unknown timeframe"},
		{"empty case", &Select{Columns: []Column{{Expr: Case{}}}}, "without WHEN"},
		{"percentile", &Select{Columns: []Column{{Expr: Agg{Func: Percentile, X: ordersAmount, Fraction: 2}}}}, "outside"},
		{"literal type", &Select{Columns: []Column{{Expr: Literal{struct{}{}}}}}, "bind request values as Param"},
		{"nil expression", &Select{Columns: []Column{{}}}, "missing expression"},
		{"join without on", &Select{Columns: one, From: table("a"), Joins: []Join{{Table: table("b")}}}, "needs ON"},
		{"subquery alias", &Select{Columns: one, From: Subquery{Select: &Select{Columns: one}}}, "without an alias"},
		{"operator", &Select{Columns: []Column{{Expr: Binary{Op: "; DROP", L: Literal{1}, R: Literal{2}}}}}, "unknown operator"},
		{"symmetric key", &Select{Columns: []Column{{Expr: Symmetric{Func: Sum, X: ordersAmount}}}}, "without a key"},
		{"alias quote", &Select{Columns: []Column{{Expr: Literal{1}, Alias: `a"b`}}}, "holds"},
	}
	for _, tt := range tests {
		_, _, err := Render(tt.stmt, mustDialect(t, "postgres"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	for tmpl, want := range map[string]string{"MEDIAN({y})": "unknown operand {y}", "MEDIAN({x": "unclosed"} {
		spec := postgres.New()
		spec.Aggs.Median = tmpl
		_, _, err := RenderExpr(Agg{Func: Median, X: ordersAmount}, spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", tmpl, err, want)
		}
	}
}

// TestDialectDataComplete renders every unit, part, type and timeframe in
// every dialect, so a missing or mistyped template fails here.
func TestDialectDataComplete(t *testing.T) {
	var exprs []Expr
	for u := Second; u <= Year; u++ {
		exprs = append(exprs, Trunc{Unit: u, X: ordersCreated}, DateAdd{Unit: u, N: Literal{1}, X: ordersCreated})
	}
	for p := PartYear; p <= PartISOWeek; p++ {
		exprs = append(exprs, Extract{Part: p, X: ordersCreated})
	}
	for ty := TypeString; ty <= TypeTimestamp; ty++ {
		exprs = append(exprs, Cast{X: ordersAmount, Type: ty})
	}
	for _, tf := range Timeframes() {
		exprs = append(exprs, TimeframeExpr{Frame: tf, X: ordersCreated}, TimeframeExpr{Frame: tf, X: ordersCreated, Group: true})
	}
	exprs = append(exprs, Symmetric{Func: Sum, X: ordersAmount, Key: ordersID}, Agg{Func: List, X: ordersStatus})
	for _, name := range dialect.Names() {
		d := mustDialect(t, name)
		for _, e := range exprs {
			if _, _, err := RenderExpr(e, d); err != nil {
				t.Errorf("%s: %#v: %v", name, e, err)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	for alias, want := range map[string]string{"mariadb": "mysql", "postgresql": "postgres", "bigquery_standard_sql": "bigquery",
		"presto": "trino", "duckdb": "duckdb"} {
		d, ok := dialect.Lookup(alias)
		if !ok || d.Name() != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", alias, d, ok, want)
		}
	}
	if _, ok := dialect.Lookup("oracle"); ok {
		t.Error("Lookup(oracle) succeeded")
	}
	if got := fmt.Sprint(dialect.Names()); got != "[bigquery clickhouse duckdb mysql postgres snowflake sqlite trino]" {
		t.Errorf("Names() = %s", got)
	}
}

// Every Timeframe the golden case lists is one the package offers, and
// the other way round, so the golden case covers them all but the
// rarer bucket sizes.
func TestTimeframesListed(t *testing.T) {
	offered := map[Timeframe]bool{}
	for _, tf := range Timeframes() {
		offered[tf] = true
	}
	for _, tf := range timeframeOrder {
		if !offered[tf] {
			t.Errorf("golden timeframe %q is not offered", tf)
		}
	}
}
