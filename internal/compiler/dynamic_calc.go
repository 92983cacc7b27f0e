package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/overlook"
)

// readTableCalcs parses and types the table calculations, which may read
// the query's fields and each other, and returns the query's fields without
// the calculations' names.
func (c *compiler) readTableCalcs(entries []dynamicEntry, fields []string) ([]string, error) {
	calcs := map[string]bool{}
	for _, e := range entries {
		calcs[strings.ToLower(e.TableCalculation)] = true
	}
	var kept []string
	selected := map[string]bool{}
	for _, f := range fields {
		key := strings.ToLower(strings.TrimSpace(f))
		if !calcs[key] {
			kept = append(kept, f)
			selected[key] = true
		}
	}
	types := func(name string) (lookerexpr.Type, bool) {
		key := strings.ToLower(name)
		switch {
		case calcs[key]:
			return lookerexpr.TypeAny, true
		case !selected[key]:
			return 0, false // a calculation reads only the result's columns
		}
		return c.exprTypes(name)
	}
	for _, e := range entries {
		n, err := lookerexpr.Parse(e.Expression)
		if err != nil {
			return nil, exprErr("dynamic_fields", e.TableCalculation, err)
		}
		t, err := lookerexpr.Check(n, types, true)
		if err != nil {
			return nil, exprErr("dynamic_fields", e.TableCalculation, err)
		}
		tc := TableCalc{Name: e.TableCalculation, Label: e.Label, Expression: lookerexpr.Format(n), Expr: n, Type: calcType(t)}
		if e.ValueFormat != nil {
			tc.ValueFormat = *e.ValueFormat
		}
		if e.ValueFormatName != nil {
			tc.ValueFormatName = *e.ValueFormatName
		}
		c.dyn.calcs = append(c.dyn.calcs, tc)
	}
	return kept, nil
}

// calcSorts takes the sorts on table calculations out of sorts and marks
// the calculations with their sort order.
func (c *compiler) calcSorts(sorts []string) ([]string, error) {
	var kept []string
	order := 0
	for _, s := range sorts {
		words := strings.Fields(s)
		i := -1
		if len(words) > 0 {
			i = c.calcIndex(words[0])
		}
		if i < 0 {
			kept = append(kept, s)
			continue
		}
		desc := false
		switch {
		case len(words) == 1:
		case len(words) == 2 && strings.EqualFold(words[1], "desc"):
			desc = true
		case len(words) == 2 && strings.EqualFold(words[1], "asc"):
		default:
			return nil, overlook.Invalid("sorts", "invalid", "sort on %s: expected \"name [asc|desc]\"", c.dyn.calcs[i].Name)
		}
		if c.dyn.calcs[i].SortOrder == 0 {
			order++
			c.dyn.calcs[i].SortOrder, c.dyn.calcs[i].SortDesc = order, desc
		}
	}
	return kept, nil
}

func (c *compiler) calcIndex(name string) int {
	for i, tc := range c.dyn.calcs {
		if strings.EqualFold(tc.Name, name) {
			return i
		}
	}
	return -1
}
