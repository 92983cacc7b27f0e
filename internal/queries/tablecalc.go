package queries

import (
	"strconv"
	"time"

	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/results"
)

// withTableCalcs adds the query's table calculations after its columns,
// and to its totals row; the rows are then buffered (see
// results.WithTableCalcs).
func withTableCalcs(c *compiler.Compiled, cols []results.Column, rows results.Rows, opt results.Options) ([]results.Column, results.Rows, results.Options) {
	if len(c.TableCalcs) == 0 {
		return cols, rows, opt
	}
	calcs := resultCalcs(c)
	now := time.Now()
	if opt.Totals != nil {
		opt.Totals = results.TableCalcTotals(cols, opt.Totals, calcs, now)
	}
	all, out := results.WithTableCalcs(cols, rows, calcs, now)
	return all, out, opt
}

// resultCalcs are c's table calculations as the results package takes
// them.
func resultCalcs(c *compiler.Compiled) []results.TableCalc {
	calcs := make([]results.TableCalc, len(c.TableCalcs))
	for i, tc := range c.TableCalcs {
		calcs[i] = results.TableCalc{Column: tableCalcColumn(tc), Expr: tc.Expr, SortOrder: tc.SortOrder, SortDesc: tc.SortDesc}
	}
	return calcs
}

func tableCalcColumn(tc compiler.TableCalc) results.Column {
	label := tc.Label
	if label == "" {
		label = catalog.Title(tc.Name)
	}
	return results.Column{Name: tc.Name, Label: label, LabelShort: label, Kind: results.TableCalculation, Type: tc.Type,
		ValueFormat: tc.ValueFormat, ValueFormatName: tc.ValueFormatName, Expression: tc.Expression}
}

// putTableCalcs adds the table calculations to a cache key: they shape the
// bytes of a result without changing its SQL.
func putTableCalcs(put func(...string), calcs []compiler.TableCalc) {
	put("table_calculations", strconv.Itoa(len(calcs)))
	for _, tc := range calcs {
		col := tableCalcColumn(tc)
		put(col.Name, col.Label, col.Type, col.ValueFormat, col.ValueFormatName, col.Expression,
			strconv.Itoa(tc.SortOrder), strconv.FormatBool(tc.SortDesc))
	}
}
