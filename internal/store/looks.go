package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// ContentItem is what looks and dashboards share: a title in a folder, an
// owner, a content_metadata row inheriting the folder's access, and the
// trash (Deleted with when and by whom).
type ContentItem struct {
	ID                int64
	Title             string
	Description       string
	FolderID          int64
	UserID            int64
	ContentMetadataID int64
	Deleted           bool
	DeletedAt         *time.Time
	DeleterID         int64
	LastUpdaterID     int64
	ViewCount         int64
	FavoriteCount     int64
	LastViewedAt      *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// itemColumns are ContentItem's columns, in scanItem's order.
const itemColumns = `id, title, description, folder_id, user_id, content_metadata_id, deleted, deleted_at, deleter_id,
	last_updater_id, view_count, favorite_count, last_viewed_at, created_at, updated_at`

// itemTargets returns the scan destinations of itemColumns and a function
// that finishes it once scanned.
func itemTargets(it *ContentItem) ([]any, func()) {
	var user, meta, deleter, updater, deletedAt, viewedAt sql.NullInt64
	var created, updated int64
	return []any{&it.ID, &it.Title, &it.Description, &it.FolderID, &user, &meta, &it.Deleted, &deletedAt, &deleter,
			&updater, &it.ViewCount, &it.FavoriteCount, &viewedAt, &created, &updated}, func() {
			it.UserID, it.ContentMetadataID, it.DeleterID, it.LastUpdaterID = user.Int64, meta.Int64, deleter.Int64, updater.Int64
			it.DeletedAt, it.LastViewedAt = optMillis(deletedAt), optMillis(viewedAt)
			it.CreatedAt, it.UpdatedAt = fromMillis(created), fromMillis(updated)
		}
}

func nullTime(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// ItemFilter selects looks or dashboards; zero fields match everything.
type ItemFilter struct {
	IDs         []int64
	Title       string // LIKE pattern
	Description string // LIKE pattern
	FolderID    int64
	UserID      int64
	// Deleted selects the trash (true) or the rest (false); nil both.
	Deleted  *bool
	QueryID  int64  // looks only
	Slug     string // dashboards only
	FilterOr bool
	Sorts    []overlook.Sort
}

var itemSortColumns = map[string]string{"id": "id", "title": "title", "description": "description",
	"folder_id": "folder_id", "user_id": "user_id", "created_at": "created_at", "updated_at": "updated_at",
	"view_count": "view_count", "favorite_count": "favorite_count", "last_viewed_at": "last_viewed_at",
	"deleted": "deleted", "deleted_at": "deleted_at"}

// ItemSortable reports whether looks and dashboards can be sorted by field.
func ItemSortable(field string) bool { _, ok := itemSortColumns[field]; return ok }

// itemWhere builds the WHERE clause of f. Deleted always narrows the
// search, OR or not.
func itemWhere(f ItemFilter, extra func(*whereBuilder)) (string, []any) {
	w := &whereBuilder{}
	w.idIn("id", f.IDs)
	w.like("title", f.Title)
	w.like("description", f.Description)
	if f.FolderID != 0 {
		w.add("folder_id = ?", f.FolderID)
	}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if extra != nil {
		extra(w)
	}
	where := w.sql(f.FilterOr)
	if f.Deleted != nil {
		where = andWhere(where, "deleted = ?")
		w.args = append(w.args, *f.Deleted)
	}
	return where, w.args
}

// Look is a saved query with a title, in a folder.
type Look struct {
	ContentItem
	QueryID     int64
	IsRunOnLoad bool
	Public      bool
	PublicSlug  string
}

const lookColumns = itemColumns + `, query_id, is_run_on_load, public, public_slug`

func scanLook(sc scanner) (*Look, error) {
	l := &Look{}
	targets, finish := itemTargets(&l.ContentItem)
	err := sc.Scan(append(targets, &l.QueryID, &l.IsRunOnLoad, &l.Public, &l.PublicSlug)...)
	finish()
	return l, err
}

// CreateLook inserts l with its content_metadata row under its folder's,
// and sets its id, metadata id and times.
func (s *Store) CreateLook(ctx context.Context, l *Look) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.insert(ctx, tx, `INSERT INTO looks (title, description, folder_id, user_id, query_id, is_run_on_load,
			public, public_slug, deleted, deleted_at, deleter_id, last_updater_id, created_at, updated_at)
			VALUES (`+placeholders(14)+`)`, l.Title, l.Description, l.FolderID, nullInt(l.UserID), l.QueryID,
			l.IsRunOnLoad, l.Public, l.PublicSlug, l.Deleted, nullTime(l.DeletedAt), nullInt(l.DeleterID),
			nullInt(l.UserID), now, now)
		if err != nil {
			return wrap("create look", err)
		}
		meta, err := s.itemMetadata(ctx, tx, "look", id, l.FolderID)
		if err != nil {
			return err
		}
		l.ID, l.ContentMetadataID, l.LastUpdaterID = id, meta, l.UserID
		l.CreatedAt, l.UpdatedAt = fromMillis(now), fromMillis(now)
		return nil
	})
}

