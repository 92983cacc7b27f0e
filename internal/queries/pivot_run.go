package queries

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// shaped reports whether c is more than one streamed statement: a pivot
// to reshape, or totals to run beside it.
func shaped(c *compiler.Compiled) bool {
	return len(c.Pivots) > 0 || c.Totals != nil
}

// runShaped runs a query with totals or pivots. Totals of an unpivoted
// query come first (one row), then its rows stream as usual. A pivoted
// query is read whole (its row and column limits bound it), its row
// totals and totals are matched to it, and the table is written.
func runShaped(ctx context.Context, eng warehouse.Engine, c *compiler.Compiled, f results.Format, w io.Writer, opt results.Options) (int, error) {
	if !f.RunsQuery {
		return 0, results.WriteSQL(w, c.SQL)
	}
	if len(c.Pivots) == 0 {
		totals, err := totalsRow(ctx, eng, c)
		if err != nil {
			return 0, err
		}
		plain := *c
		plain.Totals = nil
		opt.Totals = totals
		return Run(ctx, eng, &plain, f, w, opt)
	}
	cols, _ := Columns(c)
	t, err := results.NewPivotTable(cols, c.Pivots)
	if err != nil {
		return 0, err
	}
	colRank, rowRank := rankColumn(c, compiler.PivotColRank), rankColumn(c, compiler.PivotRowRank)
	if colRank < 0 || rowRank < 0 {
		return 0, errors.New("queries: a pivoted query without its rank columns")
	}
	add := func(vals, raw []any) error {
		if c.Limit > 0 && rankOf(raw[rowRank]) > float64(c.Limit) {
			return t.AddPivot(vals, rankOf(raw[colRank]))
		}
		return t.Add(vals, rankOf(raw[colRank]))
	}
	only := func(fn func([]any) error) func(vals, raw []any) error {
		return func(vals, _ []any) error { return fn(vals) }
	}
	steps := []struct {
		q   *compiler.Compiled
		add func(vals, raw []any) error
	}{{c, add}, {c.RowTotals, only(t.AddRowTotal)}, {c.Totals, only(t.AddTotal)}, {c.GrandTotals, only(t.SetGrandTotal)}}
	if c.RowTotals != nil {
		t.ExpectRowTotals()
	}
	if c.Totals != nil {
		t.ExpectTotals()
	}
	for _, s := range steps {
		if s.q == nil {
			continue
		}
		if err := eachRow(ctx, eng, s.q, s.add); err != nil {
			return 0, err
		}
	}
	if err := t.ApplyTableCalcs(resultCalcs(c), time.Now()); err != nil {
		return 0, overlook.Invalid("dynamic_fields", "invalid", "%v", err)
	}
	return f.WritePivot(w, t, opt)
}

// totalsRow runs c's totals query and lays its one row out in the order
// of c's visible columns (NULL under the dimensions).
func totalsRow(ctx context.Context, eng warehouse.Engine, c *compiler.Compiled) ([]any, error) {
	cols, _ := Columns(c)
	tcols, _ := Columns(c.Totals)
	row := make([]any, len(cols))
	err := eachRow(ctx, eng, c.Totals, func(vals, _ []any) error {
		for j, tc := range tcols {
			for i, col := range cols {
				if col.Name == tc.Name {
					row[i] = vals[j]
				}
			}
		}
		return nil
	})
	return row, err
}

// eachRow runs q and hands each row's visible values, copied, and all
// its values to fn.
func eachRow(ctx context.Context, eng warehouse.Engine, q *compiler.Compiled, fn func(vals, raw []any) error) error {
	rows, err := eng.Query(ctx, q.SQL, q.Args...)
	if err != nil {
		return databaseError(err)
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		return databaseError(err)
	}
	_, keep := Columns(q)
	for sc.Next() {
		raw, err := sc.Row()
		if err != nil {
			return databaseError(err)
		}
		vals := make([]any, len(keep))
		for j, k := range keep {
			vals[j] = raw[k]
		}
		if err := fn(vals, raw); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return databaseError(err)
	}
	return nil
}

// putShape adds what a shaped query's bytes also depend on to a cache
// key: its pivots and its totals queries.
func putShape(put func(...string), c *compiler.Compiled) {
	put("pivots", strings.Join(c.Pivots, "\x00"), strconv.Itoa(c.ColumnLimit))
	for _, s := range []*compiler.Compiled{c.Totals, c.RowTotals, c.GrandTotals} {
		if s == nil {
			put("none")
			continue
		}
		put(s.SQL)
		putArgs(put, s.Args)
		putColumns(put, s.Columns)
	}
}

// rankColumn is the index of the named rank among c's columns.
func rankColumn(c *compiler.Compiled, name string) int {
	for i, col := range c.Columns {
		if col.Name == name {
			return i
		}
	}
	return -1
}

// rankOf reads a rank as the database returns it.
func rankOf(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case json.Number:
		f, _ := x.Float64()
		return f
	case string:
		f, _ := strconv.ParseFloat(x, 64)
		return f
	}
	return 0
}
