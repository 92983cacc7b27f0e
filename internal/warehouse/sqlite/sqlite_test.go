package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
	_ "github.com/overlookbi/overlook/internal/warehouse/sqlite"
)

func open(t *testing.T) (warehouse.Engine, *sql.DB) {
	path := filepath.Join(t.TempDir(), "w x.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec("CREATE TABLE probe (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	e, err := warehouse.Open(context.Background(), warehouse.Config{Dialect: "sqlite", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, db
}

func TestConformance(t *testing.T) {
	enginetest.Run(t, func(t *testing.T) enginetest.Target {
		e, db := open(t)
		return enginetest.Target{Dialect: "sqlite", Engine: e, Exec: enginetest.ExecOn(db)}
	})
}

// TestReadOnly: no statement writes, and none turns writing back on.
func TestReadOnly(t *testing.T) {
	e, _ := open(t)
	ctx := context.Background()
	run := func(q string) error {
		rows, err := e.Query(ctx, q)
		if err != nil {
			return err
		}
		return rows.Close()
	}
	for _, q := range []string{"INSERT INTO probe VALUES (1)", "CREATE TABLE t2 (x INTEGER)", "DROP TABLE probe",
		"ATTACH DATABASE '/tmp/ov_sqlite_attack.db' AS x"} {
		if run(q) == nil {
			t.Errorf("%s: succeeded", q)
		}
	}
	_ = run("PRAGMA query_only = 0") // may be accepted on one connection…
	if run("INSERT INTO probe VALUES (1)") == nil {
		t.Error("a write succeeded after PRAGMA query_only = 0") // …but the file is opened read-only
	}
}
