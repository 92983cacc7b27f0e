package semantic

import (
	"fmt"
	"strings"
)

// describe writes a model as text, one line per object, for golden files.
func describe(m *Model) string {
	var b strings.Builder
	fmt.Fprintf(&b, "model %s connection=%q label=%q persist_with=%s week_start_day=%s fiscal_month_offset=%d case_sensitive=%v\n",
		m.Name, m.Connection, m.Label, m.PersistWith, m.WeekStartDay, m.FiscalMonthOffset, m.CaseSensitive)
	for _, d := range m.Datagroups {
		fmt.Fprintf(&b, "datagroup %s label=%q sql_trigger=%q interval_trigger=%q max_cache_age=%q\n",
			d.Name, d.Label, d.SQLTrigger.Text, d.IntervalTrigger, d.MaxCacheAge)
	}
	for _, g := range m.AccessGrants {
		fmt.Fprintf(&b, "access_grant %s user_attribute=%s allowed=%q\n", g.Name, g.UserAttribute, g.AllowedValues)
	}
	for _, v := range m.Views {
		describeView(&b, v)
	}
	for _, e := range m.Explores {
		describeExplore(&b, e)
	}
	return b.String()
}

func describeView(b *strings.Builder, v *View) {
	fmt.Fprintf(b, "view %s table=%q", v.Name, v.SQLTableName.Text)
	if pk := v.PrimaryKey; pk != nil {
		fmt.Fprintf(b, " pk=%s", pk.Short)
	}
	if dt := v.DerivedTable; dt != nil {
		fmt.Fprintf(b, " derived_sql=%q trigger=%s", dt.SQL.Text, dt.DatagroupTrigger)
	}
	b.WriteString("\n")
	for _, f := range v.Fields {
		fmt.Fprintf(b, "  %s %s type=%s", f.Kind, f.Name, f.Type)
		for _, kv := range fieldDetails(f) {
			if kv[1] != "" {
				fmt.Fprintf(b, " %s=%s", kv[0], kv[1])
			}
		}
		b.WriteString("\n")
	}
}

func fieldDetails(f *Field) [][2]string {
	q := func(s string) string {
		if s == "" {
			return ""
		}
		return fmt.Sprintf("%q", s)
	}
	yes := func(v bool) string {
		if v {
			return "yes"
		}
		return ""
	}
	d := [][2]string{
		{"sql", q(f.SQL.Text)}, {"sql_start", q(f.SQLStart.Text)}, {"sql_end", q(f.SQLEnd.Text)},
		{"lat", q(f.SQLLatitude.Text)}, {"lon", q(f.SQLLongitude.Text)}, {"distinct_key", q(f.SQLDistinctKey.Text)},
		{"timeframe", f.Timeframe}, {"interval", f.DurationInterval}, {"pk", yes(f.PrimaryKey)},
		{"hidden", yes(f.Hidden)}, {"label", q(f.Label)}, {"group_label", q(f.GroupLabel)},
		{"format", f.ValueFormatName}, {"html", q(f.HTML.Text)}, {"style", f.Style},
		{"datatype", f.Datatype}, {"list_field", f.ListField}, {"default", q(f.DefaultValue)},
	}
	if f.Group != nil {
		d = append(d, [2]string{"group", f.Group.Name})
	}
	if !f.ConvertTZ {
		d = append(d, [2]string{"convert_tz", "no"})
	}
	if len(f.Tiers) > 0 {
		d = append(d, [2]string{"tiers", fmt.Sprint(f.Tiers)})
	}
	if f.Percentile != 0 {
		d = append(d, [2]string{"percentile", fmt.Sprint(f.Percentile)})
	}
	for _, c := range f.Cases {
		d = append(d, [2]string{"when", fmt.Sprintf("%q->%q", c.SQL.Text, c.Label)})
	}
	d = append(d, [2]string{"else", q(f.CaseElse)})
	for _, ff := range f.Filters {
		d = append(d, [2]string{"filter", fmt.Sprintf("%s:%q", ff.Field, ff.Expr)})
	}
	for _, av := range f.AllowedValues {
		d = append(d, [2]string{"allowed", fmt.Sprintf("%q:%q", av.Label, av.Value)})
	}
	if len(f.RequiredAccessGrants) > 0 {
		d = append(d, [2]string{"grants", fmt.Sprint(f.RequiredAccessGrants)})
	}
	return d
}

func describeExplore(b *strings.Builder, e *Explore) {
	fmt.Fprintf(b, "explore %s view_name=%s from=%s label=%q hidden=%v symmetric=%v\n",
		e.Name, e.ViewName, e.From, e.Label, e.Hidden, e.SymmetricAggregates)
	line := func(k, v string) {
		if v != "" && v != "[]" {
			fmt.Fprintf(b, "  %s %s\n", k, v)
		}
	}
	line("sql_always_where", fmt.Sprintf("%q", e.SQLAlwaysWhere.Text))
	line("sql_always_having", fmt.Sprintf("%q", e.SQLAlwaysHaving.Text))
	line("fields", fmt.Sprint(e.Fields))
	line("always_join", fmt.Sprint(e.AlwaysJoin))
	for _, f := range e.AlwaysFilter {
		line("always_filter", fmt.Sprintf("%s %q", f.Field, f.Expr))
	}
	for _, f := range e.ConditionallyFilter {
		line("conditionally_filter", fmt.Sprintf("%s %q unless %v", f.Field, f.Expr, e.Unless))
	}
	for _, a := range e.AccessFilters {
		line("access_filter", a.Field+" <- "+a.UserAttribute)
	}
	for _, j := range e.Joins {
		fmt.Fprintf(b, "  join %s from=%s type=%s relationship=%s fans_out=%v sql_on=%q foreign_key=%q required=%v fields=%v view_label=%q\n",
			j.Name, j.From, j.Type, j.Relationship, j.FansOut(), j.SQLOn.Text, j.ForeignKey, j.RequiredJoins, j.Fields, j.ViewLabel)
	}
}
