package lookerexpr

import (
	"fmt"
	"math"
	"strings"
	"time"
)

func (e *evaluator) call(n Call, row int) (any, error) {
	switch n.Name {
	case "row":
		return float64(row + 1), nil
	case "now":
		return e.t.Now, nil
	case "if":
		return e.ifCall(n, row)
	case "case":
		return e.caseEval(n, row)
	case "choose":
		return e.chooseEval(n, row)
	case "coalesce":
		return e.coalesce(n, row)
	case "offset":
		k, _ := IntConst(n.Args[1])
		return e.eval(n.Args[0], row+k)
	case "running_total":
		return e.runningTotal(n, row)
	case "percent_of_column_sum", "sum", "mean", "max", "min", "count", "count_distinct", "median", "percentile",
		"stddev_pop", "stddev_samp", "var_pop", "var_samp":
		return e.columnFunc(n, row)
	case "list", "offset_list", "pivot_offset_list", "index", "lookup", "percent_of_previous",
		"percent_change_from_previous", "rank", "running_product":
		return e.positional(n, row)
	case "pivot_row", "pivot_index", "pivot_offset", "pivot_column", "pivot_where":
		return e.pivotCall(n, row)
	}
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		v, err := e.eval(a, row)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	return rowFunc(n, args), nil
}

func (e *evaluator) ifCall(n Call, row int) (any, error) {
	c, err := e.eval(n.Args[0], row)
	if err != nil {
		return nil, err
	}
	if b, _ := c.(bool); b {
		return e.eval(n.Args[1], row)
	}
	return e.eval(n.Args[2], row)
}

func (e *evaluator) coalesce(n Call, row int) (any, error) {
	for _, a := range n.Args {
		v, err := e.eval(a, row)
		if err != nil || v != nil {
			return v, err
		}
	}
	return nil, nil
}

// rowFunc is a function of values of the same row.
func rowFunc(n Call, args []any) any {
	if n.Name == "is_null" {
		return args[0] == nil
	}
	if n.Name == "concat" {
		var b strings.Builder
		for _, a := range args {
			if a == nil {
				return nil
			}
			b.WriteString(text(a))
		}
		return b.String()
	}
	for _, a := range args {
		if a == nil {
			return nil
		}
	}
	if v, ok := moreRowFunc(n.Name, args); ok {
		return v
	}
	switch n.Name {
	case "contains", "starts_with", "ends_with", "lower", "upper":
		return stringFunc(n.Name, args)
	case "date":
		y, m, d := args[0].(float64), args[1].(float64), args[2].(float64)
		return time.Date(int(y), time.Month(int(m)), int(d), 0, 0, 0, 0, time.UTC)
	case "date_time":
		xs, ok := numbers(args)
		if !ok {
			return nil
		}
		return time.Date(int(xs[0]), time.Month(int(xs[1])), int(xs[2]), int(xs[3]), int(xs[4]), int(xs[5]), 0, time.UTC)
	}
	return numberFunc(n.Name, args)
}

func stringFunc(name string, args []any) any {
	s, ok := args[0].(string)
	if !ok {
		return nil
	}
	if name == "lower" || name == "upper" {
		return map[string]func(string) string{"lower": strings.ToLower, "upper": strings.ToUpper}[name](s)
	}
	sub, ok := args[1].(string)
	if !ok {
		return nil
	}
	return map[string]func(string, string) bool{"contains": strings.Contains,
		"starts_with": strings.HasPrefix, "ends_with": strings.HasSuffix}[name](s, sub)
}

func numberFunc(name string, args []any) any {
	xs := make([]float64, len(args))
	for i, a := range args {
		f, ok := a.(float64)
		if !ok {
			return nil
		}
		xs[i] = f
	}
	var v float64
	switch name {
	case "abs":
		v = math.Abs(xs[0])
	case "floor":
		v = math.Floor(xs[0])
	case "ceiling":
		v = math.Ceil(xs[0])
	case "mod":
		if xs[1] == 0 {
			return nil
		}
		v = math.Mod(xs[0], xs[1])
	case "round":
		v = roundTo(xs[0], xs[1:])
	default:
		return nil
	}
	return nullable(v, !math.IsNaN(v) && !math.IsInf(v, 0))
}

func roundTo(x float64, places []float64) float64 {
	p := 0.0
	if len(places) > 0 {
		p = places[0]
	}
	switch {
	case len(places) > 0 && p >= 0 && math.Abs(x) >= maxWholeDouble:
		return x
	case p < 0 && math.Abs(x) >= maxRoundTens:
		return math.NaN() // null
	}
	scale := math.Pow(10, p)
	return math.Round(x*scale) / scale
}

