package looker40_test

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
)

type wireSQLQuery struct {
	Slug       string `json:"slug"`
	SQL        string `json:"sql"`
	ModelName  string `json:"model_name"`
	LastRunAt  string `json:"last_run_at"`
	RunCount   int64  `json:"run_count"`
	Connection struct {
		Name    string `json:"name"`
		Dialect struct {
			Name string `json:"name"`
		} `json:"dialect"`
	} `json:"connection"`
	Creator struct {
		ID string `json:"id"`
	} `json:"creator"`
	VisConfig map[string]any `json:"vis_config"`
}

const brandSQL = `SELECT brand, count(*) AS n FROM products GROUP BY brand ORDER BY brand`

func createSQLQuery(t *testing.T, inst *servertest.Instance, token string, body map[string]any) wireSQLQuery {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+"/sql_queries", token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("create_sql_query %v: %d %s", body, res.Status, res.Body)
	}
	var q wireSQLQuery
	res.JSON(t, &q)
	return q
}

// runSQL runs a SQL Runner query; query is the URL's query string, if any.
func runSQL(t *testing.T, inst *servertest.Instance, token, slug, format string, query ...string) *servertest.Response {
	t.Helper()
	path := api + "/sql_queries/" + slug + "/run/" + format
	if len(query) > 0 {
		path += "?" + query[0]
	}
	return inst.Do(t, http.MethodPost, path, token, nil)
}

func TestSQLQueryCreateAndGet(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)

	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": brandSQL,
		"vis_config": map[string]any{"type": "table"}})
	if len(q.Slug) == 0 || q.SQL != brandSQL || q.Connection.Name != "thelook" || q.Connection.Dialect.Name != "sqlite" ||
		q.Creator.ID == "" || q.VisConfig["type"] != "table" || q.LastRunAt != "" || q.ModelName != "" {
		t.Fatalf("created %+v", q)
	}
	var got wireSQLQuery
	getJSON(t, inst, admin, "/sql_queries/"+q.Slug, &got)
	if got.Slug != q.Slug || got.SQL != brandSQL || got.Connection.Name != "thelook" {
		t.Errorf("read back %+v, want %+v", got, q)
	}
	byModel := createSQLQuery(t, inst, admin, map[string]any{"model_name": "thelook", "sql": "SELECT 1 AS one"})
	if byModel.Connection.Name != "thelook" || byModel.ModelName != "thelook" || byModel.Slug == q.Slug {
		t.Errorf("by model: %+v", byModel)
	}
	if res := inst.Do(t, http.MethodGet, api+"/sql_queries/nosuchslug", admin, nil); res.Status != http.StatusNotFound {
		t.Errorf("unknown slug: %d %s", res.Status, res.Body)
	}
}

func TestSQLQueryCreateRefusesBadInput(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	cases := []struct {
		name   string
		body   map[string]any
		status int
		names  string
	}{
		{"no sql", map[string]any{"connection_name": "thelook"}, http.StatusUnprocessableEntity, "sql"},
		{"blank sql", map[string]any{"connection_name": "thelook", "sql": "  \n"}, http.StatusUnprocessableEntity, "sql"},
		{"no connection", map[string]any{"sql": "SELECT 1"}, http.StatusUnprocessableEntity, "connection_name"},
		{"model on another connection", map[string]any{"model_name": "thelook", "connection_name": "other", "sql": "SELECT 1"},
			http.StatusUnprocessableEntity, "connection_name"},
		{"unknown connection", map[string]any{"connection_name": "nowhere", "sql": "SELECT 1"}, http.StatusNotFound, ""},
		{"unknown model", map[string]any{"model_name": "nomodel", "sql": "SELECT 1"}, http.StatusNotFound, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := inst.Do(t, http.MethodPost, api+"/sql_queries", admin, c.body)
			if res.Status != c.status || !strings.Contains(string(res.Body), c.names) ||
				!strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
				t.Errorf("%d %s, want %d naming %q", res.Status, res.Body, c.status, c.names)
			}
		})
	}
}

