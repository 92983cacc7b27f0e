package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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

func TestPostgres(t *testing.T) {
	admin := storetest.PostgresAdmin(t)
	storetest.Run(t, func(t *testing.T) *store.Store {
		st, err := store.Open(context.Background(), storetest.PostgresDatabase(t, admin), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}
