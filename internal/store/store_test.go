package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.Store {
		dir := t.TempDir()
		st, err := store.Open(context.Background(), "", dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := os.Stat(filepath.Join(dir, "overlook.db")); err != nil {
			t.Fatal(err)
		}
		return st
	})
}

// postgresURL is the server the PostgreSQL suite creates its databases on.
func postgresURL() string {
	if u := os.Getenv("OVERLOOK_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

func TestPostgres(t *testing.T) {
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
	defer admin.Close()
	storetest.Run(t, func(t *testing.T) *store.Store {
		name := "overlook_test_" + randomHex()
		if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(postgresURL())
		u.Path = "/" + name
		st, err := store.Open(context.Background(), u.String(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			st.Close()
			if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
				t.Errorf("drop %s: %v", name, err)
			}
		})
		return st
	})
}

func randomHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
