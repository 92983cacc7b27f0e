package results

import "bufio"

// htmlEnc writes a plain <table>: labels in <thead>, values HTML-escaped
// in <tbody>.
type htmlEnc struct{ textTable }

func newHTML(cols []Column, opt Options) encoder {
	return &htmlEnc{newTextTable(cols, opt)}
}

// textTable is the state of the table-shaped text formats (html, md):
// the columns, their cells, and buffers reused from row to row.
type textTable struct {
	cols  []Column
	cells *cells
	buf   []byte
	text  []byte
}

func newTextTable(cols []Column, opt Options) textTable {
	return textTable{cols: cols, cells: newCells(cols, opt)}
}

func (e *htmlEnc) begin(w *bufio.Writer) error {
	b := append(e.buf[:0], "<table>\n<thead>\n<tr>"...)
	for _, c := range e.cols {
		b = append(b, "<th>"...)
		b = appendHTMLEscaped(b, []byte(c.Label))
		b = append(b, "</th>"...)
	}
	e.buf = append(b, "</tr>\n</thead>\n<tbody>\n"...)
	_, err := w.Write(e.buf)
	return err
}

func (e *htmlEnc) row(w *bufio.Writer, vals []any) error {
	b := append(e.buf[:0], "<tr>"...)
	for i, v := range vals {
		if isNumeric(e.cols[i]) {
			b = append(b, `<td class="numeric">`...)
		} else {
			b = append(b, "<td>"...)
		}
		e.text = e.cells.appendText(e.text[:0], i, v)
		b = appendHTMLEscaped(b, e.text)
		b = append(b, "</td>"...)
	}
	e.buf = append(b, "</tr>\n"...)
	_, err := w.Write(e.buf)
	return err
}

func (e *htmlEnc) end(w *bufio.Writer, _ int) error {
	_, err := w.WriteString("</tbody>\n</table>\n")
	return err
}

// appendHTMLEscaped escapes the five characters html.EscapeString does.
func appendHTMLEscaped(b, text []byte) []byte {
	for _, c := range text {
		switch c {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		default:
			b = append(b, c)
		}
	}
	return b
}
