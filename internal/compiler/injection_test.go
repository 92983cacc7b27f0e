package compiler_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
)

// hostile are SQL-injection payloads of the usual families: quote breaks,
// comments, stacked statements, UNIONs, boolean and time blind tests,
// dialect escapes, and inputs aimed at filter grammars and Liquid.
var hostile = []string{
	`' OR '1'='1`, `' OR 1=1 --`, `" OR "1"="1`, `') OR ('1'='1`, `'; DROP TABLE users; --`,
	`1; DROP TABLE users`, `1 OR 1=1`, `1) OR (1=1`, `' UNION SELECT password FROM users --`,
	`1 UNION ALL SELECT NULL,NULL--`, `admin'--`, `admin' #`, `admin'/*`, `*/ OR 1=1 /*`,
	`' AND SLEEP(5)--`, `'; SELECT pg_sleep(5);--`, `1 AND (SELECT COUNT(*) FROM pg_tables)>0`,
	`\'; DROP TABLE orders; --`, `\\' OR 1=1 -- `, `%' OR '%'='`, `_' OR 'x'='x`,
	`'||(SELECT version())||'`, `' || pg_read_file('/etc/passwd') || '`, `'; COPY users TO '/tmp/x'; --`,
	`'; ATTACH DATABASE '/tmp/evil.db' AS evil; --`, `' OR EXISTS(SELECT 1 FROM users) --`,
	`1' AND extractvalue(1,concat(0x7e,version()))--`, `' AND 1=CONVERT(int,@@version)--`,
	`'; EXEC xp_cmdshell('dir'); --`, `' OR ''='`, `'='`, `'LIKE'`, `' OR 'a' LIKE 'a`,
	`$1 OR 1=1`, `?) OR (1=1`, `{{ _user_attributes['state'] }}' OR 1=1 --`,
	`{% parameter price_measure %}; DROP TABLE x`, `${users.email} OR 1=1`,
	"\x00' OR 1=1 --", "line\n; DROP TABLE users", "tab\t' OR 1=1", `' OR 1=1 LIMIT 1 --`,
	`-' OR 1=1 --`, `NOT NULL' OR 1=1 --`, `NULL; DROP TABLE users`, `EMPTY' OR 1=1 --`,
	`7 days'; DROP TABLE users; --`, `2024-01-01' OR '1'='1`, `before '2024-01-01' OR 1=1`,
	`>5 OR 1=1`, `[1,5]) OR (1=1`, `5 to 10; DROP TABLE users`, `yes' OR 1=1 --`,
	`users.state; DROP TABLE users`, `users.state desc; DROP TABLE users`, `users.state) OR (1=1`,
	`America/New_York'; DROP TABLE users; --`, `UTC' OR 1=1 --`, `500; DROP TABLE users`,
	`500 OR 1=1`, `-1) OR (1=1`, `1e3'; --`, `CHAR(39)||CHAR(39)`, `0x27204f5220313d31`,
	`'; SET GLOBAL local_infile=1; --`, `' INTO OUTFILE '/tmp/x' --`, `'; LOAD DATA LOCAL INFILE '/etc/passwd' --`,
}

// corpus is the payloads with the variants filters meet in practice:
// upper case, double quotes, full-width quotes, a legitimate-looking
// prefix, a dangling comment, URL encoding.
func corpus() []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range hostile {
		add(p)
		add(strings.ToUpper(p))
		add(strings.ReplaceAll(p, "'", `"`))
		add(strings.ReplaceAll(p, "'", "\uff07"))
		add("A%" + p)
		add(p + " /*")
		add(url.QueryEscape(p))
	}
	return out
}

