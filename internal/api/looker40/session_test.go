package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

type apiSession struct {
	WorkspaceID *string         `json:"workspace_id"`
	SudoUserID  *string         `json:"sudo_user_id"`
	Can         map[string]bool `json:"can"`
}

func getSession(t *testing.T, inst *servertest.Instance, token string) apiSession {
	t.Helper()
	var s apiSession
	res := inst.Do(t, "GET", "/api/4.0/session", token, nil)
	if res.Status != 200 {
		t.Fatalf("session: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &s)
	return s
}

func textOf(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

// TestSessionWorkspace follows the SDK integration tests: production by
// default, dev and back, each answer and the next read agreeing.
func TestSessionWorkspace(t *testing.T) {
	inst := servertest.Start(t)
	token, other := inst.AdminToken(t), inst.AdminToken(t)
	if s := getSession(t, inst, token); textOf(s.WorkspaceID) != "production" || s.SudoUserID != nil {
		t.Fatalf("fresh session = %s / %s", textOf(s.WorkspaceID), textOf(s.SudoUserID))
	}
	for _, ws := range []string{"dev", "production", "dev"} {
		var answer apiSession
		res := inst.Do(t, "PATCH", "/api/4.0/session", token, `{"workspace_id":"`+ws+`"}`)
		res.JSON(t, &answer)
		if res.Status != 200 || textOf(answer.WorkspaceID) != ws {
			t.Fatalf("update_session %s: %d %s", ws, res.Status, res.Body)
		}
		if got := textOf(getSession(t, inst, token).WorkspaceID); got != ws {
			t.Errorf("after update_session %s, session says %s", ws, got)
		}
	}
	if got := textOf(getSession(t, inst, other).WorkspaceID); got != "production" {
		t.Errorf("another token's session moved to %s", got)
	}
}

func TestUpdateSessionRejectsUnknownWorkspaces(t *testing.T) {
	inst := servertest.Start(t)
	token := inst.AdminToken(t)
	inst.Do(t, "PATCH", "/api/4.0/session", token, `{"workspace_id":"dev"}`)
	for _, body := range []string{`{"workspace_id":"staging"}`, `{"workspace_id":""}`, `{"workspace_id":null}`,
		`{"workspace_id":"DEV"}`, `{"workspace_id":{"a":1}}`} {
		if got := want422Field(t, inst.Do(t, "PATCH", "/api/4.0/session", token, body)); got != "workspace_id" {
			t.Errorf("%s: field %q", body, got)
		}
	}
	// Keys other than workspace_id (read-only or unknown) change nothing.
	var s apiSession
	res := inst.Do(t, "PATCH", "/api/4.0/session", token, `{"sudo_user_id":"5","can":{},"x":1}`)
	res.JSON(t, &s)
	if res.Status != 200 || textOf(s.WorkspaceID) != "dev" || s.SudoUserID != nil {
		t.Errorf("ignored keys: %d %s", res.Status, res.Body)
	}
	if got := textOf(getSession(t, inst, token).WorkspaceID); got != "dev" {
		t.Errorf("workspaceBody is %s after rejected updates", got)
	}
}

func TestSessionOfSudoToken(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	user := inst.CreateUser(t, "Su", "Do", "Viewer")
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	inst.Do(t, "POST", "/api/4.0/login/"+idText(user.ID), admin, nil).JSON(t, &tok)
	s := getSession(t, inst, tok.AccessToken)
	if textOf(s.SudoUserID) != "1" || textOf(s.WorkspaceID) != "production" {
		t.Errorf("sudo session = %s / %s, want sudo_user_id 1", textOf(s.SudoUserID), textOf(s.WorkspaceID))
	}
	// The viewer may switch its own session.
	if res := inst.Do(t, "PATCH", "/api/4.0/session", tok.AccessToken, `{"workspace_id":"dev"}`); res.Status != 200 {
		t.Errorf("viewer update_session: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, "GET", "/api/4.0/session", "", nil); res.Status != 401 {
		t.Errorf("without a token: %d", res.Status)
	}
}
