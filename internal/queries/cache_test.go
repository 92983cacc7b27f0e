package queries

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/semantic"
)

// countingEngine counts the queries that reach the database.
type countingEngine struct {
	sqliteEngine
	runs *int
}

func (e countingEngine) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	*e.runs++
	return e.sqliteEngine.Query(ctx, q, args...)
}

// clock is a test clock moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// newTestCache is an empty cache on a hand-moved clock, and an engine
// counting the runs that reach the database.
func newTestCache(t *testing.T) (*Cache, *clock, countingEngine, *int) {
	t.Helper()
	clk := &clock{t: time.Unix(1_700_000_000, 0)}
	ca := NewCache()
	ca.Now = clk.now
	runs := new(int)
	return ca, clk, countingEngine{openEngine(t), runs}, runs
}

func cachedRun(t *testing.T, ca *Cache, eng countingEngine, pol CachePolicy) (string, bool, error) {
	t.Helper()
	csv, _ := results.Resolve("csv")
	c := &compiler.Compiled{SQL: `SELECT 3 AS "n.count", 1 AS "n.__sort_"`, Columns: countColumn}
	var out bytes.Buffer
	rows, hit, err := ca.Run(context.Background(), eng, c, csv, &out, results.Options{}, pol)
	if err == nil && rows != 1 {
		t.Errorf("rows %d, want 1", rows)
	}
	return out.String(), hit, err
}

func TestCacheRunHitBypassExpiry(t *testing.T) {
	ca, clk, eng, runs := newTestCache(t)
	pol := CachePolicy{Key: "k", MaxAge: time.Minute}

	first, hit, err := cachedRun(t, ca, eng, pol)
	if err != nil || hit || *runs != 1 || first != "N Count\n3\n" {
		t.Fatalf("first run: %q hit %v runs %d err %v", first, hit, *runs, err)
	}
	if again, hit, _ := cachedRun(t, ca, eng, pol); !hit || *runs != 1 || again != first {
		t.Errorf("second run: %q hit %v runs %d", again, hit, *runs)
	}
	bypass := pol
	bypass.Bypass = true
	if _, hit, _ := cachedRun(t, ca, eng, bypass); hit || *runs != 2 {
		t.Errorf("cache=false: hit %v runs %d, want a second database run", hit, *runs)
	}
	clk.t = clk.t.Add(time.Minute)
	if _, hit, _ := cachedRun(t, ca, eng, pol); hit || *runs != 3 {
		t.Errorf("after max age: hit %v runs %d, want a fresh run", hit, *runs)
	}
}

