package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// BenchmarkMe measures the server side of an authenticated GET /api/4.0/user
// without the network: routing, middleware, the principal cache, the
// handler and JSON encoding.
func BenchmarkMe(b *testing.B) {
	inst := servertest.Start(b)
	token := inst.AdminToken(b)
	req := httptest.NewRequest(http.MethodGet, "/api/4.0/user", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		inst.Server.HTTP.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}
