// Package duckdb is the embedded DuckDB warehouse engine, registered as
// "duckdb". It is the only package (with cmd/ and one end-to-end test
// package) that links the cgo DuckDB library.
//
// Every database is opened hardened: no access to files, network or
// extensions beyond the database file itself, the configuration locked so
// a statement cannot SET it back, and bounded threads, memory and temp
// space.
package duckdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Dialect is the name this engine registers under.
const Dialect = "duckdb"

// Defaults for the resource settings; cfg.Options "threads" and
// "memory_limit" override them.
const (
	DefaultThreads     = 2
	DefaultMemoryLimit = "1GB"
)

func init() {
	warehouse.Register(Dialect, Open)
	warehouse.RegisterConverter(convert)
}

// Open opens the DuckDB file cfg.Path (in memory when empty), read-only
// when cfg.ReadOnly.
func Open(ctx context.Context, cfg warehouse.Config) (warehouse.Engine, error) {
	db, err := OpenDB(cfg)
	if err != nil {
		return nil, err
	}
	if err := verifyHardened(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return warehouse.NewDBEngine(db, Dialect, cfg), nil
}

// OpenDB opens the hardened *sql.DB behind an engine.
func OpenDB(cfg warehouse.Config) (*sql.DB, error) {
	dsn, err := DSN(cfg)
	if err != nil {
		return nil, err
	}
	conn, err := newConnector(dsn, cfg.Path)
	if err != nil {
		return nil, fmt.Errorf("duckdb: %w", err)
	}
	return sql.OpenDB(conn), nil
}

// DSN builds the connector string (everything but the two settings harden
// applies): the file path, then the settings,
// encoded by url.Values. The driver takes the path up to the first '?' and
// parses the rest as a URL, so a path with '?', '#' or '%' could drop or
// forge settings: such paths are refused.
func DSN(cfg warehouse.Config) (string, error) {
	if err := warehouse.CheckOptions(Dialect, cfg.Options, "threads", "memory_limit"); err != nil {
		return "", err
	}
	if strings.ContainsAny(cfg.Path, "?#%") {
		return "", errors.New("duckdb: the database path may not contain '?', '#' or '%'")
	}
	q, err := settings(cfg)
	if err != nil {
		return "", err
	}
	return cfg.Path + "?" + q.Encode(), nil
}

func settings(cfg warehouse.Config) (url.Values, error) {
	q := url.Values{}
	q.Set("autoload_known_extensions", "false")
	q.Set("autoinstall_known_extensions", "false")
	q.Set("allow_community_extensions", "false")
	threads, memory := strconv.Itoa(DefaultThreads), DefaultMemoryLimit
	if v, ok := cfg.Options["threads"]; ok {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 256 {
			return nil, &warehouse.OptionError{Dialect: Dialect, Option: "threads", Reason: "must be a whole number from 1 to 256"}
		}
		threads = v
	}
	if v, ok := cfg.Options["memory_limit"]; ok {
		if !validMemory(v) {
			return nil, &warehouse.OptionError{Dialect: Dialect, Option: "memory_limit", Reason: "must look like 512MB or 2GB"}
		}
		memory = v
	}
	q.Set("threads", threads)
	q.Set("memory_limit", memory)
	if cfg.Path != "" {
		q.Set("temp_directory", TempDir(cfg.Path))
	}
	if cfg.ReadOnly {
		q.Set("access_mode", "READ_ONLY")
	}
	return q, nil
}

// TempDir is where DuckDB spills for the database at path: beside it, in
// the data dir.
func TempDir(path string) string {
	return filepath.Join(filepath.Dir(path), filepath.Base(path)+".tmp")
}

func validMemory(v string) bool {
	for _, unit := range []string{"KB", "MB", "GB", "TB"} {
		if n, ok := strings.CutSuffix(strings.ToUpper(v), unit); ok {
			i, err := strconv.Atoi(n)
			return err == nil && i > 0
		}
	}
	return false
}

// verifyHardened reads the settings back: if the driver ever stopped
// passing one, opening fails instead of serving an open database.
func verifyHardened(ctx context.Context, db *sql.DB) error {
	want := map[string]string{"enable_external_access": "false", "lock_configuration": "true",
		"autoload_known_extensions": "false", "autoinstall_known_extensions": "false"}
	for _, name := range []string{"enable_external_access", "lock_configuration",
		"autoload_known_extensions", "autoinstall_known_extensions"} {
		var got string
		if err := db.QueryRowContext(ctx, "SELECT CAST(current_setting(?) AS VARCHAR)", name).Scan(&got); err != nil {
			return fmt.Errorf("duckdb: reading setting %s: %w", name, err)
		}
		if strings.ToLower(got) != want[name] {
			return fmt.Errorf("duckdb: setting %s is %s, want %s", name, got, want[name])
		}
	}
	return nil
}

// convert maps the driver's own types for warehouse.Normalize.
func convert(v any) (any, bool) {
	switch x := v.(type) {
	case duckdb.Decimal:
		return warehouse.DecimalText(x.String()), true
	case duckdb.Interval:
		return warehouse.FormatInterval(x.Months, x.Days, x.Micros), true
	case duckdb.UUID:
		return warehouse.FormatUUID(x[:]), true
	case *duckdb.UUID:
		return warehouse.FormatUUID(x[:]), true
	case duckdb.Union:
		return warehouse.Normalize(x.Value), true
	case duckdb.OrderedMap:
		return orderedMap(&x), true
	case *duckdb.OrderedMap:
		return orderedMap(x), true
	case duckdb.Map:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(warehouse.Normalize(k))] = warehouse.Normalize(e)
		}
		return out, true
	}
	return nil, false
}

// orderedMap turns a MAP into a JSON object; keys become their text.
func orderedMap(m *duckdb.OrderedMap) map[string]any {
	keys, values := m.Keys(), m.Values()
	out := make(map[string]any, len(keys))
	for i, k := range keys {
		out[fmt.Sprint(warehouse.Normalize(k))] = warehouse.Normalize(values[i])
	}
	return out
}