var sqlRuns = []struct {
	format, has, empty string
}{
	{"json", `{"brand":"Calvin Klein","n":2}`, "[]"},
	{"json_label", `{"brand":"Calvin Klein","n":2}`, "[]"},
	{"csv", "brand,n\nAllegra K,1\nCalvin Klein,2\n", "brand,n\n"},
	{"txt", "brand\tn\nAllegra K\t1\n", "brand\tn\n"},
	{"md", "| Calvin Klein | 2 |", "| brand | n |"},
	{"html", "<td>Calvin Klein</td>", "<table"},
	{"json_detail", `"Calvin Klein"`, `"data":[]`},
	{"json_bi", `"Calvin Klein"`, `"rows":[]`},
	{"xlsx", "PK", "PK"},
	{"sql", brandSQL, "WHERE 0"},
}

func TestRunSQLQueryFormats(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": brandSQL})
	none := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook",
		"sql": "SELECT brand, count(*) AS n FROM products WHERE 0 GROUP BY brand"})
	for _, c := range sqlRuns {
		t.Run(c.format, func(t *testing.T) {
			f, _ := results.Lookup(c.format)
			for _, run := range []struct{ slug, want string }{{q.Slug, c.has}, {none.Slug, c.empty}} {
				res := runSQL(t, inst, admin, run.slug, c.format)
				body, want := string(res.Body), run.want
				if strings.HasPrefix(c.format, "json") {
					squeeze := strings.NewReplacer(" ", "", "\n", "")
					body, want = squeeze.Replace(body), squeeze.Replace(want)
				}
				if res.Status != http.StatusOK || res.Header.Get("Content-Type") != f.ContentType ||
					!strings.Contains(body, want) || res.Header.Get("Content-Disposition") != "" {
					t.Errorf("%s: %d %s, want %s containing %q: %.300s", run.slug, res.Status,
						res.Header.Get("Content-Type"), f.ContentType, run.want, res.Body)
				}
			}
		})
	}
	if csv := runSQL(t, inst, admin, none.Slug, "csv"); string(csv.Body) != "brand,n\n" {
		t.Errorf("zero-row csv %q, want the header alone", csv.Body)
	}
	var after wireSQLQuery
	getJSON(t, inst, admin, "/sql_queries/"+q.Slug, &after)
	if after.LastRunAt == "" || after.RunCount != int64(len(sqlRuns)) {
		t.Errorf("after %d runs: last_run_at %q, run_count %d", len(sqlRuns), after.LastRunAt, after.RunCount)
	}
}

func TestRunSQLQueryDownload(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": brandSQL})
	for format, file := range map[string]string{"csv": ".csv", "json_label": ".json", "xlsx": ".xlsx"} {
		res := runSQL(t, inst, admin, q.Slug, format, "download=true")
		want := `attachment; filename="sql_runner_` + q.Slug + file + `"`
		if res.Status != http.StatusOK || res.Header.Get("Content-Disposition") != want {
			t.Errorf("%s download: %d, Content-Disposition %q, want %q", format, res.Status,
				res.Header.Get("Content-Disposition"), want)
		}
	}
	if res := runSQL(t, inst, admin, q.Slug, "csv", "download=false"); res.Header.Get("Content-Disposition") != "" {
		t.Errorf("download=false still attaches: %q", res.Header.Get("Content-Disposition"))
	}
	bad := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": "SELECT nope FROM nowhere"})
	res := runSQL(t, inst, admin, bad.Slug, "csv", "download=true")
	if res.Status != http.StatusBadRequest || res.Header.Get("Content-Disposition") != "" {
		t.Errorf("failed download: %d, Content-Disposition %q", res.Status, res.Header.Get("Content-Disposition"))
	}
}

func TestSQLRunnerNeedsPermission(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": brandSQL})
	for _, r := range []struct{ method, path string }{
		{http.MethodPost, "/sql_queries"},
		{http.MethodGet, "/sql_queries/" + q.Slug},
		{http.MethodPost, "/sql_queries/" + q.Slug + "/run/csv"},
	} {
		res := inst.Do(t, r.method, api+r.path, viewer, map[string]any{"connection_name": "thelook", "sql": "SELECT 1"})
		if res.Status != http.StatusForbidden || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("viewer %s %s: %d %s, want 403", r.method, r.path, res.Status, res.Body)
		}
	}
}

