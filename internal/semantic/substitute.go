package semantic

import (
	"fmt"
	"strings"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// Scope is what substitution needs to know about one query.
type Scope struct {
	// Aliases maps an explore alias to the alias the SQL uses for it
	// (quoted as the dialect wants); an alias not listed is used as it is.
	Aliases map[string]string
	// Binder receives every value that is not model text. Placeholders come
	// out in text order within each returned string, so a compiler using
	// "?" must call in the order the pieces appear in the query.
	Binder filterexpr.Binder
	// Values are the query's user attributes, filters and parameters that
	// Liquid reads; nil is an empty query.
	Values *Values
	// Wrap, when set, turns a referenced field's expanded SQL into what the
	// reference stands for: a measure's aggregate, a timeframe's
	// expression. b is the binder to use for any value Wrap adds. Without
	// Wrap, dimensions are inlined and measures get neutral aggregates (see
	// NeutralAggregate).
	Wrap func(ref FieldRef, sql string, b filterexpr.Binder) (string, error)
}

// Part names one SQL template of a field.
type Part int

// The templates of a field.
const (
	PartSQL Part = iota
	PartStart
	PartEnd
	PartLatitude
	PartLongitude
	PartDistinctKey
)

func (f *Field) part(p Part) Template {
	switch p {
	case PartStart:
		return f.SQLStart
	case PartEnd:
		return f.SQLEnd
	case PartLatitude:
		return f.SQLLatitude
	case PartLongitude:
		return f.SQLLongitude
	case PartDistinctKey:
		return f.SQLDistinctKey
	}
	return f.SQL
}

// FieldSQL expands a field of an explore ("alias.field"): its sql with
// Liquid rendered and every ${…} substituted. For a measure it is the
// expression inside the aggregate; for a timeframe, the group's timestamp.
func (m *Model) FieldSQL(explore, field string, scope Scope) (string, error) {
	e := m.Explore(explore)
	if e == nil {
		return "", fmt.Errorf("semantic: model %s has no explore %q", m.Name, explore)
	}
	return e.FieldSQL(field, scope)
}

// FieldSQL expands one field of the explore. See Model.FieldSQL.
func (e *Explore) FieldSQL(field string, scope Scope) (string, error) {
	return e.PartSQL(field, PartSQL, scope)
}

// PartSQL expands one template of a field: sql_start, sql_latitude…
func (e *Explore) PartSQL(field string, p Part, scope Scope) (string, error) {
	ref, ok := e.Lookup(field)
	if !ok {
		return "", fmt.Errorf("semantic: explore %s has no field %q", e.Name, field)
	}
	x := e.expander(scope)
	sql, err := x.fieldPart(ref, p)
	if err != nil {
		return "", err
	}
	return x.finish(sql)
}

// CaseSQL expands the sql of the i-th `when` of a dimension's case.
func (e *Explore) CaseSQL(field string, i int, scope Scope) (string, error) {
	ref, ok := e.Lookup(field)
	if !ok || i < 0 || i >= len(ref.Field.Cases) {
		return "", fmt.Errorf("semantic: explore %s has no case %d on %q", e.Name, i, field)
	}
	x := e.expander(scope)
	sql, err := x.template(ref.Alias, ref.Field, ref.Field.Cases[i].SQL)
	if err != nil {
		return "", err
	}
	return x.finish(sql)
}

// Expand expands model text that belongs to an alias rather than a field:
// a join's sql_on (alias = the join), sql_always_where (the base alias).
func (e *Explore) Expand(alias string, t Template, scope Scope) (string, error) {
	x := e.expander(scope)
	sql, err := x.template(e.canonicalAlias(alias), nil, t)
	if err != nil {
		return "", err
	}
	return x.finish(sql)
}

// TableSQL is what FROM or JOIN reads for an alias: the view's
// sql_table_name, or its derived table's SQL (to be put in a CTE or a
// subquery by the compiler), without surrounding space.
func (e *Explore) TableSQL(alias string, scope Scope) (string, error) {
	v := e.ViewOf(alias)
	if v == nil {
		return "", fmt.Errorf("semantic: explore %s has no view %q", e.Name, alias)
	}
	t := v.SQLTableName
	if v.DerivedTable != nil {
		t = v.DerivedTable.SQL
	}
	sql, err := e.Expand(alias, t, scope)
	return strings.TrimSpace(sql), err
}

// FieldHTML renders a field's html for one result cell. Every value is
// HTML-escaped; ${} references are not expanded in html.
func (e *Explore) FieldHTML(field string, cell Cell, scope Scope) (string, error) {
	ref, ok := e.Lookup(field)
	if !ok {
		return "", fmt.Errorf("semantic: explore %s has no field %q", e.Name, field)
	}
	s := &session{explore: e, alias: ref.Alias, field: ref.Field, values: scope.Values, marks: newDeferred(), html: true, cell: &cell}
	return e.model.renderLiquid(ref.Field.HTML, s)
}

// expander substitutes within one call, sharing the deferred values so that
// the final text binds them in order.
type expander struct {
	e     *Explore
	scope Scope
	marks *deferred
	stack []string // fields being expanded, to catch cycles
}

func (e *Explore) expander(scope Scope) *expander {
	return &expander{e: e, scope: scope, marks: newDeferred()}
}

func (x *expander) finish(sql string) (string, error) {
	return x.marks.finish(sql, x.scope.Binder)
}

func (x *expander) fieldPart(ref FieldRef, p Part) (string, error) {
	key := strings.ToLower(ref.Name())
	for _, k := range x.stack {
		if k == key {
			return "", fmt.Errorf("semantic: reference cycle through %s", ref.Name())
		}
	}
	x.stack = append(x.stack, key)
	defer func() { x.stack = x.stack[:len(x.stack)-1] }()
	return x.template(ref.Alias, ref.Field, ref.Field.part(p))
}

// template renders Liquid, then substitutes the references of the result.
func (x *expander) template(alias string, f *Field, t Template) (string, error) {
	s := &session{explore: x.e, alias: alias, field: f, values: x.scope.Values, marks: x.marks}
	text, err := x.e.model.renderLiquid(t, s)
	if err != nil {
		return "", err
	}
	return x.substitute(alias, text, t)
}

func (x *expander) substitute(alias, text string, t Template) (string, error) {
	refs := refsOf(text)
	if len(refs) == 0 {
		return text, nil
	}
	var b strings.Builder
	last := 0
	for _, r := range refs {
		sub, err := x.reference(alias, r, t)
		if err != nil {
			return "", err
		}
		b.WriteString(text[last:r.start])
		b.WriteString(sub)
		last = r.end
	}
	b.WriteString(text[last:])
	return b.String(), nil
}

// reference is the SQL one ${…} stands for.
func (x *expander) reference(alias string, r ref, t Template) (string, error) {
	tg, err := x.e.resolve(alias, r)
	if err != nil {
		return "", fmt.Errorf("%s: %w", t.Pos, err)
	}
	switch {
	case tg.sqlTableName:
		return x.tableName(tg.alias, tg.view)
	case tg.field == nil:
		return x.sqlAlias(tg.alias), nil
	}
	ref := FieldRef{Alias: tg.alias, Field: tg.field}
	sql, err := x.fieldPart(ref, PartSQL)
	if err != nil {
		return "", err
	}
	if x.scope.Wrap != nil {
		return x.scope.Wrap(ref, sql, x.marks)
	}
	return NeutralAggregate(ref.Field, sql)
}

// tableName is what ${view.SQL_TABLE_NAME} stands for: the table, or the
// derived table's name (the compiler's CTE is named after the view).
func (x *expander) tableName(alias string, v *View) (string, error) {
	if v.DerivedTable != nil {
		return v.Name, nil
	}
	s, err := x.template(alias, nil, v.SQLTableName)
	return strings.TrimSpace(s), err
}

func (x *expander) sqlAlias(alias string) string {
	if a, ok := x.scope.Aliases[alias]; ok {
		return a
	}
	return alias
}

// NeutralAggregate is what a reference stands for when the compiler gives
// no Wrap: a dimension inlined, a measure in a dialect-neutral aggregate,
// parenthesised as Looker does. Measures whose SQL depends on the dialect
// or the query (median, list, filtered or *_distinct measures, running
// totals…) need the compiler's Wrap.
func NeutralAggregate(f *Field, sql string) (string, error) {
	if f.Kind != Measure {
		return sql, nil
	}
	if len(f.Filters) > 0 {
		return "", fmt.Errorf("semantic: measure %s has filters; its aggregate needs the SQL compiler", f.Name)
	}
	var agg string
	switch f.Type {
	case "count":
		agg = "COUNT(*)"
	case "count_distinct":
		agg = "COUNT(DISTINCT " + sql + ")"
	case "sum":
		agg = "COALESCE(SUM(" + sql + "), 0)"
	case "average":
		agg = "AVG(" + sql + ")"
	case "min":
		agg = "MIN(" + sql + ")"
	case "max":
		agg = "MAX(" + sql + ")"
	case "number", "string", "date", "yesno":
		agg = sql
	default:
		return "", fmt.Errorf("semantic: measure %s of type %s needs the SQL compiler", f.Name, f.Type)
	}
	return "(" + agg + ")", nil
}
