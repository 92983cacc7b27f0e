package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/semantic"
)

// sideQueries compiles the totals queries a query asks for (lookml-semantics
// §5.7). Each is the query itself with other fields and no sort or limit,
// so the database computes every total: non-additive measures
// (count_distinct, averages, symmetric aggregates) are never summed.
func (c *compiler) sideQueries(out *Compiled, p *plan) error {
	if !c.q.Total && !rowTotals(c.q.RowTotal) {
		return nil
	}
	ps := c.pivotShapeOf(p)
	var measures, rowDims, pivots []string
	for i, f := range p.fields {
		switch {
		case ps.pivoted[i]:
		case f.Field.Kind == semantic.Measure:
			measures = append(measures, f.Name())
		default:
			rowDims = append(rowDims, f.Name())
		}
	}
	for _, i := range ps.pivots {
		pivots = append(pivots, p.fields[i].Name())
	}
	if len(measures) == 0 {
		return nil
	}
	var err error
	if c.q.Total {
		if out.Totals, err = c.side(pivots, measures); err != nil {
			return err
		}
	}
	if rowTotals(c.q.RowTotal) && len(pivots) > 0 {
		if out.RowTotals, err = c.side(rowDims, measures); err != nil {
			return err
		}
		if c.q.Total {
			out.GrandTotals, err = c.side(nil, measures)
		}
	}
	return err
}

// side compiles the query with the given dimensions and measures, unsorted
// and unlimited.
func (c *compiler) side(dims, measures []string) (*Compiled, error) {
	q := c.q
	q.DynamicFields = withoutTableCalcs(q.DynamicFields)
	q.Fields = append(append([]string{}, dims...), measures...)
	q.Pivots, q.ColumnLimit, q.Total, q.RowTotal = nil, "", false, ""
	q.Sorts, q.Limit = []string{Unsorted}, "-1"
	ctx := c.ctx
	ctx.Unlimited = true
	return Compile(c.m, q, c.d.Name(), ctx)
}

// rowTotals reads row_total: Looker's UI sends "right"; any other
// non-empty value but "false" turns row totals on too.
func rowTotals(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s != "" && s != "false"
}
