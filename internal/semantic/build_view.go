package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// fieldKeys maps the LookML keys that declare fields to their kind.
var fieldKeys = map[string]Kind{
	"dimension": Dimension, "measure": Measure, "filter": FilterOnly, "parameter": Parameter,
}

func (b *builder) view(p *lookml.Pair) *View {
	c := p.Children()
	v := &View{Name: p.Name, Pos: p.Pos, Sets: map[string][]string{}, byName: map[string]*Field{}}
	v.Label, _ = c.Text("label")
	v.SQLTableName = templateOf(c.Get("sql_table_name"))
	v.DrillFields = strs(c.Get("drill_fields"))
	v.RequiredAccessGrants = strs(c.Get("required_access_grants"))
	if dt := c.Get("derived_table"); dt != nil {
		v.DerivedTable = derivedTable(dt)
	} else if v.SQLTableName.IsZero() {
		// Looker reads a view without a table from the table of its name.
		v.SQLTableName = Template{Text: p.Name, Pos: p.Pos}
	}
	for _, s := range c.All("set") {
		v.Sets[strings.ToLower(s.Name)] = strs(s.Children().Get("fields"))
	}
	for _, item := range c {
		switch {
		case item.Key == "dimension_group":
			for _, f := range b.group(v, item) {
				b.addField(v, f)
			}
		case item.Key == "dimension" || item.Key == "measure" || item.Key == "filter" || item.Key == "parameter":
			b.addField(v, b.field(v, item, fieldKeys[item.Key]))
		}
	}
	return v
}

func derivedTable(p *lookml.Pair) *DerivedTable {
	c := p.Children()
	d := &DerivedTable{Pos: p.Pos, SQL: templateOf(c.Get("sql")), SQLTriggerValue: templateOf(c.Get("sql_trigger_value"))}
	if es := c.Get("explore_source"); es != nil {
		d.ExploreSource = es.Name
	}
	d.DatagroupTrigger, _ = c.Text("datagroup_trigger")
	d.PersistFor, _ = c.Text("persist_for")
	return d
}

// addField appends a field, reporting a second field of one name (a
// dimension_group's generated names count: created_date clashes with a
// dimension created_date).
func (b *builder) addField(v *View, f *Field) {
	key := strings.ToLower(f.Short)
	if old := v.byName[key]; old != nil {
		b.errorf(f.Pos, "view %s: field %q is already defined at %s", v.Name, f.Short, old.Pos)
		return
	}
	v.byName[key] = f
	v.Fields = append(v.Fields, f)
	if f.PrimaryKey {
		if v.PrimaryKey != nil {
			b.errorf(f.Pos, "view %s: second primary key %q (the first is %q)", v.Name, f.Short, v.PrimaryKey.Short)
			return
		}
		v.PrimaryKey = f
	}
}

// field builds a dimension, measure, filter or parameter.
func (b *builder) field(v *View, p *lookml.Pair, k Kind) *Field {
	c := p.Children()
	f := &Field{Name: v.Name + "." + p.Name, Short: p.Name, View: v, Kind: k, Pos: p.Pos, Type: "string", ConvertTZ: true}
	if t := c.Get("type"); t != nil {
		f.Type = strings.ToLower(t.Value.Text)
		if !validType(k, f.Type) {
			b.errorf(t.Value.Pos, "%s %s: unknown %s type %q", k, f.Name, k, t.Value.Text)
		}
	}
	b.common(f, c)
	if k == Dimension && f.SQL.IsZero() && needsColumn(f.Type) {
		f.SQL = Template{Text: "${TABLE}." + p.Name, Pos: p.Pos}
	}
	if k == Parameter && f.Type == "unquoted" && len(f.AllowedValues) == 0 {
		// Its value would be pasted into SQL: only the model may say what it can be.
		b.errorf(p.Pos, "parameter %s: type unquoted needs allowed_value choices", f.Name)
	}
	return f
}

// needsColumn tells the dimension types whose value is one sql expression
// (and so default to the column of the field's name).
func needsColumn(t string) bool {
	return t != "location" && t != "distance" && !strings.HasPrefix(t, "duration")
}

