package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// exprAggregate is an aggregate of a custom measure's expression over x,
// the SQL of arg. Where the query's joins fan out the view arg reads, sum,
// mean and count are symmetric over that view's primary key (an argument
// reading two views that way is refused); max, min and count_distinct
// need nothing.
func (c *compiler) exprAggregate(name string, x sqlgen.Expr, arg lookerexpr.Node) (sqlgen.Expr, error) {
	if !c.building {
		return sqlgen.Literal{Value: nil}, nil
	}
	switch name {
	case "max", "min":
		fn := map[string]sqlgen.AggFunc{"max": sqlgen.Max, "min": sqlgen.Min}[name]
		return sqlgen.Agg{Func: fn, X: x}, nil
	case "count_distinct":
		return sqlgen.Agg{Func: sqlgen.CountDistinct, X: x}, nil
	}
	fn := map[string]sqlgen.AggFunc{"sum": sqlgen.Sum, "mean": sqlgen.Avg, "count": sqlgen.Count}[name]
	var fanned []semantic.FieldRef
	for _, ref := range c.viewsRead(arg, map[string]bool{}) {
		if c.fannedOut(ref.Alias) {
			fanned = append(fanned, ref)
		}
	}
	switch {
	case len(fanned) > 1:
		return nil, overlook.Invalid("dynamic_fields", "unsupported", "%s over fields of %s and %s, which the query's joins fan out, is not supported", name, fanned[0].Alias, fanned[1].Alias)
	case len(fanned) == 1:
		key, err := c.primaryKey(fanned[0])
		return sqlgen.Symmetric{Func: fn, X: x, Key: key}, err
	}
	switch fn {
	case sqlgen.Sum:
		return sqlgen.Func{Name: "COALESCE", Args: []sqlgen.Expr{sqlgen.Agg{Func: sqlgen.Sum, X: x}, sqlgen.Literal{Value: 0}}}, nil
	case sqlgen.Avg:
		return sqlgen.Agg{Func: sqlgen.Avg, X: sqlgen.Cast{X: x, Type: sqlgen.TypeFloat}}, nil
	}
	return sqlgen.Agg{Func: sqlgen.Count, X: x}, nil
}

// viewsRead are the views (one field of each) an expression reads,
// through custom dimensions too.
func (c *compiler) viewsRead(n lookerexpr.Node, seen map[string]bool) []semantic.FieldRef {
	var out []semantic.FieldRef
	for _, name := range lookerexpr.Fields(n) {
		ref, ok := c.exprRef(name)
		if !ok {
			continue
		}
		if cf := c.dyn.byField[ref.Field]; cf != nil && cf.expr != nil {
			if !seen[strings.ToLower(name)] {
				seen[strings.ToLower(name)] = true
				out = append(out, c.viewsRead(cf.expr, seen)...)
			}
			continue
		}
		if cf := c.dyn.byField[ref.Field]; cf != nil {
			ref = cf.base
		}
		if !seen["@"+strings.ToLower(ref.Alias)] {
			seen["@"+strings.ToLower(ref.Alias)] = true
			out = append(out, ref)
		}
	}
	return out
}
