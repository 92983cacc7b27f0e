package api_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// auditEvents waits until the audit log holds want events (the middleware
// records an event after the answer has been sent, so a client can be a
// moment ahead of it) and returns them oldest first.
func auditEvents(t *testing.T, inst *servertest.Instance, want int) []overlook.AuditEvent {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		inst.Server.Audit.Flush()
		events, err := inst.Server.Store.AuditEvents(context.Background(), 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) > want {
			t.Fatalf("%d audit events, want %d: %+v", len(events), want, events)
		}
		if len(events) == want {
			for i, j := 0, len(events)-1; i < j; i, j = i+1, j-1 {
				events[i], events[j] = events[j], events[i]
			}
			return events
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d audit events, want %d: %+v", len(events), want, events)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestAuditEvents: logins (good and bad), a sudo and every mutating request
// each write one event naming who, on whose behalf, what, on which object,
// when and with which status; reads write none.
func TestAuditEvents(t *testing.T) {
	inst := servertest.Start(t)
	start := time.Now().Add(-time.Second)
	viewer := inst.CreateUser(t, "Au", "Dit", "Viewer")
	vid := strconv.FormatInt(viewer.ID, 10)

	admin := inst.AdminToken(t)
	badLogin := url.Values{"client_id": {servertest.AdminClientID}, "client_secret": {"wrong"}}.Encode()
	if res := inst.Do(t, "POST", "/api/4.0/login?"+badLogin, "", nil); res.Status != 404 {
		t.Fatalf("bad login: %d", res.Status)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	inst.Do(t, "POST", "/api/4.0/login/"+vid, admin, nil).JSON(t, &tok)
	for _, path := range []string{"/api/4.0/user", "/api/4.0/session", "/api/4.0/setting", "/api/4.0/versions"} {
		inst.Do(t, "GET", path, admin, nil)
	}
	inst.Do(t, "GET", "/api/4.0/user", tok.AccessToken, nil)
	if res := inst.Do(t, "PATCH", "/api/4.0/session", tok.AccessToken, `{"workspace_id":"dev"}`); res.Status != 200 {
		t.Fatalf("update_session: %d", res.Status)
	}
	if res := inst.Do(t, "PATCH", "/api/4.0/setting", admin, `{"timezone":"Nowhere/Land"}`); res.Status != 422 {
		t.Fatalf("set_setting: %d", res.Status)
	}

	want := []overlook.AuditEvent{
		{Operation: "login", UserID: 1, Status: 200},
		{Operation: "login", Status: 404},
		{Operation: "login_user", UserID: 1, ObjectType: "user", ObjectID: vid, Status: 200},
		{Operation: "update_session", UserID: viewer.ID, SudoUserID: 1, ObjectType: "session", Status: 200},
		{Operation: "set_setting", UserID: 1, ObjectType: "setting", Status: 422},
	}
	got := auditEvents(t, inst, len(want))
	end := time.Now().Add(time.Second)
	for i, w := range want {
		g := got[i]
		if g.CreatedAt.Before(start) || g.CreatedAt.After(end) {
			t.Errorf("event %d (%s) at %v, outside the test", i, g.Operation, g.CreatedAt)
		}
		g.ID, g.CreatedAt = 0, time.Time{}
		if g != w {
			t.Errorf("event %d = %+v, want %+v", i, g, w)
		}
	}
}

// TestAuditLoginNamesTheUser: a successful login is attributed to the user
// who logged in.
func TestAuditLoginNamesTheUser(t *testing.T) {
	inst := servertest.Start(t)
	inst.AdminToken(t)
	if got := auditEvents(t, inst, 1)[0]; got.Operation != "login" || got.UserID != 1 {
		t.Errorf("login event = %+v, want user 1", got)
	}
}
