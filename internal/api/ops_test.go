package api_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/api"
	"github.com/overlookbi/overlook/internal/api/looker40"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestAlive(t *testing.T) {
	inst := servertest.Start(t)
	if res := inst.Do(t, "GET", "/alive", "", nil); res.Status != 200 {
		t.Errorf("/alive: %d", res.Status)
	}
}

func TestMetrics(t *testing.T) {
	inst := servertest.Start(t)
	token := inst.AdminToken(t)
	if res := inst.Do(t, "GET", "/api/4.0/user", token, nil); res.Status != 200 {
		t.Fatalf("me: %d", res.Status)
	}
	// The counter is bumped once the answer is out: look again briefly.
	var body string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		res := inst.Do(t, "GET", "/metrics", "", nil)
		if body = string(res.Body); res.Status != 200 {
			t.Fatalf("/metrics: %d", res.Status)
		}
		if strings.Contains(body, `overlook_http_requests_total{operation="me",status="200"} 1`) {
			break
		}
	}
	for _, want := range []string{
		"# TYPE overlook_http_requests_total counter",
		`overlook_http_requests_total{operation="me",status="200"} 1`,
		"# TYPE overlook_http_request_duration_seconds histogram",
		`overlook_http_request_duration_seconds_bucket{operation="me",le="+Inf"} 1`,
		`overlook_http_request_duration_seconds_count{operation="me"} 1`,
		`overlook_db_open_connections{pool="writer"}`,
		`overlook_db_open_connections{pool="reader"}`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// syncBuffer is a log sink the server goroutines can share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// loggedHandler serves the node's API through a second HTTP layer whose
// logger writes to a buffer (servertest discards its logs). The answer is
// an Instance whose Do talks to that layer.
func loggedHandler(t *testing.T, inst *servertest.Instance) (*servertest.Instance, *syncBuffer) {
	logs := &syncBuffer{}
	b := &looker40.Backend{Store: inst.Server.Store, Auth: inst.Server.Auth, Audit: inst.Server.Audit}
	h := api.New(api.Config{Backend: b, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &servertest.Instance{URL: srv.URL, Server: inst.Server}, logs
}

// TestRequestLog: one line per request with operation, status, duration
// and user; never a token, a secret or a query string.
func TestRequestLog(t *testing.T) {
	inst := servertest.Start(t)
	srv, logs := loggedHandler(t, inst)

	creds := url.Values{"client_id": {servertest.AdminClientID}, "client_secret": {servertest.AdminClientSecret}}.Encode()
	res, err := http.Post(srv.URL+"/api/4.0/login?"+creds, "application/x-www-form-urlencoded", strings.NewReader(creds))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	token := inst.AdminToken(t)
	srv.Do(t, "GET", "/api/4.0/user?fields=id,first_name&marker=querystring", token, nil)
	srv.Do(t, "GET", "/api/4.0/user", "not-a-token-"+token[:8], nil)
	srv.Do(t, "GET", "/password/reset/resettokenmustnotbelogged", "", nil)

	lines := waitLogLines(t, logs, 4)
	wants := []*regexp.Regexp{
		regexp.MustCompile(`msg=request method=POST path=/api/4.0/login operation=login status=200 duration=\S+ user=`),
		regexp.MustCompile(`msg=request method=GET path=/api/4.0/user operation=me status=200 duration=\S+ user=1\b`),
		regexp.MustCompile(`msg=request method=GET path=/api/4.0/user operation=me status=401 duration=\S+ user=0\b`),
	}
	for i, re := range wants {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %s, want %s", i, lines[i], re)
		}
	}
	all := logs.String()
	for _, secret := range []string{token, token[:8], servertest.AdminClientSecret, "client_secret", "client_id",
		"querystring", "fields=", "?", "resettokenmustnotbelogged"} {
		if strings.Contains(all, secret) {
			t.Errorf("the log contains %q:\n%s", secret, all)
		}
	}
}

func waitLogLines(t *testing.T, logs *syncBuffer, n int) []string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
		if len(lines) >= n && lines[0] != "" {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("log has %d lines, want %d:\n%s", len(lines), n, logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
