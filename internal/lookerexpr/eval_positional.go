package lookerexpr

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// positional computes the functions that read other rows (or, for
// pivot_offset_list, other pivot columns) of the result.
func (e *evaluator) positional(n Call, row int) (any, error) {
	switch n.Name {
	case "list":
		return e.evalAll(n.Args, row)
	case "offset_list", "pivot_offset_list":
		return e.offsetList(n, row)
	case "index":
		at, err := e.eval(n.Args[1], row)
		if f, ok := number(at); err != nil || !ok {
			return nil, err
		} else if f < 1 || f > float64(e.t.Rows) {
			return nil, nil
		} else {
			return e.eval(n.Args[0], int(f)-1)
		}
	case "lookup":
		return e.lookup(n, row)
	case "rank":
		return e.rank(n, row)
	case "running_product":
		return e.runningProduct(n, row)
	}
	cur, err := e.eval(n.Args[0], row)
	if err != nil {
		return nil, err
	}
	prev, err := e.eval(n.Args[0], row-1)
	if err != nil {
		return nil, err
	}
	a, okA := number(cur)
	b, okB := number(prev)
	if !okA || !okB {
		return nil, nil
	}
	r := arith("/", a, b)
	if f, ok := r.(float64); ok && n.Name == "percent_change_from_previous" {
		return f - 1, nil
	}
	return r, nil
}

func (e *evaluator) evalAll(args []Node, row int) ([]any, error) {
	out := make([]any, len(args))
	for i, a := range args {
		v, err := e.eval(a, row)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// offsetList is the list of count values from offset rows (or pivot
// columns) away.
func (e *evaluator) offsetList(n Call, row int) (any, error) {
	k, _ := IntConst(n.Args[1])
	count, _ := IntConst(n.Args[2])
	if count < 0 || count > 10_000 {
		return nil, nil
	}
	out := make([]any, 0, count)
	for i := range count {
		var v any
		var err error
		if n.Name == "offset_list" {
			v, err = e.eval(n.Args[0], row+k+i)
		} else if p := e.t.Pivot; p != nil && p.Index < p.Count {
			if o := e.other(p.Index + k + i); o != nil {
				v, err = o.eval(n.Args[0], row)
			}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// lookup is the third argument in the first row whose second argument
// equals the first argument of this row.
func (e *evaluator) lookup(n Call, row int) (any, error) {
	index, ok := e.lookups[n.At]
	if !ok {
		index = map[string]int{}
		for i := 0; i < e.t.Rows; i++ {
			v, err := e.eval(n.Args[1], i)
			if err != nil {
				return nil, err
			}
			if k, ok := lookupKey(v); ok {
				if _, seen := index[k]; !seen {
					index[k] = i
				}
			}
		}
		e.lookups[n.At] = index
	}
	v, err := e.eval(n.Args[0], row)
	if err != nil {
		return nil, err
	}
	k, ok := lookupKey(v)
	at, found := index[k]
	if !ok || !found {
		return nil, nil
	}
	return e.eval(n.Args[2], at)
}

func lookupKey(v any) (string, bool) {
	switch x := v.(type) {
	case nil, []any:
		return "", false
	case time.Time:
		t, _ := toTime(x)
		return "t:" + t.Format(time.RFC3339Nano), true
	}
	return fmt.Sprintf("%T:%v", v, v), true
}

// rank is 1 plus the number of the column's values greater than the
// value: the largest ranks first, ties share a rank.
func (e *evaluator) rank(n Call, row int) (any, error) {
	sorted, ok := e.ranked[n.At]
	if !ok {
		for i := 0; i < e.t.Rows; i++ {
			v, err := e.eval(n.Args[1], i)
			if err != nil {
				return nil, err
			}
			if f, ok := number(v); ok {
				sorted = append(sorted, f)
			}
		}
		slices.Sort(sorted)
		e.ranked[n.At] = sorted
	}
	v, err := e.eval(n.Args[0], row)
	f, ok := number(v)
	if err != nil || !ok {
		return nil, err
	}
	above := len(sorted) - sort.Search(len(sorted), func(i int) bool { return sorted[i] > f })
	return float64(above + 1), nil
}

// runningProduct is the product of the argument over the rows up to this
// one (null values count as one).
func (e *evaluator) runningProduct(n Call, row int) (any, error) {
	return e.accumulate(n, row, 1, func(acc, f float64) float64 { return acc * f })
}

func numbersOf(vals []any) []float64 {
	var out []float64
	for _, v := range vals {
		if f, ok := number(v); ok {
			out = append(out, f)
		}
	}
	return out
}

// statistic computes count_distinct, median and the deviations and
// variances (of a sample or of the population).
func statistic(name string, vals []any) (any, bool) {
	switch name {
	case "count_distinct":
		seen := map[string]bool{}
		for _, v := range vals {
			if k, ok := lookupKey(v); ok {
				seen[k] = true
			}
		}
		return float64(len(seen)), true
	case "median":
		return percentile(numbersOf(vals), 0.5), true
	case "stddev_pop", "stddev_samp", "var_pop", "var_samp":
		xs := numbersOf(vals)
		sample := name == "stddev_samp" || name == "var_samp"
		n := float64(len(xs))
		if n == 0 || sample && n < 2 {
			return nil, true
		}
		mean := 0.0
		for _, x := range xs {
			mean += x / n
		}
		ss := 0.0
		for _, x := range xs {
			ss += (x - mean) * (x - mean)
		}
		if sample {
			n--
		}
		v := ss / n
		if name[:3] == "std" {
			v = math.Sqrt(v)
		}
		return v, true
	}
	return nil, false
}

// percentile interpolates linearly between the closest ranks, as
// PERCENTILE_CONT does; nil for no values.
func percentile(xs []float64, p float64) any {
	if len(xs) == 0 {
		return nil
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	pos := p * float64(len(xs)-1)
	lo := int(math.Floor(pos))
	if lo+1 >= len(xs) {
		return xs[lo]
	}
	return xs[lo] + (pos-float64(lo))*(xs[lo+1]-xs[lo])
}
