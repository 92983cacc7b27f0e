package compiler

import (
	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// build writes the statement of a planned query.
func (c *compiler) build(p *plan) (*Compiled, error) {
	c.building = true
	s := &sqlgen.Select{Limit: p.limit, Distinct: p.distinct}
	cols, sortCol, err := c.columns(p, s)
	if err != nil {
		return nil, err
	}
	where, having, err := c.wherePredicates(p)
	if err != nil {
		return nil, err
	}
	s.Where, s.Having = optional(where), optional(having)
	if err = c.from(s); err != nil {
		return nil, err
	}
	sorts := c.orderBy(p, s, sortCol)
	s, cols, pivots, err := c.pivotStep(p, s, cols, sortCol)
	if err != nil {
		return nil, err
	}
	out, err := c.finish(s, cols, p.limit, sorts)
	if err == nil {
		out.Pivots, out.ColumnLimit = pivots, c.colLimit
	}
	return out, err
}

// finish renders s and binds its values in text order.
func (c *compiler) finish(s *sqlgen.Select, cols []Column, limit int, sorts []string) (*Compiled, error) {
	text, args, err := c.b.render(s, c.d)
	if err != nil {
		return nil, modelErr(c.e.Name, err)
	}
	sql, args, err := c.b.finish(text, args, c.d)
	if err != nil {
		return nil, err
	}
	return &Compiled{SQL: sql, Args: args, Dialect: c.d.Name(), Columns: cols, Limit: limit, Sorts: sorts}, nil
}

// columns writes the SELECT list and GROUP BY. sortCol maps a selected
// field to the ordinal ORDER BY uses for it (a tier's sort companion).
func (c *compiler) columns(p *plan, s *sqlgen.Select) ([]Column, map[int]int, error) {
	var cols []Column
	sortCol := map[int]int{}
	hasMeasure := false
	for _, f := range p.fields {
		hasMeasure = hasMeasure || f.Field.Kind == semantic.Measure
	}
	for i, ref := range p.fields {
		col := c.column(ref)
		if ref.Field.Kind == semantic.Measure {
			x, err := c.measure(ref)
			if err != nil {
				return nil, nil, err
			}
			s.Columns = append(s.Columns, sqlgen.Column{Expr: x, Alias: col.Name})
			cols = append(cols, col)
			continue
		}
		d, err := c.dimension(ref)
		if err != nil {
			return nil, nil, err
		}
		s.Columns = append(s.Columns, sqlgen.Column{Expr: d.sel, Alias: col.Name})
		cols = append(cols, col)
		sortCol[i] = len(s.Columns)
		if !p.distinct {
			s.GroupBy = append(s.GroupBy, groupExpr(d, len(s.Columns)))
		}
		if d.sort != nil {
			name := col.Name + "__sort_"
			s.Columns = append(s.Columns, sqlgen.Column{Expr: d.sort, Alias: name})
			cols = append(cols, Column{Name: name, Kind: KindDimension, Type: "string", Hidden: true})
			sortCol[i] = len(s.Columns)
			if !p.distinct {
				s.GroupBy = append(s.GroupBy, sqlgen.Ordinal{N: len(s.Columns)})
			}
		}
	}
	if !hasMeasure && p.distinct {
		s.GroupBy = nil
	}
	return cols, sortCol, nil
}

// groupExpr is a dimension's GROUP BY item: its ordinal, or the truncated
// time a formatted timeframe groups by.
func groupExpr(d dimension, ordinal int) sqlgen.Expr {
	if d.group != nil {
		return d.group
	}
	return sqlgen.Ordinal{N: ordinal}
}

// column describes a selected field.
func (c *compiler) column(ref semantic.FieldRef) Column {
	l := catalog.FieldLabels(c.e, ref)
	kind := KindDimension
	if ref.Field.Kind == semantic.Measure {
		kind = KindMeasure
	}
	vf := ref.Field.ValueFormat
	if vf == "" {
		vf = ref.Field.ValueFormatName
	}
	return Column{Name: ref.Name(), Label: l.Full, LabelShort: l.Short, ViewLabel: l.View,
		Kind: kind, Type: ref.Field.Type, ValueFormat: vf, Field: ref.Field}
}

// orderBy writes ORDER BY: the query's sorts or Looker's default, then the
// remaining dimensions as tie-breakers. NULLs sort high, as Looker reports.
func (c *compiler) orderBy(p *plan, s *sqlgen.Select, sortCol map[int]int) []string {
	if p.unsorted {
		return nil
	}
	sorts := p.sorts
	if len(sorts) == 0 {
		sorts = defaultSorts(p.fields)
	}
	sorts = withTieBreakers(sorts, p.fields)
	var names []string
	for _, it := range sorts {
		n, ok := sortCol[it.field]
		if !ok {
			n = c.measureOrdinal(s, p.fields[it.field].Name())
		}
		nulls := sqlgen.NullsLast
		if it.desc {
			nulls = sqlgen.NullsFirst
		}
		s.OrderBy = append(s.OrderBy, sqlgen.Order{Expr: sqlgen.Ordinal{N: n}, Desc: it.desc, Nulls: nulls})
		name := p.fields[it.field].Name()
		if it.desc {
			name += " desc"
		}
		names = append(names, name)
	}
	return names
}

// measureOrdinal finds a column by alias.
func (c *compiler) measureOrdinal(s *sqlgen.Select, alias string) int {
	for i, col := range s.Columns {
		if col.Alias == alias {
			return i + 1
		}
	}
	return 1
}

// optional is nil for no terms (no clause), the term itself for one.
func optional(terms sqlgen.And) sqlgen.Expr {
	switch len(terms) {
	case 0:
		return nil
	case 1:
		return terms[0]
	}
	return terms
}
