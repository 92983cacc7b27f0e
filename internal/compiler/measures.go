package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// plainAggs are the measure types that are one aggregate of their sql.
var plainAggs = map[string]sqlgen.AggFunc{
	"count_distinct": sqlgen.CountDistinct, "min": sqlgen.Min, "max": sqlgen.Max,
	"median": sqlgen.Median, "percentile": sqlgen.Percentile, "list": sqlgen.List,
}

// measure is a measure's aggregate, symmetric when the query's joins fan
// its view out (§2.4, §3).
func (c *compiler) measure(ref semantic.FieldRef) (sqlgen.Expr, error) {
	f := ref.Field
	switch f.Type {
	case "number", "string", "date", "yesno", "":
		sql, err := c.fieldSQL(ref, semantic.PartSQL)
		return paren(sql), err
	case "count":
		return c.count(ref)
	}
	x, err := c.measureValue(ref)
	if err != nil {
		return nil, err
	}
	fanned := c.fannedOut(ref.Alias)
	switch f.Type {
	case "sum", "average":
		fn := map[string]sqlgen.AggFunc{"sum": sqlgen.Sum, "average": sqlgen.Avg}[f.Type]
		if fanned {
			key, err := c.primaryKey(ref)
			return sqlgen.Symmetric{Func: fn, X: x, Key: key}, err
		}
		if fn == sqlgen.Sum {
			return sqlgen.Func{Name: "COALESCE", Args: []sqlgen.Expr{sqlgen.Agg{Func: sqlgen.Sum, X: x}, sqlgen.Literal{Value: 0}}}, nil
		}
		// AVG of an integer is DECIMAL with 4 decimals in MySQL: average as
		// a float everywhere.
		return sqlgen.Agg{Func: fn, X: sqlgen.Cast{X: x, Type: sqlgen.TypeFloat}}, nil
	case "sum_distinct", "average_distinct":
		return c.distinctMeasure(ref, x)
	}
	fn, ok := plainAggs[f.Type]
	if !ok {
		return nil, overlook.Invalid("fields", "unsupported", "%s: measures of type %s are not supported yet", ref.Name(), f.Type)
	}
	if fanned && (fn == sqlgen.Median || fn == sqlgen.Percentile) {
		return nil, overlook.Invalid("fields", "unsupported", "%s: a %s over a fanned-out join is not supported", ref.Name(), f.Type)
	}
	return sqlgen.Agg{Func: fn, X: x, Fraction: float64(f.Percentile) / 100}, nil
}

// measureValue is what a measure aggregates: its sql (the list field's for
// a list), restricted by its filters.
func (c *compiler) measureValue(ref semantic.FieldRef) (sqlgen.Expr, error) {
	target := ref
	if ref.Field.Type == "list" {
		lf, ok := c.e.Lookup(ref.Alias + "." + ref.Field.ListField)
		if !ok {
			return nil, overlook.Invalid("fields", "unsupported", "%s: list_field %s not found", ref.Name(), ref.Field.ListField)
		}
		target = lf
	}
	sql, err := c.fieldSQL(target, semantic.PartSQL)
	if err != nil {
		return nil, err
	}
	return c.filteredValue(ref, paren(sql))
}

// count is COUNT(*) for a base view nothing fans out, else the distinct
// count of the primary key (Looker counts joined views that way).
func (c *compiler) count(ref semantic.FieldRef) (sqlgen.Expr, error) {
	joined := !strings.EqualFold(ref.Alias, c.e.ViewName)
	pk := ref.Field.View.PrimaryKey
	if pk == nil {
		if c.fannedOut(ref.Alias) {
			return nil, overlook.Invalid("fields", "unsupported", "%s: counting a fanned-out view needs its primary key", ref.Name())
		}
		x, err := c.filteredValue(ref, sqlgen.Literal{Value: 1})
		if x == (sqlgen.Literal{Value: 1}) {
			x = nil
		}
		return sqlgen.Agg{Func: sqlgen.Count, X: x}, err
	}
	key, err := c.primaryKey(ref)
	if err != nil {
		return nil, err
	}
	x, err := c.filteredValue(ref, key)
	if err != nil {
		return nil, err
	}
	if joined || c.fannedOut(ref.Alias) {
		return sqlgen.Agg{Func: sqlgen.CountDistinct, X: x}, nil
	}
	if len(ref.Field.Filters) == 0 {
		return sqlgen.Agg{Func: sqlgen.Count}, nil
	}
	return sqlgen.Agg{Func: sqlgen.Count, X: x}, nil
}

// distinctMeasure is sum_distinct or average_distinct keyed on the
// measure's sql_distinct_key (the primary key when unset).
func (c *compiler) distinctMeasure(ref semantic.FieldRef, x sqlgen.Expr) (sqlgen.Expr, error) {
	var key sqlgen.Expr
	if ref.Field.SQLDistinctKey.IsZero() {
		k, err := c.primaryKey(ref)
		if err != nil {
			return nil, err
		}
		key = k
	} else {
		sql, err := c.fieldSQL(ref, semantic.PartDistinctKey)
		if err != nil {
			return nil, err
		}
		key = paren(sql)
	}
	fn := sqlgen.Sum
	if ref.Field.Type == "average_distinct" {
		fn = sqlgen.Avg
	}
	return sqlgen.Symmetric{Func: fn, X: x, Key: key}, nil
}

// primaryKey is the SQL of the primary key of the measure's view.
func (c *compiler) primaryKey(ref semantic.FieldRef) (sqlgen.Expr, error) {
	pk := ref.Field.View.PrimaryKey
	if pk == nil {
		return nil, overlook.Invalid("fields", "unsupported", "%s: view %s has no primary key", ref.Name(), ref.Field.View.Name)
	}
	pref, ok := c.e.Lookup(ref.Alias + "." + pk.Short)
	if !ok {
		return nil, overlook.Errorf(overlook.EINTERNAL, "primary key of %s not found", ref.Alias)
	}
	sql, err := c.fieldSQL(pref, semantic.PartSQL)
	return paren(sql), err
}

// filteredValue restricts x to the rows the measure's filters keep:
// CASE WHEN <filters> THEN x ELSE NULL END.
func (c *compiler) filteredValue(ref semantic.FieldRef, x sqlgen.Expr) (sqlgen.Expr, error) {
	if len(ref.Field.Filters) == 0 {
		return x, nil
	}
	var conds sqlgen.And
	for _, mf := range ref.Field.Filters {
		fr, err := c.measureFilterRef(ref, mf)
		if err != nil {
			return nil, err
		}
		p, err := c.predicate(filter{ref: fr, expr: mf.Expr, source: "filters"})
		if err != nil {
			return nil, err
		}
		if p != nil {
			conds = append(conds, p)
		}
	}
	if len(conds) == 0 {
		return x, nil
	}
	return sqlgen.Case{Whens: []sqlgen.When{{Cond: conds, Then: x}}, Else: sqlgen.Literal{Value: nil}}, nil
}

// measureFilterRef resolves a field a measure's filters name: "field" in
// the measure's own view, or "view.field".
func (c *compiler) measureFilterRef(ref semantic.FieldRef, mf semantic.FieldFilter) (semantic.FieldRef, error) {
	name := mf.Field
	if !strings.Contains(name, ".") {
		name = ref.Alias + "." + name
	}
	fr, ok := c.e.Lookup(name)
	if !ok {
		return semantic.FieldRef{}, overlook.Invalid("fields", "unsupported", "%s: filter field %s not found", ref.Name(), mf.Field)
	}
	return fr, nil
}
