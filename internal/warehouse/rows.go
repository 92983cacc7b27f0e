package warehouse

import "database/sql"

// RowScanner reads *sql.Rows into normalized values (see Normalize), using
// each column's database type name to recognise DECIMAL and UUID.
type RowScanner struct {
	rows  *sql.Rows
	names []string
	types []string
	typed []bool // the column's values go through NormalizeTyped
	raw   []any
	ptrs  []any
	slab  []any // rows are cut from it, many per allocation
}

// slabRows is how many rows' values one allocation holds.
const slabRows = 64

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
		s.typed = append(s.typed, Typed(c.DatabaseTypeName()))
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

// Row scans the current row into a fresh slice of normalized values (no
// other row shares it, so callers may keep it).
func (s *RowScanner) Row() ([]any, error) {
	if err := s.rows.Scan(s.ptrs...); err != nil {
		return nil, err
	}
	out := s.fresh()
	for i, v := range s.raw {
		if s.typed[i] {
			out[i] = NormalizeTyped(s.types[i], v)
		} else {
			out[i] = Normalize(v)
		}
	}
	return out, nil
}

// fresh cuts the next row's slice from the slab.
func (s *RowScanner) fresh() []any {
	n := len(s.raw)
	if len(s.slab) < n {
		s.slab = make([]any, n*slabRows)
	}
	out := s.slab[:n:n]
	s.slab = s.slab[n:]
	return out
}
