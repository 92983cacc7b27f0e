package queriestest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/server"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

const api = "/api/4.0"

// startDemo opens a node on a fresh data dir with the thelook demo at
// scale 0.01, generated into DuckDB on start, as `overlook serve` does.
func startDemo(t testing.TB) *servertest.Instance {
	t.Helper()
	return servertest.StartWith(t, []server.Option{server.WithDemo(duckdb.EnsureDemo, nil)},
		func(c *config.Config) { c.DemoScale = 0.01 })
}

var brandCount = map[string]any{"model": "thelook", "view": "products",
	"fields": []string{"products.brand", "products.count"}, "filters": []any{}, "sorts": []string{"products.count desc"},
	"limit": "10"}

func TestQueriesOverTheDemo(t *testing.T) {
	inst := startDemo(t)
	admin := inst.AdminToken(t)
	res := inst.Do(t, http.MethodPost, api+"/queries", admin, brandCount)
	var q struct {
		ID string `json:"id"`
	}
	if res.Status != http.StatusOK {
		t.Fatalf("create_query: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &q)

	js := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/json", admin, nil)
	var rows []map[string]any
	js.JSON(t, &rows)
	if js.Status != http.StatusOK || len(rows) != 10 {
		t.Fatalf("json: %d, %d rows: %.300s", js.Status, len(rows), js.Body)
	}
	for i, r := range rows {
		brand, _ := r["products.brand"].(string)
		count, _ := r["products.count"].(float64)
		if brand == "" || count < 1 || (i > 0 && count > rows[i-1]["products.count"].(float64)) {
			t.Errorf("row %d %v: want a brand and counts descending", i, r)
		}
	}

	csv := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/csv", admin, nil)
	lines := strings.Split(strings.TrimSuffix(string(csv.Body), "\n"), "\n")
	if csv.Status != http.StatusOK || len(lines) != 11 || lines[0] != "Products Brand,Products Count" {
		t.Fatalf("csv: %d %q", csv.Status, csv.Body)
	}
	if streamed := readStreamed(t, inst, admin, api+"/queries/run/csv", brandCount); !bytes.Equal(streamed, csv.Body) {
		t.Errorf("streamed csv differs from buffered:\n%s\n---\n%s", streamed, csv.Body)
	}

	sql := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/sql", admin, nil)
	if !strings.Contains(string(sql.Body), "SELECT") || !strings.Contains(string(sql.Body), `AS "products.brand"`) {
		t.Errorf("sql: %s", sql.Body)
	}
}

// readStreamed posts body to path and reads the answer a few bytes at a
// time, as a streaming client does.
func readStreamed(t *testing.T, inst *servertest.Instance, token, path string, body any) []byte {
	t.Helper()
	payload, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, inst.URL+path, bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "token "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d", path, resp.StatusCode)
	}
	var out bytes.Buffer
	chunk := make([]byte, 7)
	for {
		n, err := resp.Body.Read(chunk)
		out.Write(chunk[:n])
		if err == io.EOF {
			return out.Bytes()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
