package store

import (
	"context"
	"database/sql"
	"time"
)

// SQLQuery is a SQL Runner query: a user's SQL text for a connection.
// VisConfig is a JSON object; LastRunAt is zero until the first run.
type SQLQuery struct {
	ID             int64
	Slug           string
	ConnectionName string
	ModelName      string
	SQL            string
	VisConfig      string
	UserID         int64
	CreatedAt      time.Time
	LastRunAt      time.Time
	RunCount       int64
}

const sqlQueryColumns = `id, slug, connection_name, model_name, sql, vis_config, user_id, created_at, last_run_at, run_count`

func scanSQLQuery(sc scanner) (*SQLQuery, error) {
	q := &SQLQuery{}
	var user sql.NullInt64
	var created, lastRun int64
	err := sc.Scan(&q.ID, &q.Slug, &q.ConnectionName, &q.ModelName, &q.SQL, &q.VisConfig, &user, &created,
		&lastRun, &q.RunCount)
	q.UserID, q.CreatedAt = user.Int64, fromMillis(created)
	if lastRun != 0 {
		q.LastRunAt = fromMillis(lastRun)
	}
	return q, err
}

// CreateSQLQuery inserts q and sets its id and creation time; a taken slug
// is a conflict.
func (s *Store) CreateSQLQuery(ctx context.Context, q *SQLQuery) error {
	if q.VisConfig == "" {
		q.VisConfig = "{}"
	}
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO sql_queries (slug, connection_name, model_name, sql, vis_config,
		user_id, created_at) VALUES (`+placeholders(7)+`)`,
		q.Slug, q.ConnectionName, q.ModelName, q.SQL, q.VisConfig, nullInt(q.UserID), now)
	if err == nil {
		q.ID, q.CreatedAt = id, fromMillis(now)
	}
	return err
}

// SQLQueryBySlug returns the SQL Runner query with slug.
func (s *Store) SQLQueryBySlug(ctx context.Context, slug string) (*SQLQuery, error) {
	q, err := scanSQLQuery(s.queryRow(ctx, `SELECT `+sqlQueryColumns+` FROM sql_queries WHERE slug = ?`, slug))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return q, nil
}

// SQLQueryRun is one run of a SQL Runner query, for RecordSQLQueryRuns.
type SQLQueryRun struct {
	ID int64
	At time.Time
}

// RecordSQLQueryRuns counts a batch of runs in one transaction: each
// query's run_count grows by one per run and last_run_at keeps the latest.
func (s *Store) RecordSQLQueryRuns(ctx context.Context, runs []SQLQueryRun) error {
	if len(runs) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, r := range runs {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE sql_queries SET run_count = run_count + 1,
				last_run_at = CASE WHEN last_run_at > ? THEN last_run_at ELSE ? END WHERE id = ?`),
				r.At.UnixMilli(), r.At.UnixMilli(), r.ID); err != nil {
				return wrap("sql query run", err)
			}
		}
		return nil
	})
}
