package results

import (
	"bufio"
	"encoding/json"
	"time"

	"github.com/xuri/excelize/v2"
)

const xlsxSheet = "Sheet1"

// xlsxEnc writes a workbook through excelize's stream writer: a header of
// labels, then typed cells (numbers as numbers, times as dates with a
// date format, yesno as Yes/No). With apply_formatting a column's value
// format becomes the cells' own number format, so Excel shows what Looker
// renders and the cell keeps its number. The stream writer spools to a
// temporary file: nothing reaches the client before the last row, and
// rows stop at the sheet's limit (Format.MaxRows).
type xlsxEnc struct {
	cols   []Column
	opt    Options
	file   *excelize.File
	sw     *excelize.StreamWriter
	styles []int // per column; 0 for none
	vals   []any
	next   int // the next row number
}

func newXLSX(cols []Column, opt Options) encoder {
	return &xlsxEnc{cols: cols, opt: opt, next: 1}
}

func (e *xlsxEnc) begin(*bufio.Writer) error {
	e.file = excelize.NewFile()
	sw, err := e.file.NewStreamWriter(xlsxSheet)
	if err != nil {
		return err
	}
	e.sw = sw
	if err := e.makeStyles(); err != nil {
		return err
	}
	header := make([]any, len(e.cols))
	for i, c := range e.cols {
		header[i] = c.Label
	}
	return e.setRow(header)
}

// makeStyles gives each column a number format: its value format with
// apply_formatting, and a date or date-time format for time columns.
func (e *xlsxEnc) makeStyles() error {
	e.styles = make([]int, len(e.cols))
	for i, c := range e.cols {
		format := xlsxNumberFormat(c, e.opt.ApplyFormatting)
		if format == "" {
			continue
		}
		id, err := e.file.NewStyle(&excelize.Style{CustomNumFmt: &format})
		if err != nil {
			return err
		}
		e.styles[i] = id
	}
	return nil
}

func xlsxNumberFormat(c Column, applyFormatting bool) string {
	if applyFormatting && c.numFormat() != nil {
		if c.ValueFormat != "" {
			return c.ValueFormat
		}
		return namedFormats[c.ValueFormatName]
	}
	switch timeLayouts[c.Type] {
	case "2006-01-02":
		return "yyyy-mm-dd"
	case "":
		return ""
	}
	return "yyyy-mm-dd hh:mm:ss"
}

func (e *xlsxEnc) row(_ *bufio.Writer, vals []any) error {
	e.vals = e.vals[:0]
	for i, v := range vals {
		v = xlsxValue(e.cols[i], v)
		if e.styles[i] != 0 && v != nil {
			v = excelize.Cell{StyleID: e.styles[i], Value: v}
		}
		e.vals = append(e.vals, v)
	}
	return e.setRow(e.vals)
}

func (e *xlsxEnc) setRow(vals []any) error {
	cell, err := excelize.CoordinatesToCellName(1, e.next)
	if err != nil {
		return err
	}
	e.next++
	return e.sw.SetRow(cell, vals)
}

// xlsxValue is the value a cell holds.
func xlsxValue(c Column, v any) any {
	switch x := v.(type) {
	case bool:
		if c.Type == "yesno" {
			return yesNo(x)
		}
	case int64:
		if c.Type == "yesno" {
			return yesNo(x != 0)
		}
	case json.Number:
		return string(x) // beyond a float64's 15 digits: text keeps it exact
	case time.Time:
		if _, ok := timeLayouts[c.Type]; !ok || c.Type == "date_month" || c.Type == "date_year" || c.Type == "date_quarter" {
			return string(appendTime(nil, c.Type, x))
		}
	case nil, string, float64:
	default:
		return string(appendRawText(nil, c.Type, v))
	}
	return v
}

func (e *xlsxEnc) end(w *bufio.Writer, _ int) error {
	if err := e.sw.Flush(); err != nil {
		return err
	}
	return e.file.Write(w)
}

// Close removes the stream writer's temporary file.
func (e *xlsxEnc) Close() error {
	if e.file == nil {
		return nil
	}
	return e.file.Close()
}
