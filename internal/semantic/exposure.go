package semantic

import "strings"

// Exposes reports whether the explore lets queries use a field: the join's
// `fields` (if any) and the explore's `fields` (if any) must both include it
// and neither exclude it. Items are ALL_FIELDS*, alias.ALL_FIELDS*, set*,
// alias.set*, alias.field or field, each possibly negated with a leading -.
func (e *Explore) Exposes(ref FieldRef) bool {
	if j := e.Join(ref.Alias); j != nil && j.Fields != nil && !e.listAllows(j.Fields, ref, j.Name) {
		return false
	}
	return e.Fields == nil || e.listAllows(e.Fields, ref, e.ViewName)
}

// listAllows applies one fields list; own is the alias unqualified names
// belong to.
func (e *Explore) listAllows(list []string, ref FieldRef, own string) bool {
	included := false
	for _, item := range list {
		if name, neg := strings.CutPrefix(item, "-"); neg {
			if e.itemMatches(name, ref, own) {
				return false
			}
			continue
		}
		included = included || e.itemMatches(item, ref, own)
	}
	return included
}

func (e *Explore) itemMatches(item string, ref FieldRef, own string) bool {
	alias, name, qualified := strings.Cut(item, ".")
	if !qualified {
		alias, name = own, item
	}
	if item == "ALL_FIELDS*" {
		return true
	}
	if !strings.EqualFold(e.canonicalAlias(alias), ref.Alias) || e.ViewOf(alias) == nil {
		return false
	}
	set, isSet := strings.CutSuffix(name, "*")
	switch {
	case isSet && set == "ALL_FIELDS":
		return true
	case isSet:
		for _, f := range ref.Field.View.Sets[strings.ToLower(set)] {
			if e.itemMatches(f, ref, ref.Alias) {
				return true
			}
		}
		return false
	}
	return strings.EqualFold(name, ref.Field.Short)
}
