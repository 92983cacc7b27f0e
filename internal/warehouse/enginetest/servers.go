package enginetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/overlookbi/overlook/internal/warehouse"
)

// The test servers of this machine and CI (DESIGN.md §5).
const (
	PostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	MySQLAddr   = "127.0.0.1:3306"
)

// RandomName returns prefix followed by random hex, a name safe to use as
// an identifier.
func RandomName(prefix string) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// unreachable skips the test, or fails it when env requires the server.
func unreachable(t *testing.T, env, server string, err error) {
	t.Helper()
	if os.Getenv(env) != "" {
		t.Fatalf("%s is required (%s is set) but unreachable: %v", server, env, err)
	}
	t.Skipf("%s unreachable, skipping (set %s to make this fail): %v", server, env, err)
}

func ping(db *sql.DB) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

// Postgres creates a database with a random name on the test server and
// drops it when the test ends. It returns an engine config for it and a
// writable pool on it.
func Postgres(t *testing.T) (warehouse.Config, *sql.DB) {
	t.Helper()
	admin, err := sql.Open("pgx", PostgresURL)
	if err == nil {
		err = ping(admin)
	}
	if err != nil {
		unreachable(t, "OVERLOOK_REQUIRE_POSTGRES", "PostgreSQL", err)
	}
	name := RandomName("ovw_")
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	cfg := warehouse.Config{Dialect: "postgres", Host: "127.0.0.1", Port: 5432, Database: name,
		Username: "postgres", Options: map[string]string{"sslmode": "disable"}}
	db, err := sql.Open("pgx", "postgres://postgres@127.0.0.1:5432/"+name+"?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	return cfg, db
}

// MySQL creates a utf8mb4_bin database with a random name on the test
// MariaDB server and drops it when the test ends.
func MySQL(t *testing.T) (warehouse.Config, *sql.DB) {
	t.Helper()
	c := mysql.NewConfig()
	c.Net, c.Addr, c.User, c.DBName = "tcp", MySQLAddr, "root", "test"
	c.ParseTime, c.Loc = true, time.UTC
	admin, err := sql.Open("mysql", c.FormatDSN())
	if err == nil {
		err = ping(admin)
	}
	if err != nil {
		unreachable(t, "OVERLOOK_REQUIRE_MYSQL", "MariaDB/MySQL", err)
	}
	name := RandomName("ovw_")
	if _, err := admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"); err != nil {
		t.Fatal(err)
	}
	c.DBName = name
	db, err := sql.Open("mysql", c.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	cfg := warehouse.Config{Dialect: "mysql", Host: "127.0.0.1", Port: 3306, Database: name, Username: "root"}
	t.Cleanup(func() {
		db.Close()
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name)
		admin.Close()
	})
	return cfg, db
}

// ExecOn adapts a pool to Target.Exec.
func ExecOn(db *sql.DB) func(string, ...any) error {
	return func(q string, args ...any) error {
		_, err := db.Exec(q, args...)
		return err
	}
}

// RunServer runs the suite on an engine opened through the warehouse
// registry on a database create makes (Postgres or MySQL above).
func RunServer(t *testing.T, create func(*testing.T) (warehouse.Config, *sql.DB)) {
	Run(t, func(t *testing.T) Target {
		cfg, db := create(t)
		e, err := warehouse.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		return Target{Dialect: cfg.Dialect, Engine: e, Exec: ExecOn(db)}
	})
}
