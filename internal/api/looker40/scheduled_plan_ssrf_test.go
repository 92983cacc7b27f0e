package looker40_test

import (
	"net/http"
	"strings"
	"testing"
)

// A webhook address the outbound guard refuses from the URL alone is a
// 422 when the plan is written, not a failed delivery later; the
// operator's allowed sink still works.
func TestScheduledPlanRefusesInternalWebhooks(t *testing.T) {
	f := newScheduleFixture(t)
	for _, addr := range []string{"http://169.254.169.254/latest/meta-data/", "http://localhost:8080/hook",
		"http://10.0.0.1/hook", "http://[::ffff:127.0.0.1]/hook", "http://127.0.0.1:1/hook", "http://0x7f000001/hook"} {
		dest := f.webhook("csv")
		dest["address"] = addr
		res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, f.plan(dest))
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "scheduled_plan_destination.address") {
			t.Errorf("%s: %d %s, want a 422 naming the address", addr, res.Status, res.Body)
		}
	}
	if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, f.plan(f.webhook("csv"))); res.Status != http.StatusOK {
		t.Fatalf("the allowed sink: %d %s", res.Status, res.Body)
	}
}
