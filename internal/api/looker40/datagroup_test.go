package looker40_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestDatagroups(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	var groups []struct {
		ID, Name, ModelName string
	}
	getJSON(t, inst, admin, "/datagroups", &groups)
	if len(groups) == 0 {
		t.Fatal("no datagroup: the SDK tests need at least one")
	}
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	runCalls(t, inst, admin, []call{
		{name: "one", method: "GET", path: "/datagroups/thelook::thelook_default_datagroup", status: 200,
			contains: `"model_name":"thelook"`},
		{name: "system activity", method: "GET", path: "/datagroups/system__activity::system__activity_default_datagroup", status: 200},
		{name: "unknown name", method: "GET", path: "/datagroups/thelook::nope", status: 404},
		{name: "unknown model", method: "GET", path: "/datagroups/nope::thelook_default_datagroup", status: 404},
		{name: "malformed id", method: "GET", path: "/datagroups/42", status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "viewer lacks see_datagroups", method: "GET", path: "/datagroups", status: 403},
	})
}

const thelookDatagroup = "/datagroups/thelook::thelook_default_datagroup"

// update_datagroup checks its times and needs update_datagroups.
func TestUpdateDatagroupRefusals(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	dev := inst.TokenFor(t, inst.CreateUser(t, "Dev", "Eloper", "Developer").ID)
	future := time.Now().Add(time.Hour).Unix()
	runCalls(t, inst, admin, []call{
		{name: "future stale_before", method: "PATCH", path: thelookDatagroup, status: 422, field: "stale_before",
			body: map[string]any{"stale_before": future}},
		{name: "future triggered_at", method: "PATCH", path: thelookDatagroup, status: 422, field: "triggered_at",
			body: map[string]any{"triggered_at": future}},
		{name: "unknown", method: "PATCH", path: "/datagroups/thelook::nope", status: 404, body: map[string]any{}},
		{name: "past", method: "PATCH", path: thelookDatagroup, status: 200, contains: `"stale_before":1700000000`,
			body: map[string]any{"stale_before": 1700000000}},
		{name: "read back", method: "GET", path: thelookDatagroup, status: 200, contains: `"stale_before":1700000000`},
	})
	runCalls(t, inst, dev, []call{
		{name: "developer sees but may not update", method: "PATCH", path: thelookDatagroup, status: 403,
			body: map[string]any{"stale_before": 1700000000}},
	})
}

// A new stale_before makes the next run of a query of a model persisting
// with the datagroup miss the cache.
func TestUpdateDatagroupMakesCacheStale(t *testing.T) {
	inst, admin, q := startWithBrandCount(t)
	run := func() { runBody(t, inst, admin, http.MethodGet, "/queries/"+q.ID+"/run/json", nil) }
	run()
	run()
	// stale_before counts whole seconds: mark stale from the next one on.
	next := time.Now().Truncate(time.Second).Add(time.Second)
	time.Sleep(time.Until(next))
	runCalls(t, inst, admin, []call{{name: "stale", method: "PATCH", path: thelookDatagroup, status: 200,
		body: map[string]any{"stale_before": next.Unix()}}})
	run()
	run()
	want := map[string]int{"No": 2, "Yes": 2}
	if got := historyCounts(t, inst, admin, want); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("runs by cache hit: %v, want %v (the run after update_datagroup misses)", got, want)
	}
}

// A plan on a datagroup is delivered once per trigger.
func TestDatagroupPlanFiresOncePerTrigger(t *testing.T) {
	f := newScheduleFixture(t)
	body := merge(f.plan(f.webhook("csv")), map[string]any{"crontab": "", "datagroup": "thelook_default_datagroup"})
	want(t, f.inst, http.MethodPost, "/scheduled_plans", f.admin, body, http.StatusOK, nil)
	for i := 1; i <= 2; i++ {
		at := time.Now().Truncate(time.Second).Add(time.Second)
		time.Sleep(time.Until(at)) // each trigger is a new second
		runCalls(t, f.inst, f.admin, []call{{name: fmt.Sprint("trigger ", i), method: "PATCH", path: thelookDatagroup,
			status: 200, body: map[string]any{"triggered_at": at.Unix()}}})
		f.clock.Advance(time.Hour) // the scheduler's clock passes the trigger
		waitFor(t, fmt.Sprint("delivery ", i), func() bool { return f.sink.count() == i })
		for range 2 {
			if err := f.inst.Server.Scheduler.Pass(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		if n := f.sink.count(); n != i {
			t.Fatalf("after trigger %d: %d deliveries", i, n)
		}
	}
}
