package looker40_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/warehouse"
)

type wireTask struct {
	ID           string    `json:"id"`
	Status       string    `json:"status"`
	QueryID      string    `json:"query_id"`
	ResultFormat string    `json:"result_format"`
	Source       string    `json:"source"`
	Query        wireQuery `json:"query"`
}

type wireRunning struct {
	ID          string  `json:"id"`
	QueryTaskID string  `json:"query_task_id"`
	Status      string  `json:"status"`
	SQL         *string `json:"sql"`
	Connection  string  `json:"connection_name"`
	User        struct {
		ID string `json:"id"`
	} `json:"user"`
}

// startTasks starts a node whose task runner stops before the node does.
func startTasks(t *testing.T) *servertest.Instance {
	inst := servertest.Start(t)
	t.Cleanup(func() { inst.Server.Tasks.Stop() })
	return inst
}

// taskEnv is a node with a thelook connection, the admin's and a viewer's
// tokens, and the id of a count-by-brand query.
type taskEnv struct {
	inst          *servertest.Instance
	admin, viewer string
	query         string
}

func newTaskEnv(t *testing.T, fixture func(*testing.T, *servertest.Instance)) taskEnv {
	t.Helper()
	inst := startTasks(t)
	fixture(t, inst)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	return taskEnv{inst: inst, admin: admin, viewer: viewer, query: createQuery(t, inst, admin, brandCount([]any{})).ID}
}

// results asks for a task's results.
func (e taskEnv) results(t *testing.T, token, id string) *servertest.Response {
	t.Helper()
	return e.inst.Do(t, http.MethodGet, api+"/query_tasks/"+id+"/results", token, nil)
}

