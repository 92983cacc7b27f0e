package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"sync"
)

// The driver applies DSN settings in map order, and DuckDB refuses
// temp_directory once external access is off, so those two settings are
// applied by the first connection instead, before any statement runs:
// external access off, then the configuration locked. Both are global to
// the database instance, which the driver shares between connectors of one
// path, so later connections find them set.
var hardenMu sync.Mutex

func harden(ex driver.ExecerContext) error {
	hardenMu.Lock()
	defer hardenMu.Unlock()
	ctx := context.Background()
	if locked, err := isLocked(ctx, ex); err != nil || locked {
		return err
	}
	for _, stmt := range []string{"SET enable_external_access = false", "SET lock_configuration = true"} {
		if _, err := ex.ExecContext(ctx, stmt, nil); err != nil {
			return err
		}
	}
	return nil
}

func isLocked(ctx context.Context, ex driver.ExecerContext) (bool, error) {
	q, ok := ex.(driver.QueryerContext)
	if !ok {
		return false, errors.New("duckdb: connection cannot query")
	}
	rows, err := q.QueryContext(ctx, "SELECT CAST(current_setting('lock_configuration') AS VARCHAR)", nil)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil && err != io.EOF {
		return false, err
	}
	return dest[0] == "true", nil
}
