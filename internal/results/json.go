package results

import "bufio"

// keyMode says what keys a row object has: field names (json, json_bi)
// or labels (json_label).
type keyMode int

const (
	byName keyMode = iota
	byLabel
)

// rowObjects writes rows as JSON objects keyed in column order, one a
// line, separated by commas; a shared part of json, json_label and json_bi.
type rowObjects struct {
	cells *cells
	keys  [][]byte // `"key":` pre-encoded
	buf   []byte
	n     int
}

func newRowObjects(cols []Column, opt Options, mode keyMode) *rowObjects {
	r := &rowObjects{cells: newCells(cols, opt)}
	for _, c := range cols {
		key := c.Name
		if mode == byLabel {
			key = c.Label
		}
		r.keys = append(r.keys, append(appendJSONString(nil, key), ':'))
	}
	return r
}

func (r *rowObjects) write(w *bufio.Writer, vals []any) error {
	b := r.buf[:0]
	if r.n > 0 {
		b = append(b, ',')
	}
	b = append(b, '\n', '{')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r.keys[i]...)
		b = r.cells.appendJSON(b, i, v)
	}
	b = append(b, '}')
	r.buf, r.n = b, r.n+1
	_, err := w.Write(b)
	return err
}

// close ends the array: "[]" when it holds no row.
func (r *rowObjects) close(w *bufio.Writer) error {
	if r.n > 0 {
		w.WriteByte('\n')
	}
	_, err := w.WriteString("]")
	return err
}

// jsonEnc writes json and json_label: an array of row objects.
type jsonEnc struct{ rows *rowObjects }

func newJSON(mode keyMode) func([]Column, Options) encoder {
	return func(cols []Column, opt Options) encoder {
		return &jsonEnc{rows: newRowObjects(cols, opt, mode)}
	}
}

func (e *jsonEnc) begin(w *bufio.Writer) error {
	return w.WriteByte('[')
}

func (e *jsonEnc) row(w *bufio.Writer, vals []any) error { return e.rows.write(w, vals) }

func (e *jsonEnc) end(w *bufio.Writer, _ int) error { return e.rows.close(w) }
