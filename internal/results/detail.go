package results

import (
	"bufio"
	"encoding/json"
	"strconv"
	"time"

	"github.com/overlookbi/overlook/internal/api/model"
)

// detailEnc writes json_detail: the result's metadata, "data" rows whose
// cells are {"value": raw, "rendered": formatted}, then the keys known only
// at the end (totals_data, runtime).
type detailEnc struct {
	cols    []Column
	opt     Options
	cells   *cells       // raw values
	formats []*numFormat // "rendered", for columns with a value format
	keys    [][]byte
	buf     []byte
	n       int
	started time.Time
}

func newDetail(cols []Column, opt Options) encoder {
	e := &detailEnc{cols: cols, opt: opt, cells: newCells(cols, Options{}), started: opt.RanAt}
	for _, c := range cols {
		e.formats = append(e.formats, c.numFormat())
		e.keys = append(e.keys, append(appendJSONString(nil, c.Name), ':'))
	}
	if e.started.IsZero() {
		e.started = opt.now()
	}
	return e
}

// detailHead is the part of json_detail written before the rows; its
// field order is the output's key order.
type detailHead struct {
	ID                *string      `json:"id"`
	Fields            detailFields `json:"fields"`
	Pivots            []any        `json:"pivots"`
	HasRowTotals      bool         `json:"has_row_totals"`
	HasTotals         bool         `json:"has_totals"`
	HasSubtotals      bool         `json:"has_subtotals"`
	NullSortTreatment string       `json:"null_sort_treatment"`
	NumberFormat      string       `json:"number_format"`
	RanAt             string       `json:"ran_at"`
	Timezone          *string      `json:"timezone"`
	SQL               *string      `json:"sql"`
}

type detailFields struct {
	Dimensions        []model.LookmlModelExploreField `json:"dimensions"`
	Measures          []model.LookmlModelExploreField `json:"measures"`
	Pivots            []model.LookmlModelExploreField `json:"pivots"`
	TableCalculations []model.JsonBiTableCalc         `json:"table_calculations"`
}

func (e *detailEnc) begin(w *bufio.Writer) error {
	head, err := json.Marshal(e.head())
	if err != nil {
		return err
	}
	w.Write(head[:len(head)-1]) // leave the object open
	_, err = w.WriteString(`,"data":[`)
	return err
}

func (e *detailEnc) head() detailHead {
	dims, measures, calcs := splitByKind(e.cols)
	fields := detailFields{
		Dimensions: mapColumns(dims, detailField), Measures: mapColumns(measures, detailField),
		Pivots: []model.LookmlModelExploreField{}, TableCalculations: mapColumns(calcs, biTableCalc),
	}
	nulls := e.opt.NullSortTreatment
	if nulls == "" {
		nulls = "low"
	}
	return detailHead{
		ID: optional(e.opt.QueryID), Fields: fields, Pivots: []any{},
		HasTotals: e.opt.Totals != nil, NullSortTreatment: nulls, NumberFormat: "1,234.56",
		RanAt: e.started.UTC().Format(time.RFC3339), Timezone: optional(e.opt.Timezone), SQL: optional(e.opt.SQL),
	}
}

func detailField(c Column) model.LookmlModelExploreField {
	return model.LookmlModelExploreField{
		Align: ptr(align(c)), Category: ptr(category(c)), Description: optional(c.Description),
		DimensionGroup: optional(c.DimensionGroup), FieldGroupLabel: optional(c.FieldGroupLabel),
		FieldGroupVariant: optional(c.FieldGroupVariant), Hidden: ptr(c.Hidden), IsNumeric: ptr(isNumeric(c)),
		Label: ptr(c.Label), LabelShort: ptr(c.LabelShort), Measure: ptr(c.Kind == Measure), Name: ptr(c.Name),
		Sortable: ptr(true), SQL: optional(c.SQL), Type: ptr(c.Type), ValueFormat: optional(c.ValueFormat),
		ValueFormatName: optional(c.ValueFormatName), View: ptr(c.View), ViewLabel: ptr(c.ViewLabel),
	}
}

func (e *detailEnc) row(w *bufio.Writer, vals []any) error {
	b := e.buf[:0]
	if e.n > 0 {
		b = append(b, ',')
	}
	b = append(b, '\n')
	b = e.appendCells(b, vals)
	e.buf, e.n = b, e.n+1
	_, err := w.Write(b)
	return err
}

// appendCells writes one row object: {"view.field": {"value": …}, …}.
func (e *detailEnc) appendCells(b []byte, vals []any) []byte {
	b = append(b, '{')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.keys[i]...)
		b = append(b, `{"value":`...)
		b = e.cells.appendJSON(b, i, v)
		if f := e.formats[i]; f != nil {
			start := len(b)
			if out, ok := f.appendValue(b, v); ok {
				text := string(out[start:])
				b = appendJSONString(append(out[:start], `,"rendered":`...), text)
			}
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

func (e *detailEnc) end(w *bufio.Writer, n int) error {
	b := e.buf[:0]
	if n > 0 {
		b = append(b, '\n')
	}
	b = append(b, ']')
	if e.opt.Totals != nil {
		b = e.appendCells(append(b, `,"totals_data":`...), e.opt.Totals)
	}
	runtime := e.opt.now().Sub(e.started).Seconds()
	b = append(b, `,"expired":false,"runtime":`...)
	b = strconv.AppendFloat(b, max(runtime, 0), 'f', 3, 64)
	b = append(b, '}')
	_, err := w.Write(b)
	return err
}
