package results

import (
	"bufio"
	"encoding/json"

	"github.com/overlookbi/overlook/internal/api/model"
)

// jsonBIEnc writes json_bi: {"metadata": JsonBiMetadata, "rows": [row
// objects keyed by field name]}.
type jsonBIEnc struct {
	cols []Column
	opt  Options
	rows *rowObjects
}

func newJSONBI(cols []Column, opt Options) encoder {
	return &jsonBIEnc{cols: cols, opt: opt, rows: newRowObjects(cols, opt, byName)}
}

func (e *jsonBIEnc) begin(w *bufio.Writer) error {
	meta, err := json.Marshal(biMetadata(e.cols, e.opt))
	if err != nil {
		return err
	}
	w.WriteString(`{"metadata":`)
	w.Write(meta)
	_, err = w.WriteString(`,"rows":[`)
	return err
}

func (e *jsonBIEnc) row(w *bufio.Writer, vals []any) error { return e.rows.write(w, vals) }

func (e *jsonBIEnc) end(w *bufio.Writer, _ int) error {
	if err := e.rows.close(w); err != nil {
		return err
	}
	return w.WriteByte('}')
}

func biMetadata(cols []Column, opt Options) model.JsonBiMetadata {
	dims, measures, calcs := splitByKind(cols)
	fields := &model.JsonBiFields{
		Dimensions: mapColumns(dims, biField), Measures: mapColumns(measures, biField),
		Pivots: []model.JsonBiField{}, TableCalculations: mapColumns(calcs, biTableCalc),
	}
	filters := opt.Filters
	if filters == nil {
		filters = map[string]string{}
	}
	return model.JsonBiMetadata{
		ColumnsTruncated: ptr("false"),
		Fields:           fields,
		FilterExpression: optional(opt.FilterExpression),
		Filters:          filters,
		HasSubtotals:     ptr(false),
		HasTotals:        ptr(opt.Totals != nil),
		Pivots:           []model.JsonBiPivots{},
		SQL:              optional(opt.SQL),
	}
}

func biField(c Column) model.JsonBiField {
	return model.JsonBiField{
		Category:          ptr(category(c)),
		Description:       optional(c.Description),
		DimensionGroup:    optional(c.DimensionGroup),
		FieldGroupLabel:   optional(c.FieldGroupLabel),
		FieldGroupVariant: ptr(c.FieldGroupVariant),
		Hidden:            ptr(c.Hidden),
		Label:             ptr(c.Label),
		Name:              ptr(c.Name),
		SQL:               optional(c.SQL),
		Type:              ptr(c.Type),
		View:              optional(c.View),
		ViewLabel:         optional(c.ViewLabel),
	}
}

func biTableCalc(c Column) model.JsonBiTableCalc {
	return model.JsonBiTableCalc{
		Align:       ptr(align(c)),
		Expression:  optional(c.Expression),
		Label:       ptr(c.Label),
		Measure:     ptr(true),
		Name:        ptr(c.Name),
		ValueFormat: optional(c.ValueFormat),
	}
}

// category is Looker's field category: dimension or measure (a table
// calculation counts as a measure).
func category(c Column) string {
	if c.Kind == Dimension || c.Kind == "" {
		return "dimension"
	}
	return "measure"
}

func align(c Column) string {
	if isNumeric(c) {
		return "right"
	}
	return "left"
}

// splitByKind parts columns into dimensions, measures and table
// calculations, keeping their order.
func splitByKind(cols []Column) (dims, measures, calcs []Column) {
	for _, c := range cols {
		switch c.Kind {
		case Measure:
			measures = append(measures, c)
		case TableCalculation:
			calcs = append(calcs, c)
		default:
			dims = append(dims, c)
		}
	}
	return dims, measures, calcs
}

// mapColumns describes each column; never nil, so JSON writes [].
func mapColumns[T any](cols []Column, describe func(Column) T) []T {
	out := make([]T, 0, len(cols))
	for _, c := range cols {
		out = append(out, describe(c))
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// optional is nil for "", which the nullable wire fields write as null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
