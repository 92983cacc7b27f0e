package looker40_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestGroups(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	g := create(t, inst, tok, "/groups", map[string]any{"name": "foo"})
	other := create(t, inst, tok, "/groups", map[string]any{"name": "bar", "can_add_to_content_metadata": false})
	u := inst.CreateUser(t, "Gail", "G")
	uid := fmt.Sprint(u.ID)
	runCalls(t, inst, tok, []call{
		{name: "read group", method: "GET", path: "/groups/" + g, status: 200, contains: `"name":"foo"`},
		{name: "group without name", method: "POST", path: "/groups", body: map[string]any{}, status: 422, field: "name"},
		{name: "duplicate group", method: "POST", path: "/groups", body: map[string]any{"name": "foo"}, status: 409},
		{name: "rename group", method: "PATCH", path: "/groups/" + g, body: map[string]any{"name": "foos"}, status: 200, contains: `"foos"`},
		{name: "clear name", method: "PATCH", path: "/groups/" + g, body: map[string]any{"name": nil}, status: 422, field: "name"},
		{name: "rename to a taken name", method: "PATCH", path: "/groups/" + g, body: map[string]any{"name": "bar"}, status: 409},
		{name: "missing group", method: "GET", path: "/groups/999", status: 404},
		{name: "all groups by ids", method: "GET", path: "/groups?ids=%5B%22" + other + "%22%5D", status: 200, contains: `"bar"`},
		{name: "content flag filter", method: "GET", path: "/groups?can_add_to_content_metadata=false", status: 200, contains: `"bar"`},
		{name: "search by name", method: "GET", path: "/groups/search?name=FOO%25", status: 200, contains: `"foos"`},
		{name: "externally managed groups don't exist", method: "GET", path: "/groups/search?externally_managed=true", status: 200, contains: `[]`},
		{name: "add user", method: "POST", path: "/groups/" + g + "/users", body: map[string]any{"user_id": uid}, status: 200, contains: `"Gail"`},
		{name: "add user again", method: "POST", path: "/groups/" + g + "/users", body: map[string]any{"user_id": u.ID}, status: 200},
		{name: "add unknown user", method: "POST", path: "/groups/" + g + "/users", body: map[string]any{"user_id": "999"}, status: 422, field: "user_id"},
		{name: "add user without id", method: "POST", path: "/groups/" + g + "/users", body: map[string]any{}, status: 422, field: "user_id"},
		{name: "add user to missing group", method: "POST", path: "/groups/999/users", body: map[string]any{"user_id": uid}, status: 404},
		{name: "user count", method: "GET", path: "/groups/" + g, status: 200, contains: `"user_count":1`},
		{name: "group users", method: "GET", path: "/groups/" + g + "/users", status: 200, contains: `"Gail"`},
		{name: "group users of missing group", method: "GET", path: "/groups/999/users", status: 404},
		{name: "nest group", method: "POST", path: "/groups/" + g + "/groups", body: map[string]any{"group_id": other}, status: 200, contains: `"bar"`},
		{name: "cycle", method: "POST", path: "/groups/" + other + "/groups", body: map[string]any{"group_id": g}, status: 422, field: "group_id"},
		{name: "self cycle", method: "POST", path: "/groups/" + g + "/groups", body: map[string]any{"group_id": g}, status: 422, field: "group_id"},
		{name: "nest unknown group", method: "POST", path: "/groups/" + g + "/groups", body: map[string]any{"group_id": "999"}, status: 422, field: "group_id"},
		{name: "child groups", method: "GET", path: "/groups/" + g + "/groups", status: 200, contains: `"bar"`},
		{name: "hierarchy", method: "GET", path: "/groups/search/with_hierarchy?id=" + other, status: 200, contains: `"parent_group_ids":["` + g + `"]`},
		{name: "with roles", method: "GET", path: "/groups/search/with_roles", status: 200, contains: `"roles":[]`},
		{name: "remove missing nesting", method: "DELETE", path: "/groups/" + other + "/groups/" + g, status: 404},
		{name: "remove nesting", method: "DELETE", path: "/groups/" + g + "/groups/" + other, status: 204},
		{name: "remove user", method: "DELETE", path: "/groups/" + g + "/users/" + uid, status: 204},
		{name: "remove user again", method: "DELETE", path: "/groups/" + g + "/users/" + uid, status: 404},
		{name: "delete group", method: "DELETE", path: "/groups/" + g, status: 204},
		{name: "deleted group", method: "GET", path: "/groups/" + g, status: 404},
	})
}

