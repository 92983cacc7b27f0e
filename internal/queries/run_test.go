package queries

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver of the test engine

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
)

// sqliteEngine is a warehouse.Engine over a plain SQLite database.
type sqliteEngine struct{ db *sql.DB }

func (e sqliteEngine) Dialect() string { return "sqlite" }
func (e sqliteEngine) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return e.db.QueryContext(ctx, q, args...)
}
func (e sqliteEngine) Test(ctx context.Context) error { return e.db.PingContext(ctx) }
func (e sqliteEngine) Close() error                   { return e.db.Close() }

func openEngine(t *testing.T) sqliteEngine {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "w.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return sqliteEngine{db}
}

var countColumn = []compiler.Column{{Name: "n.count", Label: "N Count", Kind: compiler.KindMeasure, Type: "count"},
	{Name: "n.__sort_", Hidden: true}}

func TestRunDropsHelperColumns(t *testing.T) {
	csv, _ := results.Resolve("csv")
	var out bytes.Buffer
	c := &compiler.Compiled{SQL: `SELECT 3 AS "n.count", 1 AS "n.__sort_"`, Columns: countColumn}
	if n, err := Run(context.Background(), openEngine(t), c, csv, &out, results.Options{}); err != nil || n != 1 ||
		out.String() != "N Count\n3\n" {
		t.Errorf("%d rows, %v: %q", n, err, out.String())
	}
}

// A run that outlives its context is stopped in the database, before any
// byte is written, and reported as the client's error. The query never ends
// by itself: were the context not passed down, the test would hang.
func TestRunStopsWithItsContext(t *testing.T) {
	csv, _ := results.Resolve("csv")
	endless := &compiler.Compiled{SQL: `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
		SELECT count(*) AS "n.count", 0 AS "n.__sort_" FROM c`, Columns: countColumn}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	_, err := Run(ctx, openEngine(t), endless, csv, &out, results.Options{})
	if err == nil || overlook.ErrorCode(err) != overlook.EBADREQUEST || out.Len() != 0 {
		t.Fatalf("error %v, wrote %q", err, out.String())
	}
}
