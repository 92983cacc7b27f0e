package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// ContentView counts one user's views of one piece of content in one week
// (or, for all-time searches, in every week together).
type ContentView struct {
	ID                int64
	UserID            int64
	ContentMetadataID int64
	LookID            int64
	DashboardID       int64
	Title             string
	// StartOfWeek is the Monday the week starts on, as YYYY-MM-DD; empty in
	// all-time results.
	StartOfWeek   string
	ViewCount     int64
	FavoriteCount int64
	LastViewedAt  time.Time
}

// ContentViewFilter selects content views; zero fields match everything.
type ContentViewFilter struct {
	UserIDs            []int64
	GroupIDs           []int64 // views by members of these groups
	LookIDs            []int64
	DashboardIDs       []int64
	ContentMetadataIDs []int64
	ViewCounts         []int64
	StartOfWeek        string
	// AllTime adds up the weeks of each user and piece of content.
	AllTime  bool
	FilterOr bool
	Sorts    []overlook.Sort
}

var contentViewSortColumns = map[string]string{"id": "id", "user_id": "user_id", "view_count": "view_count",
	"content_metadata_id": "content_metadata_id", "last_viewed_at": "last_viewed_at", "look_id": "look_id",
	"dashboard_id": "dashboard_id", "start_of_week_date": "start_of_week", "title": "title"}

// ContentViewSortable reports whether content views can be sorted by field.
func ContentViewSortable(field string) bool { _, ok := contentViewSortColumns[field]; return ok }

// WeekStart is the Monday (UTC) of the week of t, as YYYY-MM-DD.
func WeekStart(t time.Time) string {
	t = t.UTC()
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back).Format(time.DateOnly)
}

// RecordContentView counts a view of a content_metadata row by a user at
// at, in the week's row, and on the look or dashboard it belongs to.
func (s *Store) RecordContentView(ctx context.Context, userID, contentMetadataID int64, at time.Time) error {
	ms := at.UnixMilli()
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO content_views (user_id, content_metadata_id, start_of_week,
			view_count, last_viewed_at) VALUES (?, ?, ?, 1, ?)
			ON CONFLICT (user_id, content_metadata_id, start_of_week) DO UPDATE SET
			view_count = content_views.view_count + 1, last_viewed_at = excluded.last_viewed_at`),
			userID, contentMetadataID, WeekStart(at), ms); err != nil {
			return wrap("content view", err)
		}
		for _, table := range []string{"looks", "dashboards"} {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE `+table+` SET view_count = view_count + 1, last_viewed_at = ?
				WHERE content_metadata_id = ?`), ms, contentMetadataID); err != nil {
				return wrap("view count", err)
			}
		}
		return nil
	})
}

// contentViewRows is content_views with the look or dashboard each row is
// about, its title and favorite count.
const contentViewRows = `SELECT v.id, v.user_id, v.content_metadata_id, COALESCE(cm.look_id, 0) AS look_id,
	COALESCE(cm.dashboard_id, 0) AS dashboard_id, COALESCE(l.title, d.title, '') AS title, v.start_of_week,
	v.view_count, COALESCE(l.favorite_count, d.favorite_count, 0) AS favorite_count, v.last_viewed_at
	FROM content_views v
	LEFT JOIN content_metadata cm ON cm.id = v.content_metadata_id
	LEFT JOIN looks l ON l.id = cm.look_id
	LEFT JOIN dashboards d ON d.id = cm.dashboard_id`

// ContentViews returns the views f selects.
func (s *Store) ContentViews(ctx context.Context, f ContentViewFilter) ([]*ContentView, error) {
	from := `(` + contentViewRows + `) cv`
	if f.AllTime {
		from = `(SELECT MIN(id) AS id, user_id, content_metadata_id, MAX(look_id) AS look_id,
			MAX(dashboard_id) AS dashboard_id, MAX(title) AS title, '' AS start_of_week, CAST(SUM(view_count) AS BIGINT) AS view_count,
			MAX(favorite_count) AS favorite_count, MAX(last_viewed_at) AS last_viewed_at
			FROM (` + contentViewRows + `) w GROUP BY user_id, content_metadata_id) cv`
	}
	var w whereBuilder
	w.idIn("user_id", f.UserIDs)
	if len(f.GroupIDs) > 0 {
		w.add(`user_id IN (SELECT user_id FROM group_users WHERE group_id IN (`+placeholders(len(f.GroupIDs))+`))`,
			int64Args(f.GroupIDs)...)
	}
	w.idIn("look_id", f.LookIDs)
	w.idIn("dashboard_id", f.DashboardIDs)
	w.idIn("content_metadata_id", f.ContentMetadataIDs)
	w.idIn("view_count", f.ViewCounts)
	if f.StartOfWeek != "" && !f.AllTime {
		w.add("start_of_week = ?", f.StartOfWeek)
	}
	var out []*ContentView
	err := s.eachRow(ctx, `SELECT id, user_id, content_metadata_id, look_id, dashboard_id, title, start_of_week,
		view_count, favorite_count, last_viewed_at FROM `+from+` `+w.sql(f.FilterOr)+
		` ORDER BY `+orderBy(contentViewSortColumns, f.Sorts, "id"), w.args, func(sc scanner) error {
		v := &ContentView{}
		var last int64
		err := sc.Scan(&v.ID, &v.UserID, &v.ContentMetadataID, &v.LookID, &v.DashboardID, &v.Title, &v.StartOfWeek,
			&v.ViewCount, &v.FavoriteCount, &last)
		v.LastViewedAt = fromMillis(last)
		out = append(out, v)
		return err
	})
	return out, err
}
