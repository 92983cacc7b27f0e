package connections_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/connections/connectionstest"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

var testKey = bytes.Repeat([]byte{7}, 32)

func newService(t *testing.T) (*connections.Service, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := connections.New(st, testKey)
	t.Cleanup(func() { svc.Close() })
	return svc, st
}

func pg(mod func(*connections.Connection)) *connections.Connection {
	c := &connections.Connection{Config: warehouse.Config{Name: "wh", Dialect: "postgres", Host: "db.example.com",
		Database: "analytics", Username: "looker", Password: "s3cret", Options: map[string]string{}}}
	if mod != nil {
		mod(c)
	}
	return c
}

func TestCredentialsAreSealed(t *testing.T) {
	svc, st := newService(t)
	ctx := context.Background()
	if err := svc.Create(ctx, pg(nil)); err != nil {
		t.Fatal(err)
	}
	row, err := st.Connection(ctx, "wh")
	if err != nil || len(row.PasswordSealed) < 28 || bytes.Contains(row.PasswordSealed, []byte("s3cret")) {
		t.Fatalf("stored password %q, %v", row.PasswordSealed, err)
	}
	got, err := svc.Get(ctx, "wh")
	if err != nil || got.Password != "s3cret" || got.Port != 5432 {
		t.Fatalf("read back %+v %v", got, err)
	}
	// Another key does not open it.
	other := connections.New(st, bytes.Repeat([]byte{8}, 32))
	if _, err := other.Get(ctx, "wh"); err == nil {
		t.Error("a wrong key opened the password")
	}
	// Two seals of one password differ (fresh nonce).
	if err := svc.Create(ctx, pg(func(c *connections.Connection) { c.Name = "wh2" })); err != nil {
		t.Fatal(err)
	}
	row2, _ := st.Connection(ctx, "wh2")
	if bytes.Equal(row.PasswordSealed, row2.PasswordSealed) {
		t.Error("same ciphertext twice")
	}
}

