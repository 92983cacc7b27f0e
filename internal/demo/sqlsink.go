package demo

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// batchRows is how many rows one INSERT carries: at most 17 columns ×
// 500 rows stays far below the 65,535 bind parameters both servers allow.
const batchRows = 500

// LoadSQL generates the demo into db, a PostgreSQL ("postgres") or
// MariaDB/MySQL ("mysql") database, creating the tables (which must not
// exist) and inserting rows in batched multi-row INSERTs with bind
// parameters, one transaction per table.
func LoadSQL(ctx context.Context, db *sql.DB, dialect string, opts Options, progress Progress) error {
	if _, ok := columnTypes[dialect]; !ok || dialect == "duckdb" {
		return fmt.Errorf("demo: LoadSQL supports postgres and mysql, not %q", dialect)
	}
	return Generate(ctx, &sqlSink{ctx: ctx, db: db, dialect: dialect}, opts, progress)
}

type sqlSink struct {
	ctx     context.Context
	db      *sql.DB
	dialect string
}

func (s *sqlSink) Table(name string, columns []Column) (TableWriter, error) {
	t := Table{Name: name, Columns: columns}
	if _, err := s.db.ExecContext(s.ctx, CreateTableSQL(s.dialect, t, true)); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(s.ctx, nil)
	if err != nil {
		return nil, err
	}
	return &sqlTable{sink: s, tx: tx, table: t}, nil
}

type sqlTable struct {
	sink  *sqlSink
	tx    *sql.Tx
	table Table
	args  []any
	n     int
	full  *sql.Stmt // the prepared statement for a full batch
}

func (t *sqlTable) Write(row []any) error {
	t.args = append(t.args, row...)
	t.n++
	if t.n < batchRows {
		return nil
	}
	if t.full == nil {
		st, err := t.tx.PrepareContext(t.sink.ctx, t.insertSQL(batchRows))
		if err != nil {
			return t.fail(err)
		}
		t.full = st
	}
	_, err := t.full.ExecContext(t.sink.ctx, t.args...)
	t.args, t.n = t.args[:0], 0
	return t.fail(err)
}

func (t *sqlTable) Close() error {
	if t.n > 0 {
		if _, err := t.tx.ExecContext(t.sink.ctx, t.insertSQL(t.n), t.args...); err != nil {
			return t.fail(err)
		}
	}
	if t.full != nil {
		t.full.Close()
	}
	return t.tx.Commit()
}

func (t *sqlTable) fail(err error) error {
	if err != nil {
		_ = t.tx.Rollback()
	}
	return err
}

// insertSQL is INSERT INTO table (columns) VALUES (…), … for rows rows,
// with ? or $n placeholders.
func (t *sqlTable) insertSQL(rows int) string {
	var b strings.Builder
	names := make([]string, len(t.table.Columns))
	for i, c := range t.table.Columns {
		names[i] = c.Name
	}
	b.WriteString("INSERT INTO " + t.table.Name + " (" + strings.Join(names, ", ") + ") VALUES ")
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range names {
			if c > 0 {
				b.WriteString(", ")
			}
			n++
			if t.sink.dialect == "postgres" {
				b.WriteString("$" + strconv.Itoa(n))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}
