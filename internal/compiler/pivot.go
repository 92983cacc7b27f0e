package compiler

import (
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// Helper columns of a pivoted query: each row's rank among the row
// groups and its pivot column's rank among the pivot values. Both are
// hidden from results; the pivot shaping reads them.
const (
	PivotRowRank = "z___pivot_row_rank"
	PivotColRank = "z__pivot_col_rank"
)

// Pivot column limits: Looker's default column_limit, and the most a
// query may ask for.
const (
	DefaultColumnLimit = 50
	MaxColumnLimit     = 200
)

// parseColumnLimit reads column_limit: "" is the default, anything above
// the cap the cap.
func parseColumnLimit(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return DefaultColumnLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, overlook.Invalid("column_limit", "invalid", "column_limit must be a positive integer")
	}
	return min(n, MaxColumnLimit), nil
}

// pivotShape says which selected fields are pivoted (by index in
// plan.fields) and which ordinal of the grouped SELECT sorts each.
type pivotShape struct {
	pivoted map[int]bool
	pivots  []int // in the order of the query's pivots
	rowDims []int
}

func (c *compiler) pivotShapeOf(p *plan) pivotShape {
	ps := pivotShape{pivoted: map[int]bool{}}
	for _, name := range c.q.Pivots {
		for i, f := range p.fields {
			if strings.EqualFold(f.Name(), strings.TrimSpace(name)) && !ps.pivoted[i] {
				ps.pivoted[i] = true
				ps.pivots = append(ps.pivots, i)
			}
		}
	}
	for i, f := range p.fields {
		if !ps.pivoted[i] && f.Field.Kind != semantic.Measure {
			ps.rowDims = append(ps.rowDims, i)
		}
	}
	return ps
}

