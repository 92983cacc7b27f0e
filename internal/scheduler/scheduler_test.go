package scheduler_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/scheduler/schedulertest"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// start is a whole minute, so every-minute fires fall on clock steps.
var start = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

func openSQLite(t *testing.T, clock *schedulertest.Clock) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetClock(clock.Now)
	return st
}

func createPlan(t *testing.T, st *store.Store, crontab string, dests ...store.ScheduledPlanDestination) *store.ScheduledPlan {
	t.Helper()
	ctx := context.Background()
	if err := st.EnsureRootFolders(ctx); err != nil {
		t.Fatal(err)
	}
	u := &overlook.User{FirstName: "Plan", LastName: "Owner", Locale: "en"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if len(dests) == 0 {
		dests = []store.ScheduledPlanDestination{{Type: "webhook", Address: "https://hooks.example/"}}
	}
	p := &store.ScheduledPlan{Name: "every minute", UserID: u.ID, Crontab: crontab, Enabled: true, Destinations: dests}
	if err := st.CreateScheduledPlan(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}

// recorder is a Deliverer that counts deliveries by delivery id and fails
// the first failFirst attempts of each.
type recorder struct {
	mu        sync.Mutex
	attempts  map[string]int
	delivered map[string]int
	failFirst int
}

func newRecorder(failFirst int) *recorder {
	return &recorder{attempts: map[string]int{}, delivered: map[string]int{}, failFirst: failFirst}
}

func (r *recorder) Deliver(_ context.Context, _ *store.ScheduledPlan, job *store.ScheduledJob) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.attempts[job.DeliveryID]++
	if r.attempts[job.DeliveryID] <= r.failFirst {
		return errors.New("receiver down")
	}
	r.delivered[job.DeliveryID]++
	return nil
}

func (r *recorder) counts() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for k, v := range r.delivered {
		out[k] = v
	}
	return out
}

func TestFastClockDeliversEveryFire(t *testing.T) {
	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	p := createPlan(t, st, "* * * * *")
	rec := newRecorder(0)
	s := scheduler.New(st, rec, quiet, scheduler.WithClock(clock.Now))
	ctx := context.Background()
	for range 20 {
		clock.Advance(time.Minute)
		if err := s.Pass(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got := rec.counts()
	if len(got) != 20 {
		t.Fatalf("%d fires delivered, want 20", len(got))
	}
	for i := 1; i <= 20; i++ {
		id := store.DeliveryID(p.ID, start.Add(time.Duration(i)*time.Minute))
		if got[id] != 1 {
			t.Fatalf("fire %d (%s) delivered %d times", i, id, got[id])
		}
	}
}

func TestCatchUpAfterDowntime(t *testing.T) {
	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	createPlan(t, st, "*/10 * * * *")
	rec := newRecorder(0)
	s := scheduler.New(st, rec, quiet, scheduler.WithClock(clock.Now))
	clock.Advance(time.Hour) // the node was down: six fires are due at once
	if err := s.Pass(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(rec.counts()); n != 6 {
		t.Fatalf("%d fires delivered after an hour down, want 6", n)
	}
}

func TestFailedDeliveryRetriesWithTheSameID(t *testing.T) {
	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	p := createPlan(t, st, "0 9 * * *")
	rec := newRecorder(2)
	s := scheduler.New(st, rec, quiet, scheduler.WithClock(clock.Now), scheduler.WithRetries(5, time.Minute))
	ctx := context.Background()
	clock.Advance(time.Hour) // 09:00 fires
	for range 4 {
		if err := s.Pass(ctx); err != nil {
			t.Fatal(err)
		}
		clock.Advance(90 * time.Second) // past the 1m, then 2m backoff over the passes
		clock.Advance(90 * time.Second)
	}
	id := store.DeliveryID(p.ID, start.Add(time.Hour))
	if rec.attempts[id] != 3 || rec.counts()[id] != 1 {
		t.Fatalf("attempts %d, deliveries %d; want 3 attempts, 1 delivery", rec.attempts[id], rec.counts()[id])
	}
	jobs, _ := st.JobsOfPlan(ctx, p.ID)
	if len(jobs) != 1 || jobs[0].Status != store.JobSuccess || jobs[0].Attempts != 3 {
		t.Fatalf("job %+v", jobs[0])
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	p := createPlan(t, st, "0 9 * * *")
	s := scheduler.New(st, newRecorder(100), quiet, scheduler.WithClock(clock.Now), scheduler.WithRetries(3, time.Second))
	ctx := context.Background()
	clock.Advance(time.Hour)
	for range 5 {
		s.Pass(ctx)
		clock.Advance(time.Minute)
	}
	jobs, _ := st.JobsOfPlan(ctx, p.ID)
	if jobs[0].Status != store.JobFailure || jobs[0].Attempts != 3 || jobs[0].Error == "" {
		t.Fatalf("job %+v, want a failure after 3 attempts", jobs[0])
	}
}

func TestCronInTimeZone(t *testing.T) {
	sched, err := scheduler.ParseSchedule("30 2 * * *", "Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	// 2026-03-29 02:30 does not exist in Paris (clocks jump from 02:00 to
	// 03:00): that day has no fire.
	fires := sched.Fires(time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC), time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	var days []string
	for _, f := range fires {
		days = append(days, f.UTC().Format("01-02 15:04"))
	}
	want := []string{"03-28 01:30", "03-30 00:30"}
	if len(days) != len(want) || days[0] != want[0] || days[1] != want[1] {
		t.Fatalf("fires %v, want %v", days, want)
	}
	for _, bad := range [][2]string{{"61 * * * *", ""}, {"* * *", ""}, {"* * * * *", "Mars/Olympus"}, {"CRON_TZ=UTC * * * * *", ""}} {
		if _, err := scheduler.ParseSchedule(bad[0], bad[1]); err == nil {
			t.Errorf("ParseSchedule(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

// TestTwoNodesDeliverEachFireOnce runs two schedulers on one PostgreSQL
// metadata database: 50 fires, each delivered exactly once.
func TestTwoNodesDeliverEachFireOnce(t *testing.T) {
	dsn := storetest.PostgresDatabase(t, storetest.PostgresAdmin(t))
	clock := schedulertest.NewClock(start)
	open := func() *store.Store {
		st, err := store.Open(context.Background(), dsn, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetClock(clock.Now)
		return st
	}
	a, b := open(), open()
	createPlan(t, a, "* * * * *")
	rec := newRecorder(0)
	clock.Advance(50 * time.Minute)
	var wg sync.WaitGroup
	for i, st := range []*store.Store{a, b} {
		s := scheduler.New(st, rec, quiet, scheduler.WithClock(clock.Now), scheduler.WithNode([]string{"a", "b"}[i]))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Pass(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got := rec.counts()
	if len(got) != 50 {
		t.Fatalf("%d fires delivered, want 50", len(got))
	}
	for id, n := range got {
		if n != 1 {
			t.Fatalf("%s delivered %d times", id, n)
		}
	}
}
