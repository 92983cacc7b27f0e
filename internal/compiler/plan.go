package compiler

import (
	"slices"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
)

// plan is a query with every name resolved against the explore.
type plan struct {
	fields  []semantic.FieldRef
	filters []filter
	sorts   []sortItem
	// unsorted: the query asked for no ORDER BY.
	unsorted bool
	limit    int
	distinct bool // a suggestion: no GROUP BY
	extra    []filter
}

// filter is one filter expression on a field; source names where it came
// from for error messages ("filters", "always_filter", "access_filter").
type filter struct {
	ref    semantic.FieldRef
	expr   string
	source string
}

func (c *compiler) plan() (*plan, error) {
	q := c.q
	if err := c.setTimezone(q.QueryTimezone); err != nil {
		return nil, err
	}
	fields, sorts, err := c.readDynamic(q) // custom fields; fields and sorts without table calculations
	if err != nil {
		return nil, err
	}
	p := &plan{}
	if p.fields, err = c.selected(fields, q.Pivots); err != nil {
		return nil, err
	}
	if p.filters, err = c.queryFilters(q.Filters); err != nil {
		return nil, err
	}
	if err = c.setScope(fieldNames(p.fields), q.Filters); err != nil {
		return nil, err
	}
	if p.extra, err = c.implicitFilters(q.Filters); err != nil {
		return nil, err
	}
	if p.sorts, p.unsorted, err = c.parseSorts(sorts, p.fields); err != nil {
		return nil, err
	}
	if p.limit, err = c.parseLimit(q.Limit); err != nil {
		return nil, err
	}
	if err = c.discoverFilterExpression(); err != nil {
		return nil, err
	}
	return p, c.joinPlan(p)
}

func fieldNames(refs []semantic.FieldRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name()
	}
	return out
}

// lookup resolves a field name a request gives, refusing names the explore
// does not have or does not expose.
func (c *compiler) lookup(param, name string) (semantic.FieldRef, error) {
	if ref, ok := c.customRef(name); ok {
		return ref, nil
	}
	ref, ok := c.e.Lookup(strings.TrimSpace(name))
	if !ok || !c.e.Exposes(ref) {
		return semantic.FieldRef{}, overlook.Invalid(param, "unknown_field",
			"explore %s has no field %q", c.e.Name, name)
	}
	return ref, nil
}

// selected resolves fields then pivots, dropping repeats.
func (c *compiler) selected(fields, pivots []string) ([]semantic.FieldRef, error) {
	var out []semantic.FieldRef
	seen := map[string]bool{}
	add := func(param, name string) error {
		ref, err := c.lookup(param, name)
		if err != nil {
			return err
		}
		if k := ref.Field.Kind; k != semantic.Dimension && k != semantic.Measure ||
			param == "pivots" && k != semantic.Dimension {
			return overlook.Invalid(param, "not_selectable", "%s is a %s and cannot be selected here", ref.Name(), k)
		}
		if key := strings.ToLower(ref.Name()); !seen[key] {
			seen[key] = true
			out = append(out, ref)
		}
		return nil
	}
	for _, f := range fields {
		if err := add("fields", f); err != nil {
			return nil, err
		}
	}
	for _, f := range pivots {
		if err := add("pivots", f); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, overlook.Invalid("fields", "missing", "a query needs at least one field")
	}
	return out, nil
}

// queryFilters resolves the query's filters, in name order so the SQL is
// stable. Empty expressions filter nothing.
func (c *compiler) queryFilters(filters map[string]string) ([]filter, error) {
	keys := make([]string, 0, len(filters))
	for k := range filters {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []filter
	for _, k := range keys {
		ref, err := c.lookup("filters", k)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(filters[k]) == "" {
			continue
		}
		out = append(out, filter{ref: ref, expr: filters[k], source: "filters"})
	}
	return out, nil
}

// filtered reports whether the query filters the field (by any spelling).
func filtered(filters map[string]string, name string) bool {
	for k := range filters {
		if strings.EqualFold(strings.TrimSpace(k), name) {
			return true
		}
	}
	return false
}

// implicitFilters are the explore's always_filter defaults the query does
// not override, its conditionally_filter unless overridden, and its access
// filters bound to the caller's attributes.
func (c *compiler) implicitFilters(filters map[string]string) ([]filter, error) {
	var out []filter
	for _, f := range c.e.AlwaysFilter {
		if !filtered(filters, f.Field) {
			out = append(out, c.modelFilter(f, "always_filter"))
		}
	}
	if !c.conditionLifted(filters) {
		for _, f := range c.e.ConditionallyFilter {
			out = append(out, c.modelFilter(f, "conditionally_filter"))
		}
	}
	for _, af := range c.e.AccessFilters {
		v, ok := c.ctx.UserAttributes[af.UserAttribute]
		if !ok {
			// Looker refuses the query when the user lacks the attribute.
			return nil, overlook.Errorf(overlook.EFORBIDDEN,
				"access to explore %s needs a value of user attribute %s", c.e.Name, af.UserAttribute)
		}
		ref, ok := c.e.Lookup(af.Field)
		if !ok {
			return nil, overlook.Errorf(overlook.EINTERNAL, "access_filter field %s not found", af.Field)
		}
		if strings.TrimSpace(v) == "" {
			v = "EMPTY" // an empty value matches only empty values, never everything
		}
		out = append(out, filter{ref: ref, expr: v, source: "access_filter"})
	}
	return out, nil
}

func (c *compiler) modelFilter(f semantic.FieldFilter, source string) filter {
	ref, _ := c.e.Lookup(f.Field)
	return filter{ref: ref, expr: f.Expr, source: source}
}

// conditionLifted: the query filters one of the unless fields (or a
// conditionally filtered field itself).
func (c *compiler) conditionLifted(filters map[string]string) bool {
	for _, u := range c.e.Unless {
		if filtered(filters, u) {
			return true
		}
	}
	for _, f := range c.e.ConditionallyFilter {
		if filtered(filters, f.Field) {
			return true
		}
	}
	return false
}
