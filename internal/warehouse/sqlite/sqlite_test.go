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

func TestReadOnly(t *testing.T) {
	e, _ := open(t)
	for _, q := range []string{"INSERT INTO probe VALUES (1)", "CREATE TABLE t2 (x INTEGER)", "DROP TABLE probe",
		"PRAGMA query_only = 0", "ATTACH DATABASE '/tmp/ov_attack.db' AS x"} {
		rows, err := e.Query(context.Background(), q)
		if err == nil {
			err = rows.Close()
			// A PRAGMA may "succeed"; writing must still fail afterwards.
			if _, err2 := e.Query(context.Background(), "INSERT INTO probe VALUES (1)"); err2 == nil {
				t.Errorf("%s: accepted and a write then succeeded", q)
			}
			continue
		}
	}
}
