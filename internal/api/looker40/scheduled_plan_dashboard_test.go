package looker40_test

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/render/rendertest"
)

// A dashboard plan delivers the drawn dashboard: a PNG of the drawing size
// to a webhook, a PDF by email; a table format is refused for it.
func TestScheduledDashboardDeliveries(t *testing.T) {
	rendertest.RequireBrowser(t)
	f := newScheduleFixture(t)
	var dashboards []wireItem
	getJSON(t, f.inst, f.admin, "/dashboards", &dashboards)
	if len(dashboards) == 0 {
		t.Fatal("no seeded dashboard")
	}
	plan := func(dests ...map[string]any) map[string]any {
		return map[string]any{"name": "Overview", "dashboard_id": dashboards[0].ID, "run_once": true,
			"scheduled_plan_destination": dests}
	}
	hook := f.webhook("wysiwyg_png")
	mail := map[string]any{"type": "email", "format": "wysiwyg_pdf", "address": "ops@example.com"}
	if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/run_once", f.admin, plan(hook, mail)); res.Status != http.StatusOK {
		t.Fatalf("scheduled_plan_run_once: %d %s", res.Status, res.Body)
	}
	waitFor(t, "the webhook delivery", func() bool { return f.sink.count() == 1 })
	f.sink.mu.Lock()
	att := f.sink.deliveries[0]["attachment"].(map[string]any)
	f.sink.mu.Unlock()
	raw, _ := base64.StdEncoding.DecodeString(att["data"].(string))
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil || att["mimetype"] != "image/png" || att["encoding"] != "base64" {
		t.Fatalf("png attachment %v %v (%v)", att["mimetype"], att["encoding"], err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 900 {
		t.Errorf("png %dx%d, want 1200x900", b.Dx(), b.Dy())
	}
	waitFor(t, "the mail", func() bool { return len(f.smtp.Mails()) == 1 })
	if body := f.smtp.Mails()[0].Body; !bytes.Contains(body, []byte("application/pdf")) || !bytes.Contains(body, []byte(".pdf")) {
		t.Errorf("the mail has no pdf attachment: %.400s", body)
	}

	table := map[string]any{"type": "email", "format": "csv", "address": "ops@example.com"}
	res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, merge(plan(table), map[string]any{"crontab": "0 6 * * *"}))
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "wysiwyg_pdf") {
		t.Errorf("a csv dashboard plan: %d %s", res.Status, res.Body)
	}
}
