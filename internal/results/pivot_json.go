package results

import (
	"encoding/json"
	"strconv"

	"github.com/overlookbi/overlook/internal/api/model"
)

// appendJSON writes json or json_label: one object per row group, its row
// dimensions as values and each measure as an object keyed by pivot key
// (the row total under RowTotalKey).
func (t *PivotTable) appendJSON(b []byte, opt Options, mode keyMode) []byte {
	return t.appendRows(b, mode, newCells(t.cols, opt).appendJSON)
}

// appendRows writes the array of row objects, each value (of column i)
// written by value.
func (t *PivotTable) appendRows(b []byte, mode keyMode, value func(b []byte, i int, v any) []byte) []byte {
	b = append(b, '[')
	for n, r := range t.rows {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n', '{')
		for j, i := range t.rowDims {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendKey(b, t.cols[i], mode)
			b = value(b, i, r.dims[j])
		}
		b = t.appendMeasures(b, mode, len(t.rowDims) > 0, value, func(p, m int) any { return t.cell(r, p, m) })
		b = t.appendRowCalcs(b, mode, value, r.calcs)
		b = append(b, '}')
	}
	if len(t.rows) > 0 {
		b = append(b, '\n')
	}
	return append(b, ']')
}

// appendMeasures writes "measure": {"<pivot key>": value, …} for every
// measure, cell(p, m) giving measure m at pivot p; comma says whether one
// goes first.
func (t *PivotTable) appendMeasures(b []byte, mode keyMode, comma bool, value func(b []byte, i int, v any) []byte,
	cell func(p, m int) any) []byte {
	for m, i := range t.measures {
		if comma || m > 0 {
			b = append(b, ',')
		}
		b = appendKey(b, t.cols[i], mode)
		b = t.appendSpread(b, func(b []byte, p int) []byte { return value(b, i, cell(p, m)) })
	}
	return b
}

// appendRowCalcs writes ,"calculation": value for each table calculation
// with one value per row.
func (t *PivotTable) appendRowCalcs(b []byte, mode keyMode, value func(b []byte, i int, v any) []byte, vals []any) []byte {
	for j, i := range t.rowCalcs {
		b = appendKey(append(b, ','), t.cols[i], mode)
		b = value(b, i, vals[j])
	}
	return b
}

func appendKey(b []byte, c Column, mode keyMode) []byte {
	key := c.Name
	if mode == byLabel {
		key = c.Label
	}
	return append(appendJSONString(b, key), ':')
}

// appendSpread writes {"<pivot key>": value, …} over the pivot values,
// then the row total when the table has one; value(b, p) writes pivot p's
// value (p == len(pivots) for the row total).
func (t *PivotTable) appendSpread(b []byte, value func(b []byte, p int) []byte) []byte {
	b = append(b, '{')
	for p, key := range t.columnKeys() {
		if p > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, key), ':')
		b = value(b, p)
	}
	return append(b, '}')
}

// appendDetail writes json_detail: the metadata with the pivots, "data"
// rows whose cells are {"value", "rendered"} (a pivoted measure's cell an
// object of such cells by pivot key), then totals_data when asked for.
func (t *PivotTable) appendDetail(b []byte, opt Options) ([]byte, error) {
	opt.Totals = nil
	e := newDetail(t.shownCols(), opt).(*detailEnc)
	head := e.head()
	head.Fields.Pivots = mapColumns(pick2(t.cols, t.pivotDims), detailField)
	head.Pivots = t.detailPivots()
	head.HasRowTotals, head.HasTotals = t.hasRowTotals, t.hasTotals
	text, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	b = append(b, text[:len(text)-1]...)
	dc := newDetailCells(t.cols)
	b = t.appendRows(append(b, `,"data":`...), byName, dc.appendCell)
	if t.hasTotals {
		b = append(b, `,"totals_data":{`...)
		b = t.appendMeasures(b, byName, false, dc.appendCell, t.totalCell)
		b = t.appendRowCalcs(b, byName, dc.appendCell, t.calcTotals)
		b = append(b, '}')
	}
	runtime := opt.now().Sub(e.started).Seconds()
	b = append(b, `,"expired":false,"runtime":`...)
	b = strconv.AppendFloat(b, max(runtime, 0), 'f', 3, 64)
	return append(b, '}'), nil
}

