package store

import (
	"context"
	"database/sql"
	"time"
)

// HistoryEntry is one query run: who ran which query, from where, how it
// ended and how long it took.
type HistoryEntry struct {
	QueryID        int64 // 0 when the run has no stored query (SQL Runner)
	UserID         int64
	Source         string // "api", "query_task", "sql_runner", …
	ResultFormat   string
	Status         string // "complete", "error" or "cancelled"
	ConnectionName string
	Dialect        string
	Runtime        time.Duration
	Rows           int
	CacheHit       bool
	Message        string // the error, when Status is "error"
	CreatedAt      time.Time
	CompletedAt    time.Time
}

// AppendHistory writes a batch of runs in one transaction.
func (s *Store) AppendHistory(ctx context.Context, entries []HistoryEntry) error {
	if len(entries) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO history (query_id, user_id, source, result_format, status,
			connection_name, dialect, runtime, result_count, cache_hit, message, created_at, completed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return wrap("history", err)
		}
		defer stmt.Close()
		for _, e := range entries {
			if _, err := stmt.ExecContext(ctx, nullInt(e.QueryID), nullInt(e.UserID), e.Source, e.ResultFormat,
				e.Status, e.ConnectionName, e.Dialect, e.Runtime.Seconds(), e.Rows, e.CacheHit, e.Message,
				e.CreatedAt.UnixMilli(), e.CompletedAt.UnixMilli()); err != nil {
				return wrap("history", err)
			}
		}
		return nil
	})
}
