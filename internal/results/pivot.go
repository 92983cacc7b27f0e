package results

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pivot keys. A pivot value's key is its pivoted fields' values as text,
// joined by KeySeparator; the row totals have their own key.
const (
	KeySeparator = "|FIELD|"
	RowTotalKey  = "$$$_row_total_$$$"
	// nullKey stands for a NULL pivot value in a key.
	nullKey = "∅"
)

// PivotTable is a pivoted result held whole (a pivoted query's rows are
// bounded by its row and column limits): one row per row group, and in
// it one cell of measures per pivot value.
type PivotTable struct {
	cols      []Column
	rowDims   []int // indexes into cols
	pivotDims []int
	measures  []int

	pivots []PivotValue
	ranks  []float64      // each pivot value's column rank
	byKey  map[string]int // pivot key → index in pivots
	rows   []*pivotRow
	byRow  map[string]*pivotRow

	hasRowTotals bool
	hasTotals    bool
	totals       map[int][]any // pivot index → measure totals
	grand        []any         // the row total of the totals

	// rowCalcs are the table calculations with one value per row (see
	// ApplyTableCalcs), calcTotals their values over the totals.
	rowCalcs   []int
	calcTotals []any
}

// PivotValue is one pivot column: its key and the pivoted fields' values.
type PivotValue struct {
	Key  string
	Data []any // in the order of the table's pivoted fields
}

type pivotRow struct {
	dims  []any
	cells map[int][]any // pivot index → measure values
	total []any         // row total measures; nil when none
	calcs []any         // the values of the table's rowCalcs
}

// NewPivotTable prepares a table over the long rows of a pivoted query,
// whose columns are cols; pivots name the pivoted columns. Every other
// dimension is a row dimension, every measure and table calculation is
// pivoted.
func NewPivotTable(cols []Column, pivots []string) (*PivotTable, error) {
	t := &PivotTable{cols: cols, byKey: map[string]int{}, byRow: map[string]*pivotRow{}, totals: map[int][]any{}}
	isPivot := map[string]bool{}
	for _, p := range pivots {
		isPivot[p] = true
	}
	for _, p := range pivots {
		i := t.column(p)
		if i < 0 {
			return nil, fmt.Errorf("results: pivot %s is not among the columns", p)
		}
		t.pivotDims = append(t.pivotDims, i)
	}
	for i, c := range cols {
		switch {
		case isPivot[c.Name]:
		case c.Kind == Dimension:
			t.rowDims = append(t.rowDims, i)
		default:
			t.measures = append(t.measures, i)
		}
	}
	return t, nil
}

