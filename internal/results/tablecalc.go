package results

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/lookerexpr"
)

// TableCalc is a table calculation to add to a result: its column (of kind
// TableCalculation) and its parsed expression.
type TableCalc struct {
	Column Column
	Expr   lookerexpr.Node
	// SortOrder, from 1, makes the result sorted on the calculation after
	// the calculations are done (0: not sorted on); SortDesc reverses it.
	SortOrder int
	SortDesc  bool
}

// MaxTableCalcRows bounds the rows a result with table calculations holds
// in memory: such a result is read whole before its first row is written.
const MaxTableCalcRows = 100_000

// WithTableCalcs returns the columns and rows of src followed by the table
// calculations. Table calculations read whole columns (offset, running
// totals, column sums), so the rows are buffered: on the first Next every
// row of src is read and every calculation evaluated; a failure shows as
// Err before any row is handed out. With no calculations it returns its
// arguments.
func WithTableCalcs(cols []Column, src Rows, calcs []TableCalc, now time.Time) ([]Column, Rows) {
	if len(calcs) == 0 {
		return cols, src
	}
	all := append([]Column{}, cols...)
	for _, tc := range calcs {
		all = append(all, tc.Column)
	}
	return all, &calcRows{src: src, cols: cols, calcs: calcs, now: now, i: -1}
}

// TableCalcTotals is the totals row with the calculations evaluated over
// it as a one-row result; a calculation that fails there is null.
func TableCalcTotals(cols []Column, totals []any, calcs []TableCalc, now time.Time) []any {
	_, rows := WithTableCalcs(cols, &oneRow{row: totals}, calcs, now)
	if rows.Next() {
		if row, err := rows.Row(); err == nil {
			return row
		}
	}
	return append(append([]any{}, totals...), make([]any, len(calcs))...)
}

// oneRow is a result of a single row.
type oneRow struct {
	row  []any
	done bool
}

func (o *oneRow) Next() bool {
	more := !o.done
	o.done = true
	return more
}
func (o *oneRow) Row() ([]any, error) { return o.row, nil }
func (o *oneRow) Err() error          { return nil }

type calcRows struct {
	src   Rows
	cols  []Column
	calcs []TableCalc
	now   time.Time

	loaded bool
	rows   [][]any
	i      int
	err    error
}

func (r *calcRows) Next() bool {
	if !r.loaded {
		r.loaded = true
		r.err = r.load()
	}
	if r.err != nil || r.i+1 >= len(r.rows) {
		return false
	}
	r.i++
	return true
}

func (r *calcRows) Row() ([]any, error) { return r.rows[r.i], nil }
func (r *calcRows) Err() error          { return r.err }

// load reads every row (copying each: sources may reuse their slices) and
// appends the calculations' values.
func (r *calcRows) load() error {
	for r.src.Next() {
		row, err := r.src.Row()
		if err != nil {
			return err
		}
		if len(r.rows) == MaxTableCalcRows {
			return fmt.Errorf("a result with table calculations is limited to %d rows", MaxTableCalcRows)
		}
		buf := make([]any, len(row), len(row)+len(r.calcs))
		copy(buf, row)
		r.rows = append(r.rows, buf)
	}
	if err := r.src.Err(); err != nil {
		return err
	}
	values := make([][]any, len(r.calcs))
	visiting := make([]bool, len(r.calcs))
	for i := range r.calcs {
		if _, err := r.calc(i, values, visiting); err != nil {
			return err
		}
	}
	for i := range r.calcs {
		for j, v := range values[i] {
			r.rows[j] = append(r.rows[j], calcValue(v))
		}
	}
	r.sort()
	return nil
}

// sort orders the rows on the calculations sorted on, keeping the query's
// order among equal values. Nulls come last ascending, first descending.
func (r *calcRows) sort() {
	var keys []int // indexes of the calculations, in sort order
	for i, tc := range r.calcs {
		if tc.SortOrder > 0 {
			keys = append(keys, i)
		}
	}
	if len(keys) == 0 {
		return
	}
	slices.SortStableFunc(keys, func(a, b int) int { return r.calcs[a].SortOrder - r.calcs[b].SortOrder })
	width := len(r.cols)
	slices.SortStableFunc(r.rows, func(x, y []any) int {
		for _, k := range keys {
			c := compareCells(x[width+k], y[width+k])
			if r.calcs[k].SortDesc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
}

// compareCells orders two calculated values; nil is the greatest.
func compareCells(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	switch x := a.(type) {
	case float64:
		if y, ok := b.(float64); ok {
			return cmp.Compare(x, y)
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y)
		}
	case bool:
		if y, ok := b.(bool); ok && x != y {
			return map[bool]int{false: -1, true: 1}[x]
		}
		return 0
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y)
		}
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

// calc evaluates the i-th calculation once, first evaluating those it
// reads (in any order of definition; a cycle is an error).
func (r *calcRows) calc(i int, values [][]any, visiting []bool) ([]any, error) {
	if values[i] != nil {
		return values[i], nil
	}
	tc := r.calcs[i]
	if visiting[i] {
		return nil, fmt.Errorf("table calculation %s depends on itself", tc.Column.Name)
	}
	visiting[i] = true
	column := func(name string) ([]any, error) {
		for k, other := range r.calcs {
			if strings.EqualFold(other.Column.Name, name) {
				return r.calc(k, values, visiting)
			}
		}
		return r.column(name)
	}
	vals, err := lookerexpr.Eval(tc.Expr, lookerexpr.Table{Rows: len(r.rows), Column: column, Now: r.now})
	if err != nil {
		return nil, fmt.Errorf("table calculation %s: %w", tc.Column.Name, err)
	}
	values[i] = vals
	return vals, nil
}

// column is the values of one of the query's columns; names match
// ignoring case.
func (r *calcRows) column(name string) ([]any, error) {
	idx := -1
	for i, c := range r.cols {
		if strings.EqualFold(c.Name, name) {
			idx = i
		}
	}
	if idx < 0 {
		return nil, fmt.Errorf("%s is not a column of the result", name)
	}
	out := make([]any, len(r.rows))
	for j, row := range r.rows {
		out[j] = row[idx]
	}
	return out, nil
}

// calcValue is an evaluated value as the writers take it.
func calcValue(v any) any {
	if t, ok := v.(time.Time); ok {
		return t.UTC()
	}
	return v
}
