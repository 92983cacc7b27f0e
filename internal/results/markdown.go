package results

import "bufio"

// markdownEnc writes a GitHub-flavoured Markdown table: labels, an
// alignment line (numbers right-aligned), one line per row.
type markdownEnc struct{ textTable }

func newMarkdown(cols []Column, opt Options) encoder {
	return &markdownEnc{newTextTable(cols, opt)}
}

func (e *markdownEnc) begin(w *bufio.Writer) error {
	b := append(e.buf[:0], '|')
	for _, c := range e.cols {
		b = append(b, ' ')
		b = appendMarkdownEscaped(b, []byte(c.Label))
		b = append(b, " |"...)
	}
	b = append(b, "\n|"...)
	for _, c := range e.cols {
		if isNumeric(c) {
			b = append(b, " ---: |"...)
		} else {
			b = append(b, " --- |"...)
		}
	}
	e.buf = append(b, '\n')
	_, err := w.Write(e.buf)
	return err
}

func (e *markdownEnc) row(w *bufio.Writer, vals []any) error {
	b := append(e.buf[:0], '|')
	for i, v := range vals {
		e.text = e.cells.appendText(e.text[:0], i, v)
		b = append(b, ' ')
		b = appendMarkdownEscaped(b, e.text)
		b = append(b, " |"...)
	}
	e.buf = append(b, '\n')
	_, err := w.Write(e.buf)
	return err
}

func (e *markdownEnc) end(*bufio.Writer, int) error { return nil }

// appendMarkdownEscaped backslash-escapes the punctuation that Markdown
// or inline HTML would interpret (so a value is always shown as text and
// a | never splits a cell) and writes line breaks as <br>, which keeps a
// row on one line.
func appendMarkdownEscaped(b, text []byte) []byte {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\\', '|', '`', '*', '_', '[', ']', '<', '>', '&', '~':
			b = append(b, '\\', c)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			b = append(b, "<br>"...)
		case '\n':
			b = append(b, "<br>"...)
		default:
			b = append(b, c)
		}
	}
	return b
}
