package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"net/url"
	"strings"

	bindings "github.com/duckdb/duckdb-go-bindings"
	"github.com/duckdb/duckdb-go/v2"
)

// duckdb-go runs every query to a fully materialised result before the
// first row is read, so a 10M-row SQL Runner download sat in memory whole.
// The connector here wraps duckdb-go's: each connection keeps the driver's
// own for everything (exec, prepare, transactions, the appender) and adds a
// second native connection to the same database instance on which plain
// SELECTs run as DuckDB streaming results, read chunk by chunk (see
// streamRows). The database handle comes from the driver's own instance
// cache, so both connections share one instance, its settings and its
// hardening. What the streaming path does not handle (a transaction, an
// argument or a column type it does not decode, several statements, not a
// SELECT, an in-memory database) goes to the driver unchanged.

// connector is a driver.Connector over duckdb-go's.
type connector struct {
	inner *duckdb.Connector
	db    bindings.Database // Ptr nil: no streaming (an in-memory database)
}

func newConnector(dsn, path string) (*connector, error) {
	inner, err := duckdb.NewConnector(dsn, harden)
	if err != nil {
		return nil, err
	}
	c := &connector{inner: inner}
	if path != "" && c.openShared(dsn, path) != nil {
		// Not expected (the driver just opened the same instance with
		// the same settings); queries then run as the driver runs them.
		c.db = bindings.Database{}
	}
	return c, nil
}

// openShared takes a handle on the instance the driver opened for path,
// with the same configuration (the cache refuses a different one).
func (c *connector) openShared(dsn, path string) error {
	var config bindings.Config
	if bindings.CreateConfig(&config) == bindings.StateError {
		return errors.New("duckdb: cannot create a config")
	}
	defer bindings.DestroyConfig(&config)
	settings := url.Values{}
	if _, q, ok := strings.Cut(dsn, "?"); ok {
		var err error
		if settings, err = url.ParseQuery(q); err != nil {
			return err
		}
	}
	settings.Set("duckdb_api", "go")
	for k, v := range settings {
		if len(v) > 0 && bindings.SetConfig(config, k, v[0]) == bindings.StateError {
			return errors.New("duckdb: cannot set " + k)
		}
	}
	var errMsg string
	if bindings.GetOrCreateFromCache(duckdb.GetInstanceCache(), path, &c.db, config, &errMsg) == bindings.StateError {
		bindings.Close(&c.db)
		return errors.New("duckdb: " + errMsg)
	}
	return nil
}

// Connect implements driver.Connector.
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	conn := &streamConn{Conn: dc.(*duckdb.Conn)}
	if c.db.Ptr != nil && bindings.Connect(c.db, &conn.stream) == bindings.StateError {
		dc.Close()
		return nil, errors.New("duckdb: cannot open a streaming connection")
	}
	return conn, nil
}

// Driver implements driver.Connector.
func (c *connector) Driver() driver.Driver { return c.inner.Driver() }

// Close releases the shared handle and the driver's connector.
func (c *connector) Close() error {
	bindings.Close(&c.db)
	return c.inner.Close()
}

// streamConn is the driver's connection plus the streaming one, with the
// statements it prepared there.
type streamConn struct {
	*duckdb.Conn
	stream bindings.Connection // Ptr nil: no streaming
	inTx   bool
	stmts  map[string]*prepared
}

// prepared is a statement prepared on the streaming connection, kept for
// the next run of the same text (the uncached query path runs the same
// few statements over and over; DuckDB binds a kept statement again by
// itself when the catalog changed). ok is false for text the streaming
// path leaves to the driver, so it is not prepared twice per run.
type prepared struct {
	stmt bindings.PreparedStatement
	ok   bool
}

// maxStatements bounds the statements a connection keeps; past it they
// are all destroyed at once.
const maxStatements = 64

// driverConn returns the duckdb-go connection under dc (for the appender).
func driverConn(dc any) any {
	if s, ok := dc.(*streamConn); ok {
		return s.Conn
	}
	return dc
}

// QueryContext streams a plain SELECT; anything else goes to the driver.
func (c *streamConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if c.inTx || c.stream.Ptr == nil || !plainArgs(args) {
		return c.Conn.QueryContext(ctx, query, args)
	}
	p := c.statement(query)
	if !p.ok || !bindArgs(p.stmt, args) {
		return c.Conn.QueryContext(ctx, query, args)
	}
	rows, err := startStream(ctx, c.stream, p.stmt)
	if errors.Is(err, errNotStreamable) { // the catalog changed under the statement
		c.forget(query)
		return c.Conn.QueryContext(ctx, query, args)
	}
	return rows, err
}

