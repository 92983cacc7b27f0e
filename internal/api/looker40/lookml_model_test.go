package looker40_test

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// restrictedToken logs in a user whose only role reaches the model "other",
// with every metadata permission, so only the model set keeps thelook away.
func restrictedToken(t *testing.T, inst *servertest.Instance, admin string) string {
	ps := create(t, inst, admin, "/permission_sets", map[string]any{"name": "Meta",
		"permissions": []string{"access_data", "see_looks", "see_lookml", "see_datagroups"}})
	ms := create(t, inst, admin, "/model_sets", map[string]any{"name": "Elsewhere", "models": []string{"other"}})
	create(t, inst, admin, "/roles", map[string]any{"name": "Elsewhere", "permission_set_id": ps, "model_set_id": ms})
	u := inst.CreateUser(t, "Rita", "Restricted", "Elsewhere")
	return inst.TokenFor(t, u.ID)
}

func modelNames(t *testing.T, inst *servertest.Instance, token, path string) []string {
	var models []struct {
		Name string `json:"name"`
	}
	getJSON(t, inst, token, path, &models)
	var names []string
	for _, m := range models {
		names = append(names, m.Name)
	}
	return names
}

func TestLookmlModelsList(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	if got := modelNames(t, inst, admin, "/lookml_models"); !slices.Equal(got, []string{"thelook"}) {
		t.Errorf("models %v, want thelook only", got)
	}
	if got := modelNames(t, inst, admin, "/lookml_models?include_internal=true"); !slices.Equal(got, []string{"system__activity", "thelook"}) {
		t.Errorf("with internal: %v", got)
	}
	if got := modelNames(t, inst, admin, "/lookml_models?include_internal=true&limit=1&offset=1"); !slices.Equal(got, []string{"thelook"}) {
		t.Errorf("paged: %v", got)
	}
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	if got := modelNames(t, inst, viewer, "/lookml_models?include_internal=true"); !slices.Equal(got, []string{"thelook"}) {
		t.Errorf("a viewer without see_system_activity sees %v", got)
	}
	if got := modelNames(t, inst, restrictedToken(t, inst, admin), "/lookml_models"); len(got) != 0 {
		t.Errorf("a user whose model set lacks thelook sees %v", got)
	}
}

func TestLookmlModelReadsAndAccess(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	restricted := restrictedToken(t, inst, admin)
	runCalls(t, inst, admin, []call{
		{name: "model", method: "GET", path: "/lookml_models/thelook", status: 200, contains: `"name":"products"`},
		{name: "model project", method: "GET", path: "/lookml_models/thelook", status: 200, contains: `"project_name":"thelook"`},
		{name: "unknown model", method: "GET", path: "/lookml_models/nope", status: 404},
		{name: "explore", method: "GET", path: "/lookml_models/thelook/explores/products", status: 200, contains: `"name":"products.brand"`},
		{name: "unknown explore", method: "GET", path: "/lookml_models/thelook/explores/nope", status: 404},
		{name: "system activity explore", method: "GET", path: "/lookml_models/system__activity/explores/dashboard", status: 200,
			contains: `"label":"Dashboard ID"`},
		{name: "get_model", method: "GET", path: "/models/thelook", status: 200, contains: `"connection":"thelook"`},
		{name: "get_model unknown", method: "GET", path: "/models/nope", status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "viewer explore", method: "GET", path: "/lookml_models/thelook/explores/users", status: 200, contains: `"sql":null`},
		{name: "viewer system activity", method: "GET", path: "/lookml_models/system__activity", status: 404},
		{name: "viewer get_model system activity", method: "GET", path: "/models/system__activity", status: 404},
		{name: "viewer cannot create", method: "POST", path: "/lookml_models", body: map[string]any{"name": "x", "project_name": "thelook"}, status: 403},
	})
	runCalls(t, inst, restricted, []call{
		{name: "restricted model", method: "GET", path: "/lookml_models/thelook", status: 404},
		{name: "restricted explore", method: "GET", path: "/lookml_models/thelook/explores/users", status: 404},
		{name: "restricted get_model", method: "GET", path: "/models/thelook", status: 404},
		{name: "restricted datagroup", method: "GET", path: "/datagroups/thelook::thelook_default_datagroup", status: 404},
		{name: "restricted project", method: "GET", path: "/projects/thelook", status: 404},
	})
}