// itemMetadata creates the content_metadata row of a new look or
// dashboard and records it on the item's row.
func (s *Store) itemMetadata(ctx context.Context, tx *sql.Tx, kind string, id, folderID int64) (int64, error) {
	meta, err := s.createItemMetadata(ctx, tx, kind, id, folderID)
	if err != nil {
		return 0, wrap("create "+kind+" metadata", err)
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE `+kind+`s SET content_metadata_id = ? WHERE id = ?`), meta, id)
	return meta, wrap("create "+kind+" metadata", err)
}

// Look returns one look, in the trash or not.
func (s *Store) Look(ctx context.Context, id int64) (*Look, error) {
	l, err := scanLook(s.queryRow(ctx, `SELECT `+lookColumns+` FROM looks WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return l, nil
}

// Looks returns every look f selects, sorted (id last).
func (s *Store) Looks(ctx context.Context, f ItemFilter) ([]*Look, error) {
	where, args := itemWhere(f, func(w *whereBuilder) {
		if f.QueryID != 0 {
			w.add("query_id = ?", f.QueryID)
		}
	})
	var out []*Look
	err := s.eachRow(ctx, `SELECT `+lookColumns+` FROM looks `+where+` ORDER BY `+orderBy(itemSortColumns, f.Sorts, "id"),
		args, func(sc scanner) error {
			l, err := scanLook(sc)
			out = append(out, l)
			return err
		})
	return out, err
}

// UpdateLook stores l's writable properties (not its folder: see
// MoveLook) and its trash state, and sets UpdatedAt.
func (s *Store) UpdateLook(ctx context.Context, l *Look) error {
	now := s.ms()
	res, err := s.exec(ctx, `UPDATE looks SET title = ?, description = ?, query_id = ?, is_run_on_load = ?, public = ?,
		public_slug = ?, deleted = ?, deleted_at = ?, deleter_id = ?, last_updater_id = ?, updated_at = ? WHERE id = ?`,
		l.Title, l.Description, l.QueryID, l.IsRunOnLoad, l.Public, l.PublicSlug, l.Deleted, nullTime(l.DeletedAt),
		nullInt(l.DeleterID), nullInt(l.LastUpdaterID), now, l.ID)
	if err := s.affectedOne(res, err); err != nil {
		return err
	}
	l.UpdatedAt = fromMillis(now)
	return nil
}

// MoveLook puts a look in another folder; its access follows the folder.
func (s *Store) MoveLook(ctx context.Context, id, folderID int64) error {
	return s.moveItem(ctx, "look", id, folderID)
}

func (s *Store) moveItem(ctx context.Context, kind string, id, folderID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var meta sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT content_metadata_id FROM `+kind+`s WHERE id = ?`), id).Scan(&meta)
		if err != nil {
			return s.mapErr(err)
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE `+kind+`s SET folder_id = ?, updated_at = ? WHERE id = ?`), folderID, s.ms(), id)
		if err != nil {
			return wrap("move "+kind, s.mapErr(err))
		}
		if meta.Valid {
			return wrap("move "+kind+" metadata", s.moveItemMetadata(ctx, tx, meta.Int64, folderID))
		}
		return nil
	})
}

// DeleteLook removes a look for good, with its content_metadata row.
func (s *Store) DeleteLook(ctx context.Context, id int64) error {
	return s.deleteItem(ctx, "look", id)
}

func (s *Store) deleteItem(ctx context.Context, kind string, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var meta sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT content_metadata_id FROM `+kind+`s WHERE id = ?`), id).Scan(&meta)
		if err != nil {
			return s.mapErr(err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+kind+`s WHERE id = ?`), id); err != nil {
			return wrap("delete "+kind, err)
		}
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM content_metadata WHERE id = ?`), meta.Int64)
		return wrap("delete "+kind+" metadata", err)
	})
}
