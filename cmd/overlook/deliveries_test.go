package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/scheduler/schedulertest"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

// hookSink is a webhook receiver on 127.0.0.1 that records every delivery
// that reaches it. While held, it answers nothing: a delivery stays in flight
// (its receiver got it but could not acknowledge).
type hookSink struct {
	*httptest.Server
	mu       sync.Mutex
	got      []delivery
	held     chan string // delivery ids that arrived while holding
	holding  bool
	released chan struct{}
}

type delivery struct {
	ID     string
	FireAt time.Time
}

func startHookSink(t *testing.T) *hookSink {
	s := &hookSink{held: make(chan string, 100), released: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() { s.release(); s.Close() })
	return s
}

func (s *hookSink) serve(w http.ResponseWriter, r *http.Request) {
	var body struct {
		DeliveryID string    `json:"delivery_id"`
		FireAt     time.Time `json:"fire_at"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.DeliveryID != r.Header.Get(scheduler.HeaderDelivery) {
		http.Error(w, "bad delivery", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	holding := s.holding
	s.got = append(s.got, delivery{body.DeliveryID, body.FireAt})
	s.mu.Unlock()
	if holding {
		s.held <- body.DeliveryID
		<-s.released
		http.Error(w, "gone", http.StatusServiceUnavailable)
	}
}

func (s *hookSink) hold() {
	s.mu.Lock()
	s.holding = true
	s.mu.Unlock()
}

// release answers the held requests (with a failure) and stops holding.
func (s *hookSink) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holding {
		s.holding = false
		close(s.released)
	}
}

func (s *hookSink) deliveries() []delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]delivery(nil), s.got...)
}

// fires is every fire time delivered, in order, and how often each came.
func (s *hookSink) fires() ([]time.Time, map[time.Time]int) {
	count := map[time.Time]int{}
	var fires []time.Time
	for _, d := range s.deliveries() {
		if count[d.FireAt] == 0 {
			fires = append(fires, d.FireAt)
		}
		count[d.FireAt]++
	}
	sort.Slice(fires, func(i, j int) bool { return fires[i].Before(fires[j]) })
	return fires, count
}

func (s *hookSink) url() string { return s.URL + "/hook" }

// waitUntil polls cond until it holds or the deadline passes.
func waitUntil(t *testing.T, deadline time.Time, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not reached before the deadline: %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkEveryMinute fails unless fires has one fire per minute, none missing.
func checkEveryMinute(t *testing.T, fires []time.Time) {
	t.Helper()
	for i := 1; i < len(fires); i++ {
		if gap := fires[i].Sub(fires[i-1]); gap != time.Minute {
			t.Errorf("fires %v and %v are %v apart: a fire was lost", fires[i-1], fires[i], gap)
		}
	}
}

// checkOneIDPerFire fails when a fire came with two delivery ids.
func checkOneIDPerFire(t *testing.T, ds []delivery) map[string]time.Time {
	t.Helper()
	idOf, fireOf := map[time.Time]string{}, map[string]time.Time{}
	for _, d := range ds {
		if id, ok := idOf[d.FireAt]; ok && id != d.ID {
			t.Errorf("fire %v came with delivery ids %s and %s", d.FireAt, id, d.ID)
		}
		idOf[d.FireAt], fireOf[d.ID] = d.ID, d.FireAt
	}
	return fireOf
}

// A look scheduled every minute on a clock 60 times faster than real time
// goes to a webhook and an email. The server is SIGKILLed while a delivery
// is in flight and started again on the same data: every fire is delivered
// at least once, and a repeat carries the delivery id of the first try.
func TestDeliveriesSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	start := time.Now()
	deadline := start.Add(60 * time.Second)
	hooks, smtp := startHookSink(t), schedulertest.StartSMTP(t)
	env := mergeEnv(fixedAdmin(), map[string]string{
		"OVERLOOK_DATA_DIR": t.TempDir(), "OVERLOOK_DEMO_SCALE": "0.01",
		"OVERLOOK_OUTBOUND_ALLOW": "127.0.0.1", "OVERLOOK_SMTP_URL": smtp.URL("overlook@example.com"),
		"OVERLOOK_SCHEDULER_TICK": "100ms", "OVERLOOK_SCHEDULER_SPEED": "60", "OVERLOOK_SCHEDULER_EPOCH": epochNow(),
	})
	first := startChild(t, "first node", env)
	api := loginAPI(t, first.origin, env["OVERLOOK_ADMIN_CLIENT_ID"], env["OVERLOOK_ADMIN_CLIENT_SECRET"])
	api.everyMinute(api.firstLookID(),
		map[string]any{"type": "webhook", "format": "csv", "address": hooks.url()},
		map[string]any{"type": "email", "format": "csv", "address": "ops@example.com"})

	waitUntil(t, deadline, "8 fires before the kill", func() bool { f, _ := hooks.fires(); return len(f) >= 8 })
	hooks.hold()
	inFlight := <-hooks.held
	first.kill()
	hooks.release()
	t.Logf("SIGKILL with delivery %s in flight, %v after start", inFlight, time.Since(start).Round(time.Millisecond))

	startChild(t, "restarted node", env)
	redelivered := func() bool {
		n := 0
		for _, d := range hooks.deliveries() {
			if d.ID == inFlight {
				n++
			}
		}
		return n >= 2
	}
	waitUntil(t, deadline, "20 fires, the one in flight among them", func() bool {
		f, _ := hooks.fires()
		return len(f) >= 20 && redelivered()
	})
	fireOf := checkOneIDPerFire(t, hooks.deliveries())
	waitUntil(t, deadline, "an email for every delivery", func() bool { return len(mailedIDs(smtp)) >= len(fireOf) })
	for id := range mailedIDs(smtp) {
		if _, ok := fireOf[id]; !ok {
			t.Errorf("email with delivery id %s that no webhook delivery had", id)
		}
	}
	fires, count := hooks.fires()
	checkEveryMinute(t, fires)
	t.Logf("%d fires delivered to webhook and email in %v; %d webhook deliveries, %d of them repeats",
		len(fires), time.Since(start).Round(time.Millisecond), len(hooks.deliveries()), len(hooks.deliveries())-len(count))
}

func mailedIDs(s *schedulertest.SMTPServer) map[string]bool {
	ids := map[string]bool{}
	for _, m := range s.Mails() {
		if id := strings.TrimSpace(m.Msg.Header.Get(scheduler.HeaderDelivery)); id != "" {
			ids[id] = true
		}
	}
	return ids
}

// Two server processes share one PostgreSQL metadata database, each
// polling every 100 ms on a clock 120 times faster than real time: each of
// 50 fires of a look is delivered exactly once.
func TestTwoNodesDeliverEachFireOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	dbURL := storetest.PostgresDatabase(t, storetest.PostgresAdmin(t))
	start := time.Now()
	deadline := start.Add(2 * time.Minute)
	hooks := startHookSink(t)
	shared := mergeEnv(fixedAdmin(), map[string]string{
		"OVERLOOK_DATABASE_URL": dbURL, "OVERLOOK_DEMO_SCALE": "0.01", "OVERLOOK_OUTBOUND_ALLOW": "127.0.0.1",
		"OVERLOOK_ENCRYPTION_KEY": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
		"OVERLOOK_SCHEDULER_TICK": "100ms", "OVERLOOK_SCHEDULER_SPEED": "120", "OVERLOOK_SCHEDULER_EPOCH": epochNow(),
	})
	a := startChild(t, "node A", mergeEnv(shared, map[string]string{"OVERLOOK_DATA_DIR": t.TempDir()}))
	b := startChild(t, "node B", mergeEnv(shared, map[string]string{"OVERLOOK_DATA_DIR": t.TempDir()}))
	api := loginAPI(t, a.origin, shared["OVERLOOK_ADMIN_CLIENT_ID"], shared["OVERLOOK_ADMIN_CLIENT_SECRET"])
	plan := api.everyMinute(api.firstLookID(), map[string]any{"type": "webhook", "format": "csv", "address": hooks.url()})

	waitUntil(t, deadline, "50 fires", func() bool { f, _ := hooks.fires(); return len(f) >= 50 })
	api.do(http.MethodPatch, "/scheduled_plans/"+plan, map[string]any{"enabled": false}, nil)
	time.Sleep(time.Second) // a delivery that was in flight lands
	fires, count := hooks.fires()
	checkOneIDPerFire(t, hooks.deliveries())
	checkEveryMinute(t, fires)
	for _, f := range fires[:50] {
		if count[f] != 1 {
			t.Errorf("fire %v was delivered %d times", f, count[f])
		}
	}
	t.Logf("%d fires, %d deliveries, in %v; sent by node A: %d, by node B: %d", len(fires), len(hooks.deliveries()),
		time.Since(start).Round(time.Millisecond), a.sent(), b.sent())
}
