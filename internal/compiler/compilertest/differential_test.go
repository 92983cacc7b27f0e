package compilertest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/demo"
	demolookml "github.com/overlookbi/overlook/internal/demo/lookml"
	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
	_ "github.com/overlookbi/overlook/internal/warehouse/mysql"    // registers "mysql"
	_ "github.com/overlookbi/overlook/internal/warehouse/postgres" // registers "postgres"
)

// asOf anchors the demo and "now", so relative date filters find rows.
var asOf = time.Date(2026, 3, 18, 0, 0, 0, 0, time.UTC)

func demoOptions() demo.Options {
	return demo.Options{Scale: 0.01, AsOf: asOf, Seed: 1}.Defaults(time.Now)
}

func thelook(t *testing.T) *semantic.Model {
	t.Helper()
	p, err := lookml.LoadProject(demolookml.FS())
	if err != nil {
		t.Fatal(err)
	}
	m, err := semantic.Build(p, "thelook")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestRealDatabases loads the demo once and runs the differential and
// fanout checks on it.
func TestRealDatabases(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and loads the demo into three databases")
	}
	m := thelook(t)
	es := engines(t)
	t.Run("differential", func(t *testing.T) { differentialRun(t, m, es) })
	t.Run("fanout", func(t *testing.T) { fanoutRun(t, m, es) })
	t.Run("generated", func(t *testing.T) { generatedRun(t, m, es) })
	t.Run("dynamic", func(t *testing.T) { dynamicRun(t, m, es) })
	t.Run("functions", func(t *testing.T) { functionRun(t, m, es) })
	t.Run("pivot_calcs", func(t *testing.T) { pivotCalcRun(t, m, es) })
}

// engines opens the demo in DuckDB, and in PostgreSQL and MariaDB when
// their servers run (enginetest skips them otherwise).
func engines(t *testing.T) map[string]warehouse.Engine {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "thelook.duckdb")
	if err := duckdb.GenerateDemo(ctx, path, demoOptions(), nil); err != nil {
		t.Fatal(err)
	}
	out := map[string]warehouse.Engine{}
	out["duckdb"] = open(t, warehouse.Config{Name: "thelook", Dialect: "duckdb", Path: path, ReadOnly: true})
	// enginetest skips the whole test when a server is missing (or fails
	// it when CI requires the server): the comparison needs them all.
	cfg, db := enginetest.Postgres(t)
	if err := demo.LoadSQL(ctx, db, "postgres", demoOptions(), nil); err != nil {
		t.Fatal(err)
	}
	out["postgres"] = open(t, cfg)
	cfg, db = enginetest.MySQL(t)
	if err := demo.LoadSQL(ctx, db, "mysql", demoOptions(), nil); err != nil {
		t.Fatal(err)
	}
	out["mysql"] = open(t, cfg)
	return out
}

func open(t *testing.T, cfg warehouse.Config) warehouse.Engine {
	e, err := warehouse.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// run executes SQL and returns its rows as comparable text: numbers
// rounded to 9 significant digits (1e-9 relative), times in UTC.
func run(t *testing.T, e warehouse.Engine, sql string, args ...any) [][]string {
	t.Helper()
	return runCells(t, e, cell, sql, args...)
}

// runCells executes SQL and returns its rows formatted by format.
func runCells(t *testing.T, e warehouse.Engine, format func(any) string, sql string, args ...any) [][]string {
	t.Helper()
	rows, err := e.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatalf("%s: %v\n%s", e.Dialect(), err, sql)
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for sc.Next() {
		vals, err := sc.Row()
		if err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = format(v)
		}
		out = append(out, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatFloat(float64(x), 'g', 9, 64)
	case float64:
		if math.Abs(x) < 1e-9 {
			x = 0
		}
		return strconv.FormatFloat(x, 'g', 9, 64)
	case json.Number:
		f, _ := x.Float64()
		return cell(f)
	case time.Time:
		x = x.UTC()
		if x.Equal(x.Truncate(24 * time.Hour)) {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05")
	case string:
		if f, err := strconv.ParseFloat(x, 64); err == nil {
			return cell(f)
		}
		return x
	}
	return fmt.Sprint(v)
}
