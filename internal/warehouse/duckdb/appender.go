package duckdb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/overlookbi/overlook/internal/demo"
)

// appenderSink fills each table through DuckDB's appender, which writes
// columnar chunks without parsing SQL per row. Each table appends on its
// own connection and goroutine, fed batches of rows, so generating rows in
// Go overlaps with DuckDB storing them, and one table's tail with the
// next table.
type appenderSink struct {
	ctx    context.Context
	db     *sql.DB
	tables []*appenderTable
}

// finishAll waits for every table's appender, also those a failed
// generation left open, so no connection outlives the sink.
func (s *appenderSink) finishAll() error {
	var errs []error
	for _, t := range s.tables {
		errs = append(errs, t.finish())
	}
	return errors.Join(errs...)
}

// appendBatch is how many rows travel to the appending goroutine at once.
const appendBatch = 4096

func (s *appenderSink) Table(name string, columns []demo.Column) (demo.TableWriter, error) {
	t := &appenderTable{cols: len(columns), batches: make(chan []driver.Value, 2),
		free: make(chan []driver.Value, 3), done: make(chan error, 1), stop: make(chan struct{})}
	for range 3 {
		t.free <- make([]driver.Value, 0, appendBatch*len(columns))
	}
	t.cur = <-t.free
	conn, err := s.db.Conn(s.ctx)
	if err != nil {
		return nil, err
	}
	ddl := demo.CreateTableSQL(Dialect, demo.Table{Name: name, Columns: columns}, false)
	if _, err := conn.ExecContext(s.ctx, ddl); err != nil {
		conn.Close()
		return nil, err
	}
	s.tables = append(s.tables, t)
	go func() {
		err := conn.Raw(func(dc any) error { return t.appendAll(driverConn(dc).(driver.Conn), name) })
		if cerr := conn.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			close(t.stop) // unblock a writer waiting on a full channel
		}
		t.done <- err
	}()
	return t, nil
}

type appenderTable struct {
	cols    int
	cur     []driver.Value      // the batch being filled, row after row
	batches chan []driver.Value // filled batches, to the appender
	free    chan []driver.Value // emptied batches, back to the writer
	done    chan error
	stop    chan struct{} // closed when the appender failed
	err     error
}

// appendAll runs on the table's goroutine for the connection's lifetime.
func (t *appenderTable) appendAll(dc driver.Conn, name string) error {
	a, err := duckdb.NewAppenderFromConn(dc, "", name)
	if err != nil {
		return err
	}
	for b := range t.batches {
		for i := 0; i < len(b); i += t.cols {
			if err := a.AppendRow(b[i : i+t.cols]...); err != nil {
				return errors.Join(err, a.Close())
			}
		}
		t.free <- b[:0]
	}
	return a.Close()
}

func (t *appenderTable) Write(row []any) error {
	for _, v := range row {
		t.cur = append(t.cur, v)
	}
	if len(t.cur) < appendBatch*t.cols {
		return nil
	}
	return t.send()
}

func (t *appenderTable) send() error {
	if t.done == nil { // finished already
		return t.err
	}
	select {
	case t.batches <- t.cur:
	case <-t.stop:
		return t.finish()
	}
	select {
	case t.cur = <-t.free:
		return nil
	case <-t.stop:
		return t.finish()
	}
}

func (t *appenderTable) Close() error {
	if len(t.cur) > 0 {
		if err := t.send(); err != nil {
			return err
		}
	}
	return t.finish()
}

// finish ends the stream and returns the appender's result (once).
func (t *appenderTable) finish() error {
	if t.done != nil {
		close(t.batches)
		t.err = <-t.done
		t.done = nil
	}
	return t.err
}