// system__activity is the metadata database: it does not exist for the
// SQL Runner, by connection or by model.
func TestSQLRunnerRefusesSystemActivity(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	for _, body := range []map[string]any{
		{"connection_name": "system__activity", "sql": "SELECT * FROM users"},
		{"connection_id": "system__activity", "sql": "SELECT * FROM users"},
		{"model_name": "system__activity", "sql": "SELECT * FROM users"},
	} {
		res := inst.Do(t, http.MethodPost, api+"/sql_queries", admin, body)
		if res.Status != http.StatusNotFound || strings.Contains(string(res.Body), "slug") {
			t.Errorf("%v: %d %s, want 404", body, res.Status, res.Body)
		}
	}
}

func TestRunSQLQueryDatabaseError(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": "SELECT nope FROM nowhere"})
	for _, format := range []string{"json", "csv", "xlsx"} {
		res := runSQL(t, inst, admin, q.Slug, format)
		var body struct {
			Message string `json:"message"`
		}
		res.JSON(t, &body)
		if res.Status != http.StatusBadRequest || res.Header.Get("Content-Type") != "application/json" ||
			!strings.Contains(body.Message, "nowhere") {
			t.Errorf("%s: %d %s %s, want a 400 naming the table", format, res.Status, res.Header.Get("Content-Type"), res.Body)
		}
	}
	if res := runSQL(t, inst, admin, q.Slug, "png"); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("png: %d %s, want 422", res.Status, res.Body)
	}
}

// The SQL Runner runs the user's own text, but a read-only connection
// stays read-only: every write fails with a 4xx and changes nothing.
func TestRunSQLQueryHostileSQLChangesNothing(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	attached := filepath.Join(t.TempDir(), "attached.sqlite")
	hostile := []string{
		"DROP TABLE products",
		"DELETE FROM products",
		"UPDATE products SET brand = 'x'",
		"INSERT INTO products (id, brand) VALUES (99, 'x')",
		"CREATE TABLE evil (x)",
		"ATTACH DATABASE '" + attached + "' AS evil",
		"PRAGMA query_only = 0",
		"SELECT 1; DROP TABLE products",
		"VACUUM",
	}
	for _, text := range hostile {
		q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": text})
		res := runSQL(t, inst, admin, q.Slug, "json")
		if res.Status != http.StatusBadRequest || !strings.Contains(string(res.Body), "authorization denied") {
			t.Errorf("%q: %d %s, want the database's 400", text, res.Status, res.Body)
		}
	}
	count := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook",
		"sql": "SELECT count(*) AS n, count(DISTINCT brand) AS brands FROM products WHERE brand <> 'x'"})
	if res := runSQL(t, inst, admin, count.Slug, "csv"); string(res.Body) != "n,brands\n7,6\n" {
		t.Errorf("after the hostile runs: %d %q, want the 7 products untouched", res.Status, res.Body)
	}
	if _, err := os.Stat(attached); !os.IsNotExist(err) {
		t.Errorf("ATTACH created %s: %v", attached, err)
	}
}

// A connection whose database cannot be reached is the client's 4xx, and
// the answer names no secret of the connection.
func TestRunSQLQueryUnreachableDatabaseLeaksNoSecret(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	conn := map[string]any{"name": "down", "dialect_name": "postgres", "host": "127.0.0.1", "port": "1",
		"database": "analytics", "username": "looker", "password": "s3cret-pw"}
	if res := inst.Do(t, http.MethodPost, api+"/connections", admin, conn); res.Status != http.StatusOK {
		t.Fatalf("create connection: %d %s", res.Status, res.Body)
	}
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "down", "sql": "SELECT 1"})
	res := runSQL(t, inst, admin, q.Slug, "json")
	if res.Status < 400 || res.Status >= 500 || strings.Contains(string(res.Body), "s3cret-pw") ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Errorf("unreachable database: %d %s", res.Status, res.Body)
	}
}

// sqlRunnerServers are the server databases of this machine (skipped when
// unreachable), with the csv the SQL Runner makes of one typed row.
var sqlRunnerServers = []struct {
	name   string
	create func(*testing.T) (warehouse.Config, *sql.DB)
	csv    string
}{
	{"postgres", enginetest.Postgres, "i,amount,d,ts,ok,s\n1,12.5,2024-05-01,2024-05-01 12:34:56,Yes,abc\n"},
	// MySQL's BOOLEAN is TINYINT(1): a number, as its SQL Runner shows it.
	{"mysql", enginetest.MySQL, "i,amount,d,ts,ok,s\n1,12.5,2024-05-01,2024-05-01 12:34:56,1,abc\n"},
}

