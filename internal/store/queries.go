package store

import (
	"context"
	"database/sql"
	"time"
)

// Query is a stored query definition. Queries are immutable and stored
// once per definition: Hash is the hash of the canonical definition (the
// queries service computes it) and is unique. Fields, Pivots, FillFields,
// Sorts and Subtotals are JSON arrays; Filters, VisConfig and FilterConfig
// JSON objects.
type Query struct {
	ID                int64
	Slug              string
	Hash              string
	Model             string
	View              string
	Fields            string
	Pivots            string
	FillFields        string
	Filters           string
	FilterExpression  string
	Sorts             string
	Limit             string
	ColumnLimit       string
	Total             bool
	RowTotal          string
	Subtotals         string
	VisConfig         string
	FilterConfig      string
	VisibleUISections string
	DynamicFields     string
	ClientID          string
	QueryTimezone     string
	UserID            int64
	CreatedAt         time.Time
}

const queryColumns = `id, slug, definition_hash, model, view, fields, pivots, fill_fields, filters, filter_expression,
	sorts, row_limit, column_limit, total, row_total, subtotals, vis_config, filter_config, visible_ui_sections,
	dynamic_fields, client_id, query_timezone, user_id, created_at`

func scanQuery(sc scanner) (*Query, error) {
	q := &Query{}
	var user sql.NullInt64
	var created int64
	err := sc.Scan(&q.ID, &q.Slug, &q.Hash, &q.Model, &q.View, &q.Fields, &q.Pivots, &q.FillFields, &q.Filters,
		&q.FilterExpression, &q.Sorts, &q.Limit, &q.ColumnLimit, &q.Total, &q.RowTotal, &q.Subtotals, &q.VisConfig,
		&q.FilterConfig, &q.VisibleUISections, &q.DynamicFields, &q.ClientID, &q.QueryTimezone, &user, &created)
	q.UserID, q.CreatedAt = user.Int64, fromMillis(created)
	return q, err
}

// CreateQuery inserts q and sets its id and creation time; a taken slug or
// hash is a conflict (see QueryByHash for the stored twin).
func (s *Store) CreateQuery(ctx context.Context, q *Query) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO queries (slug, definition_hash, model, view, fields, pivots, fill_fields,
		filters, filter_expression, sorts, row_limit, column_limit, total, row_total, subtotals, vis_config, filter_config,
		visible_ui_sections, dynamic_fields, client_id, query_timezone, user_id, created_at) VALUES (`+placeholders(23)+`)`,
		q.Slug, q.Hash, q.Model, q.View, q.Fields, q.Pivots, q.FillFields, q.Filters, q.FilterExpression, q.Sorts,
		q.Limit, q.ColumnLimit, q.Total, q.RowTotal, q.Subtotals, q.VisConfig, q.FilterConfig, q.VisibleUISections,
		q.DynamicFields, q.ClientID, q.QueryTimezone, nullInt(q.UserID), now)
	if err == nil {
		q.ID, q.CreatedAt = id, fromMillis(now)
	}
	return err
}

// QueryByID returns the query with id.
func (s *Store) QueryByID(ctx context.Context, id int64) (*Query, error) {
	return s.queryWhere(ctx, `id = ?`, id)
}

// QueryBySlug returns the query with slug.
func (s *Store) QueryBySlug(ctx context.Context, slug string) (*Query, error) {
	return s.queryWhere(ctx, `slug = ?`, slug)
}

// QueryByHash returns the query whose definition hashes to hash.
func (s *Store) QueryByHash(ctx context.Context, hash string) (*Query, error) {
	return s.queryWhere(ctx, `definition_hash = ?`, hash)
}

func (s *Store) queryWhere(ctx context.Context, cond string, arg any) (*Query, error) {
	q, err := scanQuery(s.queryRow(ctx, `SELECT `+queryColumns+` FROM queries WHERE `+cond, arg))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return q, nil
}
