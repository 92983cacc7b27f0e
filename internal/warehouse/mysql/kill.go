package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"
)

// The driver stops reading when a context is cancelled but the server goes
// on running the statement until it next writes to the closed socket. These
// wrappers learn each connection's id and, when a statement's context is
// cancelled while it runs or streams, send KILL QUERY for it on another
// connection of the pool.

// driverConn is what the go-sql-driver connection implements.
type driverConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

// driverRows is what its rows implement; database/sql asks for these to
// fill sql.ColumnType.
type driverRows interface {
	driver.Rows
	driver.RowsColumnTypeDatabaseTypeName
	driver.RowsColumnTypeNullable
	driver.RowsColumnTypePrecisionScale
	driver.RowsColumnTypeScanType
	driver.RowsColumnTypeLength
	driver.RowsNextResultSet
}

type driverStmt interface {
	driver.Stmt
	driver.StmtQueryContext
	driver.StmtExecContext
	driver.NamedValueChecker
}

type killingConnector struct {
	inner driver.Connector
	pool  *sql.DB // set after the pool is opened over this connector
}

func newKillingConnector(c *mysql.Config) (*killingConnector, error) {
	inner, err := mysql.NewConnector(c)
	if err != nil {
		return nil, err
	}
	return &killingConnector{inner: inner}, nil
}

func openDB(c *killingConnector) *sql.DB { return sql.OpenDB(c) }

func (c *killingConnector) Driver() driver.Driver { return c.inner.Driver() }

func (c *killingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	conn, ok := dc.(driverConn)
	if !ok {
		return dc, nil // a driver without these interfaces: no KILL, plain cancel
	}
	id, err := connectionID(ctx, conn)
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	return &killConn{driverConn: conn, kill: func() { c.killQuery(id) }}, nil
}

func connectionID(ctx context.Context, conn driverConn) (uint64, error) {
	rows, err := conn.QueryContext(ctx, "SELECT CONNECTION_ID()", nil)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		return 0, err
	}
	switch v := dest[0].(type) {
	case int64:
		return uint64(v), nil
	case uint64:
		return v, nil
	case []byte:
		return strconv.ParseUint(string(v), 10, 64)
	}
	return 0, errors.New("mysql: unexpected CONNECTION_ID() type")
}

// killQuery stops the statement running on connection id. The id is the
// server's integer, never request input.
func (c *killingConnector) killQuery(id uint64) {
	if c.pool == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, _ = c.pool.ExecContext(ctx, "KILL QUERY "+strconv.FormatUint(id, 10))
}

type killConn struct {
	driverConn
	kill func()
}

func (c *killConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	stop := context.AfterFunc(ctx, c.kill)
	rows, err := c.driverConn.QueryContext(ctx, q, args)
	return watchRows(rows, err, stop)
}

func (c *killConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	st, err := c.driverConn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if s, ok := st.(driverStmt); ok {
		return &killStmt{driverStmt: s, kill: c.kill}, nil
	}
	return st, nil
}

type killStmt struct {
	driverStmt
	kill func()
}

func (s *killStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	stop := context.AfterFunc(ctx, s.kill)
	rows, err := s.driverStmt.QueryContext(ctx, args)
	return watchRows(rows, err, stop)
}

// watchRows keeps the kill armed while the rows stream and disarms it when
// they are closed.
func watchRows(rows driver.Rows, err error, stop func() bool) (driver.Rows, error) {
	if err != nil {
		stop()
		return nil, err
	}
	r, ok := rows.(driverRows)
	if !ok {
		stop()
		return rows, nil
	}
	return &killRows{driverRows: r, stop: stop}, nil
}

type killRows struct {
	driverRows
	stop func() bool
}

func (r *killRows) Close() error {
	r.stop()
	return r.driverRows.Close()
}

var _ io.Closer = (*killRows)(nil)
