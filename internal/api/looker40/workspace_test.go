package looker40_test

import (
	"strconv"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func idText(id int64) string { return strconv.FormatInt(id, 10) }

type workspaceBody struct {
	ID       *string          `json:"id"`
	Projects []map[string]any `json:"projects"`
	Can      map[string]bool  `json:"can"`
}

func TestWorkspaces(t *testing.T) {
	inst := servertest.Start(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vi", "Ewer", "Viewer").ID)
	var all []workspaceBody
	res := inst.Do(t, "GET", "/api/4.0/workspaces", viewer, nil)
	res.JSON(t, &all)
	if res.Status != 200 || len(all) != 2 || textOf(all[0].ID) != "production" || textOf(all[1].ID) != "dev" {
		t.Fatalf("all_workspaces: %d %s", res.Status, res.Body)
	}
	cases := []struct {
		id     string
		status int
	}{{"production", 200}, {"dev", 200}, {"staging", 404}, {"Production", 404}, {"%20dev", 404}}
	for _, c := range cases {
		res := inst.Do(t, "GET", "/api/4.0/workspaces/"+c.id, viewer, nil)
		if res.Status != c.status {
			t.Errorf("workspaceBody %s: %d %s", c.id, res.Status, res.Body)
			continue
		}
		var w workspaceBody
		res.JSON(t, &w)
		if c.status == 200 && (textOf(w.ID) != c.id || w.Projects == nil) {
			t.Errorf("workspaceBody %s = %s", c.id, res.Body)
		}
	}
	if res := inst.Do(t, "GET", "/api/4.0/workspaces", "", nil); res.Status != 401 {
		t.Errorf("without a token: %d", res.Status)
	}
}
