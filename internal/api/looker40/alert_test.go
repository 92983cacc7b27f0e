package looker40_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/alerts"
)

// alertFixture is a schedule fixture with a tile counting products by
// brand on a dashboard of the shared folder (Calvin Klein counts 2, every
// other brand 1) and another tile on a dashboard only the admin sees.
type alertFixture struct {
	*scheduleFixture
	tile, hiddenTile string
}

func newAlertFixture(t *testing.T) *alertFixture {
	t.Helper()
	f := &alertFixture{scheduleFixture: newScheduleFixture(t)}
	u := newContentUsers(t, f.inst)
	for _, folder := range []struct {
		id  string
		dst *string
	}{{u.sharedFolder, &f.tile}, {u.adminFolder, &f.hiddenTile}} {
		var d wireDashboard
		want(t, f.inst, http.MethodPost, "/dashboards", f.admin, map[string]any{"title": "Brands", "folder_id": folder.id},
			http.StatusOK, &d)
		var e wireElement
		want(t, f.inst, http.MethodPost, "/dashboard_elements", f.admin, map[string]any{"dashboard_id": d.ID,
			"type": "vis", "query_id": f.query.ID}, http.StatusOK, &e)
		*folder.dst = e.ID
	}
	return f
}

// alert is a create_alert body on tile: products.count compared with
// threshold every hour.
func (f *alertFixture) alert(tile string, comparison string, threshold float64, dests ...map[string]any) map[string]any {
	return map[string]any{"dashboard_element_id": tile, "field": map[string]any{"name": "products.count", "title": "Products"},
		"comparison_type": comparison, "threshold": threshold, "cron": "0 * * * *", "destinations": dests}
}

func emailDest(addr string) map[string]any {
	return map[string]any{"destination_type": "EMAIL", "email_address": addr}
}

func (f *alertFixture) webhookDest() map[string]any {
	return map[string]any{"destination_type": "ACTION_HUB", "action_hub_integration_id": alerts.WebhookIntegration,
		"action_hub_form_params_json": fmt.Sprintf(`{"url":%q}`, f.hook)}
}

type wireAlert struct {
	ID                 string  `json:"id"`
	OwnerID            string  `json:"owner_id"`
	QueryID            string  `json:"query_id"`
	Threshold          float64 `json:"threshold"`
	IsPublic           bool    `json:"is_public"`
	IsDisabled         bool    `json:"is_disabled"`
	Followed           bool    `json:"followed"`
	InvestigativeTitle string  `json:"investigative_content_title"`
	Field              struct {
		Name string `json:"name"`
	} `json:"field"`
}

func (f *alertFixture) create(t *testing.T, token string, body map[string]any) wireAlert {
	t.Helper()
	var a wireAlert
	want(t, f.inst, http.MethodPost, "/alerts", token, body, http.StatusOK, &a)
	return a
}

