package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

func (b *builder) explore(m *Model, p *lookml.Pair) *Explore {
	c := p.Children()
	e := &Explore{Name: p.Name, ViewName: p.Name, Pos: p.Pos, SymmetricAggregates: true, model: m, aliases: map[string]*Join{}}
	if vn, ok := c.Text("view_name"); ok {
		e.ViewName = vn
	}
	e.From = e.ViewName
	if from, ok := c.Text("from"); ok {
		e.From = from
	}
	e.Base = m.View(e.From)
	if e.Base == nil {
		b.errorf(p.Pos, "explore %s: unknown view %q", e.Name, e.From)
	}
	e.aliases[strings.ToLower(e.ViewName)] = nil
	b.exploreSettings(e, c)
	b.exploreFilters(e, c)
	for _, jp := range c.All("join") {
		b.join(m, e, jp)
	}
	return e
}

func (b *builder) exploreSettings(e *Explore, c lookml.Pairs) {
	e.Label, _ = c.Text("label")
	e.GroupLabel, _ = c.Text("group_label")
	e.ViewLabel, _ = c.Text("view_label")
	e.Description, _ = c.Text("description")
	e.Fields = strs(c.Get("fields"))
	e.AlwaysJoin = strs(c.Get("always_join"))
	e.RequiredAccessGrants = strs(c.Get("required_access_grants"))
	e.Tags = strs(c.Get("tags"))
	e.SQLAlwaysWhere = templateOf(c.Get("sql_always_where"))
	e.SQLAlwaysHaving = templateOf(c.Get("sql_always_having"))
	if p := c.Get("hidden"); p != nil {
		e.Hidden = b.yesno(p)
	}
	if p := c.Get("symmetric_aggregates"); p != nil {
		e.SymmetricAggregates = b.yesno(p)
	}
	if p := c.Get("case_sensitive"); p != nil {
		v := b.yesno(p)
		e.CaseSensitive = &v
	}
}

func (b *builder) exploreFilters(e *Explore, c lookml.Pairs) {
	if af := c.Get("always_filter"); af != nil {
		e.AlwaysFilter = b.fieldFilters(af.Children().All("filters"))
	}
	if cf := c.Get("conditionally_filter"); cf != nil {
		e.ConditionallyFilter = b.fieldFilters(cf.Children().All("filters"))
		e.Unless = strs(cf.Children().Get("unless"))
	}
	for _, p := range c.All("access_filter") {
		ac := p.Children()
		a := AccessFilter{Pos: p.Pos}
		a.Field, _ = ac.Text("field")
		a.UserAttribute, _ = ac.Text("user_attribute")
		if a.Field == "" || a.UserAttribute == "" {
			b.errorf(p.Pos, "explore %s: access_filter needs field and user_attribute", e.Name)
			continue
		}
		e.AccessFilters = append(e.AccessFilters, a)
	}
}

func (b *builder) join(m *Model, e *Explore, p *lookml.Pair) {
	c := p.Children()
	j := &Join{Name: p.Name, From: p.Name, Type: "left_outer", Relationship: "many_to_one", Pos: p.Pos}
	if from, ok := c.Text("from"); ok {
		j.From = from
	}
	j.View = m.View(j.From)
	if j.View == nil {
		b.errorf(p.Pos, "explore %s: join %s: unknown view %q", e.Name, j.Name, j.From)
	}
	j.Type = b.choice(c.Get("type"), joinTypes, j.Type, "join type")
	j.Relationship = b.choice(c.Get("relationship"), relationships, j.Relationship, "relationship")
	j.SQLOn = templateOf(c.Get("sql_on"))
	j.SQL = templateOf(c.Get("sql"))
	j.SQLWhere = templateOf(c.Get("sql_where"))
	j.ForeignKey, _ = c.Text("foreign_key")
	j.ViewLabel, _ = c.Text("view_label")
	j.Fields = strs(c.Get("fields"))
	j.RequiredJoins = strs(c.Get("required_joins"))
	j.RequiredAccessGrants = strs(c.Get("required_access_grants"))
	if op := c.Get("outer_only"); op != nil {
		j.OuterOnly = b.yesno(op)
	}
	key := strings.ToLower(j.Name)
	if j, dup := e.aliases[key]; dup {
		if j == nil {
			b.errorf(p.Pos, "explore %s: join %q has the alias of the explore's base view", e.Name, p.Name)
		} else {
			b.errorf(p.Pos, "explore %s: join %q is already defined at %s", e.Name, p.Name, j.Pos)
		}
		return
	}
	e.aliases[key] = j
	e.Joins = append(e.Joins, j)
}

// choice reads a value that must be one of a set, or returns def when unset.
func (b *builder) choice(p *lookml.Pair, allowed map[string]bool, def, what string) string {
	if p == nil {
		return def
	}
	v := strings.ToLower(p.Value.Text)
	if !allowed[v] {
		b.errorf(p.Value.Pos, "unknown %s %q", what, p.Value.Text)
		return def
	}
	return v
}
