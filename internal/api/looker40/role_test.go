package looker40_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

const api = "/api/4.0"

// call is one request of a table test and what it must answer.
type call struct {
	name, method, path string
	body               any
	status             int
	// field, when set, must be the field of the 422's first error.
	field string
	// contains, when set, must appear in the body.
	contains string
}

func runCalls(t *testing.T, inst *servertest.Instance, token string, calls []call) {
	t.Helper()
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			res := inst.Do(t, c.method, api+c.path, token, c.body)
			if res.Status != c.status {
				t.Fatalf("%s %s: status %d, want %d: %s", c.method, c.path, res.Status, c.status, res.Body)
			}
			if c.field != "" {
				var e struct {
					Message string `json:"message"`
					Errors  []struct {
						Field string `json:"field"`
					} `json:"errors"`
				}
				res.JSON(t, &e)
				if e.Message != "Validation Failed" || len(e.Errors) == 0 || e.Errors[0].Field != c.field {
					t.Errorf("422 body %s, want field %s", res.Body, c.field)
				}
			}
			if c.contains != "" && !strings.Contains(string(res.Body), c.contains) {
				t.Errorf("body %s lacks %s", res.Body, c.contains)
			}
		})
	}
}

// create POSTs body and returns the new object's id.
func create(t *testing.T, inst *servertest.Instance, token, path string, body any) string {
	t.Helper()
	res := inst.Do(t, http.MethodPost, api+path, token, body)
	var v struct {
		ID string `json:"id"`
	}
	if res.Status != http.StatusOK {
		t.Fatalf("POST %s: %d %s", path, res.Status, res.Body)
	}
	res.JSON(t, &v)
	return v.ID
}

func getJSON(t *testing.T, inst *servertest.Instance, token, path string, v any) {
	t.Helper()
	res := inst.Do(t, http.MethodGet, api+path, token, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
	}
	res.JSON(t, v)
}

type idName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// builtIns finds the ids of the Admin role, Admin permission set and All
// model set.
func builtIns(t *testing.T, inst *servertest.Instance, token string) (role, permSet, modelSet string) {
	var roles []idName
	getJSON(t, inst, token, "/roles/search?built_in=true", &roles)
	var sets []idName
	getJSON(t, inst, token, "/permission_sets/search?built_in=true", &sets)
	var models []idName
	getJSON(t, inst, token, "/model_sets/search?built_in=true", &models)
	if len(roles) != 1 || len(sets) != 1 || len(models) != 1 {
		t.Fatalf("built-ins: roles %v sets %v models %v", roles, sets, models)
	}
	return roles[0].ID, sets[0].ID, models[0].ID
}

func TestPermissionSetsAndModelSets(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	_, adminPS, allMS := builtIns(t, inst, tok)
	ps := create(t, inst, tok, "/permission_sets", map[string]any{"name": "Savers", "permissions": []string{"access_data", "see_looks", "save_content"}})
	ms := create(t, inst, tok, "/model_sets", map[string]any{"name": "Demo", "models": []string{"thelook"}})
	runCalls(t, inst, tok, []call{
		{name: "save_content implies its parts", method: "GET", path: "/permission_sets/" + ps, status: 200, contains: `"save_looks"`},
		{name: "unknown permission", method: "POST", path: "/permission_sets", body: map[string]any{"name": "x", "permissions": []string{"fly"}}, status: 422, field: "permissions"},
		{name: "set without name", method: "POST", path: "/permission_sets", body: map[string]any{"permissions": []string{}}, status: 422, field: "name"},
		{name: "duplicate set name", method: "POST", path: "/permission_sets", body: map[string]any{"name": "Savers"}, status: 409},
		{name: "rename set", method: "PATCH", path: "/permission_sets/" + ps, body: map[string]any{"name": "Keepers"}, status: 200, contains: `"Keepers"`},
		{name: "built-in set is read-only", method: "PATCH", path: "/permission_sets/" + adminPS, body: map[string]any{"name": "x"}, status: 405},
		{name: "built-in set stays", method: "DELETE", path: "/permission_sets/" + adminPS, status: 405},
		{name: "missing set", method: "GET", path: "/permission_sets/999", status: 404},
		{name: "bad set id", method: "GET", path: "/permission_sets/abc", status: 404},
		{name: "search sets by permission", method: "GET", path: "/permission_sets/search?permissions=save_looks&name=Keep%25", status: 200, contains: `"Keepers"`},
		{name: "model set without name", method: "POST", path: "/model_sets", body: map[string]any{"models": []string{"a"}}, status: 422, field: "name"},
		{name: "duplicate model set", method: "POST", path: "/model_sets", body: map[string]any{"name": "Demo"}, status: 409},
		{name: "change models", method: "PATCH", path: "/model_sets/" + ms, body: map[string]any{"models": []string{"b", "a"}}, status: 200, contains: `"models":["a","b"]`},
		{name: "All model set is read-only", method: "PATCH", path: "/model_sets/" + allMS, body: map[string]any{"models": []string{}}, status: 405},
		{name: "All model set stays", method: "DELETE", path: "/model_sets/" + allMS, status: 405},
		{name: "search model sets", method: "GET", path: "/model_sets/search?models=b", status: 200, contains: `"Demo"`},
		{name: "all model sets", method: "GET", path: "/model_sets", status: 200, contains: `"All"`},
		{name: "all permission sets", method: "GET", path: "/permission_sets", status: 200, contains: `"Keepers"`},
		{name: "all permissions", method: "GET", path: "/permissions", status: 200, contains: `"parent":"see_users"`},
		{name: "delete set", method: "DELETE", path: "/permission_sets/" + ps, status: 204},
		{name: "delete model set", method: "DELETE", path: "/model_sets/" + ms, status: 204},
		{name: "deleted set is gone", method: "DELETE", path: "/model_sets/" + ms, status: 404},
	})
}

