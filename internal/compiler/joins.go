package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/filterexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
)

const dateKind = filterexpr.KindDate

// joinPlan finds the joins the query needs (§5.1 step 4): the aliases its
// fields, filters and the explore's implicit SQL read, what their joins'
// ON clauses read, required_joins and always_join; then orders them.
func (c *compiler) joinPlan(p *plan) error {
	for _, f := range p.fields {
		if err := c.discover(f); err != nil {
			return err
		}
	}
	for _, f := range append(append([]filter{}, p.filters...), p.extra...) {
		if err := c.discover(f.ref); err != nil {
			return err
		}
	}
	for _, t := range []semantic.Template{c.e.SQLAlwaysWhere, c.e.SQLAlwaysHaving} {
		if _, err := c.expand(t); err != nil {
			return err
		}
	}
	for _, a := range c.e.AlwaysJoin {
		c.used[strings.ToLower(a)] = true
	}
	if err := c.closeJoins(); err != nil {
		return err
	}
	return c.orderJoins()
}

// expand expands explore-level model text (sql_always_where) on the base
// alias; a zero template is "".
func (c *compiler) expand(t semantic.Template) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	sql, err := c.e.Expand(c.e.ViewName, t, c.scope)
	if err != nil {
		return "", modelErr(c.e.Name, err)
	}
	return strings.TrimSpace(sql), nil
}

// discover records what one field's SQL reads.
func (c *compiler) discover(ref semantic.FieldRef) error {
	if ref.Field == nil {
		return overlook.Errorf(overlook.EINTERNAL, "explore %s refers to a missing field", c.e.Name)
	}
	parts := []semantic.Part{semantic.PartSQL}
	switch {
	case ref.Field.Type == "location":
		parts = []semantic.Part{semantic.PartLatitude, semantic.PartLongitude}
	case ref.Field.Kind == semantic.FilterOnly || ref.Field.Kind == semantic.Parameter:
		c.used[strings.ToLower(ref.Alias)] = true
		return nil
	}
	for _, part := range parts {
		if ref.Field.SQL.IsZero() && part == semantic.PartSQL && ref.Field.Kind == semantic.Measure {
			continue // count without sql
		}
		if _, err := c.fieldSQL(ref, part); err != nil {
			return err
		}
	}
	if ref.Field.Kind == semantic.Measure {
		return c.discoverMeasure(ref)
	}
	return nil
}

// discoverMeasure records what a measure reads besides its sql: the
// dimensions of its filters, its list field and distinct key.
func (c *compiler) discoverMeasure(ref semantic.FieldRef) error {
	c.used[strings.ToLower(ref.Alias)] = true
	for _, f := range ref.Field.Filters {
		fr, err := c.measureFilterRef(ref, f)
		if err != nil {
			return err
		}
		if err := c.discover(fr); err != nil {
			return err
		}
	}
	if !ref.Field.SQLDistinctKey.IsZero() {
		if _, err := c.fieldSQL(ref, semantic.PartDistinctKey); err != nil {
			return err
		}
	}
	return nil
}

// closeJoins adds, until nothing changes, the aliases the ON clauses and
// required_joins of the joins found so far need.
func (c *compiler) closeJoins() error {
	c.joins = map[string]map[string]bool{}
	for {
		var pending []*semantic.Join
		for _, j := range c.e.Joins {
			name := strings.ToLower(j.Name)
			if _, done := c.joins[name]; c.used[name] && !done {
				pending = append(pending, j)
			}
		}
		if len(pending) == 0 {
			return nil
		}
		for _, j := range pending {
			deps, err := c.tracking(func() error { _, err := c.onSQL(j); return err })
			if err != nil {
				return err
			}
			for _, r := range j.RequiredJoins {
				deps[strings.ToLower(r)] = true
				c.used[strings.ToLower(r)] = true
			}
			delete(deps, strings.ToLower(j.Name))
			c.joins[strings.ToLower(j.Name)] = deps
		}
	}
}

// orderJoins sorts the joins so that each comes after the joins its ON
// clause reads, keeping declaration order otherwise.
func (c *compiler) orderJoins() error {
	base := strings.ToLower(c.e.ViewName)
	placed := map[string]bool{base: true}
	for len(c.order) < len(c.joins) {
		progress := false
		for _, j := range c.e.Joins {
			name := strings.ToLower(j.Name)
			deps, want := c.joins[name]
			if !want || placed[name] || !allPlaced(deps, placed) {
				continue
			}
			placed[name] = true
			c.order = append(c.order, name)
			progress = true
			break // restart, so that declaration order wins among the ready
		}
		if !progress {
			return overlook.Errorf(overlook.EINVALID, "explore %s: the joins' ON clauses depend on each other in a cycle", c.e.Name)
		}
	}
	return nil
}

func allPlaced(deps, placed map[string]bool) bool {
	for d := range deps {
		if !placed[d] {
			return false
		}
	}
	return true
}

// downstream reports whether alias a reaches join j through ON-clause
// dependencies: a sits beyond j, so j's fan-out does not repeat a's rows.
func (c *compiler) downstream(a, j string) bool {
	seen := map[string]bool{}
	var walk func(x string) bool
	walk = func(x string) bool {
		if x == j {
			return true
		}
		if seen[x] {
			return false
		}
		seen[x] = true
		for d := range c.joins[x] {
			if walk(d) {
				return true
			}
		}
		return false
	}
	return walk(a)
}

// fannedOut reports whether the query's joins may repeat the rows of the
// view under alias a (§3.1): a is joined many_to_one or many_to_many, or
// some joined one_to_many/many_to_many join lies beyond a view other than
// a's own branch.
func (c *compiler) fannedOut(alias string) bool {
	if !c.e.SymmetricAggregates {
		return false
	}
	a := strings.ToLower(alias)
	if j := c.e.Join(a); j != nil && (j.Relationship == "many_to_one" || j.Relationship == "many_to_many") {
		return true
	}
	for _, name := range c.order {
		if name == a {
			continue
		}
		if j := c.e.Join(name); j.FansOut() && !c.downstream(a, name) {
			return true
		}
	}
	return false
}
