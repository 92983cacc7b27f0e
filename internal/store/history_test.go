package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

// The columns the system__activity history and query views read.
var (
	saHistoryColumns = []string{"id", "query_id", "user_id", "dashboard_id", "look_id", "source", "status",
		"result_format", "cache", "connection_name", "dialect", "slug", "runtime", "result_count", "created_time",
		"completed_time"}
	saQueryColumns = []string{"id", "slug", "model", "view", "fields", "filters", "pivots", "sorts", "row_limit",
		"created_time"}
)

func TestHistorySQLite(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(context.Background(), "", dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "overlook.db")+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	checkHistory(t, st, raw)
}

func TestHistoryPostgres(t *testing.T) {
	dsn := storetest.PostgresDatabase(t, storetest.PostgresAdmin(t))
	st, err := store.Open(context.Background(), dsn, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	checkHistory(t, st, raw)
}

// checkHistory appends runs and reads them back through the sa_* views.
func checkHistory(t *testing.T, st *store.Store, raw *sql.DB) {
	t.Helper()
	ctx := context.Background()
	q := &store.Query{Slug: "abc", Hash: "h1", Model: "thelook", View: "products", Fields: `["products.count"]`,
		Pivots: "[]", FillFields: "[]", Filters: "{}", Sorts: "[]", Subtotals: "[]", VisConfig: "{}", FilterConfig: "{}"}
	if err := st.CreateQuery(ctx, q); err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_700_000_000, 0)
	runs := []store.HistoryEntry{
		{QueryID: q.ID, Source: "api", ResultFormat: "json", Status: "complete", Runtime: 1500 * time.Millisecond,
			Rows: 6, CreatedAt: at, CompletedAt: at.Add(1500 * time.Millisecond)},
		{QueryID: q.ID, Source: "api", ResultFormat: "csv", Status: "complete", CacheHit: true, Rows: 6, CreatedAt: at, CompletedAt: at},
		{Source: "sql_runner", Status: "error", Message: "syntax error", CreatedAt: at, CompletedAt: at},
	}
	if err := st.AppendHistory(ctx, runs); err != nil {
		t.Fatal(err)
	}
	for view, want := range map[string][]string{"sa_history": saHistoryColumns, "sa_query": saQueryColumns} {
		if got := viewColumns(t, raw, view); !slices.Equal(got, want) {
			t.Errorf("%s columns %v, want %v", view, got, want)
		}
	}
	var n, hits int
	var total float64
	var slug, model string
	err := raw.QueryRow(`SELECT count(*), sum(CASE WHEN h.cache THEN 1 ELSE 0 END), sum(h.runtime), max(h.slug), max(q.model)
		FROM sa_history h JOIN sa_query q ON q.id = h.query_id`).Scan(&n, &hits, &total, &slug, &model)
	if err != nil || n != 2 || hits != 1 || total != 1.5 || slug != "abc" || model != "thelook" {
		t.Errorf("runs of the query: %d, %d hits, %.2fs, slug %q, model %q, %v", n, hits, total, slug, model, err)
	}
}

func viewColumns(t *testing.T, raw *sql.DB, view string) []string {
	t.Helper()
	rows, err := raw.Query(`SELECT * FROM ` + view + ` WHERE 1 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	return cols
}
