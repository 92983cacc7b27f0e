// Package connectionstest registers a test engine, fakedb, for the tests
// of connections and their API. Importing it registers the engine.
package connectionstest

import (
	"context"
	"database/sql"
	"net"
	"strconv"
	"time"

	_ "modernc.org/sqlite"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// FakeDialect is a test engine: it dials the configured host and port (so
// an unreachable host fails the way a real driver does) and answers
// queries from an in-memory SQLite database.
const FakeDialect = "fakedb"

type fakeEngine struct {
	cfg warehouse.Config
	db  *sql.DB
}

func init() {
	warehouse.Register(FakeDialect, func(_ context.Context, cfg warehouse.Config) (warehouse.Engine, error) {
		db, err := sql.Open("sqlite", ":memory:")
		return &fakeEngine{cfg: cfg, db: db}, err
	})
}

func (e *fakeEngine) Dialect() string { return FakeDialect }

func (e *fakeEngine) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if err := e.Test(ctx); err != nil {
		return nil, err
	}
	return e.db.QueryContext(ctx, q, args...)
}

func (e *fakeEngine) Test(ctx context.Context) error {
	d := net.Dialer{Timeout: 2 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(e.cfg.Host, strconv.Itoa(e.cfg.Port)))
	if err != nil {
		return err
	}
	return conn.Close()
}

func (e *fakeEngine) Close() error { return e.db.Close() }