func TestRoles(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	adminRole, _, allMS := builtIns(t, inst, tok)
	ps := create(t, inst, tok, "/permission_sets", map[string]any{"name": "Seers", "permissions": []string{"see_users"}})
	role := create(t, inst, tok, "/roles", map[string]any{"name": "Auditor", "permission_set_id": ps, "model_set_id": allMS})
	inUse := `{"name":"InUse"}`
	runCalls(t, inst, tok, []call{
		{name: "role embeds its sets", method: "GET", path: "/roles/" + role, status: 200, contains: `"permission_set":{`},
		{name: "role without name", method: "POST", path: "/roles", body: map[string]any{"permission_set_id": ps, "model_set_id": allMS}, status: 422, field: "name"},
		{name: "role with unknown set", method: "POST", path: "/roles", body: map[string]any{"name": "r", "permission_set_id": "999", "model_set_id": allMS}, status: 422, field: "permission_set_id"},
		{name: "role with unknown model set", method: "POST", path: "/roles", body: map[string]any{"name": "r", "permission_set_id": ps, "model_set_id": 999}, status: 422, field: "model_set_id"},
		{name: "duplicate role", method: "POST", path: "/roles", body: map[string]any{"name": "Auditor", "permission_set_id": ps, "model_set_id": allMS}, status: 409},
		{name: "rename role", method: "PATCH", path: "/roles/" + role, body: map[string]any{"name": "Auditors"}, status: 200, contains: `"Auditors"`},
		{name: "Admin role is read-only", method: "PATCH", path: "/roles/" + adminRole, body: map[string]any{"name": "x"}, status: 405},
		{name: "Admin role stays", method: "DELETE", path: "/roles/" + adminRole, status: 405},
		{name: "set in use by a role", method: "DELETE", path: "/permission_sets/" + ps, status: 409},
		{name: "missing role", method: "GET", path: "/roles/999", status: 404},
		{name: "all roles by ids", method: "GET", path: "/roles?ids=%22" + role + ",999%22", status: 200, contains: `"Auditors"`},
		{name: "search by name", method: "GET", path: "/roles/search?name=audit%25", status: 200, contains: `"Auditors"`},
		{name: "bad search id", method: "GET", path: "/roles/search?id=x", status: 422, field: "id"},
		{name: "bad sort", method: "GET", path: "/roles/search?sorts=color", status: 422, field: "sorts"},
		{name: "bad boolean", method: "GET", path: "/roles/search?built_in=maybe", status: 422},
		{name: "role groups of missing role", method: "GET", path: "/roles/999/groups", status: 404},
		{name: "set users not an array", method: "PUT", path: "/roles/" + role + "/users", body: inUse, status: 422},
		{name: "set users unknown user", method: "PUT", path: "/roles/" + role + "/users", body: []string{"999"}, status: 422, field: "user_ids"},
		{name: "set groups unknown group", method: "PUT", path: "/roles/" + role + "/groups", body: []string{"999"}, status: 422, field: "group_ids"},
		{name: "write-only ids are not echoed", method: "GET", path: "/roles/" + role, status: 200},
	})
	res := inst.Do(t, "GET", api+"/roles/"+role, tok, nil)
	if strings.Contains(string(res.Body), "permission_set_id") || strings.Contains(string(res.Body), "model_set_id") {
		t.Errorf("role echoes write-only ids: %s", res.Body)
	}
	// Removing every admin is refused: the instance would be locked.
	res = inst.Do(t, "PUT", api+"/roles/"+adminRole+"/users", tok, []string{})
	if res.Status != http.StatusForbidden {
		t.Errorf("emptying the Admin role: %d %s", res.Status, res.Body)
	}
	res = inst.Do(t, "DELETE", api+"/roles/"+role, tok, nil)
	if res.Status != http.StatusNoContent || len(res.Body) != 0 || res.Header.Get("Content-Type") != "" {
		t.Errorf("delete role: %d %q %q", res.Status, res.Body, res.Header.Get("Content-Type"))
	}
}

