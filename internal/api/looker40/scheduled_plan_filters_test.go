package looker40_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A plan's filters_string narrows what it delivers; a malformed one is
// refused when the plan is created.
func TestScheduledPlanFiltersString(t *testing.T) {
	f := newScheduleFixture(t)
	runOnce := func(filters string) []map[string]any {
		t.Helper()
		before := f.sink.count()
		body := f.plan(f.webhook("json"))
		delete(body, "crontab")
		body["filters_string"] = filters
		if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/run_once", f.admin, body); res.Status != http.StatusOK {
			t.Fatalf("scheduled_plan_run_once: %d %s", res.Status, res.Body)
		}
		waitFor(t, "the delivery", func() bool { return f.sink.count() == before+1 })
		f.sink.mu.Lock()
		att := f.sink.deliveries[before]["attachment"].(map[string]any)
		f.sink.mu.Unlock()
		var rows []map[string]any
		if err := json.Unmarshal([]byte(att["data"].(string)), &rows); err != nil {
			t.Fatalf("json attachment %v", att)
		}
		return rows
	}
	all := runOnce("")
	if len(all) < 2 {
		t.Fatalf("%d brands unfiltered", len(all))
	}
	brand := all[1]["products.brand"].(string)
	only := runOnce("?f[products.brand]=" + url.QueryEscape(brand))
	if len(only) != 1 || only[0]["products.brand"] != brand {
		t.Fatalf("filtered to %q: %v", brand, only)
	}

	bad := f.plan(f.webhook("csv"))
	bad["filters_string"] = "?products.brand=Nike"
	res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, bad)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "filters_string") {
		t.Fatalf("malformed filters_string: %d %s", res.Status, res.Body)
	}
}
