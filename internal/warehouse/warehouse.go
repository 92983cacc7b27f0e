// Package warehouse defines how Overlook talks to the databases it queries:
// an Engine per connection, opened by the driver registered for its
// dialect. Engines stream rows and honour context cancellation, so a query
// stops in the database when its client goes away or its timeout passes.
package warehouse

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Engine is an open connection pool to one database.
type Engine interface {
	// Dialect names the SQL dialect (a name sqlgen knows: duckdb,
	// postgres, mysql, sqlite, …).
	Dialect() string
	// Query runs a statement with bind arguments and streams its rows.
	// Cancelling ctx cancels the statement in the database.
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	// Test checks that the database answers and the credentials work.
	Test(ctx context.Context) error
	Close() error
}

// Config is what an engine is opened with. Options are per-dialect driver
// options that passed the dialect's allowlist; Password is plain here and
// encrypted at rest by whoever stores the config.
type Config struct {
	Name     string // the connection's name
	Dialect  string
	Host     string
	Port     int
	Database string
	Schema   string
	Username string
	Password string
	// Path is the database file of embedded engines (DuckDB, SQLite).
	Path     string
	ReadOnly bool
	Options  map[string]string
	// MaxConnections bounds the pool; 0 means the engine's default.
	MaxConnections int
	// QueryTimeout bounds every statement; 0 means none.
	QueryTimeout time.Duration
}

// Opener opens an engine for a config.
type Opener func(ctx context.Context, cfg Config) (Engine, error)

var (
	mu      sync.RWMutex
	openers = map[string]Opener{}
)

// Register makes an engine available for a dialect. Engine packages call
// it from init, as database/sql drivers do.
func Register(dialect string, open Opener) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := openers[dialect]; dup {
		panic("warehouse: Register called twice for " + dialect)
	}
	openers[dialect] = open
}

// Open opens an engine with the opener registered for cfg.Dialect.
func Open(ctx context.Context, cfg Config) (Engine, error) {
	mu.RLock()
	open, ok := openers[cfg.Dialect]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("warehouse: no engine for dialect %q", cfg.Dialect)
	}
	return open(ctx, cfg)
}

// Dialects lists the dialects that have an engine, sorted.
func Dialects() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(openers))
	for n := range openers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
