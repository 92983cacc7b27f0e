package results

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/lookerexpr"
)

// ApplyTableCalcs computes the table calculations of a pivoted result
// once every row, total and row total is in the table. A calculation that
// reads a measure (or another such calculation) is computed per pivot
// column, over that column's values, and spread like a measure; the pivot
// functions read the other columns of the row. A calculation of the row
// dimensions alone, or of measures only through pivot_row, pivot_index or
// pivot_where, has one value per row and is written after the pivoted
// columns. Totals and row totals are computed over the totals' values.
// The rows are then sorted on the calculations sorted on (a pivoted one by
// its first pivot column).
func (t *PivotTable) ApplyTableCalcs(calcs []TableCalc, now time.Time) error {
	if len(calcs) == 0 {
		return nil
	}
	t.sortPivots()
	pc := &pivotCalcs{t: t, calcs: calcs, now: now, state: make([]int, len(calcs)),
		values: make([][][]any, len(calcs)), totals: make([][]any, len(calcs))}
	pc.classify()
	for i := range calcs {
		if err := pc.compute(i); err != nil {
			return err
		}
	}
	pc.store()
	t.sortOnCalcs(calcs, pc.pivoted)
	return nil
}

type pivotCalcs struct {
	t       *PivotTable
	calcs   []TableCalc
	now     time.Time
	pivoted []bool
	state   []int // 0 to do, 1 being computed, 2 done
	// values[i][p] is calculation i over pivot column p (p == len(pivots):
	// the row total); an unpivoted calculation has its one column at 0.
	values [][][]any
	totals [][]any // totals[i][p]: over the totals row
}

// classify marks the calculations spread over the pivots, to a fixed
// point: a calculation reading a pivoted one is pivoted too.
func (pc *pivotCalcs) classify() {
	pc.pivoted = make([]bool, len(pc.calcs))
	isPivoted := func(name string) bool {
		if k := pc.calcIndex(name); k >= 0 {
			return pc.pivoted[k]
		}
		i := pc.t.column(name)
		if i < 0 {
			i = pc.t.columnFold(name)
		}
		return i >= 0 && (slices.Contains(pc.t.measures, i) || slices.Contains(pc.t.pivotDims, i))
	}
	for changed := true; changed; {
		changed = false
		for i, tc := range pc.calcs {
			if !pc.pivoted[i] && lookerexpr.Pivoted(tc.Expr, isPivoted) {
				pc.pivoted[i], changed = true, true
			}
		}
	}
}

func (pc *pivotCalcs) calcIndex(name string) int {
	for k, tc := range pc.calcs {
		if strings.EqualFold(tc.Column.Name, name) {
			return k
		}
	}
	return -1
}

// columns is how many pivot columns calculation i is computed over.
func (pc *pivotCalcs) columns(i int) int {
	if !pc.pivoted[i] {
		return 1
	}
	n := len(pc.t.pivots)
	if pc.t.hasRowTotals {
		n++
	}
	return n
}

func (pc *pivotCalcs) compute(i int) error {
	switch pc.state[i] {
	case 2:
		return nil
	case 1:
		return fmt.Errorf("table calculation %s depends on itself", pc.calcs[i].Column.Name)
	}
	pc.state[i] = 1
	tc := pc.calcs[i]
	n := pc.columns(i)
	pc.values[i], pc.totals[i] = make([][]any, n), make([]any, n)
	for p := range n {
		col := p
		if !pc.pivoted[i] {
			col = len(pc.t.pivots) // no pivot column of its own
		}
		vals, err := lookerexpr.Eval(tc.Expr, pc.table(col, false))
		if err != nil {
			return fmt.Errorf("table calculation %s: %w", tc.Column.Name, err)
		}
		pc.values[i][p] = vals
		if pc.t.hasTotals {
			// A calculation that fails over the totals is null there.
			if tot, err := lookerexpr.Eval(tc.Expr, pc.table(col, true)); err == nil && len(tot) == 1 {
				pc.totals[i][p] = tot[0]
			}
		}
	}
	pc.state[i] = 2
	return nil
}

// table is pivot column p as a table calculation reads it: the rows, or
// the one totals row.
func (pc *pivotCalcs) table(p int, totals bool) lookerexpr.Table {
	rows := len(pc.t.rows)
	if totals {
		rows = 1
	}
	return lookerexpr.Table{Rows: rows, Now: pc.now,
		Column: func(name string) ([]any, error) { return pc.column(name, p, totals) },
		Pivot: &lookerexpr.Pivot{Index: p, Count: len(pc.t.pivots),
			At: func(q int) lookerexpr.Table { return pc.table(q, totals) }}}
}

