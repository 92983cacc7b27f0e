// Package store keeps Overlook's metadata (users, access control, tokens,
// settings, audit) in SQLite or PostgreSQL. Both backends run the same
// hand-written SQL; what differs between them (placeholders, DSN pragmas,
// DDL) is data in backend.go and the migrations folders.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Store is the metadata database.
type Store struct {
	backend *backend
	w       *sql.DB // the single writer (SQLite) or the pool (PostgreSQL)
	r       *sql.DB // readers
	now     func() time.Time
}

// Backend names the database behind the store: "sqlite" or "postgres".
func (s *Store) Backend() string { return s.backend.name }

// Close closes the database handles.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.r.PingContext(ctx) }

// Stats reports the pools' statistics for metrics.
func (s *Store) Stats() (writer, reader sql.DBStats) { return s.w.Stats(), s.r.Stats() }

// SetClock replaces the clock; tests use it to move time.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) ms() int64 { return s.now().UnixMilli() }

// q rewrites the ? placeholders of query for the backend.
func (s *Store) q(query string) string { return s.backend.rebind(query) }

func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return s.w.ExecContext(ctx, s.q(query), args...)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.r.QueryContext(ctx, s.q(query), args...)
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return s.r.QueryRowContext(ctx, s.q(query), args...)
}

// insert runs an INSERT … RETURNING id and returns the id.
func (s *Store) insert(ctx context.Context, ex execer, query string, args ...any) (int64, error) {
	var id int64
	err := ex.QueryRowContext(ctx, s.q(query+" RETURNING id"), args...).Scan(&id)
	return id, s.mapErr(err)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Tx runs fn in a write transaction, committed if fn returns nil.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// mapErr turns driver errors into domain errors where a client can act on them.
func (s *Store) mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	if s.backend.isUniqueViolation(err) {
		return errConflict
	}
	return err
}

// placeholders returns "?, ?, …" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func int64Args(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

func nullInt(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: v != 0} }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func optMillis(ms sql.NullInt64) *time.Time {
	if !ms.Valid {
		return nil
	}
	t := fromMillis(ms.Int64)
	return &t
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("store: %s: %w", op, err)
}
