package queries

import (
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/results"
)

func TestTableCalcColumnsAndKey(t *testing.T) {
	n, _ := lookerexpr.Parse("${products.count} * 2")
	c := &compiler.Compiled{TableCalcs: []compiler.TableCalc{{Name: "double_count", Expression: lookerexpr.Format(n), Expr: n, Type: "number"}}}
	cols, _, opt := withTableCalcs(c, []results.Column{{Name: "products.count"}}, nil, results.Options{Totals: []any{int64(21)}})
	if len(opt.Totals) != 2 || opt.Totals[1] != 42.0 {
		t.Errorf("totals %v", opt.Totals)
	}
	if len(cols) != 2 || cols[1].Label != "Double Count" || cols[1].Kind != "table_calculation" {
		t.Errorf("columns %+v", cols)
	}
	var parts []string
	putTableCalcs(func(p ...string) { parts = append(parts, p...) }, c.TableCalcs)
	if len(parts) != 10 || parts[7] != "${products.count} * 2" {
		t.Errorf("key parts %q", parts)
	}
}
