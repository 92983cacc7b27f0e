package warehouse

import "database/sql"

// RowScanner reads *sql.Rows into normalized values (see Normalize), using
// each column's database type name to recognise DECIMAL and UUID.
type RowScanner struct {
	rows  *sql.Rows
	names []string
	types []string
	raw   []any
	ptrs  []any
}

// NewRowScanner prepares to scan rows.
func NewRowScanner(rows *sql.Rows) (*RowScanner, error) {
	cols, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	s := &RowScanner{rows: rows, raw: make([]any, len(cols)), ptrs: make([]any, len(cols))}
	for i, c := range cols {
		s.names = append(s.names, c.Name())
		s.types = append(s.types, c.DatabaseTypeName())
		s.ptrs[i] = &s.raw[i]
	}
	return s, nil
}

// Columns names the result's columns.
func (s *RowScanner) Columns() []string { return s.names }

// Types lists the columns' database type names.
func (s *RowScanner) Types() []string { return s.types }

// Next advances to the next row; false at the end or on error (see Err).
func (s *RowScanner) Next() bool { return s.rows.Next() }

// Err reports the error that ended the iteration, if any.
func (s *RowScanner) Err() error { return s.rows.Err() }

// Row scans the current row into a fresh slice of normalized values.
func (s *RowScanner) Row() ([]any, error) {
	if err := s.rows.Scan(s.ptrs...); err != nil {
		return nil, err
	}
	out := make([]any, len(s.raw))
	for i, v := range s.raw {
		out[i] = NormalizeTyped(s.types[i], v)
	}
	return out, nil
}
