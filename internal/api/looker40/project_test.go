package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestProjects(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	var projects []idName
	getJSON(t, inst, admin, "/projects", &projects)
	if len(projects) != 2 || projects[1].ID != "thelook" {
		t.Errorf("projects %v", projects)
	}
	runCalls(t, inst, admin, []call{
		{name: "project", method: "GET", path: "/projects/thelook", status: 200, contains: `"is_example":true`},
		{name: "unknown project", method: "GET", path: "/projects/nope", status: 404},
		{name: "files", method: "GET", path: "/projects/thelook/files", status: 200, contains: `"id":"views/users.view.lkml"`},
		{name: "file", method: "GET", path: "/projects/thelook/files/file?file_id=thelook.model.lkml", status: 200, contains: `"type":"model"`},
		{name: "manifest", method: "GET", path: "/projects/thelook/files/file?file_id=manifest.lkml", status: 200, contains: `"type":"manifest"`},
		{name: "file outside", method: "GET", path: "/projects/thelook/files/file?file_id=../go.mod", status: 404},
		{name: "file of go source", method: "GET", path: "/projects/thelook/files/file?file_id=lookml.go", status: 404},
		{name: "no file id", method: "GET", path: "/projects/thelook/files/file", status: 422, field: "file_id"},
		{name: "validate", method: "POST", path: "/projects/thelook/validate", status: 200, contains: `"errors":[]`},
		{name: "validation results", method: "GET", path: "/projects/thelook/validate", status: 200, contains: `"stale":false`},
		{name: "validate unknown", method: "POST", path: "/projects/nope/validate", status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "viewer lacks see_lookml", method: "GET", path: "/projects", status: 403},
		{name: "viewer cannot validate", method: "POST", path: "/projects/thelook/validate", status: 403},
	})
}
