// Package postgres is the PostgreSQL warehouse engine (pgx through
// database/sql), registered as "postgres". Cancelling a query's context
// sends PostgreSQL a cancel request, so the statement stops on the server.
package postgres

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Dialect is the name this engine registers under.
const Dialect = "postgres"

// allowedOptions are the libpq parameters a connection may set: none
// names a file.
var allowedOptions = []string{"sslmode", "application_name", "connect_timeout", "target_session_attrs"}

func init() { warehouse.Register(Dialect, Open) }

// Open opens a PostgreSQL engine for cfg.
func Open(ctx context.Context, cfg warehouse.Config) (warehouse.Engine, error) {
	conf, err := ConnConfig(cfg)
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*conf)
	return warehouse.NewDBEngine(db, Dialect, cfg), nil
}

// ConnConfig maps cfg to a pgx config. The values travel inside a url.URL,
// escaped by it, so no part of the config can add a parameter of its own.
func ConnConfig(cfg warehouse.Config) (*pgx.ConnConfig, error) {
	if err := warehouse.CheckOptions(Dialect, cfg.Options, allowedOptions...); err != nil {
		return nil, err
	}
	port := cfg.Port
	if port == 0 {
		port = 5432
	}
	q := url.Values{}
	for k, v := range cfg.Options {
		q.Set(k, v)
	}
	if cfg.Options["sslmode"] == "" {
		q.Set("sslmode", "prefer")
	}
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(cfg.Host, strconv.Itoa(port)),
		Path: "/" + cfg.Database, RawQuery: q.Encode()}
	if cfg.Username != "" {
		u.User = url.UserPassword(cfg.Username, cfg.Password)
	}
	conf, err := pgx.ParseConfig(u.String())
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	// pgx fills what the URL leaves out from PG* variables and ~/.pgpass:
	// a connection must never borrow the operator's password for a host a
	// user chose, so the config's own password (maybe empty) wins.
	conf.Password = cfg.Password
	if cfg.Schema != "" {
		conf.RuntimeParams["search_path"] = cfg.Schema
	}
	return conf, nil
}
