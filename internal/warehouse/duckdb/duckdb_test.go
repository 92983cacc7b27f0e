package duckdb_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
)

// openFile creates a DuckDB file with a probe table, closes the writer and
// opens the engine on it (read-only when asked).
func openFile(t *testing.T, readOnly bool) (warehouse.Engine, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.duckdb")
	w, err := duckdb.OpenDB(warehouse.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec("CREATE TABLE probe (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "duckdb", Path: path, ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, path
}

func TestConformance(t *testing.T) {
	enginetest.Run(t, func(t *testing.T) enginetest.Target {
		e, _ := openFile(t, false)
		db := e.(*warehouse.DBEngine).DB
		return enginetest.Target{Dialect: "duckdb", Engine: e, Exec: enginetest.ExecOn(db)}
	})
}

// TestHardened: nothing a statement says reaches files, the network or
// extensions, or loosens the settings.
func TestHardened(t *testing.T) {
	e, _ := openFile(t, false)
	attacks := []string{
		"SELECT * FROM read_csv('/etc/passwd')",
		"SELECT * FROM read_text('/etc/passwd')",
		"SELECT * FROM '/etc/passwd'",
		"COPY probe TO '/tmp/ov_duckdb_attack.csv'",
		"COPY (SELECT 1) TO '/tmp/ov_duckdb_attack.parquet' (FORMAT parquet)",
		"ATTACH '/tmp/ov_duckdb_attack.duckdb' AS x",
		"ATTACH 'relative.duckdb' AS x",
		"ATTACH '/tmp/ov_duckdb_attack.sqlite' AS x (TYPE sqlite)",
		"INSTALL httpfs",
		"LOAD httpfs",
		"SELECT * FROM read_parquet('https://example.com/x.parquet')",
		"SET enable_external_access = true",
		"SET lock_configuration = false",
		"SET memory_limit = '100GB'",
		"SET autoload_known_extensions = true",
		"EXPORT DATABASE '/tmp/ov_duckdb_export'",
		"SELECT * FROM glob('/etc/*')",
	}
	for _, q := range attacks {
		rows, err := e.Query(context.Background(), q)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if err == nil {
			t.Errorf("%s: succeeded", q)
		}
	}
}

func TestReadOnly(t *testing.T) {
	e, _ := openFile(t, true)
	for _, q := range []string{"INSERT INTO probe VALUES (1)", "CREATE TABLE t2 (x INTEGER)", "DROP TABLE probe"} {
		rows, err := e.Query(context.Background(), q)
		if err == nil {
			rows.Close()
			t.Errorf("%s: succeeded on a read-only database", q)
		}
	}
}

func TestDSNRefusesHostilePathsAndOptions(t *testing.T) {
	bad := []warehouse.Config{
		{Path: "/tmp/x.duckdb?enable_external_access=true"},
		{Path: "/tmp/x#.duckdb"},
		{Path: "/tmp/x%3F.duckdb"},
		{Path: "/tmp/x.duckdb", Options: map[string]string{"enable_external_access": "true"}},
		{Path: "/tmp/x.duckdb", Options: map[string]string{"threads": "0"}},
		{Path: "/tmp/x.duckdb", Options: map[string]string{"memory_limit": "1GB&lock_configuration=false"}},
	}
	for _, cfg := range bad {
		if dsn, err := duckdb.DSN(cfg); err == nil {
			t.Errorf("%+v accepted as %s", cfg, dsn)
		}
	}
}

// TestNormalize: DuckDB's own types come out as plain JSON values.
func TestNormalize(t *testing.T) {
	e, _ := openFile(t, false)
	rows, err := e.Query(context.Background(), `SELECT
		CAST(170141183460469231731687303715884105727 AS HUGEINT),
		CAST(12 AS HUGEINT),
		CAST(123.45 AS DECIMAL(10,2)),
		CAST('12345678901234567890.123' AS DECIMAL(38,3)),
		CAST('5d8b2f6e-1c3a-4f6e-9b2d-3a1c5e7f9b0d' AS UUID),
		INTERVAL '1 year 2 months 3 days 04:05:06.5',
		[1, 2, 3],
		{'a': 1, 'b': 'x'},
		MAP {'k': 1.5::DECIMAL(4,1)}`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		t.Fatal(err)
	}
	if !sc.Next() {
		t.Fatal(sc.Err())
	}
	got, err := sc.Row()
	if err != nil {
		t.Fatal(err)
	}
	want := []any{
		json.Number("170141183460469231731687303715884105727"), int64(12), 123.45,
		json.Number("12345678901234567890.123"), "5d8b2f6e-1c3a-4f6e-9b2d-3a1c5e7f9b0d",
		"P1Y2M3DT4H5M6.5S", []any{int32(1), int32(2), int32(3)}, map[string]any{"a": int64(1), "b": "x"},
		map[string]any{"k": 1.5},
	}
	want[6] = []any{int64(1), int64(2), int64(3)}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("column %d: got %#v (%T), want %#v", i, got[i], got[i], want[i])
		}
	}
	if _, err := json.Marshal(got); err != nil {
		t.Fatal(err)
	}
}

// TestQueryTimeout: cfg.QueryTimeout stops a statement on its own.
func TestQueryTimeout(t *testing.T) {
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "duckdb", QueryTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	start := time.Now()
	rows, err := e.Query(context.Background(), "SELECT COUNT(*) FROM range(1000000) a, range(1000000) b")
	if err == nil {
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
	}
	if err == nil || time.Since(start) > 10*time.Second {
		t.Fatalf("err %v after %v, want a timeout soon after 200ms", err, time.Since(start))
	}
}

// TestResourceSettings: threads, memory_limit and temp_directory are set,
// by default and through Options.
func TestResourceSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.duckdb")
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "duckdb", Path: path,
		Options: map[string]string{"threads": "1", "memory_limit": "256MB"}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	rows, err := e.Query(context.Background(), "SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('temp_directory')")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var threads int64
	var memory, temp string
	if !rows.Next() || rows.Scan(&threads, &memory, &temp) != nil {
		t.Fatal(rows.Err())
	}
	if threads != 1 || memory != "244.1 MiB" || temp != duckdb.TempDir(path) {
		t.Fatalf("threads %d, memory_limit %q, temp_directory %q", threads, memory, temp)
	}
}
