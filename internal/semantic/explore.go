package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// Explore is a resolved explore: a base view and the joins a query may use.
// Views are named in an explore by alias: the base view's alias is ViewName,
// a join's is its Name.
type Explore struct {
	Name        string
	ViewName    string // the base view's alias (the explore's name by default)
	From        string // the view the base alias reads (view_name, from, or the name)
	Base        *View
	Label       string
	GroupLabel  string
	ViewLabel   string
	Description string
	Hidden      bool
	Joins       []*Join // in declaration order
	// AlwaysFilter holds filters every query gets; a query may change their
	// values but not drop them.
	AlwaysFilter []FieldFilter
	// ConditionallyFilter applies unless the query filters any field of
	// Unless.
	ConditionallyFilter []FieldFilter
	Unless              []string
	SQLAlwaysWhere      Template
	SQLAlwaysHaving     Template
	AccessFilters       []AccessFilter
	// Fields restricts what the explore exposes (ALL_FIELDS*, set*, -x…).
	Fields               []string
	AlwaysJoin           []string
	RequiredAccessGrants []string
	SymmetricAggregates  bool
	CaseSensitive        *bool
	Tags                 []string
	Pos                  lookml.Pos

	model   *Model
	aliases map[string]*Join // lower-case alias → join (nil value for the base)
}

// AccessFilter limits rows to those where Field matches the user's value of
// UserAttribute.
type AccessFilter struct {
	Field         string
	UserAttribute string
	Pos           lookml.Pos
}

// Join is one join of an explore.
type Join struct {
	Name         string // the alias in the query
	From         string // the view it reads (the name by default)
	View         *View
	Type         string // left_outer (default), inner, full_outer, cross
	Relationship string // many_to_one (default), one_to_one, one_to_many, many_to_many
	SQLOn        Template
	ForeignKey   string
	// SQL is the legacy whole join clause (LEFT JOIN UNNEST(…) AS x).
	SQL                  Template
	SQLWhere             Template
	ViewLabel            string
	Fields               []string
	RequiredJoins        []string
	OuterOnly            bool
	RequiredAccessGrants []string
	Pos                  lookml.Pos
}

// FansOut reports a join that may repeat the rows of the views before it,
// which makes their measures need symmetric aggregates.
func (j *Join) FansOut() bool {
	return j.Relationship == "one_to_many" || j.Relationship == "many_to_many"
}

// FieldRef is a field as an explore names it: through the alias of the
// view it belongs to.
type FieldRef struct {
	Alias string
	Field *Field
}

// Name is the field's name in queries: alias.field.
func (r FieldRef) Name() string { return r.Alias + "." + r.Field.Short }

// Join returns the join with the alias, or nil (also for the base view).
func (e *Explore) Join(alias string) *Join { return e.aliases[strings.ToLower(alias)] }

// ViewOf returns the view an alias reads, or nil for an unknown alias.
func (e *Explore) ViewOf(alias string) *View {
	j, ok := e.aliases[strings.ToLower(alias)]
	switch {
	case !ok:
		return nil
	case j == nil:
		return e.Base
	default:
		return j.View
	}
}

// Lookup finds "alias.field" in the explore.
func (e *Explore) Lookup(name string) (FieldRef, bool) {
	alias, short, ok := strings.Cut(name, ".")
	if !ok {
		return FieldRef{}, false
	}
	v := e.ViewOf(alias)
	if v == nil {
		return FieldRef{}, false
	}
	f := v.Field(short)
	if f == nil {
		return FieldRef{}, false
	}
	return FieldRef{Alias: e.canonicalAlias(alias), Field: f}, true
}

// canonicalAlias spells an alias the way the model declares it.
func (e *Explore) canonicalAlias(alias string) string {
	if j := e.Join(alias); j != nil {
		return j.Name
	}
	return e.ViewName
}

// Aliases lists the base alias then every join's, in declaration order.
func (e *Explore) Aliases() []string {
	out := []string{e.ViewName}
	for _, j := range e.Joins {
		out = append(out, j.Name)
	}
	return out
}
