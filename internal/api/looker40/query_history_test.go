package looker40_test

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// runBody runs path as the admin and returns the body, failing on a non-200.
func runBody(t *testing.T, inst *servertest.Instance, token, method, path string, body any) []byte {
	t.Helper()
	res := inst.Do(t, method, api+path, token, body)
	if res.Status != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, path, res.Status, res.Body)
	}
	return res.Body
}

// startWithBrandCount starts a node with the thelook SQLite connection and
// a saved count-by-brand query; it returns the admin's token.
func startWithBrandCount(t *testing.T) (*servertest.Instance, string, wireQuery) {
	t.Helper()
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	admin := inst.AdminToken(t)
	return inst, admin, createQuery(t, inst, admin, brandCount(nil))
}

// historyCounts asks system__activity for the runs of the thelook model,
// by cache hit, until want is reached or a few seconds pass (history is
// written in batches).
func historyCounts(t *testing.T, inst *servertest.Instance, token string, want map[string]int) map[string]int {
	t.Helper()
	q := map[string]any{"model": "system__activity", "view": "history",
		"fields": []string{"query.model", "history.cache", "history.count"}, "filters": map[string]string{"query.model": "thelook"},
		"sorts": []string{"history.cache"}}
	var got map[string]int
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var rows []map[string]any
		res := inst.Do(t, http.MethodPost, api+"/queries/run/json?cache=false", token, q)
		if res.Status != http.StatusOK {
			t.Fatalf("system__activity history: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &rows)
		got = map[string]int{}
		for _, r := range rows {
			if r["query.model"] == "thelook" {
				got[fmt.Sprint(r["history.cache"])] += int(r["history.count"].(float64))
			}
		}
		if fmt.Sprint(got) == fmt.Sprint(want) || time.Now().After(deadline) {
			return got
		}
	}
}

// A repeated run answers the same bytes from the cache; cache=false runs
// again; every run (saved, inline, explore-URL) is one history row that
// system__activity counts by the query's model.
func TestRunsAreCachedAndRecorded(t *testing.T) {
	inst, admin, q := startWithBrandCount(t)

	first := runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/json", nil)
	second := runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/json", nil)
	if !bytes.Equal(first, second) || !bytes.Contains(first, []byte("Calvin Klein")) {
		t.Fatalf("cached answer differs:\n%s\n%s", first, second)
	}
	fresh := runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/json?cache=false", nil)
	if !bytes.Equal(first, fresh) {
		t.Errorf("cache=false answered differently:\n%s", fresh)
	}
	runBody(t, inst, admin, http.MethodPost, "/queries/run/csv", brandCount(nil))
	runBody(t, inst, admin, http.MethodGet, "/queries/models/thelook/views/products/run/json?fields=products.brand,products.count", nil)

	want := map[string]int{"No": 4, "Yes": 1}
	if got := historyCounts(t, inst, admin, want); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history of thelook runs by cache hit: %v, want %v", got, want)
	}
}

// cache_only answers a 404 when nothing is cached, and the cached bytes
// once a run has stored them.
func TestRunCacheOnly(t *testing.T) {
	inst, admin, q := startWithBrandCount(t)

	if res := inst.Do(t, http.MethodGet, api+"/queries/"+q.ID+"/run/csv?cache_only=true", admin, nil); res.Status != http.StatusNotFound {
		t.Fatalf("cache_only miss: %d %s, want 404", res.Status, res.Body)
	}
	ran := runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/csv", nil)
	if cached := runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/csv?cache_only=true", nil); !bytes.Equal(ran, cached) {
		t.Errorf("cache_only answered %q, want %q", cached, ran)
	}
}

// A cached result is keyed on the caller's user attributes (all of them):
// another user, or the same user after a value changed, runs the query
// again.
func TestRunCacheKeepsUserAttributesApart(t *testing.T) {
	inst, admin, q := startWithBrandCount(t)
	region := create(t, inst, admin, "/user_attributes", map[string]any{"name": "region", "label": "Region", "type": "string"})
	setRegion := func(userID int64, value string) {
		path := fmt.Sprintf("/users/%d/attribute_values/%s", userID, region)
		runBody(t, inst, admin, http.MethodPatch, path, map[string]any{"value": value})
	}
	nora, sam := inst.CreateUser(t, "Nora", "Viewer", "Viewer"), inst.CreateUser(t, "Sam", "Viewer", "Viewer")
	setRegion(nora.ID, "north")
	setRegion(sam.ID, "south")
	run := func(userID int64) {
		runBody(t, inst, inst.TokenFor(t, userID), http.MethodGet, "/queries/"+q.ID+"/run/json", nil)
	}

	run(nora.ID) // miss
	run(nora.ID) // hit
	run(sam.ID)  // miss: another user's attributes
	setRegion(nora.ID, "south")
	run(nora.ID) // miss: her region changed
	want := map[string]int{"No": 3, "Yes": 1}
	if got := historyCounts(t, inst, admin, want); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs by cache hit: %v, want %v", got, want)
	}
}
