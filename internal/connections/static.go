package connections

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// AddStatic registers a connection configured by the operator: the thelook
// demo, system__activity (hidden, as every system__ name), or one from
// serve --connection. Static connections are trusted (no allowlist), live
// in memory, appear in all_connections unless hidden, and cannot be changed
// or deleted through the API. A static connection shadows a stored one of
// the same name.
func (s *Service) AddStatic(cfg warehouse.Config) error {
	if !namePattern.MatchString(cfg.Name) {
		return fmt.Errorf("connections: %q is not a connection name (letters, digits, _ or -)", cfg.Name)
	}
	if cfg.Dialect == "" {
		return fmt.Errorf("connections: connection %s has no dialect", cfg.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.statics[cfg.Name]; dup {
		return fmt.Errorf("connections: connection %s is configured twice", cfg.Name)
	}
	s.statics[cfg.Name] = &Connection{Config: cfg, Static: true}
	return nil
}

// ParseFlag reads the value of serve --connection: NAME=DSN.
func ParseFlag(value string) (warehouse.Config, error) {
	name, dsn, ok := strings.Cut(value, "=")
	if !ok || name == "" || dsn == "" {
		return warehouse.Config{}, fmt.Errorf("--connection %q: want NAME=DSN", value)
	}
	return ParseDSN(strings.TrimSpace(name), strings.TrimSpace(dsn))
}

// dsnSchemes maps the schemes of operator DSNs to dialects.
var dsnSchemes = map[string]string{"duckdb": "duckdb", "sqlite": "sqlite", "sqlite3": "sqlite",
	"postgres": "postgres", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql"}

// ParseDSN reads an operator's connection string: duckdb:///path/file.duckdb,
// sqlite:///path/file.db, postgres://user:pass@host:port/db?schema=s&…,
// mysql://user:pass@host:port/db?…. Query parameters become driver options
// (schema and read_only are Overlook's own). Embedded files open read-only
// unless read_only=false is given; SQLite always opens read-only.
func ParseDSN(name, dsn string) (warehouse.Config, error) {
	cfg := warehouse.Config{Name: name, Options: map[string]string{}}
	if !namePattern.MatchString(name) {
		return cfg, fmt.Errorf("connection name %q: letters, digits, _ or - only", name)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return cfg, fmt.Errorf("connection %s: %v", name, err)
	}
	dialect, ok := dsnSchemes[strings.ToLower(u.Scheme)]
	if !ok {
		return cfg, fmt.Errorf("connection %s: unknown scheme %q (duckdb, sqlite, postgres or mysql)", name, u.Scheme)
	}
	cfg.Dialect = dialect
	q := u.Query()
	cfg.Schema = q.Get("schema")
	readOnly := q.Get("read_only") != "false"
	q.Del("schema")
	q.Del("read_only")
	for k := range q {
		cfg.Options[k] = q.Get(k)
	}
	if d, _ := LookupDialect(dialect); d != nil && d.Embedded {
		return embeddedDSN(cfg, u, readOnly)
	}
	return serverDSN(cfg, u)
}

func embeddedDSN(cfg warehouse.Config, u *url.URL, readOnly bool) (warehouse.Config, error) {
	cfg.Path = u.Path
	if u.Host != "" && u.Host != "localhost" {
		cfg.Path = u.Host + u.Path // duckdb://relative/file.duckdb
	}
	if cfg.Path == "" {
		return cfg, fmt.Errorf("connection %s: %s DSN names no file", cfg.Name, cfg.Dialect)
	}
	cfg.ReadOnly = readOnly || cfg.Dialect == "sqlite"
	return cfg, nil
}

func serverDSN(cfg warehouse.Config, u *url.URL) (warehouse.Config, error) {
	cfg.Host = u.Hostname()
	if cfg.Host == "" {
		return cfg, fmt.Errorf("connection %s: the DSN names no host", cfg.Name)
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil || port <= 0 || port > 65535 {
			return cfg, fmt.Errorf("connection %s: bad port %q", cfg.Name, p)
		}
		cfg.Port = port
	} else if d, ok := LookupDialect(cfg.Dialect); ok {
		cfg.Port = d.DefaultPort
	}
	cfg.Database = strings.TrimPrefix(u.Path, "/")
	if u.User != nil {
		cfg.Username = u.User.Username()
		cfg.Password, _ = u.User.Password()
	}
	if cfg.Database == "" {
		return cfg, errors.New("connection " + cfg.Name + ": the DSN names no database")
	}
	return cfg, nil
}
