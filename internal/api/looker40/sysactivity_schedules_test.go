package looker40_test

import (
	"net/http"
	"testing"
)

// Deliveries show in system__activity: the scheduled_job explore counts a
// plan's successful jobs, and scheduled_plan lists the plan with its owner.
func TestScheduleHistoryInSystemActivity(t *testing.T) {
	f := newScheduleFixture(t)
	body := f.plan(f.webhook("csv"))
	delete(body, "crontab")
	body["name"] = "Brands by webhook"
	for range 2 {
		if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/run_once", f.admin, body); res.Status != http.StatusOK {
			t.Fatalf("scheduled_plan_run_once: %d %s", res.Status, res.Body)
		}
	}
	waitFor(t, "two deliveries", func() bool { return f.sink.count() == 2 })

	jobs := createQuery(t, f.inst, f.admin, map[string]any{"model": "system__activity", "view": "scheduled_job",
		"fields": []string{"scheduled_plan.name", "scheduled_job.status", "scheduled_job.count"}})
	var rows []map[string]any
	waitFor(t, "the jobs to finish", func() bool {
		want(t, f.inst, http.MethodGet, "/queries/"+jobs.ID+"/run/json?cache=false", f.admin, nil, http.StatusOK, &rows)
		return len(rows) == 1 && rows[0]["scheduled_job.status"] == "success"
	})
	if rows[0]["scheduled_plan.name"] != "Brands by webhook" || rows[0]["scheduled_job.count"] != float64(2) {
		t.Fatalf("scheduled_job rows %+v", rows)
	}

	plans := createQuery(t, f.inst, f.admin, map[string]any{"model": "system__activity", "view": "scheduled_plan",
		"fields": []string{"scheduled_plan.content_type", "scheduled_plan_destination.type", "user.email", "scheduled_plan.count"}})
	want(t, f.inst, http.MethodGet, "/queries/"+plans.ID+"/run/json", f.admin, nil, http.StatusOK, &rows)
	if len(rows) != 1 || rows[0]["scheduled_plan.content_type"] != "Query" || rows[0]["scheduled_plan_destination.type"] != "webhook" ||
		rows[0]["scheduled_plan.count"] != float64(2) {
		t.Fatalf("scheduled_plan rows %+v", rows)
	}
}
