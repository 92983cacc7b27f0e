package demo

import (
	"context"
	"fmt"

	"github.com/overlookbi/overlook/internal/warehouse"
	_ "github.com/overlookbi/overlook/internal/warehouse/mysql"    // registers "mysql"
	_ "github.com/overlookbi/overlook/internal/warehouse/postgres" // registers "postgres"
)

// LoadURL loads the demo into the PostgreSQL or MariaDB/MySQL database a
// connection URL names (postgres://user@host:5432/db?sslmode=disable,
// mysql://root@host:3306/db); the tables must not exist yet. It backs
// `overlook demo load --url`.
func LoadURL(ctx context.Context, rawURL string, opts Options, progress Progress) error {
	cfg, err := warehouse.ParseURL(rawURL)
	if err != nil {
		return err
	}
	if cfg.Dialect != "postgres" && cfg.Dialect != "mysql" {
		return fmt.Errorf("demo: load --url takes a postgres:// or mysql:// URL, not %s", cfg.Dialect)
	}
	e, err := warehouse.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer e.Close()
	if err := e.Test(ctx); err != nil {
		return fmt.Errorf("demo: connecting to %s: %w", cfg.Host, err)
	}
	return LoadSQL(ctx, e.(*warehouse.DBEngine).DB, cfg.Dialect, opts, progress)
}
