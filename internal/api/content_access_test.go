package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/server/servertest"
	_ "github.com/overlookbi/overlook/internal/warehouse/sqlite" // system__activity runs on the metadata store
)

// contentTags are the tags whose operations act on access-controlled
// content. Operations added to them later are picked up on the next run.
var contentTags = []string{"Folder", "Content", "Look", "Dashboard", "Board"}

// accessMarker is in the title or name of every fixture, so a leak is a
// response that contains it.
const accessMarker = "Zq4Secret"

// accessFloor is the least number of cases the test must run: the
// operations of the content tags × four callers, less those that name
// an object no fixture provides.
const accessFloor = 280

// accessCallers are the four callers, in the order they run.
var accessCallers = []string{"none", "view", "edit", "admin"}

// accessFixture is a closed folder holding content, built through the API.
type accessFixture struct {
	values map[string]string // path or query parameter → fixture value
	tokens map[string]string // caller → token
}

// TestContentObjectAccess runs every operation of the content tags, as
// served in the OpenAPI document, as four callers: one with no access to a
// closed folder, one who views it, one who edits it, and an admin. Path
// and required query parameters name the folder's content. It checks that
// nothing answers 5xx, that the caller without access gets 404 for every
// object and never sees a fixture in a list or search, that the viewer
// reads but never writes, and counts the cases.
func TestContentObjectAccess(t *testing.T) {
	inst := servertest.Start(t)
	fx := buildAccessFixture(t, inst)
	ops := contentOperations(spec(t))
	cases, skipped := 0, []string{}
	var deletes []accessOp
	for _, o := range ops {
		path, ok := fx.fill(o)
		if !ok {
			skipped = append(skipped, o.id())
			continue
		}
		if o.method == http.MethodDelete {
			deletes = append(deletes, accessOp{o, path})
			continue
		}
		status := map[string]int{}
		for _, who := range accessCallers {
			cases++
			status[who] = fx.call(t, inst, who, o, path)
		}
		checkAccessCase(t, o, path, status)
	}
	cases += runAccessDeletes(t, inst, fx, deletes)
	t.Logf("%d operations of %v: %d cases run, %d operations skipped (no fixture for a parameter): %v",
		len(ops), contentTags, cases, len(skipped), skipped)
	if cases < accessFloor {
		t.Fatalf("ran %d cases, want at least %d", cases, accessFloor)
	}
}

type accessOp struct {
	specOp
	path string
}

func (o specOp) id() string { return o.op["operationId"].(string) }

func contentOperations(doc map[string]any) []specOp {
	var out []specOp
	for _, o := range operations(doc) {
		if slices.Contains(contentTags, o.op["tags"].([]any)[0].(string)) {
			out = append(out, o)
		}
	}
	return out
}

var objectParam = regexp.MustCompile(`\{[a-z_]*id\}`)

// namesFixture reports whether a call names a fixture object: an id in
// the path, or a required query parameter filled from the fixture.
func namesFixture(o specOp) bool {
	return objectParam.MatchString(o.path) || len(requiredQuery(o)) > 0
}

func requiredQuery(o specOp) []string {
	var names []string
	params, _ := o.op["parameters"].([]any)
	for _, p := range params {
		m := p.(map[string]any)
		if m["in"] == "query" && m["required"] == true {
			names = append(names, m["name"].(string))
		}
	}
	return names
}

var accessParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// fill puts the fixture's values into the path and required query
// parameters; false when one has no value.
func (fx *accessFixture) fill(o specOp) (string, bool) {
	missing := false
	path := accessParam.ReplaceAllStringFunc(o.path, func(m string) string {
		v, ok := fx.values[m[1:len(m)-1]]
		missing = missing || !ok
		return url.PathEscape(v)
	})
	q := url.Values{}
	for _, name := range requiredQuery(o) {
		v, ok := fx.values[name]
		missing = missing || !ok
		q.Set(name, v)
	}
	if len(q) > 0 {
		path += "?" + q.Encode()
	}
	return path, !missing
}

func (fx *accessFixture) call(t *testing.T, inst *servertest.Instance, who string, o specOp, path string) int {
	t.Helper()
	var body any
	if o.method == http.MethodPost || o.method == http.MethodPut || o.method == http.MethodPatch {
		body = "{}"
	}
	res := inst.Do(t, o.method, "/api/4.0"+path, fx.tokens[who], body)
	if res.Status >= 500 {
		t.Errorf("%s %s as %s: %d %s", o.id(), path, who, res.Status, res.Body)
	}
	if who == "none" && strings.Contains(string(res.Body), accessMarker) {
		t.Errorf("LEAK: %s %s as the caller without access: %d %s", o.id(), path, res.Status, res.Body)
	}
	return res.Status
}

func ok2xx(status int) bool { return status >= 200 && status < 300 }