// TestHostileConfigurations: every configuration that could reach the
// server's files, run code or change the driver's behaviour is refused with
// a 422 naming the offending field, and nothing is stored.
func TestHostileConfigurations(t *testing.T) {
	svc, st := newService(t)
	ctx := context.Background()
	opt := func(dialect, k, v string) func(*connections.Connection) {
		return func(c *connections.Connection) {
			c.Dialect, c.Options = dialect, map[string]string{k: v}
			if dialect == "duckdb" || dialect == "sqlite" {
				c.Host, c.Username, c.Password, c.Database = "", "", "", "ok"+map[string]string{"duckdb": ".duckdb", "sqlite": ".db"}[dialect]
			}
		}
	}
	set := func(f func(*connections.Connection)) func(*connections.Connection) { return f }
	cases := []struct {
		name  string
		mod   func(*connections.Connection)
		field string
	}{
		{"mysql allowAllFiles", opt("mysql", "allowAllFiles", "true"), "jdbc_additional_params.allowAllFiles"},
		{"mysql allowLocalInfile", opt("mysql", "allowLocalInfile", "true"), "jdbc_additional_params.allowLocalInfile"},
		{"mysql local_infile", opt("mysql", "local_infile", "1"), "jdbc_additional_params.local_infile"},
		{"mysql multiStatements", opt("mysql", "multiStatements", "true"), "jdbc_additional_params.multiStatements"},
		{"mysql cleartext", opt("mysql", "allowCleartextPasswords", "true"), "jdbc_additional_params.allowCleartextPasswords"},
		{"mysql old passwords", opt("mysql", "allowOldPasswords", "true"), "jdbc_additional_params.allowOldPasswords"},
		{"mysql interpolateParams", opt("mysql", "interpolateParams", "true"), "jdbc_additional_params.interpolateParams"},
		{"mysql serverPubKey", opt("mysql", "serverPubKey", "/etc/key.pem"), "jdbc_additional_params.serverPubKey"},
		{"mysql tls custom", opt("mysql", "tls", "custom"), "jdbc_additional_params.tls"},
		{"postgres sslrootcert", opt("postgres", "sslrootcert", "/etc/ssl/private/ca.pem"), "jdbc_additional_params.sslrootcert"},
		{"postgres sslkey", opt("postgres", "sslkey", "/root/.ssh/id_rsa"), "jdbc_additional_params.sslkey"},
		{"postgres passfile", opt("postgres", "passfile", "/root/.pgpass"), "jdbc_additional_params.passfile"},
		{"postgres service file", opt("postgres", "servicefile", "/etc/pg_service.conf"), "jdbc_additional_params.servicefile"},
		{"postgres host override", opt("postgres", "host", "/var/run/postgresql"), "jdbc_additional_params.host"},
		{"postgres options", opt("postgres", "options", "-c search_path=evil"), "jdbc_additional_params.options"},
		{"postgres search_path", opt("postgres", "search_path", "evil"), "jdbc_additional_params.search_path"},
		{"postgres sslmode bogus", opt("postgres", "sslmode", "require&sslrootcert=/etc/x"), "jdbc_additional_params.sslmode"},
		{"postgres app name path", opt("postgres", "application_name", "../../etc/passwd"), "jdbc_additional_params.application_name"},
		{"duckdb enable_external_access", opt("duckdb", "enable_external_access", "true"), "jdbc_additional_params.enable_external_access"},
		{"duckdb allow_unsigned_extensions", opt("duckdb", "allow_unsigned_extensions", "true"), "jdbc_additional_params.allow_unsigned_extensions"},
		{"duckdb temp_directory", opt("duckdb", "temp_directory", "/tmp/x"), "jdbc_additional_params.temp_directory"},
		{"duckdb secret_directory", opt("duckdb", "secret_directory", "/root"), "jdbc_additional_params.secret_directory"},
		{"duckdb extension_directory", opt("duckdb", "extension_directory", "/tmp/ext"), "jdbc_additional_params.extension_directory"},
		{"duckdb autoinstall", opt("duckdb", "autoinstall_known_extensions", "true"), "jdbc_additional_params.autoinstall_known_extensions"},
		{"duckdb ATTACH", opt("duckdb", "ATTACH", "'/etc/passwd' AS x"), "jdbc_additional_params.ATTACH"},
		{"duckdb access_mode", opt("duckdb", "access_mode", "read_write"), "jdbc_additional_params.access_mode"},
		{"duckdb memory_limit injection", opt("duckdb", "memory_limit", "1GB'; INSTALL httpfs; --"), "jdbc_additional_params.memory_limit"},
		{"duckdb file path", set(func(c *connections.Connection) {
			c.Dialect, c.Host, c.Database = "duckdb", "", "/etc/passwd.duckdb"
		}), "database"},
		{"duckdb parent dir", set(func(c *connections.Connection) { c.Dialect, c.Host, c.Database = "duckdb", "", "../x.duckdb" }), "database"},
		{"duckdb s3 url", set(func(c *connections.Connection) { c.Dialect, c.Host, c.Database = "duckdb", "", "s3://b/x.duckdb" }), "database"},
		{"sqlite read-write", opt("sqlite", "mode", "rw"), "jdbc_additional_params.mode"},
		{"sqlite pragma", opt("sqlite", "_pragma", "writable_schema(1)"), "jdbc_additional_params._pragma"},
		{"sqlite vfs", opt("sqlite", "vfs", "unix-none"), "jdbc_additional_params.vfs"},
		{"sqlite file url", set(func(c *connections.Connection) {
			c.Dialect, c.Host, c.Database = "sqlite", "", "file:///srv/overlook/overlook.db"
		}), "database"},
		{"sqlite wrong ending", set(func(c *connections.Connection) { c.Dialect, c.Host, c.Database = "sqlite", "", "key" }), "database"},
		{"unix socket host", set(func(c *connections.Connection) { c.Host = "/var/run/postgresql" }), "host"},
		{"file url host", set(func(c *connections.Connection) { c.Host = "file:///etc/passwd" }), "host"},
		{"host with port", set(func(c *connections.Connection) { c.Host = "db.example.com:6432" }), "host"},
		{"host list", set(func(c *connections.Connection) { c.Host = "a.example,b.example" }), "host"},
		{"user at host", set(func(c *connections.Connection) { c.Host = "evil@db.example.com" }), "host"},
		{"mysql unix() host", set(func(c *connections.Connection) { c.Dialect, c.Host = "mysql", "unix(/tmp/mysql.sock)" }), "host"},
		{"missing host", set(func(c *connections.Connection) { c.Host = "" }), "host"},
		{"database path", set(func(c *connections.Connection) { c.Database = "/var/lib/postgresql/data" }), "database"},
		{"database dsn injection", set(func(c *connections.Connection) { c.Database = "d?sslrootcert=/etc/x" }), "database"},
		{"database traversal", set(func(c *connections.Connection) { c.Database = "../../etc" }), "database"},
		{"schema injection", set(func(c *connections.Connection) { c.Schema = "public; DROP TABLE users" }), "schema"},
		{"port out of range", set(func(c *connections.Connection) { c.Port = 70000 }), "port"},
		{"unknown dialect h2", set(func(c *connections.Connection) { c.Dialect = "h2" }), "dialect_name"},
		{"name path", set(func(c *connections.Connection) { c.Name = "../wh" }), "name"},
		{"reserved name", set(func(c *connections.Connection) { c.Name = "system__activity" }), "name"},
		{"username newline", set(func(c *connections.Connection) { c.Username = "u\nhost=evil" }), "username"},
		{"db timezone path", set(func(c *connections.Connection) { c.Settings.DBTimezone = "../../../etc/passwd" }), "db_timezone"},
		{"text dialect option", opt("trino", "extraCredentials", "x"), "jdbc_additional_params.extraCredentials"},
	}
	if len(cases) < 30 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := svc.Create(ctx, pg(tc.mod))
			var e *overlook.Error
			if !asError(err, &e) || e.Code != overlook.EINVALID || e.Field != tc.field {
				t.Fatalf("got %v, want 422 on %s", err, tc.field)
			}
		})
	}
	if rows, err := st.Connections(ctx); err != nil || len(rows) != 0 {
		t.Fatalf("stored after refusals: %d %v", len(rows), err)
	}
}

