package looker40_test

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/scheduler/schedulertest"
)

func smtpSettingsOf(s *schedulertest.SMTPServer) map[string]any {
	host, port, _ := net.SplitHostPort(s.Addr)
	p, _ := strconv.Atoi(port)
	return map[string]any{"address": host, "port": p, "from": "reports@example.com", "user_name": nil,
		"password": "s3cret-pass", "enable_starttls_auto": false}
}

// An email plan goes through the server set with set_smtp_settings, and back
// through the node's own (OVERLOOK_SMTP_URL) once default_smtp is true.
func TestSMTPSettingsRouteDeliveries(t *testing.T) {
	f := newScheduleFixture(t)
	other := schedulertest.StartSMTP(t)
	if res := f.inst.Do(t, http.MethodPost, api+"/smtp_settings", f.admin, smtpSettingsOf(other)); res.Status != http.StatusNoContent {
		t.Fatalf("set_smtp_settings: %d %s", res.Status, res.Body)
	}
	var status struct {
		IsValid    bool `json:"is_valid"`
		NodeCount  int  `json:"node_count"`
		NodeStatus []struct {
			IsValid bool   `json:"is_valid"`
			Message string `json:"message"`
		} `json:"node_status"`
	}
	f.inst.Do(t, http.MethodGet, api+"/smtp_status", f.admin, nil).JSON(t, &status)
	if !status.IsValid || status.NodeCount != 1 || len(status.NodeStatus) != 1 || !status.NodeStatus[0].IsValid {
		t.Fatalf("smtp_status %+v", status)
	}
	if res := f.inst.Do(t, http.MethodGet, api+"/setting", f.admin, nil); strings.Contains(string(res.Body), "s3cret") {
		t.Fatalf("the password shows in get_setting: %s", res.Body)
	}

	runOnceEmail := func() {
		body := f.plan(map[string]any{"type": "email", "format": "csv", "address": "ops@example.com"})
		delete(body, "crontab")
		if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/run_once", f.admin, body); res.Status != http.StatusOK {
			t.Fatalf("scheduled_plan_run_once: %d %s", res.Status, res.Body)
		}
	}
	runOnceEmail()
	waitFor(t, "the mail through the API's server", func() bool { return len(other.Mails()) == 1 })
	if from := other.Mails()[0].From; from != "reports@example.com" {
		t.Errorf("mail from %q", from)
	}

	f.inst.Do(t, http.MethodPost, api+"/smtp_settings", f.admin, map[string]any{"default_smtp": true})
	runOnceEmail()
	waitFor(t, "the mail through the node's own server", func() bool { return len(f.smtp.Mails()) == 1 })
	if n := len(other.Mails()); n != 1 {
		t.Errorf("%d mails reached the API's server, want 1", n)
	}
}

func TestSMTPSettingsRefuseBadInput(t *testing.T) {
	f := newScheduleFixture(t)
	good := smtpSettingsOf(schedulertest.StartSMTP(t))
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for key, val := range good {
			m[key] = val
		}
		m[k] = v
		return m
	}
	for name, tc := range map[string]struct {
		body  any
		field string
	}{
		"no address":          {with("address", ""), "address"},
		"url as address":      {with("address", "smtp://mail.example.com"), "address"},
		"port out of range":   {with("port", 70000), "port"},
		"no from":             {with("from", ""), "from"},
		"from not an address": {with("from", "not an address"), "from"},
		"oauth":               {with("auth_type", "oauth"), "auth_type"},
		"port as words":       {with("port", "twenty-five"), "port"},
	} {
		t.Run(name, func(t *testing.T) {
			res := f.inst.Do(t, http.MethodPost, api+"/smtp_settings", f.admin, tc.body)
			if res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), `"field":"`+tc.field+`"`) {
				t.Fatalf("%d %s, want 422 naming %s", res.Status, res.Body, tc.field)
			}
		})
	}
}

func TestSMTPStatusWithoutServer(t *testing.T) {
	f := newScheduleFixture(t)
	dead := smtpSettingsOf(schedulertest.StartSMTP(t))
	dead["port"] = 1 // nothing listens there
	f.inst.Do(t, http.MethodPost, api+"/smtp_settings", f.admin, dead)
	var status struct {
		IsValid    bool `json:"is_valid"`
		NodeStatus []struct {
			Message string `json:"message"`
		} `json:"node_status"`
	}
	f.inst.Do(t, http.MethodGet, api+"/smtp_status", f.admin, nil).JSON(t, &status)
	if status.IsValid || len(status.NodeStatus) != 1 || status.NodeStatus[0].Message == "" {
		t.Fatalf("smtp_status of an unreachable server: %+v", status)
	}
}
