package duckdb_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

var asOf = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

func checksums(t *testing.T, path string) map[string]string {
	t.Helper()
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "duckdb", Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	sums, err := demo.Checksums(ctx, func(q string) (*sql.Rows, error) { return e.Query(ctx, q) })
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// TestGenerateDemo: two files generated with the same options hold the
// rows the generator produces in memory; another seed differs.
func TestGenerateDemo(t *testing.T) {
	dir := t.TempDir()
	o := demo.Options{Scale: 0.01, AsOf: asOf, Seed: 42}
	want, err := demo.ExpectedChecksums(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := filepath.Join(dir, "a.duckdb"), filepath.Join(dir, "b.duckdb"), filepath.Join(dir, "c.duckdb")
	for _, p := range []string{a, b} {
		if err := duckdb.GenerateDemo(context.Background(), p, o, nil); err != nil {
			t.Fatal(err)
		}
	}
	o.Seed = 43
	if err := duckdb.GenerateDemo(context.Background(), c, o, nil); err != nil {
		t.Fatal(err)
	}
	sa, sb, sc := checksums(t, a), checksums(t, b), checksums(t, c)
	for name, w := range want {
		if sa[name] != w || sb[name] != w {
			t.Errorf("%s: checksums %s and %s, want %s", name, sa[name], sb[name], w)
		}
		if name != "distribution_centers" && sc[name] == w {
			t.Errorf("%s: another seed gave the same rows", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestGenerateDemoCancelledLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.duckdb")
	ctx, cancel := context.WithCancel(context.Background())
	progress := func(done, total int64) { cancel() }
	err := duckdb.GenerateDemo(ctx, path, demo.Options{Scale: 0.1, AsOf: asOf}, progress)
	if err == nil {
		t.Fatal("a cancelled generation succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

// TestGenerateScale1 measures scale 1; it runs only when asked:
// OVERLOOK_DEMO_SCALE1=1 go test -run TestGenerateScale1 -v ./internal/warehouse/duckdb
func TestGenerateScale1(t *testing.T) {
	if os.Getenv("OVERLOOK_DEMO_SCALE1") == "" {
		t.Skip("set OVERLOOK_DEMO_SCALE1=1 to generate the scale-1 demo")
	}
	path := filepath.Join(t.TempDir(), "thelook.duckdb")
	start := time.Now()
	var rows int64
	err := duckdb.GenerateDemo(context.Background(), path, demo.Options{Scale: 1, AsOf: asOf}, func(done, _ int64) { rows = done })
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	t.Logf("scale 1: %d rows in %v, %d MB", rows, time.Since(start).Round(time.Millisecond), info.Size()>>20)
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "duckdb", Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, tb := range demo.Tables {
		var n int64
		r, err := e.Query(context.Background(), "SELECT COUNT(*) FROM "+tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		r.Next()
		r.Scan(&n)
		r.Close()
		t.Logf("%-21s %9d rows", tb.Name, n)
	}
}
