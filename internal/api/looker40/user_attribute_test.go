package looker40_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// startWithAttributes starts a node with the system attributes seeded.
func startWithAttributes(t *testing.T) *servertest.Instance {
	inst := servertest.Start(t)
	if err := access.SeedSystemAttributes(context.Background(), inst.Server.Store); err != nil {
		t.Fatal(err)
	}
	// A second run changes nothing.
	if err := access.SeedSystemAttributes(context.Background(), inst.Server.Store); err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestUserAttributes(t *testing.T) {
	inst := startWithAttributes(t)
	tok := inst.AdminToken(t)
	bar := create(t, inst, tok, "/user_attributes", map[string]any{"name": "bar", "label": "bar", "type": "string"})
	g := create(t, inst, tok, "/groups", map[string]any{"name": "foo"})
	var attrs []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		IsSystem bool   `json:"is_system"`
	}
	getJSON(t, inst, tok, "/user_attributes", &attrs)
	emailID := ""
	for _, a := range attrs {
		if a.Name == "email" && a.IsSystem {
			emailID = a.ID
		}
	}
	if len(attrs) != 7 || emailID == "" {
		t.Fatalf("attributes = %+v, want 6 system ones and bar", attrs)
	}
	hidden := map[string]any{"name": "secret", "label": "Secret", "type": "string", "value_is_hidden": true}
	runCalls(t, inst, tok, []call{
		{name: "read", method: "GET", path: "/user_attributes/" + bar, status: 200, contains: `"user_can_view":true`},
		{name: "group value (Go SDK)", method: "PATCH", path: "/groups/" + g + "/attribute_values/" + bar,
			body: map[string]any{"group_id": g, "user_attribute_id": bar, "value": "baz"}, status: 200, contains: `"value":"baz"`},
		{name: "group value list", method: "GET", path: "/user_attributes/" + bar + "/group_values", status: 200, contains: `"rank":1`},
		{name: "delete group value", method: "DELETE", path: "/groups/" + g + "/attribute_values/" + bar, status: 204},
		{name: "group value of missing group", method: "PATCH", path: "/groups/999/attribute_values/" + bar, body: map[string]any{"value": "x"}, status: 404},
		{name: "group value without value", method: "PATCH", path: "/groups/" + g + "/attribute_values/" + bar, body: map[string]any{}, status: 422, field: "value"},
		{name: "git_username (TS SDK)", method: "POST", path: "/user_attributes", body: map[string]any{"name": "git_username",
			"label": "Git Username", "type": "string", "value_is_hidden": false, "user_can_edit": true, "user_can_view": true,
			"hidden_value_domain_whitelist": ""}, status: 200},
		{name: "hidden without domains", method: "POST", path: "/user_attributes", body: hidden, status: 422, field: "hidden_value_domain_whitelist",
			contains: "hidden_value_domain_whitelist must be a comma-separated list of urls with optional wildcards"},
		{name: "duplicate name", method: "POST", path: "/user_attributes", body: map[string]any{"name": "bar", "label": "Other", "type": "string"}, status: 422, field: "name"},
		{name: "duplicate label", method: "POST", path: "/user_attributes", body: map[string]any{"name": "other", "label": "BAR", "type": "string"}, status: 422, field: "label"},
		{name: "bad type", method: "POST", path: "/user_attributes", body: map[string]any{"name": "x", "label": "x", "type": "colour"}, status: 422, field: "type"},
		{name: "bad name", method: "POST", path: "/user_attributes", body: map[string]any{"name": "Bad Name", "label": "x", "type": "string"}, status: 422, field: "name"},
		{name: "no label", method: "POST", path: "/user_attributes", body: map[string]any{"name": "x", "type": "string"}, status: 422, field: "label"},
		{name: "bad number default", method: "POST", path: "/user_attributes", body: map[string]any{"name": "n", "label": "n", "type": "number", "default_value": "ten"}, status: 422, field: "default_value"},
		{name: "edit without view", method: "PATCH", path: "/user_attributes/" + bar, body: map[string]any{"user_can_view": false, "user_can_edit": true}, status: 422, field: "user_can_edit"},
		{name: "update", method: "PATCH", path: "/user_attributes/" + bar, body: map[string]any{"label": "Bar", "default_value": "d"}, status: 200, contains: `"default_value":"d"`},
		{name: "system attribute is read-only", method: "PATCH", path: "/user_attributes/" + emailID, body: map[string]any{"label": "x"}, status: 405},
		{name: "system attribute stays", method: "DELETE", path: "/user_attributes/" + emailID, status: 405},
		{name: "missing attribute", method: "GET", path: "/user_attributes/999", status: 404},
		{name: "sorted", method: "GET", path: "/user_attributes?sorts=id%20desc", status: 200},
		{name: "bad sort", method: "GET", path: "/user_attributes?sorts=colour", status: 422, field: "sorts"},
		{name: "delete", method: "DELETE", path: "/user_attributes/" + bar, status: 204},
		{name: "deleted", method: "GET", path: "/user_attributes/" + bar, status: 404},
	})
}

