package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// querySQL starts the SQL Runner's sqlText on eng, read-only where the
// database can enforce it, and returns its rows and the function that
// releases them (with the transaction or session state and the engine's
// statement timeout):
//   - PostgreSQL: inside BEGIN READ ONLY, rolled back at the end, so no
//     write or DDL runs;
//   - MySQL/MariaDB: on a session set READ ONLY (a READ ONLY transaction
//     alone is not enough: DDL commits it implicitly and runs), set back
//     before the connection returns to the pool;
//   - others as they are: SQLite and DuckDB engines open read-only.
//
// One statement at a time either way: pgx's extended protocol and the
// MySQL driver (no multiStatements) refuse a second.
func querySQL(ctx context.Context, eng warehouse.Engine, sqlText string) (*sql.Rows, func(), error) {
	db, ok := eng.(*warehouse.DBEngine)
	if ok && db.Name == "postgres" {
		return readOnlyTx(ctx, db, sqlText)
	}
	if ok && db.Name == "mysql" {
		return readOnlySession(ctx, db, sqlText)
	}
	rows, err := eng.Query(ctx, sqlText)
	if err != nil {
		return nil, nil, err
	}
	return rows, func() { rows.Close() }, nil
}

func readOnlyTx(ctx context.Context, db *warehouse.DBEngine, sqlText string) (*sql.Rows, func(), error) {
	ctx, cancel := statementTimeout(ctx, db)
	tx, err := db.DB.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		cancel()
		return nil, nil, err
	}
	end := func() { _ = tx.Rollback(); cancel() }
	rows, err := tx.QueryContext(ctx, sqlText)
	if err != nil {
		end()
		return nil, nil, err
	}
	return rows, func() { rows.Close(); end() }, nil
}

// sessionResetTimeout bounds setting a MySQL session back to READ WRITE.
const sessionResetTimeout = 5 * time.Second

func readOnlySession(ctx context.Context, db *warehouse.DBEngine, sqlText string) (*sql.Rows, func(), error) {
	ctx, cancel := statementTimeout(ctx, db)
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	end := func() { resetSession(conn); cancel() }
	if _, err := conn.ExecContext(ctx, "SET SESSION TRANSACTION READ ONLY"); err != nil {
		end()
		return nil, nil, err
	}
	rows, err := conn.QueryContext(ctx, sqlText)
	if err != nil {
		end()
		return nil, nil, err
	}
	return rows, func() { rows.Close(); end() }, nil
}

// resetSession sets conn back to READ WRITE and returns it to the pool,
// or drops it from the pool when that fails.
func resetSession(conn *sql.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), sessionResetTimeout)
	defer cancel()
	if _, err := conn.ExecContext(ctx, "SET SESSION TRANSACTION READ WRITE"); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = conn.Close()
}

// statementTimeout applies the engine's per-statement timeout, if any.
func statementTimeout(ctx context.Context, db *warehouse.DBEngine) (context.Context, context.CancelFunc) {
	if db.Timeout > 0 {
		return context.WithTimeout(ctx, db.Timeout)
	}
	return ctx, func() {}
}
