package connections_test

import (
	"context"
	"database/sql"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	_ "github.com/overlookbi/overlook/internal/warehouse/postgres"
	_ "github.com/overlookbi/overlook/internal/warehouse/sqlite"

	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// TestRealEngines runs connection tests through the real SQLite and
// PostgreSQL engines: success on a reachable database, error results (not
// errors) on an unreachable one.
func TestRealEngines(t *testing.T) {
	svc, _ := newService(t)
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, "shop.db"))
	if err == nil {
		_, err = db.Exec(`CREATE TABLE t (x INTEGER)`)
		db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	svc.SetFilesDir(dir)
	lite := &connections.Connection{Config: warehouse.Config{Name: "shop", Dialect: "sqlite", Database: "shop.db"}}
	if err := svc.Create(ctx, lite); err != nil {
		t.Fatal(err)
	}
	expect(t, svc, lite, "success")
	eng, err := svc.Engine(ctx, "shop")
	if err != nil {
		t.Fatal(err)
	}
	// Read-only: a write fails.
	if rows, err := eng.Query(ctx, `INSERT INTO t VALUES (1)`); err == nil {
		rows.Close()
		if rows.Err() == nil {
			t.Error("a write through an API SQLite connection succeeded")
		}
	}
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	_, port, _ := net.SplitHostPort(closed.Addr().String())
	closed.Close()
	down := pg(func(c *connections.Connection) { c.Host, c.Port, c.Name = "127.0.0.1", atoi(port), "down" })
	expect(t, svc, down, "error")
	pgURL := os.Getenv("OVERLOOK_TEST_POSTGRES_URL")
	cfg, err := connections.ParseDSN("local", orDefault(pgURL, "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"))
	if err != nil {
		t.Fatal(err)
	}
	local := &connections.Connection{Config: cfg}
	if res, _ := svc.Test(ctx, local, []string{"connect"}); len(res) == 0 || res[0].Status != "success" {
		t.Skipf("PostgreSQL unreachable: %+v", res)
	}
	expect(t, svc, local, "success")
}

func expect(t *testing.T, svc *connections.Service, c *connections.Connection, status string) {
	t.Helper()
	res, err := svc.Test(context.Background(), c, nil)
	if err != nil || len(res) != 2 {
		t.Fatalf("%s: %+v %v", c.Name, res, err)
	}
	for _, r := range res {
		if r.Status != status {
			t.Errorf("%s %s: %s %s, want %s", c.Name, r.Name, r.Status, r.Message, status)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
