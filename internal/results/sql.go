package results

import "bufio"

// sqlEnc writes the query's SQL text (Options.SQL) and reads no rows.
type sqlEnc struct{ sql string }

func newSQL(_ []Column, opt Options) encoder { return sqlEnc{sql: opt.SQL} }

func (e sqlEnc) begin(w *bufio.Writer) error {
	_, err := w.WriteString(e.sql)
	return err
}

func (sqlEnc) row(*bufio.Writer, []any) error { return nil }

func (sqlEnc) end(*bufio.Writer, int) error { return nil }

// WriteSQL writes a query's SQL text, what the sql format answers.
func WriteSQL(w interface{ Write([]byte) (int, error) }, sql string) error {
	_, err := w.Write([]byte(sql))
	return err
}
