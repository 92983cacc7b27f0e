// Package sqlite is the read-only SQLite warehouse engine (modernc, no
// cgo), registered as "sqlite": it serves system__activity over the
// metadata DB and small file databases. Every connection opens the file
// with mode=ro and query_only, and an authorizer lets statements only
// read: no write, no ATTACH of another file, no PRAGMA.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"path/filepath"

	"modernc.org/sqlite"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Dialect is the name this engine registers under.
const Dialect = "sqlite"

func init() { warehouse.Register(Dialect, Open) }

// Open opens cfg.Path read-only.
func Open(ctx context.Context, cfg warehouse.Config) (warehouse.Engine, error) {
	dsn, err := DSN(cfg)
	if err != nil {
		return nil, err
	}
	base, err := sqlite.NewConnector(dsn)
	if err != nil {
		return nil, err
	}
	return warehouse.NewDBEngine(sql.OpenDB(readOnlyConnector{base}), Dialect, cfg), nil
}

// DSN builds a read-only file: URI for cfg.Path; the path is escaped by
// url.URL, so it cannot add parameters. No options are accepted.
func DSN(cfg warehouse.Config) (string, error) {
	if err := warehouse.CheckOptions(Dialect, cfg.Options); err != nil {
		return "", err
	}
	if cfg.Path == "" {
		return "", errors.New("sqlite: a database file path is required")
	}
	abs, err := filepath.Abs(cfg.Path)
	if err != nil {
		return "", err
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "query_only(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	return u.String(), nil
}