// pivotWrap turns the grouped statement s (one row per row group and pivot
// value) into Looker's ranked form (lookml-semantics §5.6): pivot values
// ranked in their sort order and cut at the column limit, row groups
// ranked by their best cell under the query's sorts and cut at the row
// limit (past which each pivot value's first row still comes, for the
// pivot value alone: Compiled.Limit tells them apart), rows ordered by
// row rank then column rank. The grouped statement keeps no ORDER BY or
// LIMIT of its own.
func (c *compiler) pivotWrap(p *plan, s *sqlgen.Select, sortCol map[int]int, colLimit int) (*sqlgen.Select, []Column, error) {
	ps := c.pivotShapeOf(p)
	alias := func(ordinal int) (sqlgen.Expr, error) {
		q, err := c.d.QuoteAlias(s.Columns[ordinal-1].Alias)
		return sqlgen.Raw{SQL: q}, err
	}
	name := func(n string) (sqlgen.Expr, error) {
		q, err := c.d.QuoteIdent(n)
		return sqlgen.Raw{SQL: q}, err
	}
	var err error
	ref := func(x sqlgen.Expr, e error) sqlgen.Expr {
		if e != nil && err == nil {
			err = e
		}
		return x
	}

	// The query's own ORDER BY, by alias instead of ordinal.
	queryOrder := make([]sqlgen.Order, len(s.OrderBy))
	for i, o := range s.OrderBy {
		queryOrder[i] = o
		if ord, ok := o.Expr.(sqlgen.Ordinal); ok {
			queryOrder[i].Expr = ref(alias(ord.N))
		}
	}
	var colOrder []sqlgen.Order
	for _, i := range ps.pivots {
		desc := sortedDesc(s.OrderBy, sortCol[i])
		colOrder = append(colOrder, sqlgen.Order{Expr: ref(alias(sortCol[i])), Desc: desc, Nulls: sqlgen.NullsLast})
	}
	var rowDims []sqlgen.Expr
	var rowOrder []sqlgen.Order
	for _, i := range ps.rowDims {
		x := ref(alias(sortCol[i]))
		rowDims = append(rowDims, x)
		rowOrder = append(rowOrder, sqlgen.Order{Expr: x, Nulls: sqlgen.NullsLast})
	}
	// Measures sorted by one pivot column order the rows first, by that
	// column's value (lookml-semantics §5.3).
	var bySorted []sqlgen.Column
	var pivotOrder []sqlgen.Order
	for n, it := range p.sorts {
		if it.pivotCol == 0 || p.fields[it.field].Field.Kind != semantic.Measure {
			continue
		}
		as := "z__pivot_sort_" + strconv.Itoa(n)
		at := sqlgen.Binary{Op: sqlgen.OpEq, L: ref(name(PivotColRank)), R: sqlgen.Literal{Value: it.pivotCol}}
		value := sqlgen.Case{Whens: []sqlgen.When{{Cond: at, Then: ref(alias(c.measureOrdinal(s, p.fields[it.field].Name())))}}}
		bySorted = append(bySorted, sqlgen.Column{Alias: as,
			Expr: sqlgen.Window{Func: sqlgen.Agg{Func: sqlgen.Max, X: value}, PartitionBy: rowDims}})
		nulls := sqlgen.NullsLast
		if it.desc {
			nulls = sqlgen.NullsFirst
		}
		pivotOrder = append(pivotOrder, sqlgen.Order{Expr: ref(name(as)), Desc: it.desc, Nulls: nulls})
	}
	colRank, rowRank := ref(name(PivotColRank)), ref(name(PivotRowRank))
	rank, minRank := ref(name("z___rank")), ref(name("z___min_rank"))
	if err != nil {
		return nil, nil, err
	}

	grouped := *s
	grouped.With, grouped.OrderBy, grouped.Limit = nil, nil, 0
	window := func(fn string, part []sqlgen.Expr, order []sqlgen.Order) sqlgen.Expr {
		return sqlgen.Window{Func: sqlgen.Func{Name: fn}, PartitionBy: part, OrderBy: order}
	}
	layer := func(from *sqlgen.Select, inner string, x sqlgen.Expr, as string) *sqlgen.Select {
		return &sqlgen.Select{Columns: []sqlgen.Column{{Expr: sqlgen.Star{Table: inner}}, {Expr: x, Alias: as}},
			From: sqlgen.Subquery{Select: from, Alias: inner}}
	}
	l1 := layer(&grouped, "ww", window("DENSE_RANK", nil, colOrder), PivotColRank)
	l2 := layer(l1, "bb", window("RANK", nil, append(queryOrder, sqlgen.Order{Expr: colRank})), "z___rank")
	l2.Where = sqlgen.Binary{Op: sqlgen.OpLe, L: colRank, R: sqlgen.Literal{Value: colLimit}}
	l3 := layer(l2, "aa", sqlgen.Window{Func: sqlgen.Agg{Func: sqlgen.Min, X: rank}, PartitionBy: rowDims}, "z___min_rank")
	l3.Columns = append(l3.Columns, bySorted...)
	rowOrder = append(append(pivotOrder, sqlgen.Order{Expr: minRank}), rowOrder...)
	l4 := layer(l3, "xx", window("DENSE_RANK", nil, rowOrder), PivotRowRank)
	// Each pivot value's first row group, kept past the row limit so that
	// every pivot value within the column limit is known.
	l4.Columns = append(l4.Columns, sqlgen.Column{Alias: "z__pivot_col_ordering",
		Expr: window("ROW_NUMBER", []sqlgen.Expr{colRank}, rowOrder)})

	out := &sqlgen.Select{With: s.With, From: sqlgen.Subquery{Select: l4, Alias: "zz"}}
	for i, col := range s.Columns {
		out.Columns = append(out.Columns, sqlgen.Column{Expr: ref(alias(i + 1)), Alias: col.Alias})
	}
	out.Columns = append(out.Columns, sqlgen.Column{Expr: rowRank, Alias: PivotRowRank},
		sqlgen.Column{Expr: colRank, Alias: PivotColRank})
	if p.limit > 0 {
		out.Where = sqlgen.Or{sqlgen.Binary{Op: sqlgen.OpLe, L: rowRank, R: sqlgen.Literal{Value: p.limit}},
			sqlgen.Binary{Op: sqlgen.OpEq, L: ref(name("z__pivot_col_ordering")), R: sqlgen.Literal{Value: 1}}}
	}
	out.OrderBy = []sqlgen.Order{{Expr: rowRank}, {Expr: colRank}}
	ranks := []Column{
		{Name: PivotRowRank, Kind: KindDimension, Type: "number", Hidden: true},
		{Name: PivotColRank, Kind: KindDimension, Type: "number", Hidden: true},
	}
	return out, ranks, err
}

// sortedDesc reports whether the query sorts the given ordinal descending.
func sortedDesc(order []sqlgen.Order, ordinal int) bool {
	for _, o := range order {
		if ord, ok := o.Expr.(sqlgen.Ordinal); ok && ord.N == ordinal {
			return o.Desc
		}
	}
	return false
}

// pivotStep wraps s in the pivot form when the query pivots, adding the
// rank columns to cols; pivots are the pivoted columns' names.
func (c *compiler) pivotStep(p *plan, s *sqlgen.Select, cols []Column, sortCol map[int]int) (*sqlgen.Select, []Column, []string, error) {
	ps := c.pivotShapeOf(p)
	if len(ps.pivots) == 0 {
		return s, cols, nil, nil
	}
	limit, err := parseColumnLimit(c.q.ColumnLimit)
	if err != nil {
		return nil, nil, nil, err
	}
	if p.limit == 0 {
		// A pivoted result is held whole to be reshaped: it keeps a row
		// limit even where downloads may go unlimited.
		p.limit = c.ctx.MaxLimit
	}
	c.colLimit = limit
	wrapped, ranks, err := c.pivotWrap(p, s, sortCol, limit)
	if err != nil {
		return nil, nil, nil, modelErr(c.e.Name, err)
	}
	var names []string
	for _, i := range ps.pivots {
		names = append(names, p.fields[i].Name())
	}
	return wrapped, append(cols, ranks...), names, nil
}
