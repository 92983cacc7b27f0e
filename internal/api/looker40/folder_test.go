package looker40_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

type folderJSON struct {
	ID                   string `json:"id"`
	Name                 string `json:"name"`
	ParentID             string `json:"parent_id"`
	ContentMetadataID    string `json:"content_metadata_id"`
	ChildCount           int    `json:"child_count"`
	IsPersonal           bool   `json:"is_personal"`
	IsPersonalDescendant bool   `json:"is_personal_descendant"`
	IsSharedRoot         bool   `json:"is_shared_root"`
	IsUsersRoot          bool   `json:"is_users_root"`
}

func sharedRoot(t *testing.T, inst *servertest.Instance, tok string) folderJSON {
	t.Helper()
	var roots []folderJSON
	getJSON(t, inst, tok, "/folders/search?is_shared_root=true", &roots)
	if len(roots) != 1 || !roots[0].IsSharedRoot {
		t.Fatalf("shared root search: %+v", roots)
	}
	return roots[0]
}

func TestFolderTree(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	shared := sharedRoot(t, inst, admin)
	team := create(t, inst, admin, "/folders", map[string]any{"name": "Team", "parent_id": shared.ID})
	sub := create(t, inst, admin, "/folders", map[string]any{"name": "Sub", "parent_id": team})
	u := inst.CreateUser(t, "Una", "User", "User")
	v := inst.CreateUser(t, "Vic", "Viewer", "Viewer")
	ut, vt := inst.TokenFor(t, u.ID), inst.TokenFor(t, v.ID)
	personal := fmt.Sprint(u.PersonalFolderID)
	var teamJSON folderJSON
	getJSON(t, inst, admin, "/folders/"+team, &teamJSON)

	runCalls(t, inst, ut, []call{
		{name: "user sees a shared folder", method: "GET", path: "/folders/" + team, status: 200, contains: `"name":"Team"`},
		{name: "but may not add to it", method: "POST", path: "/folders", body: map[string]any{"name": "X", "parent_id": team}, status: 404},
		{name: "nor rename it", method: "PATCH", path: "/folders/" + team, body: map[string]any{"name": "Y"}, status: 403},
		{name: "nor delete it", method: "DELETE", path: "/folders/" + team, status: 403},
		{name: "creates in the personal folder", method: "POST", path: "/folders", body: map[string]any{"name": "Mine", "parent_id": personal}, status: 200, contains: `"is_personal_descendant":true`},
		{name: "personal folder", method: "GET", path: "/folders/" + personal, status: 200, contains: `"is_personal":true`},
		{name: "personal folder cannot be renamed", method: "PATCH", path: "/folders/" + personal, body: map[string]any{"name": "Z"}, status: 422, field: "name"},
		{name: "personal folder cannot be deleted", method: "DELETE", path: "/folders/" + personal, status: 422, field: "folder_id"},
		{name: "no folder without a name", method: "POST", path: "/folders", body: map[string]any{"parent_id": personal}, status: 422, field: "name"},
		{name: "no folder without a parent", method: "POST", path: "/folders", body: map[string]any{"name": "N"}, status: 422, field: "parent_id"},
		{name: "names are unique among siblings", method: "POST", path: "/folders", body: map[string]any{"name": "mine", "parent_id": personal}, status: 409},
		{name: "children", method: "GET", path: "/folders/" + team + "/children", status: 200, contains: `"name":"Sub"`},
		{name: "children search", method: "GET", path: "/folders/" + team + "/children/search?name=s%25", status: 200, contains: `"name":"Sub"`},
		{name: "children search without match", method: "GET", path: "/folders/" + team + "/children/search?name=zz", status: 200, contains: `[]`},
		{name: "parent", method: "GET", path: "/folders/" + sub + "/parent", status: 200, contains: `"name":"Team"`},
		{name: "a root has no parent", method: "GET", path: "/folders/" + shared.ID + "/parent", status: 404},
		{name: "ancestors root first", method: "GET", path: "/folders/" + sub + "/ancestors", status: 200, contains: `[{"can"`},
		{name: "missing folder", method: "GET", path: "/folders/99999", status: 404},
		{name: "malformed id", method: "GET", path: "/folders/abc", status: 404},
	})
	runCalls(t, inst, vt, []call{
		{name: "someone else's personal folder is hidden", method: "GET", path: "/folders/" + personal, status: 404},
		{name: "and its children", method: "GET", path: "/folders/" + personal + "/children", status: 404},
	})

	// Closing Team hides it from the user until they get a grant.
	runCalls(t, inst, admin, []call{
		{name: "close", method: "PATCH", path: "/content_metadata/" + teamJSON.ContentMetadataID, body: map[string]any{"inherits": false}, status: 200, contains: `"inherits":false`},
		{name: "cannot move into itself", method: "PATCH", path: "/folders/" + team, body: map[string]any{"parent_id": sub}, status: 422, field: "parent_id"},
		{name: "roots stay", method: "PATCH", path: "/folders/" + shared.ID, body: map[string]any{"parent_id": team}, status: 422, field: "parent_id"},
		{name: "roots cannot be deleted", method: "DELETE", path: "/folders/" + shared.ID, status: 422},
	})
	runCalls(t, inst, ut, []call{
		{name: "closed folder is hidden", method: "GET", path: "/folders/" + team, status: 404},
		{name: "so is what is below it", method: "GET", path: "/folders/" + sub, status: 404},
		{name: "and its node", method: "GET", path: "/content_metadata/" + teamJSON.ContentMetadataID, status: 404},
		{name: "search leaves it out", method: "GET", path: "/folders/search?name=Team", status: 200, contains: `[]`},
	})
	grant := create(t, inst, admin, "/content_metadata_access", map[string]any{
		"content_metadata_id": teamJSON.ContentMetadataID, "user_id": fmt.Sprint(u.ID), "permission_type": "view"})
	runCalls(t, inst, ut, []call{
		{name: "a view grant shows it", method: "GET", path: "/folders/" + sub, status: 200},
		{name: "a viewer cannot change grants", method: "PUT", path: "/content_metadata_access/" + grant, body: map[string]any{"permission_type": "edit"}, status: 404},
		{name: "nor open the folder", method: "PATCH", path: "/content_metadata/" + teamJSON.ContentMetadataID, body: map[string]any{"inherits": true}, status: 404},
		{name: "grants are listed", method: "GET", path: "/content_metadata_access?content_metadata_id=" + teamJSON.ContentMetadataID, status: 200, contains: `"permission_type":"view"`},
	})
	runCalls(t, inst, admin, []call{
		{name: "raise to edit", method: "PUT", path: "/content_metadata_access/" + grant, body: map[string]any{"permission_type": "edit"}, status: 200, contains: `"edit"`},
		{name: "bad permission type", method: "PUT", path: "/content_metadata_access/" + grant, body: map[string]any{"permission_type": "own"}, status: 422, field: "permission_type"},
		{name: "duplicate grant", method: "POST", path: "/content_metadata_access", body: map[string]any{"content_metadata_id": teamJSON.ContentMetadataID, "user_id": fmt.Sprint(u.ID), "permission_type": "view"}, status: 409},
		{name: "grant to nobody", method: "POST", path: "/content_metadata_access", body: map[string]any{"content_metadata_id": teamJSON.ContentMetadataID, "permission_type": "view"}, status: 422, field: "user_id"},
		{name: "grant to an unknown user", method: "POST", path: "/content_metadata_access", body: map[string]any{"content_metadata_id": teamJSON.ContentMetadataID, "user_id": "99999", "permission_type": "view"}, status: 422, field: "user_id"},
		{name: "grant on an unknown node", method: "POST", path: "/content_metadata_access", body: map[string]any{"content_metadata_id": "99999", "user_id": fmt.Sprint(u.ID), "permission_type": "view"}, status: 404},
		{name: "children nodes", method: "GET", path: "/content_metadata?parent_id=" + teamJSON.ContentMetadataID, status: 200, contains: `"content_type":"space"`},
	})
	runCalls(t, inst, ut, []call{
		{name: "an editor renames", method: "PATCH", path: "/folders/" + sub, body: map[string]any{"name": "Sub 2"}, status: 200, contains: `"Sub 2"`},
		{name: "and moves to a folder they edit", method: "PATCH", path: "/folders/" + sub, body: map[string]any{"parent_id": personal}, status: 200, contains: `"is_personal_descendant":true`},
		{name: "but not to one they only view", method: "PATCH", path: "/folders/" + sub, body: map[string]any{"parent_id": shared.ID}, status: 403},
		{name: "deletes", method: "DELETE", path: "/folders/" + sub, status: 204},
		{name: "deleted", method: "GET", path: "/folders/" + sub, status: 404},
		{name: "revoking needs edit: they have it", method: "DELETE", path: "/content_metadata_access/" + grant, status: 204},
		{name: "gone again", method: "GET", path: "/folders/" + team, status: 404},
	})
}

