package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// BenchmarkAppendHistory writes batches of 64 runs, as the history log
// does under load, to SQLite.
func BenchmarkAppendHistory(b *testing.B) {
	st, err := store.Open(context.Background(), "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	batch := make([]store.HistoryEntry, 64)
	for i := range batch {
		batch[i] = store.HistoryEntry{Source: "api", ResultFormat: "json", Status: "complete",
			ConnectionName: "thelook", Dialect: "duckdb", Runtime: time.Millisecond, Rows: 50, CacheHit: true,
			CreatedAt: now, CompletedAt: now}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := st.AppendHistory(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(batch)), "ns/row")
}
