package warehouse

import (
	"context"
	"database/sql"
	"time"
)

// DBEngine is an Engine over a database/sql pool; the engine packages
// build their DSN or connector and wrap the pool in one.
type DBEngine struct {
	DB      *sql.DB
	Name    string        // dialect name
	Timeout time.Duration // per statement; 0 means none
}

// Dialect implements Engine.
func (e *DBEngine) Dialect() string { return e.Name }

// Query implements Engine. The statement's context carries the timeout;
// database/sql closes the rows and the driver cancels the statement when
// it ends.
func (e *DBEngine) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if e.Timeout > 0 {
		// The rows outlive this call, so the context cannot be cancelled
		// on return: its timer releases it when the timeout passes.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.Timeout)
		_ = cancel
	}
	return e.DB.QueryContext(ctx, query, args...)
}

// Test implements Engine: a ping and a trivial statement.
func (e *DBEngine) Test(ctx context.Context) error {
	if err := e.DB.PingContext(ctx); err != nil {
		return err
	}
	var one int
	return e.DB.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Close implements Engine.
func (e *DBEngine) Close() error { return e.DB.Close() }

// NewDBEngine wraps db, bounding its pool by cfg.MaxConnections.
func NewDBEngine(db *sql.DB, dialect string, cfg Config) *DBEngine {
	if cfg.MaxConnections > 0 {
		db.SetMaxOpenConns(cfg.MaxConnections)
	}
	db.SetConnMaxIdleTime(5 * time.Minute)
	return &DBEngine{DB: db, Name: dialect, Timeout: cfg.QueryTimeout}
}
