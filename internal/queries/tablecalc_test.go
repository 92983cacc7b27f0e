package queries

import (
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/lookerexpr"
)

func TestTableCalcColumnsAndKey(t *testing.T) {
	n, _ := lookerexpr.Parse("${products.count} * 2")
	c := &compiler.Compiled{TableCalcs: []compiler.TableCalc{{Name: "double_count", Expression: lookerexpr.Format(n), Expr: n, Type: "number"}}}
	cols, _ := withTableCalcs(c, nil, nil)
	if len(cols) != 1 || cols[0].Label != "Double Count" || cols[0].Kind != "table_calculation" {
		t.Errorf("columns %+v", cols)
	}
	var parts []string
	putTableCalcs(func(p ...string) { parts = append(parts, p...) }, c.TableCalcs)
	if len(parts) != 10 || parts[7] != "${products.count} * 2" {
		t.Errorf("key parts %q", parts)
	}
}
