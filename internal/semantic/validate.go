package semantic

import (
	"strings"
)

// validate checks what needs the whole model: references, cycles, joins and
// explore filters. Problems with a single field were reported while building.
func (b *builder) validate(m *Model) {
	for _, v := range m.Views {
		b.checkViewRefs(m, v)
	}
	for _, e := range m.Explores {
		if e.Base == nil {
			continue
		}
		b.checkExploreRefs(e)
		b.checkCycles(e)
		b.checkJoins(e)
		b.checkExploreFilters(e)
	}
	b.errs = sortErrors(b.errs)
}

// checkViewRefs checks what a view can check alone: ${field} names one of
// its fields, and ${view.SQL_TABLE_NAME} names a view of the model.
func (b *builder) checkViewRefs(m *Model, v *View) {
	for _, f := range v.Fields {
		for _, t := range fieldTemplates(f) {
			for _, r := range refsOf(t.Text) {
				if r.view != "" || r.isTable() {
					continue
				}
				if _, err := fieldOf(v, r); err != nil {
					b.errorf(t.posAt(r.start), "%s", err)
				}
			}
		}
	}
	if v.DerivedTable != nil {
		for _, r := range refsOf(v.DerivedTable.SQL.Text) {
			if r.isSQLTableName() && m.View(r.view) == nil {
				b.errorf(v.DerivedTable.SQL.posAt(r.start), "%s: unknown view %q", r, r.view)
			}
		}
	}
}

// checkExploreRefs resolves every reference of every field the explore
// exposes, and of its joins' sql_on and its sql_always_where/having.
func (b *builder) checkExploreRefs(e *Explore) {
	for _, alias := range e.Aliases() {
		v := e.ViewOf(alias)
		if v == nil {
			continue
		}
		for _, f := range v.Fields {
			for _, t := range fieldTemplates(f) {
				b.checkTemplate(e, alias, t)
			}
			b.checkFieldFilters(e, alias, f)
		}
	}
	for _, j := range e.Joins {
		b.checkTemplate(e, j.Name, j.SQLOn)
		b.checkTemplate(e, j.Name, j.SQL)
	}
	b.checkTemplate(e, e.ViewName, e.SQLAlwaysWhere)
	b.checkTemplate(e, e.ViewName, e.SQLAlwaysHaving)
}

func (b *builder) checkTemplate(e *Explore, alias string, t Template) {
	for _, r := range refsOf(t.Text) {
		if r.view == "" {
			continue // checked once per view
		}
		if _, err := e.resolve(alias, r); err != nil && err != errBrokenJoin {
			b.errorf(t.posAt(r.start), "%s", err)
		}
	}
}

// checkFieldFilters checks the fields a measure's filters name.
func (b *builder) checkFieldFilters(e *Explore, alias string, f *Field) {
	for _, ff := range f.Filters {
		if _, ok := e.fieldNamed(alias, ff.Field); !ok {
			b.errorf(ff.Pos, "measure %s: filter on unknown field %q", f.Name, ff.Field)
		}
	}
}

func (b *builder) checkJoins(e *Explore) {
	for _, j := range e.Joins {
		if j.View == nil {
			continue
		}
		for _, rj := range j.RequiredJoins {
			if e.Join(rj) == nil {
				b.errorf(j.Pos, "explore %s: join %s requires unknown join %q", e.Name, j.Name, rj)
			}
		}
		b.checkForeignKey(e, j)
		if e.SymmetricAggregates && j.FansOut() {
			b.checkFanoutKeys(e, j)
		}
	}
	for _, a := range e.AlwaysJoin {
		if e.Join(a) == nil {
			b.errorf(e.Pos, "explore %s: always_join names unknown join %q", e.Name, a)
		}
	}
}

// checkForeignKey: foreign_key names a dimension of the explore (of the
// base view unless qualified) matched against the joined view's primary key.
func (b *builder) checkForeignKey(e *Explore, j *Join) {
	if j.ForeignKey == "" {
		return
	}
	name := j.ForeignKey
	if !strings.Contains(name, ".") {
		name = e.ViewName + "." + name
	}
	if _, ok := e.Lookup(name); !ok {
		b.errorf(j.Pos, "explore %s: join %s: foreign_key names unknown field %q", e.Name, j.Name, j.ForeignKey)
	}
	if j.View.PrimaryKey == nil {
		b.errorf(j.Pos, "explore %s: join %s uses foreign_key but view %s has no primary_key", e.Name, j.Name, j.View.Name)
	}
}

// checkFanoutKeys: a join that fans out repeats rows, so every view on
// either side of it needs a primary key for symmetric aggregates.
func (b *builder) checkFanoutKeys(e *Explore, j *Join) {
	sides := []string{j.Name}
	for _, r := range refsOf(j.SQLOn.Text) {
		if t, err := e.resolve(j.Name, r); err == nil && t.alias != j.Name {
			sides = append(sides, t.alias)
		}
	}
	if j.ForeignKey != "" {
		sides = append(sides, e.ViewName)
	}
	seen := map[string]bool{}
	for _, alias := range sides {
		v := e.ViewOf(alias)
		if seen[alias] || v == nil || v.PrimaryKey != nil {
			continue
		}
		seen[alias] = true
		b.errorf(j.Pos, "explore %s: join %s fans out (%s) but view %s has no primary_key for symmetric aggregates",
			e.Name, j.Name, j.Relationship, v.Name)
	}
}

func (b *builder) checkExploreFilters(e *Explore) {
	check := func(ffs []FieldFilter, what string) {
		for _, ff := range ffs {
			if _, ok := e.Lookup(ff.Field); !ok {
				b.errorf(ff.Pos, "explore %s: %s on unknown field %q", e.Name, what, ff.Field)
			}
		}
	}
	check(e.AlwaysFilter, "always_filter")
	check(e.ConditionallyFilter, "conditionally_filter")
	for _, u := range e.Unless {
		if _, ok := e.Lookup(u); !ok {
			b.errorf(e.Pos, "explore %s: conditionally_filter unless names unknown field %q", e.Name, u)
		}
	}
	for _, a := range e.AccessFilters {
		ref, ok := e.Lookup(a.Field)
		switch {
		case !ok:
			b.errorf(a.Pos, "explore %s: access_filter on unknown field %q", e.Name, a.Field)
		case ref.Field.Kind != Dimension:
			b.errorf(a.Pos, "explore %s: access_filter field %q must be a dimension", e.Name, a.Field)
		}
	}
}
