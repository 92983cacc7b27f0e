package sqlgen_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

func mustDialect(t testing.TB, name string) sqlgen.Dialect {
	t.Helper()
	d, ok := dialect.Lookup(name)
	if !ok {
		t.Fatalf("no dialect %q", name)
	}
	return d
}

func renderCase(c testCase, d sqlgen.Dialect) (string, []any, error) {
	return sqlgen.Render(c.build(d), d)
}

// TestIntegrationSQLite runs the golden cases on a SQLite file.
func TestIntegrationSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "fixture.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	loadFixture(t, db, "TEXT", "REAL")
	checkCases(t, dbRunner(db), "sqlite", nil)
	checkTimeframesEveryRow(t, dbRunner(db), "sqlite")
}

// postgresURL is the server the test creates its database on.
func postgresURL() string {
	if u := os.Getenv("OVERLOOK_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// TestIntegrationPostgres runs the golden cases on a fresh PostgreSQL
// database, in UTC.
func TestIntegrationPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	db := postgresDB(t)
	loadFixture(t, db, "TIMESTAMP", "DOUBLE PRECISION")
	checkCases(t, dbRunner(db), "postgres", nil)
	checkTimeframesEveryRow(t, dbRunner(db), "postgres")
}

// postgresDB creates a database with a random name, dropped at the end.
func postgresDB(t *testing.T) *sql.DB {
	admin, err := sql.Open("pgx", postgresURL())
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		if os.Getenv("OVERLOOK_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL is required but unreachable at %s: %v", postgresURL(), err)
		}
		t.Skipf("PostgreSQL unreachable at %s (set OVERLOOK_TEST_POSTGRES_URL): %v", postgresURL(), err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "sqlgen_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(postgresURL())
	u.Path = "/" + name
	q := u.Query()
	q.Set("timezone", "UTC")
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
		admin.Close()
	})
	return db
}

func loadFixture(t *testing.T, db *sql.DB, timestampType, floatType string) {
	t.Helper()
	for _, stmt := range fixtureSQL(timestampType, floatType) {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// checkTimeframesEveryRow computes every timeframe of every order in the
// database and compares it with Go's answer.
func checkTimeframesEveryRow(t *testing.T, run runner, dialectName string) {
	d := mustDialect(t, dialectName)
	created := sqlgen.Col{Table: "orders", Name: "created_at"}
	s := &sqlgen.Select{From: table("orders"), OrderBy: []sqlgen.Order{{Expr: sqlgen.Ordinal{N: 1}}}}
	s.Columns = append(s.Columns, sqlgen.Column{Expr: ordersID, Alias: "orders.id"})
	for _, tf := range timeframeOrder {
		s.Columns = append(s.Columns, sqlgen.Column{Expr: sqlgen.TimeframeExpr{Frame: tf, X: created}, Alias: string(tf)})
	}
	text, args, err := sqlgen.Render(s, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := run(text, args)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if len(got) != len(orderTimes) {
		t.Fatalf("%d rows, want %d", len(got), len(orderTimes))
	}
	for i, row := range got {
		want := append([]string{fmt.Sprint(i + 1)}, timeframeRow(orderTimes[i+1])...)
		for j := range want {
			if row[j] != want[j] {
				name := "id"
				if j > 0 {
					name = string(timeframeOrder[j-1])
				}
				t.Errorf("order %d %s: got %q, want %q", i+1, name, row[j], want[j])
			}
		}
	}
}
