package looker40_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
)

func TestSearchScheduledPlans(t *testing.T) {
	f := newScheduleFixture(t)
	email := func(to string) map[string]any {
		return map[string]any{"type": "email", "format": "xlsx", "address": to}
	}
	for _, p := range []map[string]any{
		merge(f.plan(f.webhook("csv")), map[string]any{"name": "Daily brands"}),
		merge(f.plan(email("ops@example.com")), map[string]any{"name": "Weekly brands"}),
		merge(f.plan(email("ceo@example.com")), map[string]any{"name": "Monthly revenue"}),
	} {
		if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, p); res.Status != http.StatusOK {
			t.Fatalf("create: %d %s", res.Status, res.Body)
		}
	}
	user := f.inst.CreateUser(t, "Una", "User", access.UserRole)
	userToken := f.inst.TokenFor(t, user.ID)
	una := merge(f.plan(email("una@example.com")), map[string]any{"name": "Una's brands"})
	if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", userToken, una); res.Status != http.StatusOK {
		t.Fatalf("create as a user: %d %s", res.Status, res.Body)
	}
	for _, tc := range []struct {
		query, token string
		names        []string
	}{
		{"?name=%25brands&sorts=name", f.admin, []string{"Daily brands", "Weekly brands"}},
		{"?destination_type=email&sorts=name+desc", f.admin, []string{"Weekly brands", "Monthly revenue"}},
		{"?delivery_format=CSV", f.admin, []string{"Daily brands"}},
		{"?recipient=ceo%25", f.admin, []string{"Monthly revenue"}},
		{"?user_first_name=Una", f.admin, nil},
		{"?name=Daily%25&recipient=ceo%25&filter_or=true&sorts=id", f.admin, []string{"Daily brands", "Monthly revenue"}},
		{"?all_users=true&sorts=id&limit=1&offset=1", f.admin, []string{"Weekly brands"}},
		{"?all_users=true", userToken, []string{"Una's brands"}},
		// an OR search stays inside the caller's own plans
		{"?name=Daily%25&recipient=una%25&filter_or=true", userToken, []string{"Una's brands"}},
		{"?user_id=1&name=%25", userToken, nil},
	} {
		var got []struct {
			Name string `json:"name"`
		}
		res := f.inst.Do(t, http.MethodGet, api+"/scheduled_plans/search"+tc.query, tc.token, nil)
		res.JSON(t, &got)
		var names []string
		for _, g := range got {
			names = append(names, g.Name)
		}
		if res.Status != http.StatusOK || !slices.Equal(names, tc.names) {
			t.Errorf("search %s: %d %v, want %v", tc.query, res.Status, names, tc.names)
		}
	}
	res := f.inst.Do(t, http.MethodGet, api+"/scheduled_plans/search?limit=1", f.admin, nil)
	if res.Header.Get("X-Total-Count") != "3" {
		t.Errorf("X-Total-Count %q, want 3", res.Header.Get("X-Total-Count"))
	}
	for _, bad := range []string{"?sorts=secret_parameters", "?look_id=abc", "?limit=-1"} {
		if res := f.inst.Do(t, http.MethodGet, api+"/scheduled_plans/search"+bad, f.admin, nil); res.Status/100 != 4 {
			t.Errorf("search %s: %d, want 4xx", bad, res.Status)
		}
	}
}