// slowThelook registers a thelook connection whose products are a view
// counting to a billion with a recursive CTE: a query over it runs for
// far longer than any test, unless it is stopped. It has no sku column.
func slowThelook(t *testing.T, inst *servertest.Instance) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "slow.sqlite")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []string{
		`CREATE TABLE distribution_centers (id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL)`,
		`CREATE VIEW products AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)
			SELECT i AS id, 'brand ' || (i % 7) AS brand, 'c' AS category, 'Women' AS department, '' AS name,
			1.0 AS cost, 2.0 AS retail_price, 1 AS distribution_center_id FROM n`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := inst.Server.Connections.AddStatic(warehouse.Config{Name: "thelook", Dialect: "sqlite", Path: path, ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
}

func createTask(t *testing.T, inst *servertest.Instance, token, queryID, format string) wireTask {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+"/query_tasks", token,
		map[string]any{"query_id": queryID, "result_format": format, "source": "test"})
	if res.Status != http.StatusOK {
		t.Fatalf("create_query_task: %d %s", res.Status, res.Body)
	}
	var task wireTask
	res.JSON(t, &task)
	return task
}

// waitTask polls query_task until its status is one of want.
func waitTask(t *testing.T, inst *servertest.Instance, token, id string, want ...string) wireTask {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var task wireTask
		getJSON(t, inst, token, "/query_tasks/"+id, &task)
		for _, w := range want {
			if task.Status == w {
				return task
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("task %s is %s, want one of %v", id, task.Status, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func runningQueries(t *testing.T, inst *servertest.Instance, token string) []wireRunning {
	t.Helper()
	var out []wireRunning
	getJSON(t, inst, token, "/running_queries", &out)
	return out
}

func TestQueryTaskResultsEqualRunQuery(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	inst, admin, q := e.inst, e.admin, e.query
	for _, format := range []string{"json", "csv", "json_detail"} {
		run := inst.Do(t, http.MethodGet, api+"/queries/"+q+"/run/"+format, admin, nil)
		task := createTask(t, inst, admin, q, format)
		if task.ID == "" || task.QueryID != q || task.Query.ID != q || task.ResultFormat != format ||
			task.Source != "test" || (task.Status != "added" && task.Status != "running" && task.Status != "complete") {
			t.Fatalf("created %+v", task)
		}
		waitTask(t, inst, admin, task.ID, "complete")
		res := e.results(t, admin, task.ID)
		if res.Status != http.StatusOK || res.Header.Get("Content-Type") != run.Header.Get("Content-Type") {
			t.Fatalf("%s results: %d %q, want run's %q", format, res.Status, res.Header.Get("Content-Type"), run.Header.Get("Content-Type"))
		}
		if format != "json_detail" && string(res.Body) != string(run.Body) {
			t.Errorf("%s results\n%s\nwant run_query's\n%s", format, res.Body, run.Body)
		}
		if format == "json_detail" && !strings.Contains(string(res.Body), "Calvin Klein") {
			t.Errorf("json_detail results %s", res.Body)
		}
	}
}

func TestQueryTaskMultiResults(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	inst, admin, viewer, q := e.inst, e.admin, e.viewer, e.query
	mine := createTask(t, inst, viewer, q, "json")
	theirs := createTask(t, inst, admin, q, "csv")
	waitTask(t, inst, viewer, mine.ID, "complete")
	waitTask(t, inst, admin, theirs.ID, "complete")

	var got map[string]struct {
		Status string          `json:"status"`
		Data   json.RawMessage `json:"data"`
	}
	getJSON(t, inst, viewer, "/query_tasks/multi_results?query_task_ids="+mine.ID+","+theirs.ID+",nope", &got)
	var rows []map[string]any
	if err := json.Unmarshal(got[mine.ID].Data, &rows); err != nil || got[mine.ID].Status != "complete" || len(rows) == 0 {
		t.Errorf("own task: %s %s (%v)", got[mine.ID].Status, got[mine.ID].Data, err)
	}
	if got[theirs.ID].Status != "missing" || got["nope"].Status != "missing" || len(got) != 3 {
		t.Errorf("others' and unknown tasks: %+v", got)
	}
	var quoted map[string]struct {
		Status string `json:"status"`
	}
	// The Go SDK quotes the list.
	getJSON(t, inst, viewer, "/query_tasks/multi_results?query_task_ids="+url.QueryEscape(`"`+mine.ID+`,nope"`), &quoted)
	if quoted[mine.ID].Status != "complete" || quoted["nope"].Status != "missing" {
		t.Errorf("quoted ids: %+v", quoted)
	}
	var short map[string]any
	getJSON(t, inst, viewer, "/query_tasks/"+mine.ID+"?fields=id,status", &short)
	if len(short) != 2 || short["status"] != "complete" {
		t.Errorf("fields=id,status: %v", short)
	}
	res := inst.Do(t, http.MethodGet, api+"/query_tasks/multi_results", viewer, nil)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "query_task_ids") {
		t.Errorf("no ids: %d %s", res.Status, res.Body)
	}
}

func TestQueryTaskIsTheCallers(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	inst, admin, viewer, q := e.inst, e.admin, e.viewer, e.query
	task := createTask(t, inst, admin, q, "json")
	waitTask(t, inst, admin, task.ID, "complete")
	for _, path := range []string{"/query_tasks/" + task.ID, "/query_tasks/" + task.ID + "/results", "/query_tasks/nope"} {
		if res := inst.Do(t, http.MethodGet, api+path, viewer, nil); res.Status != http.StatusNotFound {
			t.Errorf("viewer GET %s: %d %s", path, res.Status, res.Body)
		}
	}
}

func TestCreateQueryTaskRefusals(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	inst, admin, viewer, q := e.inst, e.admin, e.viewer, e.query
	cases := []struct {
		name, token, path string
		body              any
		status            int
		names             string
	}{
		{"no query_id", admin, "", map[string]any{"result_format": "json"}, 422, "query_id"},
		{"no result_format", admin, "", map[string]any{"query_id": q}, 422, "result_format"},
		{"image format", admin, "", map[string]any{"query_id": q, "result_format": "png"}, 422, "result_format"},
		{"unknown query", admin, "", map[string]any{"query_id": "999999", "result_format": "json"}, 404, ""},
		{"negative limit", admin, "?limit=-1", map[string]any{"query_id": q, "result_format": "json"}, 422, "limit"},
		{"sql without see_sql", viewer, "", map[string]any{"query_id": q, "result_format": "sql"}, 403, "see_sql"},
		{"not an object", admin, "", "[1]", 400, ""},
	}
	for _, c := range cases {
		res := inst.Do(t, http.MethodPost, api+"/query_tasks"+c.path, c.token, c.body)
		if res.Status/100 != c.status/100 || (c.status != 400 && res.Status != c.status) ||
			!strings.Contains(string(res.Body), c.names) {
			t.Errorf("%s: %d %s, want %d naming %q", c.name, res.Status, res.Body, c.status, c.names)
		}
	}
	if got := runningQueries(t, inst, admin); len(got) != 0 {
		t.Errorf("refused tasks run: %+v", got)
	}
}

func TestKillQuery(t *testing.T) {
	e := newTaskEnv(t, slowThelook)
	inst, admin, viewer, q := e.inst, e.admin, e.viewer, e.query
	task := createTask(t, inst, admin, q, "json")
	waitTask(t, inst, admin, task.ID, "running")

	if res := e.results(t, admin, task.ID); res.Status != http.StatusAccepted || len(res.Body) != 0 {
		t.Errorf("results while running: %d %q", res.Status, res.Body)
	}
	running := runningQueries(t, inst, admin)
	if len(running) != 1 || running[0].QueryTaskID != task.ID || running[0].Status != "running" ||
		running[0].SQL == nil || !strings.Contains(*running[0].SQL, "products") || running[0].Connection != "thelook" {
		t.Fatalf("running queries %+v", running)
	}
	if res := inst.Do(t, http.MethodGet, api+"/running_queries", viewer, nil); res.Status != http.StatusForbidden {
		t.Errorf("viewer lists running queries: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, http.MethodDelete, api+"/running_queries/"+task.ID, viewer, nil); res.Status != http.StatusNotFound {
		t.Errorf("viewer kills the admin's task: %d %s", res.Status, res.Body)
	}
	killed := time.Now()
	if res := inst.Do(t, http.MethodDelete, api+"/running_queries/"+task.ID, admin, nil); res.Status != http.StatusNoContent || len(res.Body) != 0 {
		t.Fatalf("kill_query: %d %s", res.Status, res.Body)
	}
	waitTask(t, inst, admin, task.ID, "killed")
	if took := time.Since(killed); took > 5*time.Second {
		t.Errorf("the database query went on for %v after the kill", took)
	}
	if got := runningQueries(t, inst, admin); len(got) != 0 {
		t.Errorf("still running after the kill: %+v", got)
	}
	if res := e.results(t, admin, task.ID); res.Status != http.StatusBadRequest {
		t.Errorf("results of a killed task: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, http.MethodDelete, api+"/running_queries/"+task.ID, admin, nil); res.Status != http.StatusNotFound {
		t.Errorf("second kill: %d %s", res.Status, res.Body)
	}
	own := createTask(t, inst, viewer, q, "json")
	if res := inst.Do(t, http.MethodDelete, api+"/running_queries/"+own.ID, viewer, nil); res.Status != http.StatusNoContent {
		t.Errorf("viewer kills their own task: %d %s", res.Status, res.Body)
	}
	waitTask(t, inst, viewer, own.ID, "killed")
}

func TestQueryTasksPerUserLimit(t *testing.T) {
	e := newTaskEnv(t, slowThelook)
	inst, admin, q := e.inst, e.admin, e.query
	var ids []string
	for range queries.DefaultTasksPerUser + 1 {
		ids = append(ids, createTask(t, inst, admin, q, "json").ID)
	}
	defer func() {
		for _, id := range ids {
			inst.Do(t, http.MethodDelete, api+"/running_queries/"+id, admin, nil)
		}
		for _, id := range ids {
			waitTask(t, inst, admin, id, "killed")
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		counts := map[string]int{}
		for _, r := range runningQueries(t, inst, admin) {
			counts[r.Status]++
		}
		if counts["running"] > queries.DefaultTasksPerUser {
			t.Fatalf("%d tasks running at once", counts["running"])
		}
		if counts["running"] == queries.DefaultTasksPerUser {
			if counts["added"] != 1 {
				t.Fatalf("%v: the sixteenth task should wait", counts)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tasks never reached the limit: %v", counts)
		}
		time.Sleep(20 * time.Millisecond)
	}
	last := ids[len(ids)-1]
	if task := waitTask(t, inst, admin, last, "added", "running"); task.Status != "added" {
		t.Errorf("the last task is %s", task.Status)
	}
}

func TestQueryTaskFailures(t *testing.T) {
	e := newTaskEnv(t, slowThelook)
	inst, admin := e.inst, e.admin
	q := createQuery(t, inst, admin, map[string]any{"model": "thelook", "view": "products", "fields": []string{"products.sku"}}).ID

	detail := createTask(t, inst, admin, q, "json_detail")
	waitTask(t, inst, admin, detail.ID, "error")
	res := e.results(t, admin, detail.ID)
	var body struct {
		Data   []any `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	res.JSON(t, &body)
	if res.Status != http.StatusOK || len(body.Data) != 0 || len(body.Errors) != 1 || !strings.Contains(body.Errors[0].Message, "sku") {
		t.Errorf("json_detail of a failed query: %d %s", res.Status, res.Body)
	}
	plain := createTask(t, inst, admin, q, "csv")
	waitTask(t, inst, admin, plain.ID, "error")
	res = e.results(t, admin, plain.ID)
	if res.Status != http.StatusBadRequest || !strings.Contains(string(res.Body), "sku") {
		t.Errorf("csv of a failed query: %d %s", res.Status, res.Body)
	}
}

func TestQueryTaskResultLimits(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	inst, admin, q := e.inst, e.admin, e.query
	runner := inst.Server.Tasks

	runner.Configure(0, 0, 10)
	big := createTask(t, inst, admin, q, "csv")
	waitTask(t, inst, admin, big.ID, "error")
	if res := e.results(t, admin, big.ID); res.Status != http.StatusBadRequest ||
		!strings.Contains(string(res.Body), "result too large") {
		t.Errorf("oversized result: %d %s", res.Status, res.Body)
	}

	runner.Configure(0, 300*time.Millisecond, queries.DefaultTaskResultSize)
	task := createTask(t, inst, admin, q, "json")
	waitTask(t, inst, admin, task.ID, "complete")
	waitTask(t, inst, admin, task.ID, "expired")
	if res := e.results(t, admin, task.ID); res.Status != http.StatusNotFound {
		t.Errorf("results of an expired task: %d %s", res.Status, res.Body)
	}
	var multi map[string]struct {
		Status string `json:"status"`
	}
	getJSON(t, inst, admin, "/query_tasks/multi_results?query_task_ids="+task.ID, &multi)
	if multi[task.ID].Status != "expired" {
		t.Errorf("multi_results of an expired task: %+v", multi)
	}
}

func TestQueryTasksInFlightCap(t *testing.T) {
	e := newTaskEnv(t, slowThelook)
	inst, admin, q := e.inst, e.admin, e.query
	inst.Server.Tasks.Configure(1, 0, 0)
	var ids []string
	defer func() {
		for _, id := range ids {
			inst.Do(t, http.MethodDelete, api+"/running_queries/"+id, admin, nil)
			waitTask(t, inst, admin, id, "killed")
		}
	}()
	for len(ids) < 10 {
		ids = append(ids, createTask(t, inst, admin, q, "json").ID)
	}
	res := inst.Do(t, http.MethodPost, api+"/query_tasks", admin, map[string]any{"query_id": q, "result_format": "json"})
	if res.Status != http.StatusTooManyRequests || !strings.Contains(string(res.Body), "too many query tasks") {
		t.Errorf("eleventh task of a user allowed one at a time: %d %s", res.Status, res.Body)
	}
}

// Tasks share run_query's cache and are counted in the history.
func TestQueryTasksAreCachedAndRecorded(t *testing.T) {
	e := newTaskEnv(t, thelookSQLite)
	var bodies [][]byte
	for _, path := range []string{"/query_tasks", "/query_tasks", "/query_tasks?cache=false"} {
		res := e.inst.Do(t, http.MethodPost, api+path, e.admin, map[string]any{"query_id": e.query, "result_format": "json"})
		var task wireTask
		res.JSON(t, &task)
		waitTask(t, e.inst, e.admin, task.ID, "complete")
		bodies = append(bodies, e.results(t, e.admin, task.ID).Body)
	}
	if string(bodies[0]) != string(bodies[1]) || string(bodies[0]) != string(bodies[2]) {
		t.Errorf("task results differ: %s", bodies)
	}
	want := map[string]int{"No": 2, "Yes": 1}
	if got := historyCounts(t, e.inst, e.admin, want); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history by cache hit: %v, want %v", got, want)
	}
}
