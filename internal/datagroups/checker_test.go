package datagroups

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// countingEngine runs trigger SQL on a SQLite database and counts it.
type countingEngine struct {
	db   *sql.DB
	runs atomic.Int32
}

func (e *countingEngine) Dialect() string                { return "sqlite" }
func (e *countingEngine) Test(ctx context.Context) error { return e.db.PingContext(ctx) }
func (e *countingEngine) Close() error                   { return nil }
func (e *countingEngine) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	e.runs.Add(1)
	return e.db.QueryContext(ctx, q, args...)
}
func (e *countingEngine) Engine(context.Context, string) (warehouse.Engine, error) { return e, nil }

type fixture struct {
	st    *store.Store
	eng   *countingEngine
	model *semantic.Model
	dg    *semantic.Datagroup
}

func newFixture(t *testing.T, dg *semantic.Datagroup) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.EnsureRootFolders(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "wh.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE etl (loaded INTEGER); INSERT INTO etl VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	m := &semantic.Model{Name: "shop", Connection: "wh", PersistWith: dg.Name, Datagroups: []*semantic.Datagroup{dg}}
	return &fixture{st: st, eng: &countingEngine{db: db}, model: m, dg: dg}
}

func (f *fixture) checker() *Checker {
	return NewChecker(f.st, func() []*semantic.Model { return []*semantic.Model{f.model} }, f.eng,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
}

func (f *fixture) state(t *testing.T) *store.Datagroup {
	t.Helper()
	list, err := f.st.Datagroups(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("datagroups %v, %v", list, err)
	}
	return list[0]
}

func TestSQLTriggerChangeTriggersOnce(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, &semantic.Datagroup{Name: "etl", SQLTrigger: semantic.Template{Text: "SELECT MAX(loaded) FROM etl"},
		IntervalTrigger: "1 hour", MaxCacheAge: "24 hours"})
	owner := &store.ScheduledPlan{Name: "after etl", UserID: mustUser(t, f.st), QueryID: 1, Datagroup: "etl", Enabled: true,
		Destinations: []store.ScheduledPlanDestination{{Type: "email", Format: "csv", Address: "a@example.com"}}}
	if err := f.st.CreateScheduledPlan(ctx, owner); err != nil {
		t.Fatal(err)
	}
	a, b := f.checker(), f.checker() // two nodes
	t0 := time.Now().Add(time.Minute)
	for _, c := range []*Checker{a, b} {
		if err := c.Pass(ctx, t0); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.eng.runs.Load(); n != 1 {
		t.Fatalf("trigger ran %d times for one due check by two nodes", n)
	}
	if s := f.state(t); s.TriggerValue != "1" || !s.TriggeredAt.IsZero() {
		t.Fatalf("the first value is a baseline: %+v", s)
	}
	f.eng.db.Exec(`INSERT INTO etl VALUES (2)`)
	if err := a.Pass(ctx, t0.Add(30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if n := f.eng.runs.Load(); n != 1 {
		t.Fatalf("checked again before interval_trigger passed (%d runs)", n)
	}
	t1 := t0.Add(61 * time.Minute)
	for _, c := range []*Checker{b, a} {
		if err := c.Pass(ctx, t1); err != nil {
			t.Fatal(err)
		}
	}
	s := f.state(t)
	if s.TriggerValue != "2" || !s.TriggeredAt.Equal(t1.Truncate(time.Millisecond)) || !s.StaleBefore.Equal(s.TriggeredAt) {
		t.Fatalf("after the change: %+v", s)
	}
	jobs, _ := f.st.JobsOfPlan(ctx, owner.ID)
	if len(jobs) != 1 || !jobs[0].FireAt.Equal(s.TriggeredAt) {
		t.Fatalf("datagroup plan jobs %+v, want one at the trigger", jobs)
	}
	if age := queries.MaxAge(f.model, time.Hour); age >= 0 {
		t.Fatalf("max age %v: results before the trigger (in the future here) must be stale", age)
	}
}

func TestIntervalTrigger(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, &semantic.Datagroup{Name: "hourly", IntervalTrigger: "1 hour"})
	c := f.checker()
	t0 := time.Date(2030, 1, 1, 10, 15, 0, 0, time.UTC)
	for _, at := range []time.Time{t0, t0.Add(30 * time.Minute)} {
		if err := c.Pass(ctx, at); err != nil {
			t.Fatal(err)
		}
	}
	if s := f.state(t); !s.TriggeredAt.IsZero() {
		t.Fatalf("no boundary passed yet: %+v", s)
	}
	t1 := t0.Add(50 * time.Minute)
	if err := c.Pass(ctx, t1); err != nil {
		t.Fatal(err)
	}
	if s := f.state(t); !s.TriggeredAt.Equal(t1) || f.eng.runs.Load() != 0 {
		t.Fatalf("crossing 11:00 triggers: %+v (sql runs %d)", s, f.eng.runs.Load())
	}
}

func TestFailedTriggerKeepsValue(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, &semantic.Datagroup{Name: "broken", SQLTrigger: semantic.Template{Text: "SELECT nope FROM missing"}})
	if err := f.checker().Pass(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	if s := f.state(t); s.TriggerError == "" || !s.TriggeredAt.IsZero() {
		t.Fatalf("a failing trigger records its error and triggers nothing: %+v", s)
	}
}

func mustUser(t *testing.T, st *store.Store) int64 {
	t.Helper()
	u := &overlook.User{FirstName: "Plan", LastName: "Owner"}
	if err := st.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u.ID
}
