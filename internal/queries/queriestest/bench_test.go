package queriestest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

// The benchmarks serve run_inline_query through the node's handler in
// process (no sockets), so a CPU profile shows Overlook's own costs:
//
//	go test -run '^$' -bench RunInline -cpuprofile cpu.out ./internal/queries/queriestest
func BenchmarkRunInlineCached(b *testing.B) {
	benchRunInline(b, api+"/queries/run/json")
}

func BenchmarkRunInlineUncached(b *testing.B) {
	benchRunInline(b, api+"/queries/run/json?cache=false")
}

func benchRunInline(b *testing.B, path string) {
	inst := startDemo(b)
	token := inst.AdminToken(b)
	body, err := json.Marshal(map[string]any{"model": "thelook", "view": "products",
		"fields": []string{"products.brand", "products.count"}, "limit": "500"})
	if err != nil {
		b.Fatal(err)
	}
	serve := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		inst.Server.HTTP.ServeHTTP(rec, req)
		return rec
	}
	if rec := serve(); rec.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if rec := serve(); rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, rec.Code)
		}
	}
	// The process's CPU time per run (background writers included) is
	// steadier than ns/op on a busy machine.
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N), "cpu-µs/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSQLRunnerCSV writes the csv of a DuckDB table shaped like
// bench/queries' (int, double, varchar, date, timestamp) through RunSQL:
//
//	go test -run '^$' -bench SQLRunnerCSV -cpuprofile cpu.out ./internal/queries/queriestest
func BenchmarkSQLRunnerCSV(b *testing.B) {
	const rows = 200_000
	path := filepath.Join(b.TempDir(), "big.duckdb")
	db, err := duckdb.OpenDB(warehouse.Config{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	_, err = db.Exec(fmt.Sprintf(`CREATE TABLE big AS SELECT range AS i, random() AS d, 'row ' || range AS s,
		DATE '2020-01-01' + (range %% 1000)::INT AS dt, TIMESTAMP '2020-01-01' + INTERVAL (range) SECOND AS ts
		FROM range(%d)`, rows))
	db.Close()
	if err != nil {
		b.Fatal(err)
	}
	eng, err := duckdb.Open(context.Background(), warehouse.Config{Name: "big", Dialect: "duckdb", Path: path, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	csv, err := results.Resolve("csv")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var out countingWriter
	for b.Loop() {
		n, err := queries.RunSQL(context.Background(), eng, "SELECT i, d, s, dt, ts FROM big", csv, &out, results.Options{})
		if err != nil || n != rows {
			b.Fatalf("%d rows, %v", n, err)
		}
	}
	b.ReportMetric(float64(out.n)/float64(b.N)/rows, "bytes/row")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
