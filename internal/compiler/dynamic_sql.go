package compiler

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

func itoa(i int) string { return strconv.Itoa(i) }

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// customSQL is the SQL of a custom field: a custom dimension's expression,
// or the value a custom measure aggregates. ok is false for model fields.
func (c *compiler) customSQL(ref semantic.FieldRef, part semantic.Part) (sql string, ok bool, err error) {
	if c.dyn == nil {
		return "", false, nil
	}
	cf := c.dyn.byField[ref.Field]
	if cf == nil {
		return "", false, nil
	}
	if part != semantic.PartSQL {
		return "", true, overlook.Invalid("dynamic_fields", "unsupported", "%s has no such SQL", ref.Field.Short)
	}
	c.used[strings.ToLower(ref.Alias)] = true
	if cf.expr == nil {
		sql, err = c.fieldSQL(cf.base, semantic.PartSQL)
		return sql, true, err
	}
	x, err := c.exprSQL(cf.expr, "dynamic_fields")
	if err != nil {
		return "", true, err
	}
	sql, err = c.b.exprText(x, c.d)
	return sql, true, err
}

// exprSQL turns a checked row-level expression into SQL over the
// query's fields. While joins are being discovered it only records what
// the referenced fields read.
func (c *compiler) exprSQL(n lookerexpr.Node, param string) (sqlgen.Expr, error) {
	x, err := lookerexpr.ToSQL(n, lookerexpr.SQLOptions{
		Field:         c.exprField,
		EscapeLike:    func(s string) string { return sqlgen.EscapeLike(c.d, s) },
		Now:           c.exprNow(),
		MatchesFilter: c.matchesFilter,
		DateField:     func(name string) (sqlgen.Expr, error) { return c.exprDateField(name, param) },
		Aggregate:     c.exprAggregate,
	})
	if err != nil {
		return nil, exprErr(param, "", err)
	}
	return x, nil
}

func (c *compiler) exprNow() time.Time {
	if loc, err := time.LoadLocation(c.dbTZ); err == nil {
		return c.ctx.Now.In(loc)
	}
	return c.ctx.Now.UTC()
}

// exprField is what a ${field} of an expression stands for: a measure's
// aggregate, a yesno's condition, a dimension's value.
func (c *compiler) exprField(name string) (sqlgen.Expr, error) {
	ref, ok := c.exprRef(name)
	if !ok {
		return nil, overlook.Invalid("filter_expression", "unknown_field", "explore %s has no field %q", c.e.Name, name)
	}
	if !c.building {
		return sqlgen.Literal{Value: nil}, c.discover(ref)
	}
	switch {
	case ref.Field.Kind == semantic.Measure:
		return c.measure(ref)
	case ref.Field.Type == "yesno" && !ref.Field.IsTimeframe():
		sql, err := c.fieldSQL(ref, semantic.PartSQL)
		return paren(sql), err
	}
	d, err := c.dimension(ref)
	return d.sel, err
}

// exprDateField is a field as the argument of a date function: a
// timeframe stands for its time (the truncated timestamp it groups by),
// not for its text.
func (c *compiler) exprDateField(name, param string) (sqlgen.Expr, error) {
	ref, ok := c.exprRef(name)
	if !ok || !ref.Field.IsTimeframe() {
		return c.exprField(name)
	}
	if !c.building {
		return sqlgen.Literal{Value: nil}, c.discover(ref)
	}
	if !sqlgen.Timeframe(ref.Field.Timeframe).IsTimeOf() {
		return nil, overlook.Invalid(param, "invalid", "%s is not a date or time: date functions cannot read it", name)
	}
	d, err := c.dimension(ref)
	if d.group != nil {
		return d.group, err
	}
	return d.sel, err
}

// matchesFilter is matches_filter(${field}, `filter`): the filter
// expression read with the field's grammar, as a query filter would be.
func (c *compiler) matchesFilter(name, expr string, _ int) (sqlgen.Expr, error) {
	ref, ok := c.exprRef(name)
	if !ok {
		return nil, overlook.Invalid("filter_expression", "unknown_field", "explore %s has no field %q", c.e.Name, name)
	}
	if !c.building {
		return sqlgen.Literal{Value: nil}, c.discover(ref)
	}
	if ref.Field.Kind == semantic.FilterOnly || ref.Field.Kind == semantic.Parameter {
		return nil, overlook.Invalid("filter_expression", "invalid", "%s is a filter-only field and has no values to match", name)
	}
	p, err := c.predicate(filter{ref: ref, expr: expr, source: "filter_expression"})
	if p == nil && err == nil {
		p = sqlgen.Literal{Value: true} // the expression matches every value
	}
	return p, err
}

// readsMeasure reports an expression that refers to a measure: it
// filters groups (HAVING), not rows.
func (c *compiler) readsMeasure(n lookerexpr.Node) bool {
	for _, name := range lookerexpr.Fields(n) {
		if ref, ok := c.exprRef(name); ok && ref.Field.Kind == semantic.Measure {
			return true
		}
	}
	return false
}

// exprTypes types the ${…} of a filter_expression or table calculation.
func (c *compiler) exprTypes(name string) (lookerexpr.Type, bool) {
	ref, ok := c.exprRef(name)
	if !ok {
		return 0, false
	}
	if cf := c.dyn.byField[ref.Field]; cf != nil {
		return cf.typ, true
	}
	return fieldType(ref.Field), true
}

// dynamicResult names the custom columns of a compiled query as the
// request does and attaches the table calculations.
func (c *compiler) dynamicResult(out *Compiled) {
	if c.dyn == nil || out == nil {
		return
	}
	renamed := map[string]string{}
	for i, col := range out.Columns {
		cf := c.dyn.byField[col.Field]
		if cf == nil {
			continue
		}
		name := cf.ref.Field.Short
		renamed[col.Name] = name
		label := cf.label
		if label == "" {
			label = catalog.Title(name)
		}
		out.Columns[i].Name, out.Columns[i].Label, out.Columns[i].LabelShort, out.Columns[i].ViewLabel = name, label, label, ""
	}
	for i, s := range out.Sorts {
		field, desc, _ := strings.Cut(s, " ")
		if name, ok := renamed[field]; ok {
			out.Sorts[i] = strings.TrimSpace(name + " " + desc)
		}
	}
	out.TableCalcs = c.dyn.calcs
	for _, side := range []*Compiled{out.Totals, out.RowTotals, out.GrandTotals} {
		c.dynamicResult(side)
	}
}