func asError(err error, target **overlook.Error) bool {
	e, ok := err.(*overlook.Error)
	*target = e
	return ok
}

func TestParseParams(t *testing.T) {
	opts, err := connections.ParseParams("sslmode=require&application_name=over%20look;connect_timeout=5")
	if err != nil || len(opts) != 3 || opts["application_name"] != "over look" {
		t.Fatalf("%v %v", opts, err)
	}
	if got := connections.FormatParams(opts); got != "application_name=over+look&connect_timeout=5&sslmode=require" {
		t.Errorf("format: %s", got)
	}
	for _, bad := range []string{"=x", "a=1&a=2", "a=%zz"} {
		if _, err := connections.ParseParams(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// An encoded path is decoded before the allowlist sees it.
	c := pg(nil)
	c.Options, _ = connections.ParseParams("application_name=%2Fetc%2Fpasswd")
	svc, _ := newService(t)
	if err := svc.Create(context.Background(), c); overlook.ErrorCode(err) != overlook.EINVALID {
		t.Errorf("encoded path: %v", err)
	}
}

func TestStaticConnections(t *testing.T) {
	svc, _ := newService(t)
	ctx := context.Background()
	for _, flag := range []string{"thelook=duckdb:///data/thelook.duckdb", "system__activity=sqlite:///data/overlook.db"} {
		cfg, err := connections.ParseFlag(flag)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.AddStatic(cfg); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.AddStatic(warehouse.Config{Name: "thelook", Dialect: "duckdb"}); err == nil {
		t.Error("a static connection was added twice")
	}
	if err := svc.Create(ctx, pg(func(c *connections.Connection) { c.Name = "thelook" })); overlook.ErrorCode(err) != overlook.ECONFLICT {
		t.Errorf("API connection named like a static one: %v", err)
	}
	list, err := svc.List(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "thelook" || !list[0].Static || !list[0].ReadOnly {
		t.Fatalf("list = %+v %v, want thelook only", list, err)
	}
	if err := svc.Update(ctx, list[0]); overlook.ErrorCode(err) != overlook.ENOTALLOWED {
		t.Errorf("update static: %v", err)
	}
	if err := svc.Delete(ctx, "thelook"); overlook.ErrorCode(err) != overlook.ENOTALLOWED {
		t.Errorf("delete static: %v", err)
	}
	if err := svc.Delete(ctx, "system__activity"); !overlook.IsNotFound(err) {
		t.Errorf("delete system__activity: %v", err)
	}
	sys, err := svc.Get(ctx, "system__activity")
	if err != nil || !sys.Hidden() || !connections.IsSystem(sys.Name) {
		t.Errorf("system__activity: %+v %v", sys, err)
	}
}

func TestParseDSN(t *testing.T) {
	cases := []struct {
		dsn  string
		want warehouse.Config
	}{
		{"duckdb:///srv/wh.duckdb", warehouse.Config{Dialect: "duckdb", Path: "/srv/wh.duckdb", ReadOnly: true}},
		{"duckdb:///srv/wh.duckdb?read_only=false&threads=4", warehouse.Config{Dialect: "duckdb", Path: "/srv/wh.duckdb",
			Options: map[string]string{"threads": "4"}}},
		{"sqlite:///srv/a.db?read_only=false", warehouse.Config{Dialect: "sqlite", Path: "/srv/a.db", ReadOnly: true}},
		{"postgres://u:p%40ss@db:6543/sales?sslmode=disable&schema=mart", warehouse.Config{Dialect: "postgres", Host: "db",
			Port: 6543, Database: "sales", Schema: "mart", Username: "u", Password: "p@ss",
			Options: map[string]string{"sslmode": "disable"}}},
		{"postgresql://db/sales", warehouse.Config{Dialect: "postgres", Host: "db", Port: 5432, Database: "sales"}},
		{"mysql://root@127.0.0.1/shop", warehouse.Config{Dialect: "mysql", Host: "127.0.0.1", Port: 3306, Database: "shop",
			Username: "root"}},
	}
	for _, tc := range cases {
		got, err := connections.ParseDSN("c", tc.dsn)
		tc.want.Name = "c"
		if tc.want.Options == nil {
			tc.want.Options = map[string]string{}
		}
		if err != nil || !sameConfig(got, tc.want) {
			t.Errorf("%s: %+v %v, want %+v", tc.dsn, got, err, tc.want)
		}
	}
	for _, bad := range []string{"h2:mem:x", "postgres:///nohost", "postgres://db", "duckdb://", "mysql://db:99999/x"} {
		if _, err := connections.ParseDSN("c", bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	for _, bad := range []string{"noequals", "=postgres://db/x", "bad name=postgres://db/x"} {
		if _, err := connections.ParseFlag(bad); err == nil {
			t.Errorf("flag %q accepted", bad)
		}
	}
}

func sameConfig(a, b warehouse.Config) bool { return reflect.DeepEqual(a, b) }

// fakeConn is a fakedb connection to addr.
func fakeConn(t *testing.T, name, addr string) *connections.Connection {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	return &connections.Connection{Config: warehouse.Config{Name: name, Dialect: connectionstest.FakeDialect, Host: host, Port: p}}
}

func TestEnginesAndTests(t *testing.T) {
	svc, _ := newService(t)
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	up := fakeConn(t, "up", ln.Addr().String())
	if err := svc.Create(ctx, up); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Test(ctx, up, nil)
	if err != nil || len(res) != 2 || res[0].Status != "success" || res[1].Status != "success" {
		t.Fatalf("test up: %+v %v", res, err)
	}
	eng, err := svc.Engine(ctx, "up")
	if err != nil || eng.Dialect() != connectionstest.FakeDialect {
		t.Fatal(err)
	}
	if again, _ := svc.Engine(ctx, "up"); again != eng {
		t.Error("engine not cached")
	}
	if err := svc.Update(ctx, up); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.Engine(ctx, "up"); again == eng {
		t.Error("engine kept after update")
	}
	// A closed port: error results, not an error.
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := closed.Addr().String()
	closed.Close()
	res, err = svc.Test(ctx, fakeConn(t, "down", addr), []string{"connect"})
	if err != nil || len(res) != 1 || res[0].Status != "error" || res[0].Message == "" {
		t.Fatalf("test down: %+v %v", res, err)
	}
	if _, err := svc.Test(ctx, up, []string{"explode"}); overlook.ErrorCode(err) != overlook.EINVALID {
		t.Errorf("unknown test: %v", err)
	}
	if _, err := svc.Engine(ctx, "nope"); !overlook.IsNotFound(err) {
		t.Errorf("unknown connection: %v", err)
	}
}

func TestEmbeddedFiles(t *testing.T) {
	svc, _ := newService(t)
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "shop.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.db")); err != nil {
		t.Fatal(err)
	}
	meta := filepath.Join(dir, "overlook.db")
	_ = os.WriteFile(meta, nil, 0o600)
	_ = svc.AddStatic(warehouse.Config{Name: "system__activity", Dialect: "sqlite", Path: meta, ReadOnly: true})
	conn := func(file string) *connections.Connection {
		return &connections.Connection{Config: warehouse.Config{Name: "f", Dialect: "sqlite", Database: file}}
	}
	// Without a files directory no embedded file opens.
	if _, err := svc.Test(ctx, conn("shop.db"), nil); overlook.ErrorCode(err) != overlook.EINVALID {
		t.Errorf("no files dir: %v", err)
	}
	svc.SetFilesDir(dir)
	for _, bad := range []string{"link.db", "overlook.db", "missing.db"} {
		if _, err := svc.Test(ctx, conn(bad), nil); overlook.ErrorCode(err) != overlook.EINVALID {
			t.Errorf("%s: %v, want 422", bad, err)
		}
	}
}