func TestAlertOperations(t *testing.T) {
	f := newAlertFixture(t)
	viewerUser := f.inst.CreateUser(t, "Vera", "Viewer", "Viewer")
	viewer := f.inst.TokenFor(t, viewerUser.ID)
	mail := emailDest("ops@example.com")
	a := f.create(t, f.admin, f.alert(f.tile, "GREATER_THAN", 1, mail))
	if a.ID == "" || a.QueryID != f.query.ID || a.Field.Name != "products.count" || a.InvestigativeTitle != "Brands" {
		t.Fatalf("created %+v", a)
	}
	hidden := f.create(t, f.admin, f.alert(f.hiddenTile, "LESS_THAN", 1, mail))
	slack := map[string]any{"destination_type": "ACTION_HUB", "action_hub_integration_id": "slack"}
	bad := func(k string, v any) map[string]any {
		b := f.alert(f.tile, "GREATER_THAN", 1, mail)
		b[k] = v
		return b
	}
	runCalls(t, f.inst, f.admin, []call{
		{name: "unknown field", method: "POST", path: "/alerts", status: 422, field: "field", contains: "products.nope",
			body: bad("field", map[string]any{"name": "products.nope", "title": "Nope"})},
		{name: "bad cron", method: "POST", path: "/alerts", status: 422, field: "cron", body: bad("cron", "every hour")},
		{name: "bad comparison", method: "POST", path: "/alerts", status: 422, field: "comparison_type",
			body: bad("comparison_type", "BIGGER")},
		{name: "no destination", method: "POST", path: "/alerts", status: 422, field: "destinations",
			body: bad("destinations", []any{})},
		{name: "unsupported action hub", method: "POST", path: "/alerts", status: 422,
			field: "destinations.action_hub_integration_id", body: bad("destinations", []any{slack})},
		{name: "no tile", method: "POST", path: "/alerts", status: 422, field: "dashboard_element_id",
			body: bad("dashboard_element_id", nil)},
		{name: "unknown tile", method: "POST", path: "/alerts", status: 404, body: bad("dashboard_element_id", "999999")},
		{name: "bad filter field", method: "POST", path: "/alerts", status: 422, field: "field.filter",
			body: bad("field", map[string]any{"name": "products.count", "title": "n",
				"filter": []any{map[string]any{"field_name": "products.nope", "field_value": "x"}}})},
		{name: "get", method: "GET", path: "/alerts/" + a.ID, status: 200, contains: `"comparison_type":"GREATER_THAN"`},
		{name: "malformed id", method: "GET", path: "/alerts/abc", status: 404},
		{name: "search all owners", method: "GET", path: "/alerts/search?all_owners=true", status: 200},
		{name: "search bad flag", method: "GET", path: "/alerts/search?disabled=maybe", status: 422, field: "disabled"},
		{name: "patch", method: "PATCH", path: "/alerts/" + a.ID, status: 200, contains: `"threshold":1.5`,
			body: map[string]any{"threshold": 1.5, "is_public": true}},
		{name: "put", method: "PUT", path: "/alerts/" + a.ID, status: 200, contains: `"threshold":1`,
			body: merge(f.alert(f.tile, "GREATER_THAN", 1, mail), map[string]any{"is_public": true})},
		{name: "put bad cron", method: "PUT", path: "/alerts/" + a.ID, status: 422, field: "cron", body: bad("cron", "")},
		{name: "enqueue", method: "POST", path: "/alerts/" + a.ID + "/enqueue", status: 204},
		{name: "enqueue while waiting", method: "POST", path: "/alerts/" + a.ID + "/enqueue", status: 204},
		{name: "enqueue forced", method: "POST", path: "/alerts/" + a.ID + "/enqueue?force=true", status: 204},
		{name: "notifications", method: "GET", path: "/alert_notifications", status: 200, contains: "[]"},
		{name: "read unknown notification", method: "PATCH", path: "/alert_notifications/999", status: 404},
	})
	runCalls(t, f.inst, viewer, []call{
		{name: "viewer creates on a hidden tile", method: "POST", path: "/alerts", status: 404,
			body: f.alert(f.hiddenTile, "GREATER_THAN", 1, mail)},
		{name: "viewer gets a hidden dashboard's alert", method: "GET", path: "/alerts/" + hidden.ID, status: 404},
		{name: "viewer follows a hidden dashboard's alert", method: "POST", path: "/alerts/" + hidden.ID + "/follow", status: 404},
		{name: "viewer searches every owner", method: "GET", path: "/alerts/search?all_owners=true", status: 403},
		{name: "viewer follows", method: "POST", path: "/alerts/" + a.ID + "/follow", status: 204},
		{name: "viewer follows twice", method: "POST", path: "/alerts/" + a.ID + "/follow", status: 204},
		{name: "followed", method: "GET", path: "/alerts/" + a.ID, status: 200, contains: `"followed":true`},
		{name: "viewer changes another's alert", method: "PATCH", path: "/alerts/" + a.ID, status: 403,
			body: map[string]any{"threshold": 9}},
		{name: "viewer deletes another's alert", method: "DELETE", path: "/alerts/" + a.ID, status: 403},
		{name: "viewer enqueues another's alert", method: "POST", path: "/alerts/" + a.ID + "/enqueue", status: 403},
		{name: "viewer creates for another", method: "POST", path: "/alerts", status: 403,
			body: merge(f.alert(f.tile, "GREATER_THAN", 1, mail), map[string]any{"owner_id": a.OwnerID})},
	})
	var mine []wireAlert
	getJSON(t, f.inst, viewer, "/alerts/search", &mine)
	if len(mine) != 1 || mine[0].ID != a.ID || !mine[0].Followed {
		t.Fatalf("viewer's search: %+v, want the public alert they follow", mine)
	}
	var every []wireAlert
	getJSON(t, f.inst, f.admin, "/alerts/search?all_owners=true&limit=1", &every)
	if len(every) != 1 {
		t.Fatalf("paged search: %+v", every)
	}
	runCalls(t, f.inst, viewer, []call{
		{name: "unfollow", method: "DELETE", path: "/alerts/" + a.ID + "/follow", status: 204},
		{name: "unfollowed", method: "GET", path: "/alerts/" + a.ID, status: 200, contains: `"followed":false`},
	})
	runCalls(t, f.inst, f.admin, []call{
		{name: "disable", method: "PATCH", path: "/alerts/" + a.ID, status: 200, contains: `"is_disabled":true`,
			body: map[string]any{"is_disabled": true, "disabled_reason": "holiday"}},
		{name: "enqueue disabled", method: "POST", path: "/alerts/" + a.ID + "/enqueue", status: 422},
		{name: "delete", method: "DELETE", path: "/alerts/" + a.ID, status: 204},
		{name: "deleted", method: "GET", path: "/alerts/" + a.ID, status: 404},
		{name: "delete twice", method: "DELETE", path: "/alerts/" + a.ID, status: 404},
	})
}

