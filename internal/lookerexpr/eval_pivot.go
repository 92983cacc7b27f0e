package lookerexpr

// Pivot places a table calculation of a pivoted query: the table it is
// computed over is one pivot column of the result, and the pivot functions
// read the others.
type Pivot struct {
	// Index is the pivot column, from 0; Index == Count stands for no
	// column (the row total, or a calculation not spread over the
	// pivots), where pivot_column and pivot_offset are null.
	Index, Count int
	// At is the table of pivot column i (0 <= i < Count).
	At func(i int) Table
}

// other is the evaluator of pivot column i, nil when there is none.
func (e *evaluator) other(i int) *evaluator {
	p := e.t.Pivot
	if p == nil || i < 0 || i >= p.Count {
		return nil
	}
	if i == p.Index {
		return e
	}
	if o, ok := e.others[i]; ok {
		return o
	}
	o := newEvaluator(p.At(i))
	e.others[i] = o
	return o
}

func (e *evaluator) pivotCall(n Call, row int) (any, error) {
	p := e.t.Pivot
	here := -1
	if p != nil && p.Index < p.Count {
		here = p.Index
	}
	switch n.Name {
	case "pivot_column":
		if here < 0 {
			return nil, nil
		}
		return float64(here + 1), nil
	case "pivot_index", "pivot_offset":
		k, _ := IntConst(n.Args[1])
		target := k - 1
		if n.Name == "pivot_offset" {
			if here < 0 {
				return nil, nil
			}
			target = here + k
		}
		if o := e.other(target); o != nil {
			return o.eval(n.Args[0], row)
		}
		return nil, nil
	case "pivot_row":
		return e.pivotRow(n, row)
	}
	return e.pivotWhere(n, row)
}

// pivotRow is the list of the argument's values over the row's pivot
// columns (empty on an unpivoted result).
func (e *evaluator) pivotRow(n Call, row int) (any, error) {
	list := []any{}
	for i := 0; e.t.Pivot != nil && i < e.t.Pivot.Count; i++ {
		v, err := e.other(i).eval(n.Args[0], row)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, nil
}

// pivotWhere is the second argument in the one pivot column where the
// first is true; null when none or several are.
func (e *evaluator) pivotWhere(n Call, row int) (any, error) {
	found := -1
	for i := 0; e.t.Pivot != nil && i < e.t.Pivot.Count; i++ {
		v, err := e.other(i).eval(n.Args[0], row)
		if err != nil {
			return nil, err
		}
		if b, _ := v.(bool); b {
			if found >= 0 {
				return nil, nil
			}
			found = i
		}
	}
	if found < 0 {
		return nil, nil
	}
	return e.other(found).eval(n.Args[1], row)
}

// Pivoted reports whether n's value may differ between the pivot columns
// of a row: it reads a pivoted value (pivoted tells which names are)
// outside pivot_row, pivot_index and pivot_where, or the column itself
// through pivot_column or pivot_offset. A calculation that is not pivoted
// has one value per row.
func Pivoted(n Node, pivoted func(name string) bool) bool {
	switch n := n.(type) {
	case Field:
		return pivoted(n.Name)
	case Unary:
		return Pivoted(n.X, pivoted)
	case Binary:
		return Pivoted(n.L, pivoted) || Pivoted(n.R, pivoted)
	case Call:
		switch n.Name {
		case "pivot_row", "pivot_index", "pivot_where":
			return false
		case "pivot_column", "pivot_offset":
			return true
		}
		for _, a := range n.Args {
			if Pivoted(a, pivoted) {
				return true
			}
		}
	}
	return false
}
