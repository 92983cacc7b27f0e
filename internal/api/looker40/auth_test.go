package looker40_test

import (
	"strings"
	"testing"
)

func TestOAuthClientAppLifecycle(t *testing.T) {
	f := newUserFixture(t)
	app := f.obj(t, "POST", "/oauth_client_apps/my-app", f.admin, map[string]any{
		"redirect_uri": "https://my.example.com/oauth", "display_name": "My app", "description": "A test app"})
	if app["client_guid"] != "my-app" || app["enabled"] != true || app["redirect_uri"] != "https://my.example.com/oauth" ||
		app["group_id"] != nil || len(app["activated_users"].([]any)) != 0 {
		t.Fatalf("registered: %v", app)
	}
	if res := f.call(t, "POST", "/oauth_client_apps/my-app", f.admin, map[string]any{
		"redirect_uri": "https://x.example.com/", "display_name": "Again"}); res.Status != 409 {
		t.Errorf("same guid again: %d %s", res.Status, res.Body)
	}
	up := f.obj(t, "PATCH", "/oauth_client_apps/my-app", f.admin, map[string]any{"display_name": "Renamed"})
	if up["display_name"] != "Renamed" || up["description"] != "A test app" || up["redirect_uri"] != "https://my.example.com/oauth" {
		t.Errorf("update touched more than it was sent: %v", up)
	}
	if l := f.list(t, "/oauth_client_apps", f.admin); len(l) != 1 || l[0]["client_guid"] != "my-app" {
		t.Errorf("list: %v", l)
	}
	if res := f.call(t, "DELETE", "/oauth_client_apps/my-app/users/"+f.viewerID, f.admin, nil); res.Status != 204 {
		t.Errorf("deactivate: %d %s", res.Status, res.Body)
	}
	if res := f.call(t, "POST", "/oauth_client_apps/my-app/users/"+f.viewerID, f.admin, nil); res.Status != 204 {
		t.Errorf("activate: %d %s", res.Status, res.Body)
	}
	got := f.obj(t, "GET", "/oauth_client_apps/my-app", f.admin, nil)
	if users := got["activated_users"].([]any); len(users) != 1 || users[0].(map[string]any)["id"] != f.viewerID {
		t.Errorf("activated users: %v", got["activated_users"])
	}
	if res := f.call(t, "DELETE", "/oauth_client_apps/my-app/tokens", f.admin, nil); res.Status != 204 {
		t.Errorf("invalidate: %d", res.Status)
	}
	if got := f.obj(t, "GET", "/oauth_client_apps/my-app", f.admin, nil); got["tokens_invalid_before"] == nil {
		t.Errorf("tokens_invalid_before not set: %v", got)
	}
	if res := f.call(t, "DELETE", "/oauth_client_apps/my-app", f.admin, nil); res.Status != 204 {
		t.Errorf("delete: %d", res.Status)
	}
	for _, path := range []string{"/oauth_client_apps/my-app", "/oauth_client_apps/my-app/tokens"} {
		method := map[bool]string{true: "GET", false: "DELETE"}[path == "/oauth_client_apps/my-app"]
		if res := f.call(t, method, path, f.admin, nil); res.Status != 404 {
			t.Errorf("%s %s after delete: %d", method, path, res.Status)
		}
	}
}

func TestOAuthClientAppValidation(t *testing.T) {
	f := newUserFixture(t)
	for name, c := range map[string]struct {
		guid  string
		body  map[string]any
		field string
	}{
		"no redirect":       {"a", map[string]any{"display_name": "A"}, "redirect_uri"},
		"relative redirect": {"a", map[string]any{"display_name": "A", "redirect_uri": "/cb"}, "redirect_uri"},
		"js redirect":       {"a", map[string]any{"display_name": "A", "redirect_uri": "javascript:alert(1)"}, "redirect_uri"},
		"fragment":          {"a", map[string]any{"display_name": "A", "redirect_uri": "https://a.example/#x"}, "redirect_uri"},
		"no name":           {"a", map[string]any{"redirect_uri": "https://a.example/cb"}, "display_name"},
		"bad guid":          {"a%20b", map[string]any{"display_name": "A", "redirect_uri": "https://a.example/cb"}, "client_guid"},
		"unknown group":     {"a", map[string]any{"display_name": "A", "redirect_uri": "https://a.example/cb", "group_id": "999"}, "group_id"},
	} {
		res := f.call(t, "POST", "/oauth_client_apps/"+c.guid, f.admin, c.body)
		if res.Status != 422 || !strings.Contains(string(res.Body), `"field":"`+c.field+`"`) {
			t.Errorf("%s: %d %s", name, res.Status, res.Body)
		}
	}
	if res := f.call(t, "PATCH", "/oauth_client_apps/nope", f.admin, map[string]any{"display_name": "x"}); res.Status != 404 {
		t.Errorf("update of a missing app: %d", res.Status)
	}
	if res := f.call(t, "POST", "/oauth_client_apps/nope/users/999999", f.admin, nil); res.Status != 404 {
		t.Errorf("activate on a missing app: %d", res.Status)
	}
	if res := f.call(t, "GET", "/oauth_client_apps", f.viewer, nil); res.Status != 403 {
		t.Errorf("viewer lists apps: %d", res.Status)
	}
}

func TestUserLoginLockoutsEmpty(t *testing.T) {
	f := newUserFixture(t)
	if l := f.list(t, "/user_login_lockouts", f.admin); len(l) != 0 {
		t.Errorf("lockouts: %v", l)
	}
	res := f.call(t, "GET", "/user_login_lockouts/search?limit=10&sorts=lockout_at+desc", f.admin, nil)
	if res.Status != 200 || res.Header.Get("X-Total-Count") != "0" {
		t.Errorf("search: %d %v", res.Status, res.Header)
	}
	if res := f.call(t, "GET", "/user_login_lockouts/search?sorts=password", f.admin, nil); res.Status != 422 {
		t.Errorf("sort on an unknown field: %d", res.Status)
	}
	if res := f.call(t, "DELETE", "/user_login_lockout/nokey", f.admin, nil); res.Status != 404 {
		t.Errorf("delete missing: %d", res.Status)
	}
}
