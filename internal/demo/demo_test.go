package demo_test

import (
	"context"
	"database/sql"
	"maps"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
)

var asOf = time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

func opts(seed uint64) demo.Options {
	return demo.Options{Scale: 0.01, AsOf: asOf, Seed: seed}
}

func TestSameOptionsSameRows(t *testing.T) {
	a, err := demo.ExpectedChecksums(context.Background(), opts(7))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := demo.ExpectedChecksums(context.Background(), opts(7))
	if !maps.Equal(a, b) {
		t.Fatalf("same options, different checksums:\n%v\n%v", a, b)
	}
	c, _ := demo.ExpectedChecksums(context.Background(), opts(8))
	for _, tb := range demo.Tables {
		if tb.Name != "distribution_centers" && a[tb.Name] == c[tb.Name] {
			t.Errorf("%s: another seed gave the same rows", tb.Name)
		}
	}
	d, _ := demo.ExpectedChecksums(context.Background(), demo.Options{Scale: 0.01, AsOf: asOf.AddDate(0, 0, 1), Seed: 7})
	if a["orders"] == d["orders"] {
		t.Error("another as-of date gave the same orders")
	}
}

// countSink counts rows and checks them against AsOf.
type countSink struct {
	t      *testing.T
	counts map[string]int
	latest time.Time
}

func (s *countSink) Table(name string, cols []demo.Column) (demo.TableWriter, error) {
	return &countTable{s: s, name: name, cols: cols}, nil
}

type countTable struct {
	s    *countSink
	name string
	cols []demo.Column
}

func (c *countTable) Write(row []any) error {
	if len(row) != len(c.cols) {
		c.s.t.Fatalf("%s: %d values for %d columns", c.name, len(row), len(c.cols))
	}
	c.s.counts[c.name]++
	for _, v := range row {
		if tm, ok := v.(time.Time); ok && tm.After(c.s.latest) {
			c.s.latest = tm
		}
	}
	return nil
}

func (c *countTable) Close() error { return nil }

func TestCountsAndAsOf(t *testing.T) {
	s := &countSink{t: t, counts: map[string]int{}}
	if err := demo.Generate(context.Background(), s, demo.Options{Scale: 0.1, AsOf: asOf, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{ // about a tenth of scale 1
		"distribution_centers": {10, 10}, "products": {2900, 2925}, "users": {10000, 10000}, "orders": {12500, 12500},
		"order_items": {17000, 19000}, "inventory_items": {47000, 51000}, "events": {90000, 110000},
	}
	for name, r := range want {
		if n := s.counts[name]; n < r[0] || n > r[1] {
			t.Errorf("%s: %d rows, want %d to %d", name, n, r[0], r[1])
		}
	}
	end := asOf.AddDate(0, 0, 1)
	if !s.latest.Before(end) || s.latest.Before(asOf) {
		t.Errorf("latest timestamp %v, want within the as-of day %v", s.latest, asOf)
	}
}

func TestRefusesBadOptions(t *testing.T) {
	for _, o := range []demo.Options{{Scale: -1, AsOf: asOf}, {Scale: 1e9, AsOf: asOf}, {Scale: 1}} {
		if err := demo.Generate(context.Background(), &countSink{t: t, counts: map[string]int{}}, o, nil); err == nil {
			t.Errorf("%+v accepted", o)
		}
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := demo.Generate(ctx, &countSink{t: t, counts: map[string]int{}}, demo.Options{Scale: 0.1, AsOf: asOf}, nil); err == nil {
		t.Fatal("a cancelled generation finished")
	}
}

// TestLoadSQL loads PostgreSQL and MariaDB and finds the in-memory
// checksums in both: the same rows, whichever database holds them.
func TestLoadSQL(t *testing.T) {
	want, err := demo.ExpectedChecksums(context.Background(), opts(3))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dialect string
		open    func(*testing.T) *sql.DB
	}{
		{"postgres", func(t *testing.T) *sql.DB { _, db := enginetest.Postgres(t); return db }},
		{"mysql", func(t *testing.T) *sql.DB { _, db := enginetest.MySQL(t); return db }},
	} {
		t.Run(tc.dialect, func(t *testing.T) {
			db := tc.open(t)
			ctx := context.Background()
			if err := demo.LoadSQL(ctx, db, tc.dialect, opts(3), nil); err != nil {
				t.Fatal(err)
			}
			got, err := demo.Checksums(ctx, func(q string) (*sql.Rows, error) { return db.QueryContext(ctx, q) })
			if err != nil {
				t.Fatal(err)
			}
			for name, w := range want {
				if got[name] != w {
					t.Errorf("%s: checksum %s, want %s", name, got[name], w)
				}
			}
		})
	}
}