func TestFolderSearchPaging(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	shared := sharedRoot(t, inst, admin)
	parent := create(t, inst, admin, "/folders", map[string]any{"name": "Pages", "parent_id": shared.ID})
	for i := range 5 {
		create(t, inst, admin, "/folders", map[string]any{"name": fmt.Sprint("Paged ", i), "parent_id": parent})
	}
	res := inst.Do(t, http.MethodGet, api+"/folders/search?name=paged%25&limit=2&offset=2&sorts=name+desc", admin, nil)
	var got []folderJSON
	res.JSON(t, &got)
	if res.Status != 200 || len(got) != 2 || got[0].Name != "Paged 2" || res.Header.Get("X-Total-Count") != "5" {
		t.Fatalf("page: %d %+v total %q", res.Status, got, res.Header.Get("X-Total-Count"))
	}
	if link := res.Header.Get("Link"); link == "" {
		t.Fatal("no Link header")
	}
	res = inst.Do(t, http.MethodGet, api+"/folders/"+parent+"/children?per_page=2&page=3", admin, nil)
	res.JSON(t, &got)
	if len(got) != 1 || res.Header.Get("X-Total-Count") != "5" {
		t.Fatalf("children page 3: %+v %q", got, res.Header.Get("X-Total-Count"))
	}
	runCalls(t, inst, admin, []call{
		{name: "bad sort", method: "GET", path: "/folders/search?sorts=secret", status: 422, field: "sorts"},
		{name: "bad id", method: "GET", path: "/folders/search?id=x", status: 422, field: "id"},
		{name: "all folders", method: "GET", path: "/folders", status: 200, contains: `"is_users_root":true`},
		{name: "users root", method: "GET", path: "/folders/search?is_users_root=true", status: 200, contains: `"name":"Users"`},
	})
}