// An alert whose condition holds is sent once per fire to its email and
// webhook destinations and to its followers' email; one whose condition
// fails sends nothing; the follower finds the notification.
func TestAlertFiresOncePerFire(t *testing.T) {
	f := newAlertFixture(t)
	fan := f.inst.CreateUser(t, "Fiona", "Fan", "Viewer")
	want(t, f.inst, http.MethodPost, fmt.Sprintf("/users/%d/credentials_email", fan.ID), f.admin,
		map[string]any{"email": "fiona@example.com"}, http.StatusOK, nil)
	fanToken := f.inst.TokenFor(t, fan.ID)
	loud := f.create(t, f.admin, merge(f.alert(f.tile, "GREATER_THAN", 1, emailDest("ops@example.com"), f.webhookDest()),
		map[string]any{"is_public": true}))
	quiet := f.create(t, f.admin, f.alert(f.tile, "GREATER_THAN", 5, emailDest("quiet@example.com"), f.webhookDest()))
	want(t, f.inst, http.MethodPost, "/alerts/"+loud.ID+"/follow", fanToken, nil, http.StatusNoContent, nil)

	f.clock.Advance(time.Hour) // one top of the hour passes
	waitFor(t, "the alert's webhook and emails", func() bool {
		return f.sink.count() == 1 && len(f.smtp.Mails()) == 2
	})
	for range 2 { // more passes at the same time change nothing
		if err := f.inst.Server.Scheduler.Pass(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if n, m := f.sink.count(), len(f.smtp.Mails()); n != 1 || m != 2 {
		t.Fatalf("after more passes: %d webhooks, %d mails; want 1 and 2", n, m)
	}
	f.sink.mu.Lock()
	delivery := fmt.Sprint(f.sink.deliveries[0]["delivery_id"])
	f.sink.mu.Unlock()
	if !strings.HasPrefix(delivery, "al"+loud.ID+"-") {
		t.Fatalf("webhook delivery %q is not the loud alert's", delivery)
	}
	var to []string
	for _, m := range f.smtp.Mails() {
		to = append(to, m.To...)
	}
	slices.Sort(to)
	if fmt.Sprint(to) != "[fiona@example.com ops@example.com]" {
		t.Fatalf("mails went to %v", to)
	}
	var notes []struct {
		ID         string  `json:"notification_id"`
		AlertID    string  `json:"alert_condition_id"`
		FieldValue float64 `json:"field_value"`
		IsRead     bool    `json:"is_read"`
	}
	getJSON(t, f.inst, fanToken, "/alert_notifications", &notes)
	if len(notes) != 1 || notes[0].AlertID != loud.ID || notes[0].FieldValue != 2 || notes[0].IsRead {
		t.Fatalf("follower's notifications: %+v", notes)
	}
	want(t, f.inst, http.MethodPatch, "/alert_notifications/"+notes[0].ID, fanToken, nil, http.StatusOK, nil)
	getJSON(t, f.inst, fanToken, "/alert_notifications", &notes)
	if !notes[0].IsRead {
		t.Fatal("notification still unread")
	}
	want(t, f.inst, http.MethodPatch, "/alert_notifications/"+notes[0].ID, f.admin, nil, http.StatusNotFound, nil)
	var ownerNotes []struct {
		AlertID string `json:"alert_condition_id"`
	}
	getJSON(t, f.inst, f.admin, "/alert_notifications", &ownerNotes)
	if len(ownerNotes) != 1 || ownerNotes[0].AlertID != loud.ID {
		t.Fatalf("owner's notifications %+v: want the loud alert's only", ownerNotes)
	}
	quietID, _ := strconv.ParseInt(quiet.ID, 10, 64)
	jobs, err := f.inst.Server.Store.JobsOfAlert(context.Background(), quietID)
	if err != nil || len(jobs) != 1 || jobs[0].ConditionMet == nil || *jobs[0].ConditionMet {
		t.Fatalf("the quiet alert was evaluated once, its condition unmet: %+v %v", jobs, err)
	}
}