// checkAccessCase judges one operation's answers to the four callers.
func checkAccessCase(t *testing.T, o specOp, path string, status map[string]int) {
	t.Helper()
	if !namesFixture(o) {
		return // lists and searches: judged by the leak check
	}
	// An admin-only operation refuses everyone else with 403 whatever the
	// object: that tells nothing about it.
	adminOnly := o.op["x-overlook-permission"] == access.AdminOnly && status["none"] == http.StatusForbidden
	if !adminOnly && status["none"] != http.StatusNotFound && (ok2xx(status["admin"]) || status["none"] != status["admin"]) {
		t.Errorf("%s %s: %d for the caller without access, want 404 (admin: %d)", o.id(), path, status["none"], status["admin"])
	}
	read := o.method == http.MethodGet
	switch {
	case !read && ok2xx(status["view"]):
		t.Errorf("%s %s: the viewer changed content (%d)", o.id(), path, status["view"])
	case read && ok2xx(status["admin"]) && !ok2xx(status["view"]):
		t.Errorf("%s %s: the viewer cannot read (%d) what the admin reads", o.id(), path, status["view"])
	}
}

// deleteOrder deletes the parts of an object before the object, and the
// folder last.
var deleteOrder = []string{"dashboard_element", "dashboard_filter", "dashboard_layout", "board_item", "board_section",
	"content_metadata_access", "look", "dashboard", "board", "folder"}

func deleteRank(path string) int {
	for i, name := range deleteOrder {
		if strings.Contains(path, "/"+name+"s/") || strings.Contains(path, "/"+name+"/") {
			return i
		}
	}
	return -1
}

// runAccessDeletes runs the deleting operations as the caller without
// access and the viewer (refused), then as the editor, parts first. The
// admin's deletes are covered by the editor's: the fixture is gone.
func runAccessDeletes(t *testing.T, inst *servertest.Instance, fx *accessFixture, deletes []accessOp) int {
	cases := 0
	for _, d := range deletes {
		for _, who := range []string{"none", "view"} {
			cases++
			if status := fx.call(t, inst, who, d.specOp, d.path); (who == "none" && status != http.StatusNotFound) || ok2xx(status) {
				t.Errorf("%s %s as %s: %d", d.id(), d.path, who, status)
			}
		}
	}
	slices.SortStableFunc(deletes, func(a, b accessOp) int { return deleteRank(a.path) - deleteRank(b.path) })
	for _, d := range deletes {
		cases++
		fx.call(t, inst, "edit", d.specOp, d.path)
	}
	return cases
}

// buildAccessFixture makes, as the admin, a folder under Shared closed to
// everyone but a viewer and an editor, with what the content operations
// of this build can put in it.
func buildAccessFixture(t *testing.T, inst *servertest.Instance) *accessFixture {
	admin := inst.AdminToken(t)
	fx := &accessFixture{values: map[string]string{"result_format": "json", "type": "look", "terms": accessMarker,
		"format": "png"}, tokens: map[string]string{"admin": admin}}
	users := map[string]string{}
	for _, who := range []string{"none", "view", "edit"} {
		u := inst.CreateUser(t, "Access", who, access.UserRole)
		fx.tokens[who] = inst.TokenFor(t, u.ID)
		users[who] = fmt.Sprint(u.ID)
		// The fixture's query is on system__activity: every caller may run
		// it, so that only folder access tells them apart.
		if err := inst.Server.Store.SetUserRoles(context.Background(), u.ID, activityRoles(t, inst)); err != nil {
			t.Fatal(err)
		}
	}
	inst.Server.Auth.Invalidate()
	post := func(path string, body map[string]any) map[string]any {
		t.Helper()
		var out map[string]any
		res := inst.Do(t, http.MethodPost, "/api/4.0"+path, admin, body)
		if res.Status != http.StatusOK {
			t.Fatalf("fixture POST %s: %d %s", path, res.Status, res.Body)
		}
		res.JSON(t, &out)
		return out
	}
	var roots []map[string]any
	inst.Do(t, http.MethodGet, "/api/4.0/folders/search?is_shared_root=true", admin, nil).JSON(t, &roots)
	folder := post("/folders", map[string]any{"name": accessMarker + " folder", "parent_id": roots[0]["id"]})
	fx.values["folder_id"] = folder["id"].(string)
	closeToAll(t, inst, fx, admin, folder["content_metadata_id"].(string), users)
	fx.values["content_metadata_id"] = folder["content_metadata_id"].(string)
	fx.values["parent_id"] = folder["content_metadata_id"].(string)
	addContentFixtures(t, inst, fx, admin, post, users)
	return fx
}