type attrValue struct {
	Name   string  `json:"name"`
	Value  *string `json:"value"`
	Source *string `json:"source"`
	Rank   *int64  `json:"rank"`
}

func userValues(t *testing.T, inst *servertest.Instance, tok string, uid int64, query string) map[string][]attrValue {
	var rows []attrValue
	getJSON(t, inst, tok, fmt.Sprintf("/users/%d/attribute_values%s", uid, query), &rows)
	out := map[string][]attrValue{}
	for _, r := range rows {
		out[r.Name] = append(out[r.Name], r)
	}
	return out
}

func valueOf(rows []attrValue) string {
	if len(rows) == 0 || rows[0].Value == nil {
		return "<none>"
	}
	return *rows[0].Value + "/" + *rows[0].Source
}

// TestAttributePrecedence: the user's own value wins, then the best-ranked
// group (groups within groups count), then the default.
func TestAttributePrecedence(t *testing.T) {
	inst := startWithAttributes(t)
	tok := inst.AdminToken(t)
	region := create(t, inst, tok, "/user_attributes", map[string]any{"name": "region", "label": "Region", "type": "string", "default_value": "world"})
	parent := create(t, inst, tok, "/groups", map[string]any{"name": "europe"})
	child := create(t, inst, tok, "/groups", map[string]any{"name": "france"})
	other := create(t, inst, tok, "/groups", map[string]any{"name": "sales"})
	u := inst.CreateUser(t, "Marie", "Curie")
	path := fmt.Sprintf("/users/%d/attribute_values/%s", u.ID, region)
	must := func(method, p string, body any) {
		if res := inst.Do(t, method, api+p, tok, body); res.Status/100 != 2 {
			t.Fatalf("%s %s: %d %s", method, p, res.Status, res.Body)
		}
	}
	must("POST", "/groups/"+parent+"/groups", map[string]any{"group_id": child})
	must("POST", "/groups/"+child+"/users", map[string]any{"user_id": u.ID})
	must("POST", "/groups/"+other+"/users", map[string]any{"user_id": u.ID})

	check := func(step, want string) {
		t.Helper()
		if got := valueOf(userValues(t, inst, tok, u.ID, "")["region"]); got != want {
			t.Errorf("%s: region = %s, want %s", step, got, want)
		}
	}
	check("default", "world/default")
	// Array order ranks the groups: first wins. europe reaches Marie
	// through france.
	must("POST", "/user_attributes/"+region+"/group_values", []map[string]any{
		{"group_id": parent, "value": "eu"}, {"group_id": other, "value": "sales"}})
	check("nested group ranked first", "eu/group")
	must("POST", "/user_attributes/"+region+"/group_values", []map[string]any{
		{"group_id": parent, "value": "eu", "rank": 5}, {"group_id": other, "value": "sales", "rank": 2}})
	check("explicit ranks", "sales/group")
	must("PATCH", path, map[string]any{"value": "paris"})
	check("own value", "paris/user")
	all := userValues(t, inst, tok, u.ID, "?all_values=true")["region"]
	if len(all) != 4 || valueOf(all[1:]) != "sales/group" || *all[1].Rank != 2 || valueOf(all[3:]) != "world/default" {
		t.Errorf("all_values = %+v", all)
	}
	must("DELETE", path, nil)
	check("own value removed", "sales/group")

	sys := userValues(t, inst, tok, u.ID, "")
	if valueOf(sys["name"]) != "Marie Curie/user" || valueOf(sys["id"]) != fmt.Sprintf("%d/user", u.ID) {
		t.Errorf("system values: %+v", sys)
	}
	resolved, err := inst.Server.Store.ResolvedUserAttributes(context.Background(), u.ID)
	if err != nil || resolved["region"] != "sales" || resolved["first_name"] != "Marie" {
		t.Errorf("ResolvedUserAttributes = %v, %v", resolved, err)
	}
}