// TestHostileInputs puts every payload in every position a query has and
// asserts a 4xx error or SQL that holds no byte sequence of the payload.
func TestHostileInputs(t *testing.T) {
	payloads := corpus()
	if len(payloads) < 300 {
		t.Fatalf("only %d payloads", len(payloads))
	}
	m := testModel(t, "thelook")
	secure := testModel(t, "secure")
	positions := map[string]func(p string) (compiler.Query, map[string]string){
		"string filter": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state", "users.count"), func(q *compiler.Query) { q.Filters = map[string]string{"users.state": p} }), nil
		},
		"number filter": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.Filters = map[string]string{"users.age": p} }), nil
		},
		"date filter": func(p string) (compiler.Query, map[string]string) {
			return with(q("orders", "orders.status"), func(q *compiler.Query) { q.Filters = map[string]string{"orders.created_date": p} }), nil
		},
		"yesno filter": func(p string) (compiler.Query, map[string]string) {
			return with(q("orders", "orders.status"), func(q *compiler.Query) { q.Filters = map[string]string{"orders.is_returned": p} }), nil
		},
		"measure filter": func(p string) (compiler.Query, map[string]string) {
			return with(q("products", "products.brand", "products.count"), func(q *compiler.Query) { q.Filters = map[string]string{"products.count": p} }), nil
		},
		"filter key": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.Filters = map[string]string{p: "x"} }), nil
		},
		"field name": func(p string) (compiler.Query, map[string]string) { return q("users", "users.state", p), nil },
		"pivot": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.Pivots = []string{p} }), nil
		},
		"column limit": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state", "users.gender", "users.count"), func(q *compiler.Query) {
				q.Pivots, q.ColumnLimit = []string{"users.gender"}, p
			}), nil
		},
		"filter of a pivot with totals": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state", "users.gender", "users.count"), func(q *compiler.Query) {
				q.Pivots, q.Total, q.RowTotal = []string{"users.gender"}, true, p
				q.Filters = map[string]string{"users.state": p}
			}), nil
		},
		"sort": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.Sorts = []string{p} }), nil
		},
		"limit": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.Limit = p }), nil
		},
		"timezone": func(p string) (compiler.Query, map[string]string) {
			return with(q("orders", "orders.created_month"), func(q *compiler.Query) { q.QueryTimezone = p }), nil
		},
		"dynamic field": func(p string) (compiler.Query, map[string]string) {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.DynamicFields = p }), nil
		},
		"user attribute": func(p string) (compiler.Query, map[string]string) {
			return q("secure_users", "users.state", "users.count"), map[string]string{"state": p}
		},
		"parameter": func(p string) (compiler.Query, map[string]string) {
			return with(q("order_items", "order_items.dynamic_sale_price"), func(q *compiler.Query) {
				q.Filters = map[string]string{"order_items.price_measure": p}
			}), nil
		},
	}
	for name, build := range positions {
		for _, d := range goldenDialects {
			compiled, refused := 0, 0
			for _, p := range payloads {
				query, attrs := build(p)
				model := m
				if attrs != nil {
					model = secure
				}
				c, err := compiler.Compile(model, query, d, compiler.Context{UserAttributes: attrs, Now: fixedNow})
				if err != nil {
					var oe *overlook.Error
					if !errors.As(err, &oe) || oe.Code == overlook.EINTERNAL {
						t.Errorf("%s/%s %q: not a client error: %v", name, d, p, err)
					}
					refused++
					continue
				}
				compiled++
				for _, sql := range statements(c) {
					if strings.Contains(sql, p) || strings.Contains(sql, "DROP TABLE") || strings.Contains(sql, "1=1") {
						t.Errorf("%s/%s: payload %q reached the SQL:\n%s", name, d, p, sql)
					}
				}
			}
			t.Logf("%s/%s: %d compiled payload-free, %d refused", name, d, compiled, refused)
		}
	}
}

// statements are a compiled query's SQL texts: its own and its totals
// queries'.
func statements(c *compiler.Compiled) []string {
	out := []string{c.SQL}
	for _, side := range []*compiler.Compiled{c.Totals, c.RowTotals, c.GrandTotals} {
		if side != nil {
			out = append(out, side.SQL)
		}
	}
	return out
}