// common reads the parameters every kind of field may have.
func (b *builder) common(f *Field, c lookml.Pairs) {
	f.SQL = templateOf(c.Get("sql"))
	f.SQLStart, f.SQLEnd = templateOf(c.Get("sql_start")), templateOf(c.Get("sql_end"))
	f.SQLLatitude, f.SQLLongitude = templateOf(c.Get("sql_latitude")), templateOf(c.Get("sql_longitude"))
	f.SQLDistinctKey = templateOf(c.Get("sql_distinct_key"))
	f.HTML = templateOf(c.Get("html"))
	f.Label, _ = c.Text("label")
	f.ViewLabel, _ = c.Text("view_label")
	f.GroupLabel, _ = c.Text("group_label")
	f.GroupItemLabel, _ = c.Text("group_item_label")
	f.Description, _ = c.Text("description")
	f.ValueFormat, _ = c.Text("value_format")
	f.ValueFormatName, _ = c.Text("value_format_name")
	f.DefaultValue, _ = c.Text("default_value")
	f.ListField, _ = c.Text("list_field")
	f.Direction, _ = c.Text("direction")
	f.Datatype, _ = c.Text("datatype")
	f.Style, _ = c.Text("style")
	f.Units, _ = c.Text("units")
	f.StartLocation, _ = c.Text("start_location_field")
	f.EndLocation, _ = c.Text("end_location_field")
	f.Tags = strs(c.Get("tags"))
	f.RequiredFields = strs(c.Get("required_fields"))
	f.RequiredAccessGrants = strs(c.Get("required_access_grants"))
	f.DrillFields = strs(c.Get("drill_fields"))
	b.flags(f, c)
	b.numbers(f, c)
	f.Filters = b.fieldFilters(c.All("filters"))
	f.AllowedValues = allowedValues(c.All("allowed_value"))
	b.cases(f, c.Get("case"))
}

func (b *builder) flags(f *Field, c lookml.Pairs) {
	if p := c.Get("hidden"); p != nil {
		f.Hidden = b.yesno(p)
	}
	if p := c.Get("primary_key"); p != nil {
		f.PrimaryKey = b.yesno(p)
	}
	if p := c.Get("convert_tz"); p != nil {
		f.ConvertTZ = b.yesno(p)
	}
	if p := c.Get("case_sensitive"); p != nil {
		v := b.yesno(p)
		f.CaseSensitive = &v
	}
}

func (b *builder) numbers(f *Field, c lookml.Pairs) {
	if p := c.Get("percentile"); p != nil {
		f.Percentile = b.integer(p)
	}
	if p := c.Get("precision"); p != nil {
		f.Precision = b.integer(p)
	}
	for _, key := range []string{"tiers", "bins"} { // bin is tier's other name
		if p := c.Get(key); p != nil {
			f.Tiers = b.tiers(p)
		}
	}
}

func (b *builder) tiers(p *lookml.Pair) []float64 {
	var out []float64
	for _, e := range p.Value.Items {
		n, ok := parseNumber(e.Value.Text)
		if !ok || e.Value.Kind != lookml.Number {
			b.errorf(e.Value.Pos, "tiers must be numbers, not %q", e.Value.Text)
			continue
		}
		if len(out) > 0 && n <= out[len(out)-1] {
			b.errorf(e.Value.Pos, "tiers must increase: %s follows %v", e.Value.Text, out[len(out)-1])
		}
		out = append(out, n)
	}
	return out
}

// fieldFilters reads `filters: [view.field: "expr", …]` and the older
// repeated `filters: {field: … value: …}` blocks.
func (b *builder) fieldFilters(ps lookml.Pairs) []FieldFilter {
	var out []FieldFilter
	for _, p := range ps {
		switch p.Value.Kind {
		case lookml.List:
			for _, e := range p.Value.Items {
				if e.Key == "" {
					b.errorf(e.Pos, "filters entries read field: \"expression\"")
					continue
				}
				out = append(out, FieldFilter{Field: e.Key, Expr: e.Value.Text, Pos: e.Pos})
			}
		case lookml.Block:
			c := p.Children()
			field, _ := c.Text("field")
			value, _ := c.Text("value")
			out = append(out, FieldFilter{Field: field, Expr: value, Pos: p.Pos})
		}
	}
	return out
}

func allowedValues(ps lookml.Pairs) []AllowedValue {
	var out []AllowedValue
	for _, p := range ps {
		c := p.Children()
		var av AllowedValue
		av.Label, _ = c.Text("label")
		av.Value, _ = c.Text("value")
		out = append(out, av)
	}
	return out
}

func (b *builder) cases(f *Field, p *lookml.Pair) {
	if p == nil {
		return
	}
	c := p.Children()
	for _, w := range c.All("when") {
		wc := w.Children()
		label, _ := wc.Text("label")
		f.Cases = append(f.Cases, Case{SQL: templateOf(wc.Get("sql")), Label: label})
	}
	f.CaseElse, _ = c.Text("else")
}
