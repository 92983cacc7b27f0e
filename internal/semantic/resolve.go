package semantic

import (
	"errors"
	"fmt"
	"strings"
)

// errBrokenJoin stands for a reference to a join whose view is unknown: the
// join itself is reported, so its references are not.
var errBrokenJoin = errors.New("reference to a join without a view")

// target is what a reference names in an explore: a field of an alias, the
// alias itself (${TABLE}) or the table behind an alias (${x.SQL_TABLE_NAME}).
type target struct {
	alias        string
	field        *Field // nil for ${TABLE} and ${x.SQL_TABLE_NAME}
	sqlTableName bool
	view         *View // the view of ${x.SQL_TABLE_NAME}
}

// resolve finds what a reference in a template of alias from names. A view
// may name itself by its own name even when a join aliases it
// (${products.id} inside products, joined as product_a).
func (e *Explore) resolve(from string, r ref) (target, error) {
	if r.isTable() {
		return target{alias: from}, nil
	}
	alias := from
	if r.view != "" {
		alias = r.view
		if own := e.ViewOf(from); e.ViewOf(alias) == nil && own != nil && strings.EqualFold(alias, own.Name) {
			alias = from
		}
	}
	if r.isSQLTableName() && e.ViewOf(alias) == nil {
		// A derived table may read any view of the model, joined or not.
		if v := e.model.View(r.view); v != nil {
			return target{alias: v.Name, sqlTableName: true, view: v}, nil
		}
	}
	v := e.ViewOf(alias)
	if _, declared := e.aliases[strings.ToLower(alias)]; declared && v == nil {
		return target{}, errBrokenJoin
	}
	if v == nil {
		return target{}, fmt.Errorf("%s names view %q, which explore %s does not join", r, r.view, e.Name)
	}
	alias = e.canonicalAlias(alias)
	if r.isSQLTableName() {
		return target{alias: alias, sqlTableName: true, view: v}, nil
	}
	f, err := fieldOf(v, r)
	if err != nil {
		return target{}, err
	}
	return target{alias: alias, field: f}, nil
}

// fieldOf finds the field a reference names in v; filters and parameters
// have no SQL value to substitute.
func fieldOf(v *View, r ref) (*Field, error) {
	f := v.Field(r.field)
	if f == nil {
		return nil, fmt.Errorf("%s: unknown field %s.%s", r, v.Name, r.field)
	}
	if f.Kind == FilterOnly || f.Kind == Parameter {
		return nil, fmt.Errorf("%s: a %s has no SQL value; use {%% condition %%} or {%% parameter %%}", r, f.Kind)
	}
	return f, nil
}

// fieldNamed finds a field of any kind named from inside alias:
// "field", "alias.field" or the view's own "view.field".
func (e *Explore) fieldNamed(from, name string) (FieldRef, bool) {
	alias, short, qualified := strings.Cut(name, ".")
	if !qualified {
		alias, short = from, name
	} else if own := e.ViewOf(from); e.ViewOf(alias) == nil && own != nil && strings.EqualFold(alias, own.Name) {
		alias = from
	}
	v := e.ViewOf(alias)
	if v == nil || v.Field(short) == nil {
		return FieldRef{}, false
	}
	return FieldRef{Alias: e.canonicalAlias(alias), Field: v.Field(short)}, true
}