// detailPivots is json_detail's "pivots": each pivot value's key, data
// and sort values by field name, then the row total entry.
func (t *PivotTable) detailPivots() []any {
	out := make([]any, 0, len(t.pivots)+1)
	for _, p := range t.pivots {
		data := map[string]any{}
		for j, i := range t.pivotDims {
			data[t.cols[i].Name] = jsonValue(t.cols[i], p.Data[j])
		}
		out = append(out, map[string]any{"key": p.Key, "is_total": false, "data": data, "sort_values": data})
	}
	if t.hasRowTotals {
		out = append(out, map[string]any{"key": RowTotalKey, "is_total": true,
			"data": map[string]any{}, "sort_values": map[string]any{}})
	}
	return out
}

// jsonValue is v as json writes it, for maps marshalled by encoding/json.
func jsonValue(c Column, v any) json.RawMessage {
	return appendRawJSON(nil, c.Type, v)
}

// appendBI writes json_bi: the metadata with the pivot fields and values,
// then rows shaped as json's.
func (t *PivotTable) appendBI(b []byte, opt Options) ([]byte, error) {
	meta := biMetadata(t.shownCols(), opt)
	meta.Fields.Pivots = mapColumns(pick2(t.cols, t.pivotDims), biField)
	meta.HasTotals = ptr(t.hasTotals)
	for _, p := range t.pivots {
		data := map[string]string{}
		for j, i := range t.pivotDims {
			data[t.cols[i].Name] = string(appendRawText(nil, t.cols[i].Type, p.Data[j]))
		}
		meta.Pivots = append(meta.Pivots, model.JsonBiPivots{Key: ptr(p.Key), Data: data, SortValues: data, IsTotal: ptr(false)})
	}
	if t.hasRowTotals {
		meta.Pivots = append(meta.Pivots, model.JsonBiPivots{Key: ptr(RowTotalKey), Data: map[string]string{},
			SortValues: map[string]string{}, IsTotal: ptr(true)})
	}
	text, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	b = append(append(b, `{"metadata":`...), text...)
	b = append(b, `,"rows":`...)
	b = t.appendJSON(b, opt, byName)
	return append(b, '}'), nil
}

// shownCols are the row dimensions and the measures, without the pivots.
func (t *PivotTable) shownCols() []Column {
	return append(append(pick2(t.cols, t.rowDims), pick2(t.cols, t.measures)...), pick2(t.cols, t.rowCalcs)...)
}

func pick2(cols []Column, idx []int) []Column {
	out := make([]Column, len(idx))
	for j, i := range idx {
		out[j] = cols[i]
	}
	return out
}

// detailCells writes json_detail cells: {"value": raw, "rendered":
// formatted} (rendered only for columns with a value format).
type detailCells struct {
	cells   *cells
	formats []*numFormat
}

func newDetailCells(cols []Column) detailCells {
	dc := detailCells{cells: newCells(cols, Options{})}
	for _, c := range cols {
		dc.formats = append(dc.formats, c.numFormat())
	}
	return dc
}

func (dc detailCells) appendCell(b []byte, i int, v any) []byte {
	b = append(b, `{"value":`...)
	b = dc.cells.appendJSON(b, i, v)
	if f := dc.formats[i]; f != nil {
		start := len(b)
		if out, ok := f.appendValue(b, v); ok {
			text := string(out[start:])
			b = appendJSONString(append(out[:start], `,"rendered":`...), text)
		}
	}
	return append(b, '}')
}
