package results

// RowTotalLabel heads the row total columns of the table formats.
const RowTotalLabel = "Row Total"

// flatten lays the table out for the table formats: the row dimensions,
// then for each pivot value (and the row total) every measure. The first
// header row is the columns' labels; the other header rows lead the
// rows. A header row per pivoted field holds its label (in the last row
// dimension's column) and its values; the last holds the fields' labels.
// With apply_formatting the measures are rendered here, so that no
// header text is read as a number.
func (t *PivotTable) flatten(opt Options) ([]Column, Rows) {
	keys := t.columnKeys()
	headers := make([][]any, len(t.pivotDims)+1)
	var cols []Column
	for _, i := range t.rowDims {
		cols = append(cols, t.cols[i])
	}
	for k, pi := range t.pivotDims {
		headers[k] = make([]any, len(t.rowDims))
		if len(t.rowDims) > 0 {
			headers[k][len(t.rowDims)-1] = t.cols[pi].Label
		}
	}
	for _, c := range cols {
		headers[len(t.pivotDims)] = append(headers[len(t.pivotDims)], c.Label)
	}
	for p := range keys {
		for _, i := range t.measures {
			c := t.cols[i]
			c.Name = keys[p] + " - " + c.Name
			if opt.ApplyFormatting {
				c.ValueFormat, c.ValueFormatName = "", ""
			}
			cols = append(cols, c)
			for k := range t.pivotDims {
				headers[k] = append(headers[k], t.pivotText(p, k))
			}
			headers[len(t.pivotDims)] = append(headers[len(t.pivotDims)], t.cols[i].Label)
		}
	}
	for _, i := range t.rowCalcs {
		cols = append(cols, t.cols[i])
		for k := range t.pivotDims {
			headers[k] = append(headers[k], "")
		}
		headers[len(t.pivotDims)] = append(headers[len(t.pivotDims)], t.cols[i].Label)
	}
	for j := range cols {
		cols[j].Label, _ = headers[0][j].(string)
	}
	rows := &flatRows{headers: headers[1:]}
	cells := newCells(t.cols, opt)
	for _, r := range t.rows {
		vals := append([]any{}, r.dims...)
		for p := range keys {
			for m, i := range t.measures {
				v := t.cell(r, p, m)
				if opt.ApplyFormatting && v != nil {
					v = string(cells.appendText(nil, i, v))
				}
				vals = append(vals, v)
			}
		}
		for j, i := range t.rowCalcs {
			v := r.calcs[j]
			if opt.ApplyFormatting && v != nil {
				v = string(cells.appendText(nil, i, v))
			}
			vals = append(vals, v)
		}
		rows.data = append(rows.data, vals)
	}
	return cols, rows
}

// pivotText is pivot p's value of pivoted field k as a header shows it.
func (t *PivotTable) pivotText(p, k int) any {
	if p == len(t.pivots) {
		if k == 0 {
			return RowTotalLabel
		}
		return ""
	}
	v := t.pivots[p].Data[k]
	if v == nil {
		return nullKey
	}
	return string(appendRawText(nil, t.cols[t.pivotDims[k]].Type, v))
}

// flatRows yields the header rows after the first, then the data rows.
type flatRows struct {
	headers [][]any
	data    [][]any
	i       int
}

func (r *flatRows) Next() bool {
	r.i++
	return r.i <= len(r.headers)+len(r.data)
}

func (r *flatRows) Row() ([]any, error) {
	if r.i <= len(r.headers) {
		return r.headers[r.i-1], nil
	}
	return r.data[r.i-1-len(r.headers)], nil
}

func (r *flatRows) Err() error { return nil }
