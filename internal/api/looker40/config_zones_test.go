package looker40_test

import (
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// getAsViewer reads path as a new Viewer into v and returns the status.
func getAsViewer(t *testing.T, inst *servertest.Instance, path string, v any) int {
	t.Helper()
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vi", "Ewer", "Viewer").ID)
	res := inst.Do(t, "GET", path, viewer, nil)
	res.JSON(t, v)
	return res.Status
}

func TestAllTimezones(t *testing.T) {
	inst := servertest.Start(t)
	var zones []struct{ Value, Label, Group string }
	if status := getAsViewer(t, inst, "/api/4.0/timezones", &zones); status != 200 || len(zones) < 100 {
		t.Fatalf("status %d, %d zones", status, len(zones))
	}
	seen := map[string]bool{}
	for _, z := range zones {
		if _, err := time.LoadLocation(z.Value); err != nil || z.Value == "Local" {
			t.Errorf("%q does not load: %v", z.Value, err)
		}
		if seen[z.Value] {
			t.Errorf("%q listed twice", z.Value)
		}
		seen[z.Value] = true
		if z.Value != "UTC" && !strings.HasPrefix(z.Value, z.Group+"/") {
			t.Errorf("%q is in group %q", z.Value, z.Group)
		}
		if !strings.HasPrefix(z.Label, "(UTC") {
			t.Errorf("%q has label %q", z.Value, z.Label)
		}
	}
	for _, must := range []string{"UTC", "America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Tokyo"} {
		if !seen[must] {
			t.Errorf("%s missing", must)
		}
	}
}

func TestAllLocales(t *testing.T) {
	inst := servertest.Start(t)
	var locales []map[string]*string
	if status := getAsViewer(t, inst, "/api/4.0/locales", &locales); status != 200 || len(locales) < 10 {
		t.Fatalf("status %d, %d locales", status, len(locales))
	}
	seen := map[string]bool{}
	for _, l := range locales {
		for _, k := range []string{"code", "native_name", "english_name"} {
			if l[k] == nil || *l[k] == "" {
				t.Errorf("%v: %s is empty", l, k)
			}
		}
		if code := *l["code"]; seen[code] {
			t.Errorf("%s listed twice", code)
		} else {
			seen[code] = true
		}
	}
	if !seen["en"] || !seen["fr_FR"] {
		t.Errorf("en and fr_FR must be offered: %v", seen)
	}
	if res := inst.Do(t, "GET", "/api/4.0/locales", "", nil); res.Status != 401 {
		t.Errorf("without a token: %d", res.Status)
	}
}
