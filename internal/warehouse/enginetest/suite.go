package enginetest

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Target is one engine under test. Exec runs setup statements on a
// writable connection to the same database (the engine itself may be
// read-only).
type Target struct {
	Dialect string
	Engine  warehouse.Engine
	Exec    func(query string, args ...any) error
}

// Run runs the conformance suite against the target newTarget opens.
func Run(t *testing.T, newTarget func(t *testing.T) Target) {
	tg := newTarget(t)
	sp, ok := specs[tg.Dialect]
	if !ok {
		t.Fatalf("enginetest: no spec for dialect %q", tg.Dialect)
	}
	setup(t, tg, sp)
	t.Run("Dialect", func(t *testing.T) {
		if got := tg.Engine.Dialect(); got != tg.Dialect {
			t.Fatalf("Dialect() = %q, want %q", got, tg.Dialect)
		}
	})
	t.Run("Test", func(t *testing.T) {
		if err := tg.Engine.Test(context.Background()); err != nil {
			t.Fatalf("Test: %v", err)
		}
	})
	t.Run("TypesRoundTrip", func(t *testing.T) { typesRoundTrip(t, tg, sp) })
	t.Run("BindParameters", func(t *testing.T) { bindParameters(t, tg, sp) })
	t.Run("Streaming", func(t *testing.T) { streaming(t, tg) })
	t.Run("Cancellation", func(t *testing.T) { cancellation(t, tg) })
}

var (
	tsValue   = time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.UTC)
	dateValue = time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	unicode   = "héllo wörld — 世界 🚀 'quoted' \"dq\" \\"
)

func setup(t *testing.T, tg Target, sp spec) {
	ty := sp.types
	stmts := []string{
		"CREATE TABLE rt (id " + ty["int"] + ", i " + ty["int"] + ", b " + ty["bigint"] + ", d " + ty["double"] +
			", n " + ty["decimal"] + ", s " + ty["varchar"] + ", f " + ty["bool"] + ", dt " + ty["date"] + ", ts " + ty["timestamp"] + ")",
		"CREATE TABLE digits (n " + ty["int"] + ")",
	}
	for _, s := range stmts {
		must(t, tg.Exec(s))
	}
	must(t, tg.Exec(sp.rebind("INSERT INTO rt VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		1, int32(42), int64(9007199254740993), 1.5, "12.34", unicode, true, sp.bindTime(dateValue), sp.bindTime(tsValue)))
	must(t, tg.Exec(sp.rebind("INSERT INTO rt VALUES (?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"), 2))
	for i := range 10 {
		must(t, tg.Exec(sp.rebind("INSERT INTO digits VALUES (?)"), i))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// queryAll runs q on the engine and returns its normalized rows.
func queryAll(t *testing.T, e warehouse.Engine, q string, args ...any) [][]any {
	t.Helper()
	rows, err := e.Query(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	must(t, err)
	var out [][]any
	for sc.Next() {
		row, err := sc.Row()
		must(t, err)
		out = append(out, row)
	}
	must(t, sc.Err())
	return out
}

func typesRoundTrip(t *testing.T, tg Target, sp spec) {
	got := queryAll(t, tg.Engine, "SELECT id, i, b, d, n, s, f, dt, ts FROM rt ORDER BY id")
	want := [][]any{
		{int64(1), int64(42), int64(9007199254740993), 1.5, 12.34, unicode, sp.trueValue, dateValue, tsValue},
		{int64(2), nil, nil, nil, nil, nil, nil, nil, nil},
	}
	names := []string{"id", "int", "bigint", "double", "decimal", "varchar", "bool", "date", "timestamp"}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for r := range want {
		for c := range want[r] {
			if !sameValue(got[r][c], want[r][c]) {
				t.Errorf("row %d %s: got %#v (%T), want %#v (%T)", r+1, names[c], got[r][c], got[r][c], want[r][c], want[r][c])
			}
		}
	}
}

func sameValue(got, want any) bool {
	if w, ok := want.(time.Time); ok {
		g, ok := got.(time.Time)
		return ok && g.Equal(w)
	}
	return reflect.DeepEqual(got, want)
}

func bindParameters(t *testing.T, tg Target, sp spec) {
	q := sp.rebind("SELECT id FROM rt WHERE s = ? AND b = ?")
	if got := queryAll(t, tg.Engine, q, unicode, int64(9007199254740993)); len(got) != 1 || got[0][0] != int64(1) {
		t.Fatalf("bound unicode and bigint: got %v, want [[1]]", got)
	}
	// A value that would widen the predicate if pasted into SQL text
	// matches nothing when bound.
	if got := queryAll(t, tg.Engine, sp.rebind("SELECT id FROM rt WHERE s = ?"), "x' OR '1'='1"); len(got) != 0 {
		t.Fatalf("hostile value matched %v", got)
	}
}

// streaming reads 100,000 rows from a five-way cross join of digits.
func streaming(t *testing.T, tg Target) {
	q := "SELECT a.n * 10000 + b.n * 1000 + c.n * 100 + d.n * 10 + e.n AS v " +
		"FROM digits a, digits b, digits c, digits d, digits e"
	rows, err := tg.Engine.Query(context.Background(), q)
	must(t, err)
	defer rows.Close()
	var count, sum int64
	for rows.Next() {
		var v int64
		must(t, rows.Scan(&v))
		count++
		sum += v
	}
	must(t, rows.Err())
	if count != 100000 || sum != 4999950000 {
		t.Fatalf("streamed %d rows summing %d, want 100000 summing 4999950000", count, sum)
	}
}

// cancellation starts a query over 10^13 rows and expects it to stop soon
// after its context is cancelled.
func cancellation(t *testing.T, tg Target) {
	from := make([]string, 13)
	for i := range from {
		from[i] = "digits t" + string(rune('a'+i))
	}
	q := "SELECT COUNT(*) FROM " + strings.Join(from, ", ")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		rows, err := tg.Engine.Query(ctx, q)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a cancelled query finished without error")
		}
		t.Logf("cancelled after %v: %v", time.Since(start).Round(time.Millisecond), err)
	case <-time.After(15 * time.Second):
		t.Fatal("the query was still running 15 s after its context was cancelled")
	}
	// The engine still answers afterwards.
	if err := tg.Engine.Test(context.Background()); err != nil {
		t.Fatalf("Test after cancel: %v", err)
	}
}