func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return map[bool]string{true: "Yes", false: "No"}[v]
	case time.Time:
		return v.Format(time.DateTime)
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1e15 {
			return fmt.Sprintf("%.0f", v)
		}
	}
	return fmt.Sprint(v)
}

// runningTotal is the sum of the argument over the rows up to this one
// (null values count as zero).
func (e *evaluator) runningTotal(n Call, row int) (any, error) {
	return e.accumulate(n, row, 0, func(acc, f float64) float64 { return acc + f })
}

// accumulate folds the argument's numbers over the rows up to this one,
// from start, skipping nulls; the column is computed once per call.
func (e *evaluator) accumulate(n Call, row int, start float64, step func(acc, f float64) float64) (any, error) {
	acc, ok := e.running[n.At]
	if !ok {
		acc = make([]any, e.t.Rows)
		total := start
		for i := range acc {
			v, err := e.eval(n.Args[0], i)
			if err != nil {
				return nil, err
			}
			if f, ok := number(v); ok {
				total = step(total, f)
			}
			acc[i] = nullable(total, !math.IsInf(total, 0) && !math.IsNaN(total))
		}
		e.running[n.At] = acc
	}
	if row < 0 || row >= len(acc) {
		return nil, nil
	}
	return acc[row], nil
}

// columnFunc is a function of the argument's whole column: its sum, mean,
// extremes, count, or this row's share of the sum.
func (e *evaluator) columnFunc(n Call, row int) (any, error) {
	// A list (pivot_row) is aggregated for this row alone.
	if v, err := e.eval(n.Args[0], row); err != nil {
		return nil, err
	} else if list, isList := v.([]any); isList {
		return e.finish(n, row, nonNull(list))
	}
	if n.Name == "percentile" {
		vals, err := e.columnValues(n)
		if err != nil {
			return nil, err
		}
		return e.finish(n, row, vals)
	}
	agg, ok := e.agg[n.At]
	if !ok {
		vals, err := e.columnValues(n)
		if err != nil {
			return nil, err
		}
		agg, _ = e.finish(n, row, vals)
		e.agg[n.At] = agg
	}
	if n.Name != "percent_of_column_sum" {
		return agg, nil
	}
	v, err := e.eval(n.Args[0], row)
	if err != nil {
		return nil, err
	}
	x, okX := number(v)
	total, okT := number(agg)
	if !okX || !okT {
		return nil, nil
	}
	return arith("/", x, total), nil
}

// finish is the aggregate of vals; percentile reads its fraction at row.
func (e *evaluator) finish(n Call, row int, vals []any) (any, error) {
	if n.Name != "percentile" {
		return aggregate(n.Name, vals), nil
	}
	p, err := e.eval(n.Args[1], row)
	if err != nil {
		return nil, err
	}
	f, ok := number(p)
	if !ok || f < 0 || f > 1 {
		return nil, nil
	}
	return percentile(numbersOf(vals), f), nil
}

// columnValues are the argument's non-null values over every row, once
// per call.
func (e *evaluator) columnValues(n Call) ([]any, error) {
	if vals, ok := e.colVals[n.At]; ok {
		return vals, nil
	}
	vals := make([]any, 0, e.t.Rows)
	for i := 0; i < e.t.Rows; i++ {
		v, err := e.eval(n.Args[0], i)
		if err != nil {
			return nil, err
		}
		if v != nil {
			vals = append(vals, v)
		}
	}
	e.colVals[n.At] = vals
	return vals, nil
}

func aggregate(name string, vals []any) any {
	if v, ok := statistic(name, vals); ok {
		return v
	}
	switch name {
	case "count":
		return float64(len(vals))
	case "max", "min":
		var best any
		for _, v := range vals {
			c, ok := compare(v, best)
			if best == nil || ok && (name == "max" && c > 0 || name == "min" && c < 0) {
				best = v
			}
		}
		return best
	}
	sum, n := 0.0, 0
	for _, v := range vals {
		if f, ok := number(v); ok {
			sum, n = sum+f, n+1
		}
	}
	if name == "mean" {
		if n == 0 {
			return nil
		}
		return sum / float64(n)
	}
	return sum
}

func nonNull(vals []any) []any {
	out := make([]any, 0, len(vals))
	for _, v := range vals {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}
