package semantic

// Cell is one result value, for rendering a field's html.
type Cell struct {
	Value      any    // value
	Rendered   string // rendered_value: the formatted value
	Linked     string // linked_value; the rendered value when empty
	Filterable string // filterable_value; the value as text when empty
}

// bind adds value, rendered_value, linked_value and filterable_value, and
// view.field._value and ._rendered_value for the field being rendered.
func (c *Cell) bind(b map[string]any, alias string, f *Field) {
	linked, filterable := c.Linked, c.Filterable
	if linked == "" {
		linked = c.Rendered
	}
	b["value"], b["rendered_value"], b["linked_value"], b["filterable_value"] = c.Value, c.Rendered, linked, filterable
	if f == nil {
		return
	}
	if view, ok := b[alias].(map[string]any); ok {
		if d, ok := view[f.Short].(fieldDrop); ok {
			m := d.ToLiquid().(map[string]any)
			m["_value"], m["_rendered_value"], m["_linked_value"] = c.Value, c.Rendered, linked
			view[f.Short] = m
		}
	}
}
