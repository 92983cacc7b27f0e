package results

import (
	"bufio"
	"bytes"
	"unicode"
	"unicode/utf8"
)

// delimitedEnc writes csv (comma) and txt (tab): a header of labels, then
// one line per row, "\n" line ends, fields quoted only when they must be
// (as encoding/csv does: the separator, a quote, CR or LF inside, or a
// leading space), quotes doubled. NULL is an empty field.
type delimitedEnc struct {
	cols  []Column
	cells *cells
	sep   byte
	buf   []byte
	field []byte
}

func newDelimited(sep byte) func([]Column, Options) encoder {
	return func(cols []Column, opt Options) encoder {
		return &delimitedEnc{cols: cols, cells: newCells(cols, opt), sep: sep}
	}
}

func (e *delimitedEnc) begin(w *bufio.Writer) error {
	b := e.buf[:0]
	for i, c := range e.cols {
		if i > 0 {
			b = append(b, e.sep)
		}
		b = e.appendField(b, append(e.field[:0], c.Label...))
	}
	e.buf = append(b, '\n')
	_, err := w.Write(e.buf)
	return err
}

func (e *delimitedEnc) row(w *bufio.Writer, vals []any) error {
	b := e.buf[:0]
	for i, v := range vals {
		if i > 0 {
			b = append(b, e.sep)
		}
		e.field = e.cells.appendText(e.field[:0], i, v)
		b = e.appendField(b, e.field)
	}
	e.buf = append(b, '\n')
	_, err := w.Write(e.buf)
	return err
}

func (e *delimitedEnc) end(*bufio.Writer, int) error { return nil }

func (e *delimitedEnc) appendField(b, field []byte) []byte {
	if !e.needsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for {
		i := bytes.IndexByte(field, '"')
		if i < 0 {
			break
		}
		b = append(b, field[:i+1]...)
		b = append(b, '"')
		field = field[i+1:]
	}
	b = append(b, field...)
	return append(b, '"')
}

func (e *delimitedEnc) needsQuotes(field []byte) bool {
	if len(field) == 0 {
		return false
	}
	if string(field) == `\.` {
		return true
	}
	for _, c := range field {
		if c == e.sep || c == '"' || c == '\r' || c == '\n' {
			return true
		}
	}
	r, _ := utf8.DecodeRune(field)
	return unicode.IsSpace(r)
}