func TestUserAttributeValues(t *testing.T) {
	inst := startWithAttributes(t)
	tok := inst.AdminToken(t)
	editable := create(t, inst, tok, "/user_attributes", map[string]any{"name": "nickname", "label": "Nickname", "type": "string", "user_can_edit": true})
	locked := create(t, inst, tok, "/user_attributes", map[string]any{"name": "quota", "label": "Quota", "type": "number"})
	secret := create(t, inst, tok, "/user_attributes", map[string]any{"name": "secret", "label": "Secret", "type": "string",
		"value_is_hidden": true, "hidden_value_domain_whitelist": "https://*.example.com/*"})
	u := inst.CreateUser(t, "Sam", "S")
	other := inst.CreateUser(t, "Tom", "T")
	uTok := inst.TokenFor(t, u.ID)
	base := fmt.Sprintf("/users/%d/attribute_values/", u.ID)
	runCalls(t, inst, tok, []call{
		{name: "admin sets a number", method: "PATCH", path: base + locked, body: map[string]any{"value": "12"}, status: 200, contains: `"source":"user"`},
		{name: "not a number", method: "PATCH", path: base + locked, body: map[string]any{"value": "many"}, status: 422, field: "value"},
		{name: "admin sets a hidden value", method: "PATCH", path: base + secret, body: map[string]any{"value": "s3"}, status: 200, contains: `"value":"s3"`},
		{name: "system value", method: "PATCH", path: base + "1", body: map[string]any{"value": "x"}, status: 422, field: "user_attribute_id"},
		{name: "missing attribute", method: "PATCH", path: base + "999", body: map[string]any{"value": "x"}, status: 404},
		{name: "missing user", method: "PATCH", path: "/users/999/attribute_values/" + locked, body: map[string]any{"value": "1"}, status: 404},
		{name: "without value", method: "PATCH", path: base + locked, body: map[string]any{}, status: 422, field: "value"},
		{name: "only some attributes", method: "GET", path: fmt.Sprintf("/users/%d/attribute_values?user_attribute_ids=%s", u.ID, locked), status: 200, contains: `"quota"`},
		{name: "unset included", method: "GET", path: fmt.Sprintf("/users/%d/attribute_values?include_unset=true&user_attribute_ids=[%q]", u.ID, editable), status: 200, contains: `"value":null`},
	})
	runCalls(t, inst, uTok, []call{
		{name: "user sets an editable value", method: "PATCH", path: base + editable, body: map[string]any{"value": "sammy"}, status: 200, contains: `"sammy"`},
		{name: "user can't set a locked value", method: "PATCH", path: base + locked, body: map[string]any{"value": "99"}, status: 403},
		{name: "user can't delete a locked value", method: "DELETE", path: base + locked, status: 403},
		{name: "user can't touch others", method: "PATCH", path: fmt.Sprintf("/users/%d/attribute_values/%s", other.ID, editable), body: map[string]any{"value": "x"}, status: 403},
		{name: "user can't read others", method: "GET", path: fmt.Sprintf("/users/%d/attribute_values", other.ID), status: 403},
		{name: "user reads own values", method: "GET", path: fmt.Sprintf("/users/%d/attribute_values?user_attribute_ids=%s", u.ID, secret), status: 200, contains: `"value":null`},
		{name: "user deletes own editable value", method: "DELETE", path: base + editable, status: 204},
		{name: "user can't create attributes", method: "POST", path: "/user_attributes", body: map[string]any{"name": "x", "label": "x", "type": "string"}, status: 403},
		{name: "user can't set group values", method: "POST", path: "/user_attributes/" + locked + "/group_values", body: []any{}, status: 403},
		{name: "user can't delete attributes", method: "DELETE", path: "/user_attributes/" + locked, status: 403},
	})
}

func TestSetGroupValues(t *testing.T) {
	inst := startWithAttributes(t)
	tok := inst.AdminToken(t)
	a := create(t, inst, tok, "/user_attributes", map[string]any{"name": "tier", "label": "Tier", "type": "number"})
	g1 := create(t, inst, tok, "/groups", map[string]any{"name": "g1"})
	g2 := create(t, inst, tok, "/groups", map[string]any{"name": "g2"})
	p := "/user_attributes/" + a + "/group_values"
	runCalls(t, inst, tok, []call{
		{name: "ordered", method: "POST", path: p, body: []map[string]any{{"group_id": g2, "value": "2"}, {"group_id": g1, "value": "1"}}, status: 200,
			contains: `"group_id":"` + g2 + `","id":`},
		{name: "duplicate group", method: "POST", path: p, body: []map[string]any{{"group_id": g1, "value": "1"}, {"group_id": g1, "value": "2"}}, status: 422, field: "group_id"},
		{name: "unknown group", method: "POST", path: p, body: []map[string]any{{"group_id": "999", "value": "1"}}, status: 422, field: "group_id"},
		{name: "no group id", method: "POST", path: p, body: []map[string]any{{"value": "1"}}, status: 422, field: "group_id"},
		{name: "bad value", method: "POST", path: p, body: []map[string]any{{"group_id": g1, "value": "x"}}, status: 422, field: "value"},
		{name: "not an array", method: "POST", path: p, body: `null`, status: 422},
		{name: "missing attribute", method: "POST", path: "/user_attributes/999/group_values", body: []any{}, status: 404},
		{name: "unchanged after refusals", method: "GET", path: p, status: 200, contains: `"value":"2"`},
		{name: "cleared", method: "POST", path: p, body: []any{}, status: 200, contains: `[]`},
	})
	res := inst.Do(t, http.MethodGet, api+p, tok, nil)
	if strings.TrimSpace(string(res.Body)) != "[]" {
		t.Errorf("after clearing: %s", res.Body)
	}
}