func (t *PivotTable) column(name string) int {
	for i, c := range t.cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Add takes one long row (values in column order) and the column rank of
// its pivot value. Rows come ordered by row group, so row groups keep the
// order they are first seen in; pivot values are put in rank order.
func (t *PivotTable) Add(vals []any, colRank float64) error {
	if len(vals) != len(t.cols) {
		return fmt.Errorf("%w: %d values for %d columns", errRowWidth, len(vals), len(t.cols))
	}
	pi := t.pivotIndex(vals, colRank)
	r := t.row(pick(vals, t.rowDims))
	r.cells[pi] = pick(vals, t.measures)
	return nil
}

// AddPivot takes a long row past the row limit: only its pivot value
// counts, so that every pivot value is a column even when no row shown
// has it.
func (t *PivotTable) AddPivot(vals []any, colRank float64) error {
	if len(vals) != len(t.cols) {
		return fmt.Errorf("%w: %d values for %d columns", errRowWidth, len(vals), len(t.cols))
	}
	t.pivotIndex(vals, colRank)
	return nil
}

func (t *PivotTable) pivotIndex(vals []any, rank float64) int {
	data := pick(vals, t.pivotDims)
	key := t.keyOf(data, t.pivotDims)
	i, ok := t.byKey[key]
	if !ok {
		i = len(t.pivots)
		t.byKey[key] = i
		t.pivots = append(t.pivots, PivotValue{Key: key, Data: data})
		t.ranks = append(t.ranks, rank)
	}
	return i
}

// sortPivots puts the pivot values in column rank order (ties keep the
// order seen), renumbering the cells and totals that refer to them.
func (t *PivotTable) sortPivots() {
	order := make([]int, len(t.pivots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(t.ranks[a], t.ranks[b]) })
	newIndex := make(map[int]int, len(order))
	pivots, ranks := make([]PivotValue, len(order)), make([]float64, len(order))
	for n, old := range order {
		newIndex[old] = n
		pivots[n], ranks[n] = t.pivots[old], t.ranks[old]
		t.byKey[t.pivots[old].Key] = n
	}
	renumber := func(m map[int][]any) map[int][]any {
		out := make(map[int][]any, len(m))
		for old, v := range m {
			out[newIndex[old]] = v
		}
		return out
	}
	for _, r := range t.rows {
		r.cells = renumber(r.cells)
	}
	t.totals = renumber(t.totals)
	t.pivots, t.ranks = pivots, ranks
}

func (t *PivotTable) row(dims []any) *pivotRow {
	key := t.keyOf(dims, t.rowDims)
	r, ok := t.byRow[key]
	if !ok {
		r = &pivotRow{dims: dims, cells: map[int][]any{}}
		t.byRow[key] = r
		t.rows = append(t.rows, r)
	}
	return r
}

// keyOf is the text key of values of the columns idx.
func (t *PivotTable) keyOf(vals []any, idx []int) string {
	parts := make([]string, len(vals))
	for j, v := range vals {
		if v == nil {
			parts[j] = nullKey
			continue
		}
		parts[j] = string(appendRawText(nil, t.cols[idx[j]].Type, v))
	}
	return strings.Join(parts, KeySeparator)
}

// AddRowTotal takes one row of the row totals query: the row dimensions,
// then the measures. A row group not in the table is skipped (the table
// keeps its row limit).
func (t *PivotTable) AddRowTotal(vals []any) error {
	t.hasRowTotals = true
	if len(vals) != len(t.rowDims)+len(t.measures) {
		return fmt.Errorf("%w: %d row total values", errRowWidth, len(vals))
	}
	if r, ok := t.byRow[t.keyOf(vals[:len(t.rowDims)], t.rowDims)]; ok {
		r.total = vals[len(t.rowDims):]
	}
	return nil
}

// AddTotal takes one row of the totals query: the pivoted dimensions,
// then the measures. A pivot value not in the table is skipped.
func (t *PivotTable) AddTotal(vals []any) error {
	t.hasTotals = true
	if len(vals) != len(t.pivotDims)+len(t.measures) {
		return fmt.Errorf("%w: %d total values", errRowWidth, len(vals))
	}
	if i, ok := t.byKey[t.keyOf(vals[:len(t.pivotDims)], t.pivotDims)]; ok {
		t.totals[i] = vals[len(t.pivotDims):]
	}
	return nil
}

// SetGrandTotal takes the measures of the totals over every pivot value
// (the row total of the totals row).
func (t *PivotTable) SetGrandTotal(vals []any) error {
	if len(vals) != len(t.measures) {
		return fmt.Errorf("%w: %d grand total values", errRowWidth, len(vals))
	}
	t.hasTotals, t.grand = true, vals
	return nil
}

// ExpectRowTotals and ExpectTotals mark that the query asked for row
// totals or totals, even when their queries return no row.
func (t *PivotTable) ExpectRowTotals() { t.hasRowTotals = true }

// ExpectTotals: see ExpectRowTotals.
func (t *PivotTable) ExpectTotals() { t.hasTotals = true }

// Rows is the number of row groups.
func (t *PivotTable) Rows() int { return len(t.rows) }

// Pivots are the pivot values, in column order.
func (t *PivotTable) Pivots() []PivotValue { return t.pivots }

func pick(vals []any, idx []int) []any {
	out := make([]any, len(idx))
	for j, i := range idx {
		out[j] = vals[i]
	}
	return out
}

// cell is measure m of row r at pivot p (nil when the row has no such
// cell); p == len(pivots) is the row total.
func (t *PivotTable) cell(r *pivotRow, p, m int) any {
	vals := r.cells[p]
	if p == len(t.pivots) {
		vals = r.total
	}
	if vals == nil {
		return nil
	}
	return vals[m]
}

// totalCell is measure m's total at pivot p (p == len(pivots): the grand
// total).
func (t *PivotTable) totalCell(p, m int) any {
	vals := t.totals[p]
	if p == len(t.pivots) {
		vals = t.grand
	}
	if vals == nil {
		return nil
	}
	return vals[m]
}

// columnKeys are the pivot keys a measure is spread over, the row total
// last when there is one.
func (t *PivotTable) columnKeys() []string {
	keys := make([]string, 0, len(t.pivots)+1)
	for _, p := range t.pivots {
		keys = append(keys, p.Key)
	}
	if t.hasRowTotals {
		keys = append(keys, RowTotalKey)
	}
	return keys
}
