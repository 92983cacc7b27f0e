package queries

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// SQLQuery is a SQL Runner query: SQL text a user wrote for a connection
// (chosen directly or through a model's connection).
type SQLQuery struct {
	ID         int64
	Slug       string
	Connection string
	Model      string
	SQL        string
	VisConfig  map[string]any
	UserID     int64
	CreatedAt  time.Time
	LastRunAt  time.Time // zero before the first run
	RunCount   int64
}

// maxSQLLength bounds a SQL Runner text (bytes).
const maxSQLLength = 1 << 20

// CreateSQL validates and stores q, drawing its slug, and sets its id,
// slug and creation time. The caller checks the connection.
func (s *Service) CreateSQL(ctx context.Context, q *SQLQuery) error {
	switch {
	case strings.TrimSpace(q.SQL) == "":
		return overlook.Invalid("sql", "missing", "sql is required")
	case len(q.SQL) > maxSQLLength:
		return overlook.Invalid("sql", "invalid", "sql is longer than %d bytes", maxSQLLength)
	}
	row := &store.SQLQuery{ConnectionName: q.Connection, ModelName: q.Model, SQL: q.SQL,
		VisConfig: jsonText(orEmpty(q.VisConfig)), UserID: q.UserID}
	var err error
	for range slugAttempts {
		row.Slug = randomString(slugLength)
		if err = s.st.CreateSQLQuery(ctx, row); overlook.ErrorCode(err) != overlook.ECONFLICT {
			break
		}
	}
	if err != nil {
		return err
	}
	q.ID, q.Slug, q.CreatedAt = row.ID, row.Slug, row.CreatedAt
	return nil
}

// SQLBySlug returns the SQL Runner query with slug.
func (s *Service) SQLBySlug(ctx context.Context, slug string) (*SQLQuery, error) {
	r, err := s.st.SQLQueryBySlug(ctx, slug)
	if err != nil {
		return nil, err
	}
	q := &SQLQuery{ID: r.ID, Slug: r.Slug, Connection: r.ConnectionName, Model: r.ModelName, SQL: r.SQL,
		UserID: r.UserID, CreatedAt: r.CreatedAt, LastRunAt: r.LastRunAt, RunCount: r.RunCount}
	if err := json.Unmarshal([]byte(r.VisConfig), &q.VisConfig); err != nil {
		return nil, err
	}
	return q, nil
}

// RecordSQLRun counts a run of the query with id that started at.
func (s *Service) RecordSQLRun(ctx context.Context, id int64, at time.Time) error {
	return s.st.RecordSQLQueryRuns(ctx, []store.SQLQueryRun{{ID: id, At: at}})
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
