// Package servertest starts a whole Overlook node for tests: a temp data
// dir, SQLite metadata, a real HTTP listener on a free port, and a known
// admin.
package servertest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/server"
)

// Admin credentials every test instance starts with.
const (
	AdminClientID     = "testadminclientid000"
	AdminClientSecret = "testadminsecret000000000"
)

// Instance is a running node.
type Instance struct {
	URL    string
	Server *server.Server
	Config config.Config
}

// Start runs a node until the test ends. opts may change the config.
func Start(t testing.TB, opts ...func(*config.Config)) *Instance {
	t.Helper()
	return StartWith(t, nil, opts...)
}

// StartWith is Start with options for server.Open (the demo, say).
func StartWith(t testing.TB, serverOpts []server.Option, opts ...func(*config.Config)) *Instance {
	t.Helper()
	cfg := config.Default()
	cfg.Addr = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.AdminClientID, cfg.AdminClientSecret = AdminClientID, AdminClientSecret
	for _, o := range opts {
		o(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.Open(ctx, cfg, log, serverOpts...)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ln, err := srv.Listen()
	if err != nil {
		cancel()
		srv.Close()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		srv.Close()
	})
	return &Instance{URL: "http://" + ln.Addr().String(), Server: srv, Config: cfg}
}

// Login logs in with API3 credentials and returns the access token.
func (i *Instance) Login(t testing.TB, clientID, secret string) string {
	t.Helper()
	form := url.Values{"client_id": {clientID}, "client_secret": {secret}}
	res, err := http.Post(i.URL+"/api/4.0/login", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&tok) != nil || tok.AccessToken == "" {
		t.Fatalf("login as %s: status %d", clientID, res.StatusCode)
	}
	return tok.AccessToken
}

// AdminToken logs the admin in.
func (i *Instance) AdminToken(t testing.TB) string {
	return i.Login(t, AdminClientID, AdminClientSecret)
}

// CreateUser makes an enabled user holding the named roles ("Admin",
// "Developer", "User", "Viewer") and returns it.
func (i *Instance) CreateUser(t testing.TB, first, last string, roles ...string) *overlook.User {
	t.Helper()
	ctx := context.Background()
	st := i.Server.Store
	u := &overlook.User{FirstName: first, LastName: last, Locale: "en"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range roles {
		id, err := st.RoleIDByName(ctx, r)
		if err != nil {
			t.Fatalf("role %s: %v", r, err)
		}
		ids = append(ids, id)
	}
	if err := st.SetUserRoles(ctx, u.ID, ids); err != nil {
		t.Fatal(err)
	}
	i.Server.Auth.Invalidate()
	return u
}

// TokenFor mints a plain access token for a user, as if it had logged in.
func (i *Instance) TokenFor(t testing.TB, userID int64) string {
	t.Helper()
	tok, err := i.Server.Auth.IssueToken(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return tok.Token
}

// Response is an answer read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it can't.
func (r *Response) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Do sends a request with an optional bearer token and JSON body (a string
// or []byte is sent as is; anything else is marshalled).
func (i *Instance) Do(t testing.TB, method, path, token string, body any) *Response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, i.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return &Response{Status: res.StatusCode, Header: res.Header, Body: data}
}
