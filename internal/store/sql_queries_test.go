package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestSQLQueries(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			q := &store.SQLQuery{Slug: "s1", ConnectionName: "thelook", SQL: "SELECT 1"}
			if err := st.CreateSQLQuery(ctx, q); err != nil || q.ID == 0 || q.CreatedAt.IsZero() {
				t.Fatalf("create: %v %+v", err, q)
			}
			dup := &store.SQLQuery{Slug: "s1", ConnectionName: "other", SQL: "SELECT 2"}
			if err := st.CreateSQLQuery(ctx, dup); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("taken slug: %v, want conflict", err)
			}
			got, err := st.SQLQueryBySlug(ctx, "s1")
			if err != nil || got.ID != q.ID || got.SQL != "SELECT 1" || got.VisConfig != "{}" ||
				!got.LastRunAt.IsZero() || got.RunCount != 0 {
				t.Fatalf("by slug: %v %+v", err, got)
			}
			later, earlier := time.UnixMilli(2_000_000), time.UnixMilli(1_000_000)
			runs := []store.SQLQueryRun{{ID: q.ID, At: later}, {ID: q.ID, At: earlier}}
			if err := st.RecordSQLQueryRuns(ctx, runs); err != nil {
				t.Fatal(err)
			}
			got, _ = st.SQLQueryBySlug(ctx, "s1")
			if got.RunCount != 2 || !got.LastRunAt.Equal(later) {
				t.Errorf("after two runs: count %d last %v, want 2 %v", got.RunCount, got.LastRunAt, later)
			}
			if _, err := st.SQLQueryBySlug(ctx, "nope"); !overlook.IsNotFound(err) {
				t.Errorf("unknown slug: %v, want not found", err)
			}
		})
	}
}