func TestGroupPaging(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	g := create(t, inst, tok, "/groups", map[string]any{"name": "many"})
	for i := range 3 {
		u := inst.CreateUser(t, fmt.Sprint("U", i), "L")
		inst.Do(t, "POST", api+"/groups/"+g+"/users", tok, map[string]any{"user_id": u.ID})
	}
	res := inst.Do(t, "GET", api+"/groups/"+g+"/users?limit=2&offset=2", tok, nil)
	var page []idName
	res.JSON(t, &page)
	if res.Status != 200 || len(page) != 1 || res.Header.Get("X-Total-Count") != "3" || res.Header.Get("Link") == "" {
		t.Errorf("paged group users: %d %v %v", res.Status, page, res.Header)
	}
}

// TestNestedGroupGrantsRole: a user in a group within a group holding a
// role gets the role's permissions at once, and loses them as soon as the
// nesting goes.
func TestNestedGroupGrantsRole(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	_, _, allMS := builtIns(t, inst, tok)
	ps := create(t, inst, tok, "/permission_sets", map[string]any{"name": "Seers", "permissions": []string{"see_users"}})
	role := create(t, inst, tok, "/roles", map[string]any{"name": "Seer", "permission_set_id": ps, "model_set_id": allMS})
	parent := create(t, inst, tok, "/groups", map[string]any{"name": "parent"})
	child := create(t, inst, tok, "/groups", map[string]any{"name": "child"})
	u := inst.CreateUser(t, "Nina", "N")
	uTok := inst.TokenFor(t, u.ID)

	if res := inst.Do(t, "GET", api+"/groups", uTok, nil); res.Status != http.StatusForbidden {
		t.Fatalf("before: %d", res.Status)
	}
	steps := []struct {
		method, path string
		body         any
	}{
		{"PUT", "/roles/" + role + "/groups", []string{parent}},
		{"POST", "/groups/" + parent + "/groups", map[string]any{"group_id": child}},
		{"POST", "/groups/" + child + "/users", map[string]any{"user_id": u.ID}},
	}
	for _, s := range steps {
		if res := inst.Do(t, s.method, api+s.path, tok, s.body); res.Status != 200 {
			t.Fatalf("%s %s: %d %s", s.method, s.path, res.Status, res.Body)
		}
	}
	res := inst.Do(t, "GET", api+"/groups", uTok, nil)
	if res.Status != 200 {
		t.Fatalf("with the inherited role: %d", res.Status)
	}
	var groups []struct {
		Name    string `json:"name"`
		Contain bool   `json:"contains_current_user"`
	}
	res.JSON(t, &groups)
	for _, g := range groups {
		if !g.Contain {
			t.Errorf("group %s: contains_current_user false", g.Name)
		}
	}
	if res := inst.Do(t, "POST", api+"/groups", uTok, map[string]any{"name": "mine"}); res.Status != http.StatusForbidden {
		t.Errorf("non-admin creates a group: %d", res.Status)
	}
	inst.Do(t, "DELETE", api+"/groups/"+parent+"/groups/"+child, tok, nil)
	if res := inst.Do(t, "GET", api+"/groups", uTok, nil); res.Status != http.StatusForbidden {
		t.Errorf("after un-nesting: %d", res.Status)
	}
}

func TestGroupMutationsNeedAdmin(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	g := create(t, inst, tok, "/groups", map[string]any{"name": "g"})
	dev := inst.CreateUser(t, "Dev", "D", "Developer")
	devTok := inst.TokenFor(t, dev.ID)
	for _, c := range []struct{ method, path string }{
		{"POST", "/groups"}, {"PATCH", "/groups/" + g}, {"DELETE", "/groups/" + g},
		{"POST", "/groups/" + g + "/groups"}, {"DELETE", "/groups/" + g + "/groups/1"},
		{"POST", "/groups/" + g + "/users"}, {"DELETE", "/groups/" + g + "/users/1"},
		{"PATCH", "/groups/" + g + "/attribute_values/1"}, {"DELETE", "/groups/" + g + "/attribute_values/1"},
	} {
		if res := inst.Do(t, c.method, api+c.path, devTok, map[string]any{"name": "x"}); res.Status != http.StatusForbidden {
			t.Errorf("%s %s as developer: %d", c.method, c.path, res.Status)
		}
	}
}
