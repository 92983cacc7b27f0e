package looker40_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/scheduler/schedulertest"
	"github.com/overlookbi/overlook/internal/server"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// webhookSink keeps the deliveries it receives.
type webhookSink struct {
	mu         sync.Mutex
	deliveries []map[string]any
	signatures []string
}

func (s *webhookSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var d map[string]any
	json.Unmarshal(body, &d)
	s.mu.Lock()
	s.deliveries = append(s.deliveries, d)
	s.signatures = append(s.signatures, r.Header.Get(scheduler.HeaderSignature))
	s.mu.Unlock()
}

func (s *webhookSink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.deliveries)
}

// scheduleFixture is a node whose scheduler runs on a clock the test moves,
// with a webhook sink it may reach and an SMTP server.
type scheduleFixture struct {
	inst  *servertest.Instance
	admin string
	clock *schedulertest.Clock
	sink  *webhookSink
	hook  string
	smtp  *schedulertest.SMTPServer
	query wireQuery
}

func newScheduleFixture(t *testing.T) *scheduleFixture {
	t.Helper()
	f := &scheduleFixture{clock: schedulertest.NewClock(time.Now().Truncate(time.Minute)), sink: &webhookSink{}}
	hooks := httptest.NewServer(f.sink)
	t.Cleanup(hooks.Close)
	f.hook = hooks.URL + "/hook"
	f.smtp = schedulertest.StartSMTP(t)
	f.inst = servertest.StartWith(t, []server.Option{server.WithScheduler(scheduler.WithClock(f.clock.Now))},
		func(c *config.Config) {
			c.SchedulerTick = 20 * time.Millisecond
			c.OutboundAllow = []string{strings.TrimPrefix(hooks.URL, "http://")}
			c.SMTPURL = f.smtp.URL("overlook@example.com")
		})
	// Plans are stamped with the same clock the scheduler reads.
	f.inst.Server.Store.SetClock(f.clock.Now)
	thelookSQLite(t, f.inst)
	f.admin = f.inst.AdminToken(t)
	f.query = createQuery(t, f.inst, f.admin, brandCount(nil))
	return f
}

func (f *scheduleFixture) plan(dests ...map[string]any) map[string]any {
	return map[string]any{"name": "Brands", "query_id": f.query.ID, "crontab": "* * * * *", "timezone": "UTC",
		"scheduled_plan_destination": dests}
}

func (f *scheduleFixture) webhook(format string) map[string]any {
	return map[string]any{"type": "webhook", "format": format, "address": f.hook, "secret_parameters": "k3y"}
}

// waitFor polls cond for a few seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func TestScheduledPlanDeliversOnItsCron(t *testing.T) {
	f := newScheduleFixture(t)
	email := map[string]any{"type": "email", "format": "txt", "address": "ops@example.com", "message": "Brands today"}
	res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, f.plan(f.webhook("csv"), email))
	if res.Status != http.StatusOK {
		t.Fatalf("create_scheduled_plan: %d %s", res.Status, res.Body)
	}
	var plan struct {
		ID           string `json:"id"`
		NextRunAt    string `json:"next_run_at"`
		Destinations []struct {
			Secret *string `json:"secret_parameters"`
		} `json:"scheduled_plan_destination"`
	}
	res.JSON(t, &plan)
	if plan.NextRunAt == "" || len(plan.Destinations) != 2 || plan.Destinations[0].Secret != nil {
		t.Fatalf("plan answered as %s", res.Body)
	}
	for i := 1; i <= 3; i++ {
		f.clock.Advance(time.Minute)
		waitFor(t, fmt.Sprintf("fire %d", i), func() bool { return f.sink.count() == i && len(f.smtp.Mails()) == i })
	}
	first := f.sink.deliveries[0]
	att := first["attachment"].(map[string]any)
	if !strings.HasPrefix(att["data"].(string), "Products Brand,Products Count\n") ||
		!strings.HasPrefix(att["mimetype"].(string), "text/csv") {
		t.Fatalf("webhook delivery %v", first)
	}
	if f.sink.signatures[0] == "" || f.sink.signatures[0] == f.sink.signatures[1] {
		t.Fatalf("signatures %v", f.sink.signatures)
	}
	mail := f.smtp.Mails()[0]
	if !strings.Contains(string(mail.Body), "Brands today") || mail.Msg.Header.Get(scheduler.HeaderDelivery) != first["delivery_id"] {
		t.Fatalf("mail %s", mail.Body)
	}

	// run_once_by_id delivers now, outside the cron.
	res = f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/"+plan.ID+"/run_once", f.admin, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("run_once_by_id: %d %s", res.Status, res.Body)
	}
	waitFor(t, "the run-once delivery", func() bool { return f.sink.count() == 4 })

	res = f.inst.Do(t, http.MethodGet, api+"/scheduled_plans/"+plan.ID, f.admin, nil)
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), `"last_run_at":"`) {
		t.Fatalf("scheduled_plan: %d %s", res.Status, res.Body)
	}
	if res := f.inst.Do(t, http.MethodDelete, api+"/scheduled_plans/"+plan.ID, f.admin, nil); res.Status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", res.Status, res.Body)
	}
	f.clock.Advance(time.Minute)
	time.Sleep(200 * time.Millisecond)
	if n := f.sink.count(); n != 4 {
		t.Fatalf("%d deliveries after delete, want 4", n)
	}
}

