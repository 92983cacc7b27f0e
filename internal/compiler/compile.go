package compiler

import (
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/filterexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

// compiler holds the state of one compilation.
type compiler struct {
	m     *semantic.Model
	e     *semantic.Explore
	d     sqlgen.Dialect
	ctx   Context
	q     Query
	b     *binds
	dc    filterexpr.DateContext
	tz    string // the query time zone, "" when none or equal to the DB's
	dbTZ  string
	scope semantic.Scope
	dyn   *dynamic // custom fields, table calculations, filter_expression

	// building is false while the compiler only discovers which aliases
	// the query's SQL reads, true once joins are known and it builds SQL.
	building bool
	// used collects the aliases referenced by the expansion in progress.
	used map[string]bool
	// joins are the aliases the query joins, with what each one's ON reads.
	joins map[string]map[string]bool
	order []string
	// colLimit is the pivot column limit of a pivoted query.
	colLimit int
}

// Compile turns q into SQL for the named dialect over model m.
func Compile(m *semantic.Model, q Query, dialectName string, ctx Context) (*Compiled, error) {
	c, err := newCompiler(m, q.View, dialectName, ctx)
	if err != nil {
		return nil, err
	}
	c.q = q
	p, err := c.plan()
	if err != nil {
		return nil, err
	}
	out, err := c.build(p)
	if err != nil {
		return nil, err
	}
	err = c.sideQueries(out, p)
	c.dynamicResult(out)
	return out, err
}

func newCompiler(m *semantic.Model, explore, dialectName string, ctx Context) (*compiler, error) {
	if m == nil {
		return nil, overlook.Invalid("model", "missing", "model is required")
	}
	e := m.Explore(explore)
	if e == nil {
		return nil, overlook.Invalid("view", "not_found", "model %s has no explore %q", m.Name, explore)
	}
	d, ok := dialect.Lookup(dialectName)
	if !ok {
		return nil, overlook.Invalid("dialect", "unsupported", "no SQL dialect %q", dialectName)
	}
	if ctx.Now.IsZero() {
		ctx.Now = time.Now()
	}
	if ctx.MaxLimit <= 0 {
		ctx.MaxLimit = DefaultMaxLimit
	}
	c := &compiler{m: m, e: e, d: d, ctx: ctx, b: newBinds(), used: map[string]bool{}, dbTZ: ctx.DBTimezone}
	if c.dbTZ == "" {
		c.dbTZ = "UTC"
	}
	return c, nil
}

// setTimezone validates the query time zone: only a zone Go knows may be
// written (as a literal) into the SQL.
func (c *compiler) setTimezone(name string) error {
	loc := time.UTC
	if name != "" {
		l, err := time.LoadLocation(name)
		if err != nil || strings.ContainsAny(name, "'\"\\") || name == "Local" {
			return overlook.Invalid("query_timezone", "invalid", "unknown time zone %q", name)
		}
		loc = l
		if name != c.dbTZ {
			c.tz = name
		}
	}
	c.dc = filterexpr.NewDateContext(c.ctx.Now.In(loc), loc)
	if c.m.WeekStartDay != "" {
		c.dc.WeekStart = weekday(c.m.WeekStartDay)
	}
	c.dc.FiscalMonthOffset = c.m.FiscalMonthOffset
	return nil
}

func weekday(name string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), name) {
			return d
		}
	}
	return time.Monday
}

// setScope prepares what semantic needs to expand model text.
func (c *compiler) setScope(fields []string, filters map[string]string) error {
	aliases := map[string]string{}
	for _, a := range c.e.Aliases() {
		q, err := c.d.QuoteIdent(a)
		if err != nil {
			return err
		}
		aliases[a] = q
	}
	spec := c.d.Spec()
	c.scope = semantic.Scope{
		Aliases: aliases,
		Binder:  c.b,
		Values: &semantic.Values{
			UserAttributes: c.ctx.UserAttributes,
			Filters:        filters,
			Fields:         fields,
			Dialect:        c.d.Name(),
			Timezone:       c.tz,
			Dates:          c.dc,
			Render:         filterexpr.RenderOptions{ILike: spec.Caps.ILike, LikeEscape: spec.LikeEscape, NoEscapeClause: spec.NoEscapeClause},
		},
		Wrap: c.wrap,
	}
	return nil
}

// tracking runs fn collecting the aliases it references, and also adds
// them to the outer collection.
func (c *compiler) tracking(fn func() error) (map[string]bool, error) {
	outer := c.used
	c.used = map[string]bool{}
	err := fn()
	inner := c.used
	c.used = outer
	for a := range inner {
		outer[a] = true
	}
	return inner, err
}

// fieldSQL expands a field's template, recording the aliases it reads.
func (c *compiler) fieldSQL(ref semantic.FieldRef, part semantic.Part) (string, error) {
	if sql, ok, err := c.customSQL(ref, part); ok {
		return sql, err
	}
	c.used[strings.ToLower(ref.Alias)] = true
	sql, err := c.e.PartSQL(ref.Name(), part, c.scope)
	if err != nil {
		return "", modelErr(ref.Name(), err)
	}
	return strings.TrimSpace(sql), nil
}

// modelErr passes on a query value the model refuses as a 422 and keeps
// other errors (the model's own) as they are.
func modelErr(field string, err error) error {
	if ve, ok := err.(*semantic.ValueError); ok {
		return overlook.Invalid("filters", "invalid", "%s: %s", field, ve.Msg)
	}
	if oe, ok := err.(*overlook.Error); ok {
		return oe
	}
	return overlook.Invalid("fields", "unsupported", "%s: %v", field, err)
}

// wrap is what a ${view.field} reference stands for (semantic.Scope.Wrap).
func (c *compiler) wrap(ref semantic.FieldRef, sql string, _ filterexpr.Binder) (string, error) {
	c.used[strings.ToLower(ref.Alias)] = true
	if !c.building {
		if ref.Field.Kind == semantic.Measure {
			return sql, c.discoverMeasure(ref)
		}
		return sql, nil
	}
	var x sqlgen.Expr
	var err error
	switch {
	case ref.Field.Kind == semantic.Measure:
		x, err = c.measure(ref)
	case ref.Field.IsTimeframe():
		x = c.timeframe(ref, sqlgen.Raw{SQL: sql}, false)
	default:
		return sql, nil
	}
	if err != nil {
		return "", err
	}
	text, err := c.b.exprText(x, c.d)
	if ref.Field.Kind == semantic.Measure {
		text = "(" + text + ")" // Looker parenthesises referenced measures
	}
	return text, err
}
