package looker40_test

import (
	"net"
	"net/http"
	"strings"
	"testing"

	_ "github.com/overlookbi/overlook/internal/connections/connectionstest"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// connectionBody is a valid PostgreSQL connection, with a secret.
func connectionBody(name string, extra map[string]any) map[string]any {
	b := map[string]any{"name": name, "dialect_name": "postgres", "host": "db.example.com", "port": "5432",
		"database": "analytics", "username": "looker", "password": "s3cret-pw", "certificate": "CERT-SECRET"}
	for k, v := range extra {
		b[k] = v
	}
	return b
}

func TestConnectionsCRUD(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	noSecrets := func(t *testing.T, res *servertest.Response) {
		t.Helper()
		for _, s := range []string{"s3cret-pw", "CERT-SECRET", `"password"`, `"certificate"`} {
			if strings.Contains(string(res.Body), s) {
				t.Errorf("response leaks %s: %s", s, res.Body)
			}
		}
	}
	res := inst.Do(t, http.MethodPost, api+"/connections", tok, connectionBody("wh",
		map[string]any{"jdbc_additional_params": "sslmode=require", "port": 6543}))
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), `"has_password":true`) ||
		!strings.Contains(string(res.Body), `"port":"6543"`) {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	noSecrets(t, res)
	for _, path := range []string{"/connections", "/connections/wh"} {
		res := inst.Do(t, http.MethodGet, api+path, tok, nil)
		if res.Status != http.StatusOK || !strings.Contains(string(res.Body), `"jdbc_additional_params":"sslmode=require"`) {
			t.Errorf("GET %s: %d %s", path, res.Status, res.Body)
		}
		noSecrets(t, res)
	}
	runCalls(t, inst, tok, []call{
		{name: "duplicate", method: "POST", path: "/connections", body: connectionBody("wh", nil), status: 409},
		{name: "unknown", method: "GET", path: "/connections/nope", status: 404},
		{name: "update unknown", method: "PATCH", path: "/connections/nope", body: map[string]any{"host": "x"}, status: 404},
		{name: "delete unknown", method: "DELETE", path: "/connections/nope", status: 404},
		{name: "rename", method: "PATCH", path: "/connections/wh", body: map[string]any{"name": "other"}, status: 422, field: "name"},
		{name: "update keeps password", method: "PATCH", path: "/connections/wh", body: map[string]any{"host": "db2.example.com",
			"password": nil}, status: 200, contains: `"host":"db2.example.com"`},
		{name: "update hostile", method: "PATCH", path: "/connections/wh", body: map[string]any{
			"jdbc_additional_params": "sslmode=require&sslrootcert=/etc/ssl/ca.pem"}, status: 422,
			field: "jdbc_additional_params.sslrootcert"},
		{name: "unchanged after refusal", method: "GET", path: "/connections/wh", status: 200, contains: `"jdbc_additional_params":"sslmode=require"`},
		{name: "after_connect_statements", method: "POST", path: "/connections", body: connectionBody("w2",
			map[string]any{"after_connect_statements": "COPY x FROM PROGRAM 'id'"}), status: 422, field: "after_connect_statements"},
		{name: "dialect infos", method: "GET", path: "/dialect_info", status: 200, contains: `"default_port":"5432"`},
		{name: "delete", method: "DELETE", path: "/connections/wh", status: 204},
		{name: "gone", method: "GET", path: "/connections/wh", status: 404},
	})
	viewer := inst.TokenFor(t, inst.CreateUser(t, "V", "Iewer", "Viewer").ID)
	if res := inst.Do(t, http.MethodPost, api+"/connections", viewer, connectionBody("v", nil)); res.Status != http.StatusForbidden {
		t.Errorf("viewer create: %d", res.Status)
	}
}

// TestConnectionHostileAPI: hostile configurations through the API are
// 422s naming the option, and none is stored.
func TestConnectionHostileAPI(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	params := map[string]string{
		"mysql":    "allowLocalInfile=true",
		"postgres": "passfile=/root/.pgpass",
		"duckdb":   "enable_external_access=true",
		"sqlite":   "mode=rwc",
	}
	var calls []call
	for dialect, p := range params {
		body := connectionBody("h_"+dialect, map[string]any{"dialect_name": dialect, "jdbc_additional_params": p})
		if dialect == "duckdb" || dialect == "sqlite" {
			delete(body, "host")
			delete(body, "port")
			body["database"] = "x.duckdb"
			if dialect == "sqlite" {
				body["database"] = "x.db"
			}
		}
		key, _, _ := strings.Cut(p, "=")
		calls = append(calls, call{name: dialect, method: "POST", path: "/connections", body: body, status: 422,
			field: "jdbc_additional_params." + key},
			call{name: dialect + " test config", method: "PUT", path: "/connections/test", body: body, status: 422,
				field: "jdbc_additional_params." + key})
	}
	calls = append(calls,
		call{name: "socket host", method: "POST", path: "/connections", body: connectionBody("s",
			map[string]any{"host": "/var/run/postgresql"}), status: 422, field: "host"},
		call{name: "file url host", method: "POST", path: "/connections", body: connectionBody("s",
			map[string]any{"host": "file:///etc/passwd"}), status: 422, field: "host"},
		call{name: "bad port", method: "POST", path: "/connections", body: connectionBody("s",
			map[string]any{"port": "22; rm"}), status: 422, field: "port"},
		call{name: "h2", method: "POST", path: "/connections", body: connectionBody("s",
			map[string]any{"dialect_name": "h2"}), status: 422, field: "dialect_name"},
		call{name: "empty test config", method: "PUT", path: "/connections/test", body: map[string]any{}, status: 422},
		call{name: "none stored", method: "GET", path: "/connections", status: 200, contains: "[]"},
	)
	runCalls(t, inst, tok, calls)
}

func TestConnectionTests(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	_, downPort, _ := net.SplitHostPort(closed.Addr().String())
	closed.Close()
	fake := func(name, port string) map[string]any {
		return map[string]any{"name": name, "dialect_name": "fakedb", "host": "127.0.0.1", "port": port, "password": "pw-123"}
	}
	create(t, inst, tok, "/connections", fake("up", port))
	runCalls(t, inst, tok, []call{
		{name: "success", method: "PUT", path: "/connections/up/test", status: 200, contains: `"status":"success"`},
		{name: "one test, quoted list", method: "PUT", path: `/connections/up/test?tests="connect"`, status: 200,
			contains: `"connection_string":null,"message":"Can connect","name":"connect","status":"success"}]`},
		{name: "unknown test", method: "PUT", path: "/connections/up/test?tests=explode", status: 422, field: "tests"},
		{name: "unreachable config", method: "PUT", path: "/connections/test", body: fake("down", downPort), status: 200,
			contains: `"status":"error"`},
		{name: "no engine", method: "PUT", path: "/connections/test", body: connectionBody("pg",
			map[string]any{"host": "127.0.0.1", "port": downPort}), status: 200, contains: `"status":"error"`},
		{name: "unknown connection", method: "PUT", path: "/connections/nope/test", status: 404},
	})
	res := inst.Do(t, http.MethodPut, api+"/connections/test", tok, fake("down", downPort))
	if strings.Contains(string(res.Body), "pw-123") {
		t.Errorf("test result leaks the password: %s", res.Body)
	}
}
