package looker40_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/store"
)

// want sends a request and fails unless it answers status; it returns the
// answer, decoded into v when v is not nil.
func want(t *testing.T, inst *servertest.Instance, method, path, token string, body any, status int, v any) *servertest.Response {
	t.Helper()
	res := inst.Do(t, method, api+path, token, body)
	if res.Status != status {
		t.Fatalf("%s %s: %d %s, want %d", method, path, res.Status, res.Body, status)
	}
	if v != nil {
		res.JSON(t, v)
	}
	return res
}

type wireItem struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	FolderID    string          `json:"folder_id"`
	QueryID     string          `json:"query_id"`
	Deleted     *bool           `json:"deleted"`
	DeletedAt   *string         `json:"deleted_at"`
	IsRunOnLoad *bool           `json:"is_run_on_load"`
	CreatedAt   string          `json:"created_at"`
	Query       *wireQuery      `json:"query"`
	Folder      *idName         `json:"folder"`
	Can         map[string]bool `json:"can"`
}

// contentUsers are the principals of the content tests: the admin and a
// user with the Viewer role and a personal folder of their own.
type contentUsers struct {
	admin, viewer              string
	adminFolder, sharedFolder  string
	adminFolderID, sharedRoots int64
}

func newContentUsers(t *testing.T, inst *servertest.Instance) contentUsers {
	t.Helper()
	var u contentUsers
	u.admin = inst.AdminToken(t)
	u.viewer = inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	var me struct {
		PersonalFolderID string `json:"personal_folder_id"`
	}
	getJSON(t, inst, u.admin, "/user", &me)
	u.adminFolder = me.PersonalFolderID
	shared, err := inst.Server.Store.RootFolderID(context.Background(), store.RootShared)
	if err != nil {
		t.Fatal(err)
	}
	u.sharedFolder = idText(shared)
	return u
}