func TestRoleMembersAndUserCount(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	_, _, allMS := builtIns(t, inst, tok)
	ps := create(t, inst, tok, "/permission_sets", map[string]any{"name": "Seers", "permissions": []string{"see_users"}})
	role := create(t, inst, tok, "/roles", map[string]any{"name": "Seer", "permission_set_id": ps, "model_set_id": allMS})
	alice := inst.CreateUser(t, "Alice", "A")
	bob := inst.CreateUser(t, "Bob", "B")
	group := create(t, inst, tok, "/groups", map[string]any{"name": "Seeing"})
	if res := inst.Do(t, "POST", api+"/groups/"+group+"/users", tok, map[string]any{"user_id": bob.ID}); res.Status != 200 {
		t.Fatalf("add group user: %d %s", res.Status, res.Body)
	}

	// Bare JSON arrays, ids as strings or numbers, replace the membership.
	var users []idName
	res := inst.Do(t, "PUT", api+"/roles/"+role+"/users", tok, fmt.Sprintf(`["%d", %d]`, alice.ID, alice.ID))
	res.JSON(t, &users)
	if res.Status != 200 || len(users) != 1 || users[0].ID != fmt.Sprint(alice.ID) {
		t.Fatalf("set_role_users: %d %s", res.Status, res.Body)
	}
	var groups []idName
	res = inst.Do(t, "PUT", api+"/roles/"+role+"/groups", tok, []string{group})
	res.JSON(t, &groups)
	if res.Status != 200 || len(groups) != 1 || groups[0].ID != group {
		t.Fatalf("set_role_groups: %d %s", res.Status, res.Body)
	}

	getJSON(t, inst, tok, "/roles/"+role+"/users", &users)
	if len(users) != 2 {
		t.Errorf("role_users = %v, want alice and bob (through the group)", users)
	}
	getJSON(t, inst, tok, "/roles/"+role+"/users?direct_association_only=true", &users)
	if len(users) != 1 {
		t.Errorf("direct role_users = %v, want alice", users)
	}
	var counted []struct {
		Name      string `json:"name"`
		UserCount int64  `json:"user_count"`
	}
	getJSON(t, inst, tok, "/roles/search/with_user_count?name=Seer", &counted)
	if len(counted) != 1 || counted[0].UserCount != 2 {
		t.Errorf("with_user_count = %+v", counted)
	}
	getJSON(t, inst, tok, "/roles/"+role+"/groups", &groups)
	if len(groups) != 1 {
		t.Errorf("role_groups = %v", groups)
	}
	// Bob now holds see_users through the group: he may list roles.
	if res := inst.Do(t, "GET", api+"/roles", inst.TokenFor(t, bob.ID), nil); res.Status != 200 {
		t.Errorf("bob lists roles: %d", res.Status)
	}
}

func TestRoleMutationsNeedAdmin(t *testing.T) {
	inst := servertest.Start(t)
	tok := inst.AdminToken(t)
	_, _, allMS := builtIns(t, inst, tok)
	dev := inst.CreateUser(t, "Dev", "D", "Developer")
	devTok := inst.TokenFor(t, dev.ID)
	ps := create(t, inst, tok, "/permission_sets", map[string]any{"name": "P"})
	body := map[string]any{"name": "x", "permission_set_id": ps, "model_set_id": allMS}
	for _, c := range []struct{ method, path string }{
		{"POST", "/roles"}, {"PATCH", "/roles/1"}, {"DELETE", "/roles/2"}, {"PUT", "/roles/2/users"}, {"PUT", "/roles/2/groups"},
		{"POST", "/permission_sets"}, {"PATCH", "/permission_sets/" + ps}, {"DELETE", "/permission_sets/" + ps},
		{"POST", "/model_sets"}, {"PATCH", "/model_sets/" + allMS}, {"DELETE", "/model_sets/" + allMS},
		{"GET", "/roles"}, {"GET", "/permissions"},
	} {
		if res := inst.Do(t, c.method, api+c.path, devTok, body); res.Status != http.StatusForbidden {
			t.Errorf("%s %s as developer: %d", c.method, c.path, res.Status)
		}
	}
	var out []json.RawMessage
	getJSON(t, inst, tok, "/roles", &out)
	if len(out) != 4 {
		t.Errorf("roles changed by a developer: %d roles", len(out))
	}
}
