package semantic

import (
	"strings"

	"github.com/osteele/liquid/render"
)

// session is one rendering of one template: where it sits (explore, alias,
// field), the query's values, and where bound values go.
type session struct {
	explore *Explore
	alias   string // the view alias the template belongs to
	field   *Field // nil outside a field (sql_on, sql_always_where…)
	values  *Values
	marks   *deferred
	html    bool
	cell    *Cell
}

func (s *session) fieldName() string {
	if s.field == nil {
		return ""
	}
	return s.alias + "." + s.field.Short
}

// bindings builds the Liquid variables Looker defines.
func (s *session) bindings() map[string]any {
	name := func(n string) map[string]any { return map[string]any{"_name": n} }
	b := map[string]any{
		sessionKey:         s,
		"_model":           name(s.explore.model.Name),
		"_explore":         name(s.explore.Name),
		"_view":            name(s.alias),
		"_field":           name(s.fieldName()),
		"_dialect":         name(s.valuesOrEmpty().Dialect),
		"_query":           map[string]any{"_query_timezone": s.valuesOrEmpty().Timezone},
		"_user_attributes": stringMap(s.valuesOrEmpty().UserAttributes),
		"_filters":         lowerMap(s.valuesOrEmpty().Filters),
	}
	for _, alias := range s.explore.Aliases() {
		b[alias] = s.aliasVars(alias)
	}
	if s.cell != nil {
		s.cell.bind(b, s.alias, s.field)
	}
	return b
}

func (s *session) valuesOrEmpty() *Values {
	if s.values == nil {
		return &Values{}
	}
	return s.values
}

// aliasVars gives view.field._parameter_value, _is_selected, _is_filtered
// and _in_query for every field of an alias. Values are computed lazily by
// a drop so unused fields cost nothing.
func (s *session) aliasVars(alias string) map[string]any {
	v := s.explore.ViewOf(alias)
	if v == nil {
		return nil
	}
	out := make(map[string]any, len(v.Fields))
	for _, f := range v.Fields {
		out[f.Short] = fieldDrop{s: s, ref: FieldRef{Alias: alias, Field: f}}
	}
	return out
}

// fieldDrop is what Liquid sees as view.field.
type fieldDrop struct {
	s   *session
	ref FieldRef
}

// ToLiquid computes the field's variables when a template touches them.
func (d fieldDrop) ToLiquid() any {
	name := d.ref.Name()
	expr, filtered := d.s.values.filter(name)
	selected := d.s.values.selected(name)
	m := map[string]any{
		"_name":        name,
		"_is_selected": selected,
		"_is_filtered": filtered,
		"_in_query":    selected || filtered,
	}
	if d.ref.Field.Kind == Parameter {
		// An invalid unquoted value reads as empty here; {% parameter %}
		// reports it.
		if v, _, err := parameterValue(d.ref, d.s.values); err == nil {
			m["_parameter_value"] = v
		}
	} else if filtered {
		m["_filter_value"] = expr
	}
	return m
}

func stringMap(in map[string]string) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}

func lowerMap(in map[string]string) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		out[strings.ToLower(k)] = v
	}
	return out
}

// sessionOf finds the session in a tag's context.
func sessionOf(ctx render.Context) *session {
	s, _ := ctx.Get(sessionKey).(*session)
	return s
}