func TestLookLifecycle(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	u := newContentUsers(t, inst)
	q := createQuery(t, inst, u.admin, brandCount(nil))

	var l wireItem
	want(t, inst, http.MethodPost, "/looks", u.admin, map[string]any{"title": "An SDK Look", "deleted": false,
		"description": "brands", "is_run_on_load": true, "public": true, "query_id": q.ID, "folder_id": u.adminFolder},
		http.StatusOK, &l)
	if l.ID == "" || l.Title != "An SDK Look" || l.Deleted == nil || *l.Deleted || l.IsRunOnLoad == nil ||
		!*l.IsRunOnLoad || l.QueryID != q.ID || l.Query == nil || l.Query.ID != q.ID || l.Folder == nil ||
		l.Folder.ID != u.adminFolder || l.CreatedAt == "" {
		t.Fatalf("created %+v", l)
	}
	want(t, inst, http.MethodPost, "/looks", u.admin, map[string]any{"title": "No query", "folder_id": u.adminFolder},
		http.StatusUnprocessableEntity, nil)

	// run_look answers what run_query answers for the look's query.
	for _, format := range []string{"json", "csv", "json_label", "txt"} {
		got := want(t, inst, http.MethodGet, "/looks/"+l.ID+"/run/"+format, u.admin, nil, http.StatusOK, nil)
		ran := want(t, inst, http.MethodGet, "/queries/"+q.ID+"/run/"+format, u.admin, nil, http.StatusOK, nil)
		if string(got.Body) != string(ran.Body) || !strings.Contains(string(got.Body), "Calvin Klein") {
			t.Errorf("run_look %s: %s, run_query: %s", format, got.Body, ran.Body)
		}
	}

	// The viewer sees nothing of the admin's personal folder.
	want(t, inst, http.MethodGet, "/looks/"+l.ID, u.viewer, nil, http.StatusNotFound, nil)
	want(t, inst, http.MethodGet, "/looks/"+l.ID+"/run/json", u.viewer, nil, http.StatusNotFound, nil)
	var seen []wireItem
	want(t, inst, http.MethodGet, "/looks/search?title=An%20SDK%25", u.viewer, nil, http.StatusOK, &seen)
	if len(seen) != 0 {
		t.Errorf("viewer's search finds %+v", seen)
	}

	// Trash and restore.
	var trashed wireItem
	want(t, inst, http.MethodPatch, "/looks/"+l.ID, u.admin, map[string]any{"deleted": true}, http.StatusOK, &trashed)
	if !*trashed.Deleted || trashed.DeletedAt == nil || trashed.Title != l.Title {
		t.Fatalf("trashed %+v", trashed)
	}
	var live, trash []wireItem
	want(t, inst, http.MethodGet, "/looks/search?title=An%20SDK%20Look", u.admin, nil, http.StatusOK, &live)
	want(t, inst, http.MethodGet, "/looks/search?title=An%20SDK%20Look&deleted=true", u.admin, nil, http.StatusOK, &trash)
	if len(live) != 0 || len(trash) != 1 {
		t.Fatalf("search while trashed: live %+v trash %+v", live, trash)
	}
	var restored wireItem
	want(t, inst, http.MethodPatch, "/looks/"+l.ID, u.admin, map[string]any{"deleted": false, "description": "new"},
		http.StatusOK, &restored)
	if *restored.Deleted || restored.DeletedAt != nil || restored.Description != "new" || restored.Title != l.Title {
		t.Fatalf("restored %+v", restored)
	}

	// Copies into the same folder get new titles.
	for _, title := range []string{"An SDK Look (copy)", "An SDK Look (copy 2)"} {
		var cp wireItem
		want(t, inst, http.MethodPost, "/looks/"+l.ID+"/copy", u.admin, nil, http.StatusOK, &cp)
		if cp.Title != title || cp.ID == l.ID || cp.QueryID != q.ID || cp.FolderID != u.adminFolder {
			t.Errorf("copy %+v, want title %q", cp, title)
		}
	}

	// Moved to Shared, the viewer sees it and still cannot change it.
	var moved wireItem
	want(t, inst, http.MethodPatch, "/looks/"+l.ID+"/move?folder_id="+u.sharedFolder, u.admin, nil, http.StatusOK, &moved)
	if moved.FolderID != u.sharedFolder {
		t.Fatalf("moved %+v", moved)
	}
	var viewed wireItem
	want(t, inst, http.MethodGet, "/looks/"+l.ID, u.viewer, nil, http.StatusOK, &viewed)
	if viewed.Can["update"] {
		t.Errorf("viewer may update: %v", viewed.Can)
	}
	want(t, inst, http.MethodPatch, "/looks/"+l.ID, u.viewer, map[string]any{"title": "mine"}, http.StatusForbidden, nil)
	want(t, inst, http.MethodDelete, "/looks/"+l.ID, u.viewer, nil, http.StatusForbidden, nil)
	var inFolder []wireItem
	want(t, inst, http.MethodGet, "/folders/"+u.sharedFolder+"/looks", u.viewer, nil, http.StatusOK, &inFolder)
	found := false
	for _, it := range inFolder {
		found = found || it.ID == l.ID
	}
	if !found {
		t.Errorf("folder_looks of Shared lacks the look: %+v", inFolder)
	}
	want(t, inst, http.MethodGet, "/folders/"+u.adminFolder+"/looks", u.viewer, nil, http.StatusNotFound, nil)

	// Deleted for good.
	res := want(t, inst, http.MethodDelete, "/looks/"+l.ID, u.admin, nil, http.StatusNoContent, nil)
	if len(res.Body) != 0 {
		t.Errorf("delete answered %q", res.Body)
	}
	want(t, inst, http.MethodGet, "/looks/"+l.ID, u.admin, nil, http.StatusNotFound, nil)
}

func TestLookFieldsAndSearch(t *testing.T) {
	inst := servertest.Start(t)
	u := newContentUsers(t, inst)
	var all []map[string]any
	want(t, inst, http.MethodGet, "/looks?fields=id,title", u.admin, nil, http.StatusOK, &all)
	if len(all) == 0 || all[0]["title"] == nil || all[0]["description"] != nil {
		t.Fatalf("all_looks(id,title): %+v", all)
	}
	var some []map[string]any
	want(t, inst, http.MethodGet, "/looks/search?fields=id,%20title,%20description&limit=1", u.admin, nil, http.StatusOK, &some)
	if _, has := some[0]["created_at"]; len(some) != 1 || has {
		t.Fatalf("search_looks fields: %+v", some)
	}
	want(t, inst, http.MethodGet, "/looks/search?sorts=nope", u.admin, nil, http.StatusUnprocessableEntity, nil)
	want(t, inst, http.MethodGet, "/looks/search?folder_id=x", u.admin, nil, http.StatusUnprocessableEntity, nil)
	want(t, inst, http.MethodGet, "/looks/abc", u.admin, nil, http.StatusNotFound, nil)
}
