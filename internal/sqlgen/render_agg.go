package sqlgen

import (
	"fmt"
	"strconv"
)

// plainAggs are the aggregates every dialect spells alike.
var plainAggs = map[AggFunc]string{Sum: "SUM", Count: "COUNT", Avg: "AVG", Min: "MIN", Max: "MAX"}

func (r *renderer) agg(a Agg) error {
	switch a.Func {
	case Count:
		if a.X == nil {
			r.b.WriteString("COUNT(*)")
			return nil
		}
	case CountDistinct:
		a.Func, a.Distinct = Count, true
	case Median:
		return r.expand("MEDIAN", r.s.Aggs.Median, operands{"x": r.exprOp(a.X)})
	case Percentile:
		return r.percentile(a)
	case List:
		return r.list(a)
	}
	name, ok := plainAggs[a.Func]
	if !ok || a.X == nil {
		return fmt.Errorf("sqlgen: bad aggregate %d", a.Func)
	}
	open := name + "("
	if a.Distinct {
		open += "DISTINCT "
	}
	return r.wrap(open, a.X, ")")
}

func (r *renderer) percentile(a Agg) error {
	if !(a.Fraction > 0 && a.Fraction <= 1) {
		return fmt.Errorf("sqlgen: percentile fraction %v outside (0, 1]", a.Fraction)
	}
	p := strconv.FormatFloat(a.Fraction, 'f', -1, 64)
	return r.expand("PERCENTILE", r.s.Aggs.Percentile, operands{"x": r.exprOp(a.X), "p": r.textOp(p)})
}

// DefaultListSeparator is what Looker puts between the values of a list
// measure.
const DefaultListSeparator = "|RECORD|"

func (r *renderer) list(a Agg) error {
	sep := a.Separator
	if sep == "" {
		sep = DefaultListSeparator
	}
	return r.expand("LIST", r.s.Aggs.List, operands{"x": r.exprOp(a.X), "sep": r.stringOp(sep)})
}

func (r *renderer) window(w Window) error {
	if err := r.wrap("", w.Func, " OVER ("); err != nil {
		return err
	}
	sep := ""
	if len(w.PartitionBy) > 0 {
		r.b.WriteString("PARTITION BY ")
		if err := list(r, w.PartitionBy, ", ", r.expr); err != nil {
			return err
		}
		sep = " "
	}
	if len(w.OrderBy) > 0 {
		r.b.WriteString(sep + "ORDER BY ")
		if err := r.orders(w.OrderBy); err != nil {
			return err
		}
		sep = " "
	}
	if w.Frame != "" {
		r.b.WriteString(sep + w.Frame)
	}
	r.b.WriteByte(')')
	return nil
}
