package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestDatagroups(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	var groups []struct {
		ID, Name, ModelName string
	}
	getJSON(t, inst, admin, "/datagroups", &groups)
	if len(groups) == 0 {
		t.Fatal("no datagroup: the SDK tests need at least one")
	}
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vera", "Viewer", "Viewer").ID)
	runCalls(t, inst, admin, []call{
		{name: "one", method: "GET", path: "/datagroups/thelook::thelook_default_datagroup", status: 200,
			contains: `"model_name":"thelook"`},
		{name: "system activity", method: "GET", path: "/datagroups/system__activity::system__activity_default_datagroup", status: 200},
		{name: "unknown name", method: "GET", path: "/datagroups/thelook::nope", status: 404},
		{name: "unknown model", method: "GET", path: "/datagroups/nope::thelook_default_datagroup", status: 404},
		{name: "malformed id", method: "GET", path: "/datagroups/42", status: 404},
	})
	runCalls(t, inst, viewer, []call{
		{name: "viewer lacks see_datagroups", method: "GET", path: "/datagroups", status: 403},
	})
}