func TestCacheOnly(t *testing.T) {
	ca, clk, eng, runs := newTestCache(t)
	only := CachePolicy{Key: "k", MaxAge: time.Minute, Only: true}

	_, _, err := cachedRun(t, ca, eng, only)
	if e := (*overlook.Error)(nil); !errors.As(err, &e) || e.Code != overlook.ENOTFOUND || *runs != 0 {
		t.Fatalf("cache_only miss: %v (runs %d), want a 404 and no run", err, *runs)
	}
	_, _, _ = cachedRun(t, ca, eng, CachePolicy{Key: "k", MaxAge: time.Minute})
	clk.t = clk.t.Add(time.Hour)
	if out, hit, err := cachedRun(t, ca, eng, only); err != nil || !hit || *runs != 1 || out != "N Count\n3\n" {
		t.Errorf("cache_only on a stale entry: %q hit %v runs %d err %v", out, hit, *runs, err)
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	ca := &Cache{EntryBytes: 4, TotalBytes: 8}
	ca.Put("a", []byte("aaaa"), 1)
	ca.Put("b", []byte("bbbb"), 1)
	if _, ok := ca.Get("a", time.Hour, false); !ok { // a is now the most recent
		t.Fatal("a missing")
	}
	ca.Put("c", []byte("cccc"), 1)
	if _, ok := ca.Get("b", time.Hour, false); ok {
		t.Error("b, the least recently used, was kept over budget")
	}
	for _, k := range []CacheKey{"a", "c"} {
		if _, ok := ca.Get(k, time.Hour, false); !ok {
			t.Errorf("%s evicted", k)
		}
	}
	ca.Put("big", []byte("12345"), 1)
	if _, ok := ca.Get("big", time.Hour, false); ok || ca.Len() != 2 {
		t.Errorf("an entry over the cap was stored (%d entries)", ca.Len())
	}
}

func TestCacheKeyParts(t *testing.T) {
	c := &compiler.Compiled{SQL: "SELECT ?", Args: []any{int64(1)}, Columns: countColumn}
	base := KeyInput{Connection: "thelook", Compiled: c, Format: "json", UserAttributes: map[string]string{"brand": "A"}}
	variants := map[string]KeyInput{}
	v := base
	v.UserAttributes = map[string]string{"brand": "B"}
	variants["attributes"] = v
	v = base
	v.Connection = "other"
	variants["connection"] = v
	v = base
	v.Format = "csv"
	variants["format"] = v
	v = base
	v.Options.ApplyFormatting = true
	variants["apply_formatting"] = v
	v = base
	v.Compiled = &compiler.Compiled{SQL: "SELECT ?", Args: []any{"1"}, Columns: countColumn}
	variants["argument type"] = v
	for name, in := range variants {
		if in.Key() == base.Key() {
			t.Errorf("a different %s shares the key", name)
		}
	}
	same := base
	same.UserAttributes = map[string]string{"brand": "A"}
	if same.Key() != base.Key() {
		t.Error("equal inputs hash differently")
	}
}

func TestMaxAge(t *testing.T) {
	m := &semantic.Model{PersistWith: "dg", Datagroups: []*semantic.Datagroup{{Name: "other", MaxCacheAge: "1 second"},
		{Name: "dg", MaxCacheAge: "30 minutes"}}}
	if got := MaxAge(m, time.Hour); got != 30*time.Minute {
		t.Errorf("persist_with datagroup: %v", got)
	}
	if got := MaxAge(&semantic.Model{}, time.Hour); got != time.Hour {
		t.Errorf("no datagroup: %v", got)
	}
	for in, want := range map[string]time.Duration{"1 hour": time.Hour, "24 hours": 24 * time.Hour, "2 days": 48 * time.Hour,
		"45 seconds": 45 * time.Second} {
		if got, ok := ParseCacheAge(in); !ok || got != want {
			t.Errorf("%q: %v %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "hour", "-1 hour", "1 fortnight"} {
		if _, ok := ParseCacheAge(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCacheRunHoldsASlotOnlyToRun(t *testing.T) {
	ca, _, eng, runs := newTestCache(t)
	r := &TaskRunner{perUser: 1, slots: map[int64]chan struct{}{}}
	held, released := 0, 0
	pol := CachePolicy{Key: "k", MaxAge: time.Minute, Hold: func(ctx context.Context) (func(), error) {
		release, err := r.Hold(ctx, 7)
		if err != nil {
			return nil, err
		}
		held++
		return func() { released++; release() }, nil
	}}
	if _, hit, err := cachedRun(t, ca, eng, pol); err != nil || hit {
		t.Fatalf("first run: hit %v, %v", hit, err)
	}
	if _, hit, _ := cachedRun(t, ca, eng, pol); !hit || held != 1 || released != 1 || *runs != 1 {
		t.Fatalf("hit %v, held %d, released %d, runs %d: want the hit to take no slot", hit, held, released, *runs)
	}

	// With the user's only slot taken, a run waits until its context ends.
	release, err := r.Hold(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	pol.Bypass = true
	var out bytes.Buffer
	csv, _ := results.Resolve("csv")
	c := &compiler.Compiled{SQL: `SELECT 3 AS "n.count", 1 AS "n.__sort_"`, Columns: countColumn}
	if _, _, err := ca.Run(ctx, eng, c, csv, &out, results.Options{}, pol); !errors.Is(err, context.DeadlineExceeded) || *runs != 1 {
		t.Fatalf("err %v, runs %d: want the run to wait for a slot and give up with its context", err, *runs)
	}
	// Another user is not held up.
	other, err := r.Hold(context.Background(), 8)
	if err != nil {
		t.Fatal(err)
	}
	other()
}

func TestMaxAgeStaleBefore(t *testing.T) {
	dg := &semantic.Datagroup{Name: "etl", MaxCacheAge: "1 hour"}
	m := &semantic.Model{PersistWith: "etl", Datagroups: []*semantic.Datagroup{dg}}
	SetStaleBefore(dg, time.Now().Add(-time.Minute))
	if got := MaxAge(m, 24*time.Hour); got < time.Minute || got > 2*time.Minute {
		t.Fatalf("max age %v: want about a minute (since the group went stale)", got)
	}
	SetStaleBefore(dg, time.Now().Add(time.Hour))
	if got := MaxAge(m, 24*time.Hour); got >= 0 {
		t.Fatalf("max age %v: a group stale until later keeps nothing", got)
	}
	other := &semantic.Model{PersistWith: "etl", Datagroups: []*semantic.Datagroup{{Name: "etl"}}}
	if got := MaxAge(other, time.Hour); got != time.Hour {
		t.Fatalf("another catalog's group is untouched: %v", got)
	}
}
