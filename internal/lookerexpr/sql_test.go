package lookerexpr

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

func testSQL(t *testing.T, dialectName, src string) (string, []any, error) {
	t.Helper()
	d, ok := dialect.Lookup(dialectName)
	if !ok {
		t.Fatalf("no dialect %s", dialectName)
	}
	n, err := Parse(src)
	if err != nil {
		return "", nil, err
	}
	if _, err := Check(n, testFieldTypes, false); err != nil {
		return "", nil, err
	}
	x, err := ToSQL(n, SQLOptions{
		Field: func(name string) (sqlgen.Expr, error) {
			view, field, _ := strings.Cut(name, ".")
			return sqlgen.Col{Table: view, Name: field}, nil
		},
		EscapeLike: func(s string) string { return sqlgen.EscapeLike(d, s) },
		Now:        time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		return "", nil, err
	}
	return sqlgen.RenderExpr(x, d)
}

func TestToSQL(t *testing.T) {
	cases := []struct{ in, want, args string }{
		{`${users.age} + 1`, `("users"."age" + CAST($1 AS BIGINT))`, `[1]`},
		{`${users.age} / 4`, `(CAST("users"."age" AS DOUBLE PRECISION) / NULLIF(CAST($1 AS BIGINT), 0))`, `[4]`},
		{`${users.state} = "CA" OR NOT ${users.active}`, `((("users"."state" = $1)) OR (NOT ("users"."active")))`, `[CA]`},
		{`if(${users.active}, 1.5, null)`, `CASE WHEN "users"."active" THEN CAST($1 AS DOUBLE PRECISION) ELSE NULL END`, `[1.5]`},
		{`contains(${users.state}, "a%b")`, `("users"."state") LIKE $1 ESCAPE '!'`, `[%a!%b%]`},
		{`is_null(${users.state}) AND yes`, `((("users"."state") IS NULL) AND (TRUE))`, `[]`},
		{`round(${users.age}, 2)`, `CASE WHEN (ABS("users"."age") >= 9.007199254740992e+15) THEN CAST("users"."age" AS DOUBLE PRECISION) ELSE CAST(ROUND(CAST("users"."age" AS DECIMAL(38,9)), 2) AS DOUBLE PRECISION) END`, `[]`},
		{`${users.created_date} >= date(2024, 2, 29)`, `("users"."created_date" >= CAST($1 AS DATE))`, `[2024-02-29]`},
		{`concat(${users.state}, "-", ${users.age})`, `(CAST("users"."state" AS VARCHAR) || CAST($1 AS VARCHAR) || CAST("users"."age" AS VARCHAR))`, `[-]`},
		{`mod(${users.age}, 7) = 0`, `(MOD("users"."age", NULLIF(CAST($1 AS BIGINT), 0)) = CAST($2 AS BIGINT))`, `[7 0]`},
	}
	for _, c := range cases {
		sql, args, err := testSQL(t, "postgres", c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if sql != c.want || fmt.Sprint(args) != c.args {
			t.Errorf("%q:\n got %s %v\nwant %s %s", c.in, sql, args, c.want, c.args)
		}
	}
}

func TestToSQLRefuses(t *testing.T) {
	for _, in := range []string{`date(2023, 2, 29) = now()`, `round(1, 99)`} {
		if _, _, err := testSQL(t, "duckdb", in); err == nil {
			t.Errorf("%q compiled", in)
		}
	}
}