// column is a name's values in pivot column p.
func (pc *pivotCalcs) column(name string, p int, totals bool) ([]any, error) {
	if k := pc.calcIndex(name); k >= 0 {
		if err := pc.compute(k); err != nil {
			return nil, err
		}
		q := 0
		if pc.pivoted[k] {
			q = p
		}
		if q >= len(pc.values[k]) {
			return nil, nil // the row total of a table without one
		}
		if totals {
			return []any{pc.totals[k][q]}, nil
		}
		return pc.values[k][q], nil
	}
	i := pc.t.column(name)
	if i < 0 {
		i = pc.t.columnFold(name)
	}
	if i < 0 {
		return nil, fmt.Errorf("%s is not a column of the result", name)
	}
	rows := len(pc.t.rows)
	if totals {
		rows = 1
	}
	out := make([]any, rows)
	for r := range out {
		out[r] = pc.t.valueAt(i, p, r, totals)
	}
	return out, nil
}

// valueAt is column i's value at pivot column p of row r (or of the
// totals row).
func (t *PivotTable) valueAt(i, p, r int, totals bool) any {
	if j := slices.Index(t.rowDims, i); j >= 0 {
		if totals {
			return nil
		}
		return t.rows[r].dims[j]
	}
	if j := slices.Index(t.pivotDims, i); j >= 0 {
		if p >= len(t.pivots) {
			return nil
		}
		return t.pivots[p].Data[j]
	}
	m := slices.Index(t.measures, i)
	if totals {
		return t.totalCell(p, m)
	}
	return t.cell(t.rows[r], p, m)
}

// columnFold finds a column ignoring case, as expressions name them.
func (t *PivotTable) columnFold(name string) int {
	for i, c := range t.cols {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// store adds the calculations to the table: pivoted ones as measures of
// every cell, totals and row totals; the others as row values.
func (pc *pivotCalcs) store() {
	t := pc.t
	for i, tc := range pc.calcs {
		t.cols = append(t.cols, tc.Column)
		col := len(t.cols) - 1
		if !pc.pivoted[i] {
			t.rowCalcs = append(t.rowCalcs, col)
			for r, row := range t.rows {
				row.calcs = append(row.calcs, calcValue(pc.values[i][0][r]))
			}
			t.calcTotals = append(t.calcTotals, calcValue(pc.totals[i][0]))
			continue
		}
		t.measures = append(t.measures, col)
		width := len(t.measures)
		for r, row := range t.rows {
			for p := range t.pivots {
				row.cells[p] = withValue(row.cells[p], width, pc.values[i][p][r])
			}
			if t.hasRowTotals {
				row.total = withValue(row.total, width, pc.values[i][len(t.pivots)][r])
			}
		}
		if t.hasTotals {
			for p := range t.pivots {
				t.totals[p] = withValue(t.totals[p], width, pc.totals[i][p])
			}
			if t.hasRowTotals {
				t.grand = withValue(t.grand, width, pc.totals[i][len(t.pivots)])
			}
		}
	}
}

// withValue is vals (nulls when nil) grown to width, v last.
func withValue(vals []any, width int, v any) []any {
	out := make([]any, width)
	copy(out, vals)
	out[width-1] = calcValue(v)
	return out
}

// sortOnCalcs orders the row groups on the calculations sorted on,
// keeping the query's order among equal values.
func (t *PivotTable) sortOnCalcs(calcs []TableCalc, pivoted []bool) {
	var keys []int
	for i, tc := range calcs {
		if tc.SortOrder > 0 {
			keys = append(keys, i)
		}
	}
	if len(keys) == 0 {
		return
	}
	slices.SortStableFunc(keys, func(a, b int) int { return calcs[a].SortOrder - calcs[b].SortOrder })
	key := func(r *pivotRow, i int) any {
		col := t.cols[len(t.cols)-len(calcs)+i]
		if !pivoted[i] {
			return r.calcs[slices.Index(t.rowCalcs, t.column(col.Name))]
		}
		return t.cell(r, 0, slices.Index(t.measures, t.column(col.Name)))
	}
	slices.SortStableFunc(t.rows, func(x, y *pivotRow) int {
		for _, k := range keys {
			c := compareCells(key(x, k), key(y, k))
			if calcs[k].SortDesc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}