// statement returns query prepared on the streaming connection.
func (c *streamConn) statement(query string) *prepared {
	if p, ok := c.stmts[query]; ok {
		return p
	}
	if len(c.stmts) >= maxStatements {
		c.dropStatements()
	}
	if c.stmts == nil {
		c.stmts = map[string]*prepared{}
	}
	p := &prepared{}
	if bindings.Prepare(c.stream, query, &p.stmt) == bindings.StateError {
		bindings.DestroyPrepare(&p.stmt)
		return p // not kept: the driver reports the error, and the text may work later
	}
	p.ok = bindings.PreparedStatementType(p.stmt) == bindings.StatementTypeSelect && decodable(p.stmt)
	if !p.ok {
		bindings.DestroyPrepare(&p.stmt)
	}
	c.stmts[query] = p
	return p
}

func (c *streamConn) forget(query string) {
	if p, ok := c.stmts[query]; ok {
		bindings.DestroyPrepare(&p.stmt)
		delete(c.stmts, query)
	}
}

func (c *streamConn) dropStatements() {
	for _, p := range c.stmts {
		bindings.DestroyPrepare(&p.stmt)
	}
	clear(c.stmts)
}

// BeginTx implements driver.ConnBeginTx: inside a transaction every query
// runs on the driver's connection, which holds the transaction.
func (c *streamConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	c.inTx = true
	return &streamTx{Tx: tx, conn: c}, nil
}

// Begin implements driver.Conn.
func (c *streamConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// Close closes both connections.
func (c *streamConn) Close() error {
	c.dropStatements()
	bindings.Disconnect(&c.stream)
	return c.Conn.Close()
}

type streamTx struct {
	driver.Tx
	conn *streamConn
}

func (t *streamTx) Commit() error {
	t.conn.inTx = false
	return t.Tx.Commit()
}

func (t *streamTx) Rollback() error {
	t.conn.inTx = false
	return t.Tx.Rollback()
}

// plainArgs reports whether every argument is one the streaming path binds
// exactly as the driver does (positional nil, bool, int64, float64, string).
func plainArgs(args []driver.NamedValue) bool {
	for _, a := range args {
		if a.Name != "" {
			return false
		}
		switch a.Value.(type) {
		case nil, bool, int64, float64, string:
		default:
			return false
		}
	}
	return true
}

// decodable reports whether streamRows decodes every result column.
func decodable(stmt bindings.PreparedStatement) bool {
	n := bindings.PreparedStatementColumnCount(stmt)
	for i := bindings.IdxT(0); i < n; i++ {
		lt := bindings.PreparedStatementColumnLogicalType(stmt, i)
		_, ok := newColumn(lt)
		bindings.DestroyLogicalType(&lt)
		if !ok {
			return false
		}
	}
	return true
}

// bindArgs binds args to stmt as the driver would; false when one is
// not for the streaming path.
func bindArgs(stmt bindings.PreparedStatement, args []driver.NamedValue) bool {
	if int(bindings.NParams(stmt)) != len(args) || bindings.ClearBindings(stmt) == bindings.StateError {
		return false
	}
	for i, a := range args {
		n := bindings.IdxT(i + 1)
		switch t := bindings.ParamType(stmt, n); t {
		case bindings.TypeAny, bindings.TypeVariant:
			return false
		}
		var state bindings.State
		switch v := a.Value.(type) {
		case nil:
			state = bindings.BindNull(stmt, n)
		case bool:
			state = bindings.BindBoolean(stmt, n, v)
		case int64:
			state = bindings.BindInt64(stmt, n, v)
		case float64:
			state = bindings.BindDouble(stmt, n, v)
		case string:
			state = bindings.BindVarcharLength(stmt, n, v, bindings.IdxT(len(v)))
		}
		if state == bindings.StateError {
			return false
		}
	}
	return true
}

// startStream executes stmt (which stays the connection's) as a streaming
// result. ctx's end interrupts the query in DuckDB until the rows are
// closed.
func startStream(ctx context.Context, conn bindings.Connection, stmt bindings.PreparedStatement) (driver.Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &streamRows{ctx: ctx, interrupt: interruptOnDone(ctx, conn)}
	var pending bindings.PendingResult
	if bindings.PendingPreparedStreaming(stmt, &pending) == bindings.StateError {
		err := duckError(bindings.PendingError(pending))
		bindings.DestroyPending(&pending)
		r.Close()
		return nil, errors.Join(ctx.Err(), err)
	}
	state := bindings.ExecutePending(pending, &r.res)
	bindings.DestroyPending(&pending)
	if state == bindings.StateError {
		err := duckError(bindings.ResultError(&r.res))
		r.Close()
		return nil, errors.Join(ctx.Err(), err)
	}
	if !r.describe() {
		r.Close()
		return nil, errNotStreamable
	}
	return r, nil
}

// interruptOnDone interrupts conn when ctx ends; the returned function
// stops that and waits for an interrupt already under way, so a later
// query on conn is never the one interrupted.
func interruptOnDone(ctx context.Context, conn bindings.Connection) func() {
	done := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(done)
		bindings.Interrupt(conn)
	})
	return func() {
		if !stop() {
			<-done
		}
	}
}

// errNotStreamable: the statement's result has a column streamRows does
// not decode.
var errNotStreamable = errors.New("duckdb: the result is not for streaming")

func duckError(msg string) error { return &duckdb.Error{Msg: msg} }
