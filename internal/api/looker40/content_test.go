package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestSearchContent(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	shared := sharedRoot(t, inst, admin)
	create(t, inst, admin, "/folders", map[string]any{"name": "Findme Open", "parent_id": shared.ID})
	closed := create(t, inst, admin, "/folders", map[string]any{"name": "Findme Closed", "parent_id": shared.ID})
	var f folderJSON
	getJSON(t, inst, admin, "/folders/"+closed, &f)
	runCalls(t, inst, admin, []call{
		{name: "close", method: "PATCH", path: "/content_metadata/" + f.ContentMetadataID, body: map[string]any{"inherits": false}, status: 200},
		{name: "admin finds both", method: "GET", path: "/content/findme?types=folder", status: 200, contains: `"title":"Findme Closed"`},
		{name: "unknown type", method: "GET", path: "/content/findme?types=spaceship", status: 422, field: "types"},
	})
	u := inst.CreateUser(t, "Sam", "Searcher", "User")
	ut := inst.TokenFor(t, u.ID)
	var hits []struct {
		Title string `json:"title"`
		Type  string `json:"type"`
	}
	getJSON(t, inst, ut, "/content/findme", &hits)
	if len(hits) != 1 || hits[0].Title != "Findme Open" || hits[0].Type != "folder" {
		t.Fatalf("user's hits %+v, want only the open folder", hits)
	}
	res := inst.Do(t, "GET", api+"/content/find%25?limit=1", admin, nil)
	if res.Status != 200 || res.Header.Get("X-Total-Count") != "2" {
		t.Fatalf("paged search: %d total %q", res.Status, res.Header.Get("X-Total-Count"))
	}
}
