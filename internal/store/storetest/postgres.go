package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// postgresServer is the server test databases are created on.
func postgresServer() string {
	if u := os.Getenv("OVERLOOK_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// PostgresAdmin connects to the test server. Without one the test is
// skipped, or fails when OVERLOOK_REQUIRE_POSTGRES is set.
func PostgresAdmin(t testing.TB) *sql.DB {
	t.Helper()
	admin := PostgresAdminIfAny(t)
	if admin == nil {
		t.Skipf("PostgreSQL unreachable at %s (set OVERLOOK_TEST_POSTGRES_URL)", postgresServer())
	}
	return admin
}

// PostgresAdminIfAny is PostgresAdmin answering nil instead of skipping.
func PostgresAdminIfAny(t testing.TB) *sql.DB {
	t.Helper()
	admin, err := sql.Open("pgx", postgresServer())
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		if os.Getenv("OVERLOOK_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL is required but unreachable at %s: %v", postgresServer(), err)
		}
		return nil
	}
	t.Cleanup(func() { admin.Close() })
	return admin
}

// PostgresDatabase creates an empty database with a random name on the
// server of admin, dropped when the test ends, and returns its URL.
func PostgresDatabase(t testing.TB, admin *sql.DB) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	name := "overlook_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, _ := url.Parse(postgresServer())
	u.Path = "/" + name
	return u.String()
}