// closeToAll closes a node and grants view and edit to the two callers.
func closeToAll(t *testing.T, inst *servertest.Instance, fx *accessFixture, admin, node string, users map[string]string) {
	t.Helper()
	res := inst.Do(t, http.MethodPatch, "/api/4.0/content_metadata/"+node, admin, map[string]any{"inherits": false})
	if res.Status != http.StatusOK {
		t.Fatalf("close node %s: %d %s", node, res.Status, res.Body)
	}
	for who, perm := range map[string]string{"view": "view", "edit": "edit"} {
		res := inst.Do(t, http.MethodPost, "/api/4.0/content_metadata_access", admin, map[string]any{
			"content_metadata_id": node, "user_id": users[who], "permission_type": perm})
		if res.Status != http.StatusOK {
			t.Fatalf("grant %s: %d %s", perm, res.Status, res.Body)
		}
		var g map[string]any
		res.JSON(t, &g)
		if who == "view" {
			fx.values["content_metadata_access_id"] = g["id"].(string)
		}
	}
}

// addContentFixtures adds a look, a dashboard with a tile, a filter and its
// layout, and a board with an item, each when this build serves the
// operations that make it.
func addContentFixtures(t *testing.T, inst *servertest.Instance, fx *accessFixture, admin string,
	post func(string, map[string]any) map[string]any, users map[string]string) {
	served := func(path string) bool {
		return inst.Do(t, http.MethodGet, "/api/4.0"+path, admin, nil).Status != http.StatusNotFound
	}
	folder := fx.values["folder_id"]
	if served("/looks") {
		q := post("/queries", map[string]any{"model": "system__activity", "view": "user", "fields": []string{"user.id"}})
		look := post("/looks", map[string]any{"title": accessMarker + " look", "query_id": q["id"], "folder_id": folder})
		fx.values["look_id"] = look["id"].(string)
		fx.values["resource_id"] = look["id"].(string)
	}
	if served("/dashboards") {
		d := post("/dashboards", map[string]any{"title": accessMarker + " dashboard", "folder_id": folder})
		id := d["id"].(string)
		fx.values["dashboard_id"] = id
		el := post("/dashboard_elements", map[string]any{"dashboard_id": id, "type": "text",
			"title_text": accessMarker + " tile", "body_text": "text"})
		fx.values["dashboard_element_id"] = el["id"].(string)
		f := post("/dashboard_filters", map[string]any{"dashboard_id": id, "name": "f", "title": accessMarker + " filter",
			"type": "field_filter", "model": "system__activity", "explore": "user", "dimension": "user.id"})
		fx.values["dashboard_filter_id"] = f["id"].(string)
		var layouts []map[string]any
		inst.Do(t, http.MethodGet, "/api/4.0/dashboards/"+id+"/dashboard_layouts", admin, nil).JSON(t, &layouts)
		if len(layouts) > 0 {
			fx.values["dashboard_layout_id"] = layouts[0]["id"].(string)
			var comps []map[string]any
			inst.Do(t, http.MethodGet, "/api/4.0/dashboard_layouts/"+fx.values["dashboard_layout_id"]+"/dashboard_layout_components",
				admin, nil).JSON(t, &comps)
			if len(comps) > 0 {
				fx.values["dashboard_layout_component_id"] = comps[0]["id"].(string)
			}
		}
	}
	if served("/boards") && fx.values["dashboard_id"] != "" {
		b := post("/boards", map[string]any{"title": accessMarker + " board"})
		fx.values["board_id"] = b["id"].(string)
		if node, ok := b["content_metadata_id"].(string); ok {
			closeToAll(t, inst, &accessFixture{values: map[string]string{}}, admin, node, users)
		}
		s := post("/board_sections", map[string]any{"board_id": b["id"], "title": accessMarker + " section"})
		fx.values["board_section_id"] = s["id"].(string)
		it := post("/board_items", map[string]any{"board_section_id": s["id"], "dashboard_id": fx.values["dashboard_id"]})
		fx.values["board_item_id"] = it["id"].(string)
	}
}

// activityRoles are the User role and a role that may see system__activity.
func activityRoles(t *testing.T, inst *servertest.Instance) []int64 {
	t.Helper()
	ctx := context.Background()
	st := inst.Server.Store
	user, err := st.RoleIDByName(ctx, access.UserRole)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := st.RoleIDByName(ctx, "Activity"); err == nil {
		return []int64{user, id}
	}
	ps := &overlook.PermissionSet{Name: "Activity", Permissions: []string{"access_data", "see_looks", "see_user_dashboards",
		"see_system_activity", "explore"}}
	ms := &overlook.ModelSet{Name: "Activity", Models: []string{"system__activity"}}
	if err := st.CreatePermissionSet(ctx, ps); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateModelSet(ctx, ms); err != nil {
		t.Fatal(err)
	}
	r := &overlook.Role{Name: "Activity", PermissionSetID: ps.ID, ModelSetID: ms.ID}
	if err := st.CreateRole(ctx, r); err != nil {
		t.Fatal(err)
	}
	return []int64{user, r.ID}
}
