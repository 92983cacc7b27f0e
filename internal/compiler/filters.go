package compiler

import (
	"errors"

	"github.com/overlookbi/overlook/internal/filterexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// predicate is one filter as SQL: the expression parsed with the grammar
// of the field's type, applied to what the field filters on. Every value
// is bound. nil means the filter keeps every row.
func (c *compiler) predicate(f filter) (sqlgen.Expr, error) {
	expr, err := filterexpr.ExpandUserAttributes(f.expr, func(name string) (string, bool) {
		v, ok := c.ctx.UserAttributes[name]
		return v, ok
	})
	if err != nil {
		return nil, c.filterErr(f, err)
	}
	kind := f.ref.Field.FilterKind()
	p, err := filterexpr.Parse(kind, expr, c.dc)
	if err != nil {
		return nil, c.filterErr(f, err)
	}
	if _, all := p.(filterexpr.Any); all {
		return nil, nil
	}
	if kind == filterexpr.KindLocation {
		return c.locationPredicate(f.ref, p)
	}
	target, err := c.filterTarget(f.ref)
	if err != nil {
		return nil, err
	}
	return sqlgen.Filter{X: target, Pred: p, Fold: !c.caseSensitive(f.ref.Field)}, nil
}

func (c *compiler) filterErr(f filter, err error) error {
	var ue *filterexpr.UnknownAttributeError
	if errors.As(err, &ue) {
		return overlook.Invalid(f.source, "invalid", "%s: the user has no value for attribute %s", f.ref.Name(), ue.Name)
	}
	return overlook.Invalid(f.source, "invalid", "%s: %v", f.ref.Name(), err)
}

// filterTarget is the SQL a filter on the field applies to: a measure's
// aggregate; a date timeframe's (converted) timestamp; another timeframe's
// value; a yesno's condition, a tier's number, else the field's sql.
func (c *compiler) filterTarget(ref semantic.FieldRef) (sqlgen.Expr, error) {
	if ref.Field.Kind == semantic.Measure {
		return c.measure(ref)
	}
	if ref.Field.Kind == semantic.FilterOnly || ref.Field.Kind == semantic.Parameter {
		return nil, nil
	}
	sql, err := c.fieldSQL(ref, semantic.PartSQL)
	if err != nil {
		return nil, err
	}
	x := paren(sql)
	if ref.Field.IsTimeframe() {
		if ref.Field.FilterKind() == dateKind {
			return c.converted(ref, x), nil
		}
		return c.timeframe(ref, x, false), nil
	}
	return x, nil
}

// caseSensitive is the field's case_sensitive, else the explore's, else
// the model's.
func (c *compiler) caseSensitive(f *semantic.Field) bool {
	switch {
	case f.CaseSensitive != nil:
		return *f.CaseSensitive
	case c.e.CaseSensitive != nil:
		return *c.e.CaseSensitive
	}
	return c.m.CaseSensitive
}

// locationPredicate renders a location filter over the field's latitude
// and longitude; its values are bound like every other.
func (c *compiler) locationPredicate(ref semantic.FieldRef, p filterexpr.Predicate) (sqlgen.Expr, error) {
	lat, err := c.fieldSQL(ref, semantic.PartLatitude)
	if err != nil {
		return nil, err
	}
	lon, err := c.fieldSQL(ref, semantic.PartLongitude)
	if err != nil {
		return nil, err
	}
	return paren(filterexpr.RenderLocation(p, "("+lat+")", "("+lon+")", c.b)), nil
}

// wherePredicates splits the query's and the explore's filters into WHERE
// (dimensions) and HAVING (measures) terms, with sql_always_where and
// sql_always_having.
func (c *compiler) wherePredicates(p *plan) (where, having sqlgen.And, err error) {
	all := append(append([]filter{}, p.filters...), p.extra...)
	for _, f := range all {
		if f.ref.Field.Kind == semantic.FilterOnly || f.ref.Field.Kind == semantic.Parameter {
			continue // read by Liquid only
		}
		x, err := c.predicate(f)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case x == nil:
		case f.ref.Field.Kind == semantic.Measure:
			having = append(having, x)
		default:
			where = append(where, x)
		}
	}
	if w, err := c.expand(c.e.SQLAlwaysWhere); err != nil || w != "" {
		where = append(where, paren(w))
		if err != nil {
			return nil, nil, err
		}
	}
	if h, err := c.expand(c.e.SQLAlwaysHaving); err != nil || h != "" {
		having = append(having, paren(h))
		if err != nil {
			return nil, nil, err
		}
	}
	return c.withFilterExpression(where, having)
}
