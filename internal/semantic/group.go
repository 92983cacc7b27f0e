package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// group expands a dimension_group into one field per timeframe (type: time)
// or per interval (type: duration).
func (b *builder) group(v *View, p *lookml.Pair) []*Field {
	c := p.Children()
	g := &Group{Name: p.Name, Type: "time", Pos: p.Pos}
	if t := c.Get("type"); t != nil {
		g.Type = strings.ToLower(t.Value.Text)
		if !groupTypes[g.Type] {
			b.errorf(t.Value.Pos, "dimension_group %s.%s: type must be time or duration, not %q", v.Name, p.Name, t.Value.Text)
			return nil
		}
	}
	if g.Type == "duration" {
		return b.expand(v, p, g, "intervals", DurationIntervals, isDurationInterval, func(f *Field, iv string) {
			f.Short, f.Type, f.DurationInterval = durationFieldName(g.Name, iv), "duration_"+iv, iv
		})
	}
	isTimeframe := func(s string) bool { _, ok := timeframeKinds[s]; return ok }
	return b.expand(v, p, g, "timeframes", defaultTimeframes, isTimeframe, func(f *Field, tf string) {
		f.Short, f.Type, f.Timeframe = timeframeFieldName(g.Name, tf), "date_"+tf, tf
	})
}

// expand makes one field per listed item (or per default when the list is
// missing), each a copy of the group's parameters named by name.
func (b *builder) expand(v *View, p *lookml.Pair, g *Group, key string, defaults []string,
	valid func(string) bool, name func(*Field, string)) []*Field {
	c := p.Children()
	items := defaults
	positions := make([]lookml.Pos, len(items))
	if lp := c.Get(key); lp != nil {
		items, positions = nil, nil
		for _, e := range lp.Value.Items {
			items = append(items, strings.ToLower(e.Value.Text))
			positions = append(positions, e.Value.Pos)
		}
	}
	var out []*Field
	for i, item := range items {
		if !valid(item) {
			b.errorf(positions[i], "dimension_group %s.%s: unknown %s %q", v.Name, p.Name, strings.TrimSuffix(key, "s"), item)
			continue
		}
		f := &Field{View: v, Kind: Dimension, Group: g, Pos: p.Pos, ConvertTZ: true}
		b.common(f, c)
		name(f, item)
		f.Name = v.Name + "." + f.Short
		if g.Type == "time" && f.SQL.IsZero() {
			f.SQL = Template{Text: "${TABLE}." + g.Name, Pos: p.Pos}
		}
		out = append(out, f)
	}
	return out
}
