package queriestest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
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
