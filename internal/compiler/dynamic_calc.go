package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookerexpr"
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