func TestLookmlModelWrites(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	sales := map[string]any{"name": "sales", "project_name": "thelook", "allowed_db_connection_names": []string{"thelook"}}
	runCalls(t, inst, admin, []call{
		{name: "create", method: "POST", path: "/lookml_models", body: sales, status: 200, contains: `"allowed_db_connection_names":["thelook"]`},
		{name: "create twice", method: "POST", path: "/lookml_models", body: sales, status: 422, field: "name"},
		{name: "create served name", method: "POST", path: "/lookml_models", body: map[string]any{"name": "thelook", "project_name": "p"}, status: 422, field: "name"},
		{name: "bad name", method: "POST", path: "/lookml_models", body: map[string]any{"name": "Bad Name", "project_name": "p"}, status: 422, field: "name"},
		{name: "no name", method: "POST", path: "/lookml_models", body: map[string]any{"project_name": "p"}, status: 422, field: "name"},
		{name: "no project", method: "POST", path: "/lookml_models", body: map[string]any{"name": "x"}, status: 422, field: "project_name"},
		{name: "listed", method: "GET", path: "/lookml_models", status: 200, contains: `"name":"sales"`},
		{name: "update", method: "PATCH", path: "/lookml_models/sales", body: map[string]any{"unlimited_db_connections": true}, status: 200,
			contains: `"unlimited_db_connections":true`},
		{name: "rename", method: "PATCH", path: "/lookml_models/sales", body: map[string]any{"name": "sales2"}, status: 200, contains: `"name":"sales2"`},
		{name: "configure a served model", method: "PATCH", path: "/lookml_models/thelook",
			body: map[string]any{"allowed_db_connection_names": []string{"thelook", "other"}}, status: 200, contains: `["other","thelook"]`},
		{name: "rename a served model", method: "PATCH", path: "/lookml_models/thelook", body: map[string]any{"name": "x"}, status: 422, field: "name"},
		{name: "delete a served model", method: "DELETE", path: "/lookml_models/thelook", status: 422, field: "lookml_model_name"},
		{name: "delete", method: "DELETE", path: "/lookml_models/sales2", status: 204},
		{name: "delete again", method: "DELETE", path: "/lookml_models/sales2", status: 404},
		{name: "update missing", method: "PATCH", path: "/lookml_models/sales2", body: map[string]any{}, status: 404},
	})
}

// The SDK tests read these users fields; every key must be a property of
// Looker's schemas.
func TestLookmlModelExploreUsers(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	res := inst.Do(t, http.MethodGet, api+"/lookml_models/thelook/explores/users", admin, nil)
	if res.Status != 200 {
		t.Fatalf("%d %s", res.Status, res.Body)
	}
	var explore struct {
		ConnectionName string `json:"connection_name"`
		SQLTableName   string `json:"sql_table_name"`
		Fields         struct {
			Dimensions []map[string]any `json:"dimensions"`
			Measures   []map[string]any `json:"measures"`
		} `json:"fields"`
		Joins []map[string]any `json:"joins"`
	}
	res.JSON(t, &explore)
	if explore.ConnectionName != "thelook" || !strings.Contains(explore.SQLTableName, "users") || len(explore.Joins) != 2 {
		t.Errorf("explore: connection %q table %q joins %d", explore.ConnectionName, explore.SQLTableName, len(explore.Joins))
	}
	byName := map[string]map[string]any{}
	for _, f := range explore.Fields.Dimensions {
		byName[f["name"].(string)] = f
	}
	for _, name := range []string{"users.id", "users.age", "users.city", "users.email", "users.first_name",
		"users.last_name", "users.zip", "users.state", "users.country"} {
		f := byName[name]
		if f == nil {
			t.Errorf("%s missing", name)
			continue
		}
		for _, key := range []string{"name", "type", "sql", "label", "label_short", "view", "view_label", "category", "primary_key", "hidden", "description", "is_timeframe"} {
			if _, ok := f[key]; !ok {
				t.Errorf("%s lacks %s", name, key)
			}
		}
		if f["category"] != "dimension" || f["view"] != "users" || f["sql"] == nil {
			t.Errorf("%s: %v", name, f)
		}
	}
	if byName["users.id"]["primary_key"] != true || byName["users.id"]["label"] != "Users ID" {
		t.Errorf("users.id: %v", byName["users.id"])
	}
	if f := byName["users.created_date"]; f == nil || f["is_timeframe"] != true || f["dimension_group"] != "users.created" {
		t.Errorf("users.created_date: %v", f)
	}
	checkSchemaKeys(t, res.Body)
}

// checkSchemaKeys checks every key of the explore, of its fields and of its
// joins against Looker's OpenAPI document, when it is beside the repo.
func checkSchemaKeys(t *testing.T, body []byte) {
	raw, err := os.ReadFile("../../../../shared/reference/looker-4.0.oas.json")
	if err != nil {
		t.Skip("looker-4.0.oas.json not found:", err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	check := func(schema string, obj map[string]any) {
		props := doc.Components.Schemas[schema].Properties
		for k := range obj {
			if _, ok := props[k]; !ok {
				t.Errorf("%s has no property %s", schema, k)
			}
		}
	}
	var explore map[string]any
	_ = json.Unmarshal(body, &explore)
	check("LookmlModelExplore", explore)
	fields := explore["fields"].(map[string]any)
	check("LookmlModelExploreFieldset", fields)
	for _, kind := range []string{"dimensions", "measures", "filters", "parameters"} {
		list, _ := fields[kind].([]any)
		for _, f := range list {
			check("LookmlModelExploreField", f.(map[string]any))
		}
	}
	for _, j := range explore["joins"].([]any) {
		check("LookmlModelExploreJoins", j.(map[string]any))
	}
}

func TestLookmlModelExploreFieldsParam(t *testing.T) {
	inst := servertest.Start(t)
	res := inst.Do(t, http.MethodGet, api+"/lookml_models/thelook/explores/users?fields=name,fields(dimensions(name))", inst.AdminToken(t), nil)
	var got map[string]any
	res.JSON(t, &got)
	if len(got) != 2 || got["name"] != "users" {
		t.Fatalf("projection: %s", res.Body)
	}
	dims := got["fields"].(map[string]any)["dimensions"].([]any)
	if len(dims) == 0 || len(dims[0].(map[string]any)) != 1 {
		t.Errorf("dimensions not projected: %v", dims[0])
	}
}
