package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// node is a running `overlook serve`.
type node struct {
	origin   string
	clientID string
	secret   string
	printed  string
	stop     func() error
}

var readyLine = regexp.MustCompile(`is ready at (http://\S+) `)

// startServe runs serve in-process with env and waits for its ready line.
func startServe(t *testing.T, env map[string]string) *node {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	if _, set := env["OVERLOOK_DEMO_SCALE"]; !set {
		env["OVERLOOK_DEMO_SCALE"] = "0" // most tests need no demo
	}
	getenv := func(k string) string { return env[k] }
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, pw, io.Discard, getenv)
		pw.Close()
	}()
	n := &node{stop: func() error { cancel(); return <-done }}
	sc := bufio.NewScanner(pr)
	var out strings.Builder
	for sc.Scan() {
		line := sc.Text()
		out.WriteString(line + "\n")
		if f := strings.Fields(line); len(f) == 2 && f[0] == "client_id:" {
			n.clientID = f[1]
		} else if len(f) == 2 && f[0] == "client_secret:" {
			n.secret = f[1]
		}
		if m := readyLine.FindStringSubmatch(line); m != nil {
			n.origin = m[1]
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if n.origin == "" {
		cancel()
		t.Fatalf("serve never got ready: %s %v", out.String(), <-done)
	}
	n.printed = out.String()
	return n
}

func login(t *testing.T, origin, id, secret string) int {
	t.Helper()
	res, err := http.PostForm(origin+"/api/4.0/login", url.Values{"client_id": {id}, "client_secret": {secret}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestServeFirstStartAndRestart(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"OVERLOOK_DATA_DIR": dir}
	first := startServe(t, env)
	if first.clientID == "" || first.secret == "" {
		t.Fatalf("first start printed no credentials:\n%s", first.printed)
	}
	info, err := os.Stat(filepath.Join(dir, "admin-credentials.ini"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("credentials file: %v %v", info, err)
	}
	ini, _ := os.ReadFile(filepath.Join(dir, "admin-credentials.ini"))
	if !strings.Contains(string(ini), "client_secret="+first.secret) {
		t.Errorf("credentials file lacks the secret: %s", ini)
	}
	if got := login(t, first.origin, first.clientID, first.secret); got != 200 {
		t.Fatalf("login: %d", got)
	}
	if err := first.stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}

	again := startServe(t, env)
	defer again.stop()
	if again.clientID != "" || strings.Contains(again.printed, first.secret) {
		t.Errorf("a restart printed credentials again:\n%s", again.printed)
	}
	if got := login(t, again.origin, first.clientID, first.secret); got != 200 {
		t.Errorf("login after restart: %d", got)
	}
}

func TestServeWithPostgres(t *testing.T) {
	base := os.Getenv("OVERLOOK_TEST_POSTGRES_URL")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		if os.Getenv("OVERLOOK_REQUIRE_POSTGRES") != "" {
			t.Fatal(err)
		}
		t.Skipf("PostgreSQL unreachable: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "overlook_serve_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	u, _ := url.Parse(base)
	u.Path = "/" + name
	n := startServe(t, map[string]string{
		"OVERLOOK_DATA_DIR": t.TempDir(), "OVERLOOK_DATABASE_URL": u.String(),
		"OVERLOOK_ADMIN_CLIENT_ID": "pgadminclient0000000", "OVERLOOK_ADMIN_CLIENT_SECRET": "pgadminsecret00000000000",
	})
	defer n.stop()
	if got := login(t, n.origin, "pgadminclient0000000", "pgadminsecret00000000000"); got != 200 {
		t.Fatalf("login on PostgreSQL: %d", got)
	}
}

// In-flight requests finish when the server is told to stop.
func TestServeDrainsOnShutdown(t *testing.T) {
	n := startServe(t, map[string]string{"OVERLOOK_DATA_DIR": t.TempDir()})
	conn, err := net.Dial("tcp", strings.TrimPrefix(n.origin, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Start a request whose body is still arriving, stop the server, then
	// finish the body: the request is in flight and must be answered.
	body := "client_id=x&client_secret=y"
	io.WriteString(conn, "POST /api/4.0/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"+
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body[:5])
	time.Sleep(200 * time.Millisecond)
	stopped := make(chan error, 1)
	go func() { stopped <- n.stop() }()
	time.Sleep(200 * time.Millisecond)
	io.WriteString(conn, body[5:])
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil || res.StatusCode != 404 {
		t.Fatalf("in-flight request: %v %v", res, err)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

func TestVersionAndUnknownCommand(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"version"}, &out, io.Discard, func(string) string { return "" }); err != nil || !strings.HasPrefix(out.String(), "overlook ") {
		t.Errorf("version: %q %v", out.String(), err)
	}
	if err := run(context.Background(), []string{"frobnicate"}, io.Discard, io.Discard, func(string) string { return "" }); err == nil {
		t.Error("unknown command accepted")
	}
	if err := run(context.Background(), []string{"migrate", "--data-dir", t.TempDir()}, &out, io.Discard, func(string) string { return "" }); err != nil {
		t.Errorf("migrate: %v", err)
	}
}

func TestLookmlCommands(t *testing.T) {
	none := func(string) string { return "" }
	var out, errOut strings.Builder
	if err := run(context.Background(), []string{"lookml", "validate", "../../internal/demo/lookml"}, &out, &errOut, none); err != nil {
		t.Fatalf("the demo project: %v\n%s", err, errOut.String())
	}
	errOut.Reset()
	err := run(context.Background(), []string{"lookml", "validate", "../../internal/catalog/testdata/malformed/duplicate_explore"}, &out, &errOut, none)
	if err == nil || !regexp.MustCompile(`m\.model\.lkml:\d+:\d+: `).MatchString(errOut.String()) {
		t.Fatalf("malformed project: %v %q", err, errOut.String())
	}
	errOut.Reset()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.view.lkml")
	os.WriteFile(bad, []byte("view: x {\n  dimension: y {\n    sql: ${TABLE}.y\n"), 0o644)
	err = run(context.Background(), []string{"lookml", "parse", bad}, &out, &errOut, none)
	if err == nil || !strings.Contains(errOut.String(), "bad.view.lkml:") {
		t.Fatalf("parse: %v %q", err, errOut.String())
	}
	good := filepath.Join(dir, "good.view.lkml")
	os.WriteFile(good, []byte("view: x {\n  dimension: y { sql: ${TABLE}.y ;; }\n}\n"), 0o644)
	out.Reset()
	if err := run(context.Background(), []string{"lookml", "parse", "--json", good}, &out, &errOut, none); err != nil || !strings.Contains(out.String(), `"Key"`) {
		t.Fatalf("parse --json: %v %q", err, out.String())
	}
}

// A first start generates the demo (small here) and serves it as the
// read-only thelook connection.
func TestServeGeneratesTheDemo(t *testing.T) {
	dir := t.TempDir()
	n := startServe(t, map[string]string{"OVERLOOK_DATA_DIR": dir, "OVERLOOK_DEMO_SCALE": "0.01",
		"OVERLOOK_ADMIN_CLIENT_ID": "democlient0000000000", "OVERLOOK_ADMIN_CLIENT_SECRET": "demosecret00000000000000"})
	defer n.stop()
	if _, err := os.Stat(filepath.Join(dir, "thelook.duckdb")); err != nil {
		t.Fatal(err)
	}
	res, err := http.PostForm(n.origin+"/api/4.0/login", url.Values{"client_id": {"democlient0000000000"}, "client_secret": {"demosecret00000000000000"}})
	if err != nil {
		t.Fatal(err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	json.NewDecoder(res.Body).Decode(&tok)
	res.Body.Close()
	req, _ := http.NewRequest("PUT", n.origin+"/api/4.0/connections/thelook/test", nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `"success"`) || strings.Contains(string(body), `"error"`) {
		t.Fatalf("test thelook: %d %s", res.StatusCode, body)
	}
}