// On PostgreSQL and MySQL/MariaDB the SQL Runner's text runs alone in a
// READ ONLY transaction: reads work, writes and DDL are the database's
// 400 and change nothing, and a second statement is refused.
func TestSQLRunnerOnServersIsReadOnly(t *testing.T) {
	for _, srv := range sqlRunnerServers {
		t.Run(srv.name, func(t *testing.T) {
			cfg, db := srv.create(t)
			for _, s := range []string{"CREATE TABLE t (i INT, amount NUMERIC(10,2), d DATE, ts TIMESTAMP, ok BOOLEAN, s VARCHAR(10))",
				"INSERT INTO t VALUES (1, 12.50, '2024-05-01', '2024-05-01 12:34:56', TRUE, 'abc')"} {
				if _, err := db.Exec(s); err != nil {
					t.Fatal(err)
				}
			}
			inst := servertest.Start(t)
			cfg.Name = "wh"
			if err := inst.Server.Connections.AddStatic(cfg); err != nil {
				t.Fatal(err)
			}
			admin := inst.AdminToken(t)
			read := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "wh", "sql": "SELECT * FROM t"})
			if res := runSQL(t, inst, admin, read.Slug, "csv"); res.Status != http.StatusOK || string(res.Body) != srv.csv {
				t.Errorf("read: %d %q, want %q", res.Status, res.Body, srv.csv)
			}
			for _, text := range []string{"CREATE TABLE made (x INT)", "INSERT INTO t (i) VALUES (2)", "UPDATE t SET s = 'x'",
				"DELETE FROM t", "DROP TABLE t", "SELECT 1 AS a; DROP TABLE t"} {
				q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "wh", "sql": text})
				if res := runSQL(t, inst, admin, q.Slug, "csv"); res.Status != http.StatusBadRequest {
					t.Errorf("%q: %d %s, want the database's 400", text, res.Status, res.Body)
				}
			}
			var n int
			var s string
			if err := db.QueryRow("SELECT count(*), max(s) FROM t").Scan(&n, &s); err != nil || n != 1 || s != "abc" {
				t.Errorf("after the writes: %v, %d rows, s %q; want the one row untouched", err, n, s)
			}
			if _, err := db.Exec("SELECT 1 FROM made"); err == nil {
				t.Errorf("CREATE TABLE made a table")
			}
			// The engine's pool is left as it was: writable for its other users.
			eng, err := inst.Server.Connections.Engine(context.Background(), "wh")
			if err == nil {
				var rows *sql.Rows
				if rows, err = eng.Query(context.Background(), "INSERT INTO t (i) VALUES (2)"); err == nil {
					rows.Close()
				}
			}
			if err != nil {
				t.Errorf("the pool stayed read-only: %v", err)
			}
		})
	}
}

// A SQL Runner run is a history row: source sql_runner, its connection and
// row count, and no query id.
func TestRunSQLQueryIsRecorded(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	q := createSQLQuery(t, inst, admin, map[string]any{"connection_name": "thelook", "sql": brandSQL})
	if res := runSQL(t, inst, admin, q.Slug, "json"); res.Status != http.StatusOK {
		t.Fatalf("run_sql_query: %d %s", res.Status, res.Body)
	}
	history := map[string]any{"model": "system__activity", "view": "history",
		"fields":  []string{"history.connection_name", "history.result_format", "history.result_count", "history.query_id"},
		"filters": map[string]string{"history.source": "sql_runner"}}
	var rows []map[string]any
	waitFor(t, "the history row", func() bool {
		inst.Do(t, http.MethodPost, api+"/queries/run/json?cache=false", admin, history).JSON(t, &rows)
		return len(rows) == 1
	})
	r := rows[0]
	if r["history.connection_name"] != "thelook" || r["history.result_format"] != "json" ||
		r["history.result_count"] == float64(0) || r["history.query_id"] != nil {
		t.Fatalf("history row %v", r)
	}
}
