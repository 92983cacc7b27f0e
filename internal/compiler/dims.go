package compiler

import (
	"strconv"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// dimension is a dimension's SELECT expression, and its GROUP BY form when
// that differs from the column (a formatted timeframe groups by the
// truncated time), plus the sort companion of tiers and cases.
type dimension struct {
	sel, group, sort sqlgen.Expr
}

func (c *compiler) dimension(ref semantic.FieldRef) (dimension, error) {
	f := ref.Field
	if f.Type == "location" {
		return c.location(ref)
	}
	if f.Group != nil && f.Group.Type == "duration" || f.Type == "distance" {
		return dimension{}, overlook.Invalid("fields", "unsupported", "%s: %s dimensions are not supported yet", ref.Name(), f.Type)
	}
	sql, err := c.fieldSQL(ref, semantic.PartSQL)
	if err != nil {
		return dimension{}, err
	}
	x := sqlgen.Raw{SQL: sql}
	switch {
	case f.IsTimeframe():
		return dimension{sel: c.timeframe(ref, x, false), group: c.timeframe(ref, x, true)}, nil
	case f.Type == "yesno":
		return dimension{sel: yesno(paren(sql))}, nil
	case f.Type == "tier" || f.Type == "bin":
		return tier(f, paren(sql)), nil
	case len(f.Cases) > 0:
		return c.caseDimension(ref)
	}
	return dimension{sel: x}, nil
}

// timeframe is the column of a dimension_group timeframe over its
// timestamp x, converted to the query time zone when the field allows.
func (c *compiler) timeframe(ref semantic.FieldRef, x sqlgen.Expr, group bool) sqlgen.Expr {
	x = c.converted(ref, x)
	if ref.Field.Timeframe == "raw" {
		return x
	}
	return sqlgen.TimeframeExpr{Frame: sqlgen.Timeframe(ref.Field.Timeframe), X: x, Group: group}
}

// converted applies the query time zone to a timestamp.
func (c *compiler) converted(ref semantic.FieldRef, x sqlgen.Expr) sqlgen.Expr {
	if c.tz == "" || !ref.Field.ConvertTZ || ref.Field.Datatype == "date" {
		return x
	}
	return sqlgen.ConvertTZ{X: x, From: c.dbTZ, To: c.tz}
}

// paren is model SQL to use inside an expression.
func paren(sql string) sqlgen.Expr { return sqlgen.Raw{SQL: "(" + sql + ")"} }

func yesno(cond sqlgen.Expr) sqlgen.Expr {
	return sqlgen.Case{Whens: []sqlgen.When{{Cond: cond, Then: sqlgen.Literal{Value: "Yes"}}}, Else: sqlgen.Literal{Value: "No"}}
}

// tier buckets x by the model's tiers into Looker's labels, with a
// companion of codes "00", "01"… that sorts the buckets in order.
func tier(f *semantic.Field, x sqlgen.Expr) dimension {
	t := f.Tiers
	var labels, codes []sqlgen.When
	add := func(cond sqlgen.Expr, label string) {
		labels = append(labels, sqlgen.When{Cond: cond, Then: sqlgen.Literal{Value: label}})
		codes = append(codes, sqlgen.When{Cond: cond, Then: sqlgen.Literal{Value: code(len(codes))}})
	}
	lt := func(v float64) sqlgen.Expr { return sqlgen.Binary{Op: sqlgen.OpLt, L: x, R: sqlgen.Literal{Value: v}} }
	ge := func(v float64) sqlgen.Expr { return sqlgen.Binary{Op: sqlgen.OpGe, L: x, R: sqlgen.Literal{Value: v}} }
	if len(t) > 0 {
		add(lt(t[0]), "Below "+num(t[0]))
	}
	for i := 0; i+1 < len(t); i++ {
		add(sqlgen.And{ge(t[i]), lt(t[i+1])}, tierLabel(f.Style, i+1, t[i], t[i+1]))
	}
	if len(t) > 0 {
		add(ge(t[len(t)-1]), num(t[len(t)-1])+" or Above")
	}
	undefined := sqlgen.Literal{Value: "Undefined"}
	return dimension{
		sel:  sqlgen.Case{Whens: labels, Else: undefined},
		sort: sqlgen.Case{Whens: codes, Else: sqlgen.Literal{Value: code(len(codes))}},
	}
}

func code(i int) string {
	s := strconv.Itoa(i)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// tierLabel is the label of the bucket [lo, hi) in a tier style.
func tierLabel(style string, i int, lo, hi float64) string {
	switch style {
	case "integer":
		return num(lo) + " to " + num(hi-1)
	case "relational":
		return ">= " + num(lo) + " and < " + num(hi)
	case "interval":
		return "[" + num(lo) + "," + num(hi) + ")"
	}
	return "T" + code(i) + " [" + num(lo) + "," + num(hi) + ")"
}

// caseDimension is a dimension's case: labels in declaration order, with a
// companion that sorts them so.
func (c *compiler) caseDimension(ref semantic.FieldRef) (dimension, error) {
	f := ref.Field
	var labels, codes []sqlgen.When
	for i, w := range f.Cases {
		sql, err := c.e.CaseSQL(ref.Name(), i, c.scope)
		if err != nil {
			return dimension{}, modelErr(ref.Name(), err)
		}
		cond := sqlgen.Raw{SQL: "(" + sql + ")"}
		labels = append(labels, sqlgen.When{Cond: cond, Then: sqlgen.Literal{Value: w.Label}})
		codes = append(codes, sqlgen.When{Cond: cond, Then: sqlgen.Literal{Value: code(i)}})
	}
	var elseLabel sqlgen.Expr = sqlgen.Literal{Value: nil}
	if f.CaseElse != "" {
		elseLabel = sqlgen.Literal{Value: f.CaseElse}
	}
	return dimension{
		sel:  sqlgen.Case{Whens: labels, Else: elseLabel},
		sort: sqlgen.Case{Whens: codes, Else: sqlgen.Literal{Value: code(len(codes))}},
	}, nil
}

// location is "lat,lon" as text.
func (c *compiler) location(ref semantic.FieldRef) (dimension, error) {
	lat, err := c.fieldSQL(ref, semantic.PartLatitude)
	if err != nil {
		return dimension{}, err
	}
	lon, err := c.fieldSQL(ref, semantic.PartLongitude)
	if err != nil {
		return dimension{}, err
	}
	str := func(s string) sqlgen.Expr { return sqlgen.Cast{X: sqlgen.Raw{SQL: s}, Type: sqlgen.TypeString} }
	return dimension{sel: sqlgen.Concat{Args: []sqlgen.Expr{str(lat), sqlgen.Literal{Value: ","}, str(lon)}}}, nil
}
