package warehouse

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// schemes maps a URL scheme to its dialect.
var schemes = map[string]string{
	"duckdb": "duckdb", "sqlite": "sqlite", "postgres": "postgres", "postgresql": "postgres", "mysql": "mysql",
}

// ParseURL reads a connection URL given by an operator (serve
// --connection, demo load --url): duckdb:///path/file.duckdb,
// sqlite:///path/file.db, postgres://user:pass@host:5432/db?sslmode=disable,
// mysql://user:pass@host:3306/db. Query parameters become Options (the
// engine vets them), except schema, which sets Config.Schema.
func ParseURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("warehouse: connection URL: %w", err)
	}
	dialect, ok := schemes[strings.ToLower(u.Scheme)]
	if !ok {
		return Config{}, fmt.Errorf("warehouse: connection URL scheme %q is not one of duckdb, sqlite, postgres, mysql", u.Scheme)
	}
	cfg := Config{Dialect: dialect}
	if dialect == "duckdb" || dialect == "sqlite" {
		cfg.Path = u.Path
		if u.Opaque != "" {
			cfg.Path = u.Opaque // duckdb:relative/file.duckdb
		}
		if u.Host != "" || cfg.Path == "" {
			return Config{}, fmt.Errorf("warehouse: a %s URL names a file: %s:///path/to/file", u.Scheme, u.Scheme)
		}
	} else if err := serverURL(u, &cfg); err != nil {
		return Config{}, err
	}
	for k, v := range u.Query() {
		if k == "schema" {
			cfg.Schema = v[0]
			continue
		}
		if cfg.Options == nil {
			cfg.Options = map[string]string{}
		}
		cfg.Options[k] = v[0]
	}
	return cfg, nil
}

func serverURL(u *url.URL, cfg *Config) error {
	cfg.Host = u.Hostname()
	if cfg.Host == "" {
		return fmt.Errorf("warehouse: connection URL %s://… has no host", u.Scheme)
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port < 1 || port > 65535 {
			return fmt.Errorf("warehouse: connection URL port %q is not a port number", p)
		}
		cfg.Port = port
	}
	cfg.Database = strings.TrimPrefix(u.Path, "/")
	if u.User != nil {
		cfg.Username = u.User.Username()
		cfg.Password, _ = u.User.Password()
	}
	return nil
}