func TestScheduledPlanRunOnce(t *testing.T) {
	f := newScheduleFixture(t)
	body := f.plan(f.webhook("json"))
	delete(body, "crontab")
	res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans/run_once", f.admin, body)
	if res.Status != http.StatusOK {
		t.Fatalf("scheduled_plan_run_once: %d %s", res.Status, res.Body)
	}
	waitFor(t, "the delivery", func() bool { return f.sink.count() == 1 })
	att := f.sink.deliveries[0]["attachment"].(map[string]any)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(att["data"].(string)), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("json attachment %v", att)
	}
}

func TestScheduledPlanRefusesBadInput(t *testing.T) {
	f := newScheduleFixture(t)
	hook := f.webhook("csv")
	cases := map[string]map[string]any{
		"no destination":      f.plan(),
		"bad crontab":         merge(f.plan(hook), map[string]any{"crontab": "61 * * * *"}),
		"unknown zone":        merge(f.plan(hook), map[string]any{"timezone": "Mars/Olympus"}),
		"no trigger":          merge(f.plan(hook), map[string]any{"crontab": ""}),
		"two targets":         merge(f.plan(hook), map[string]any{"look_id": "1"}),
		"no target":           merge(f.plan(hook), map[string]any{"query_id": nil}),
		"unknown query":       merge(f.plan(hook), map[string]any{"query_id": "999999"}),
		"dashboard":           merge(f.plan(hook), map[string]any{"query_id": nil, "dashboard_id": "1"}),
		"file webhook":        f.plan(map[string]any{"type": "webhook", "format": "csv", "address": "file:///etc/passwd"}),
		"gopher webhook":      f.plan(map[string]any{"type": "webhook", "format": "csv", "address": "gopher://127.0.0.1:6379/_"}),
		"bad email":           f.plan(map[string]any{"type": "email", "format": "csv", "address": "not an address"}),
		"sftp":                f.plan(map[string]any{"type": "sftp", "format": "csv", "address": "sftp://x"}),
		"png of a query":      f.plan(map[string]any{"type": "email", "format": "wysiwyg_png", "address": "a@example.com"}),
		"datagroup trigger":   merge(f.plan(hook), map[string]any{"crontab": "", "datagroup": "nightly"}),
		"destinations object": merge(f.plan(hook), map[string]any{"scheduled_plan_destination": map[string]any{"type": 1}}),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, body)
			if res.Status < 400 || res.Status >= 500 {
				t.Fatalf("%d %s", res.Status, res.Body)
			}
		})
	}
	var plans []any
	f.inst.Do(t, http.MethodGet, api+"/scheduled_plans?all_users=true", f.admin, nil).JSON(t, &plans)
	if len(plans) != 0 {
		t.Fatalf("refused plans were stored: %v", plans)
	}
}

func TestScheduledPlansBelongToTheirOwner(t *testing.T) {
	f := newScheduleFixture(t)
	res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", f.admin, f.plan(f.webhook("csv")))
	var plan struct {
		ID string `json:"id"`
	}
	res.JSON(t, &plan)
	user := f.inst.CreateUser(t, "Una", "User", access.UserRole)
	tok := f.inst.TokenFor(t, user.ID)
	if res := f.inst.Do(t, http.MethodGet, api+"/scheduled_plans/"+plan.ID, tok, nil); res.Status != http.StatusNotFound {
		t.Fatalf("another user's plan: %d", res.Status)
	}
	if res := f.inst.Do(t, http.MethodDelete, api+"/scheduled_plans/"+plan.ID, tok, nil); res.Status != http.StatusNotFound {
		t.Fatalf("delete another user's plan: %d", res.Status)
	}
	var mine []any
	f.inst.Do(t, http.MethodGet, api+"/scheduled_plans", tok, nil).JSON(t, &mine)
	if len(mine) != 0 {
		t.Fatalf("a user lists another's plans: %v", mine)
	}
	if res := f.inst.Do(t, http.MethodGet, api+"/scheduled_plans?all_users=true", tok, nil); res.Status != http.StatusOK || strings.Contains(string(res.Body), plan.ID) {
		t.Fatalf("all_users without see_schedules: %d %s", res.Status, res.Body)
	}
	email := map[string]any{"type": "email", "format": "csv", "address": "me@example.com"}
	mineBody := f.plan(email)
	if res := f.inst.Do(t, http.MethodPost, api+"/scheduled_plans", tok, merge(mineBody, map[string]any{"user_id": "1"})); res.Status != http.StatusForbidden {
		t.Fatalf("scheduling for another user: %d %s", res.Status, res.Body)
	}
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
