package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Favorite is a user's favorite look, dashboard or board, named by its
// content_metadata row; LookID, DashboardID and BoardID say which it is.
type Favorite struct {
	ID                int64
	UserID            int64
	ContentMetadataID int64
	LookID            int64
	DashboardID       int64
	BoardID           int64
	CreatedAt         time.Time
}

// FavoriteFilter selects favorites; zero fields match everything.
type FavoriteFilter struct {
	IDs                []int64
	UserIDs            []int64
	ContentMetadataIDs []int64
	LookIDs            []int64
	DashboardIDs       []int64
	BoardIDs           []int64
	FilterOr           bool
	Sorts              []overlook.Sort
}

var favoriteSortColumns = map[string]string{"id": "f.id", "user_id": "f.user_id",
	"content_metadata_id": "f.content_metadata_id", "look_id": "cm.look_id", "dashboard_id": "cm.dashboard_id",
	"board_id": "cm.board_id"}

// FavoriteSortable reports whether favorites can be sorted by field.
func FavoriteSortable(field string) bool { _, ok := favoriteSortColumns[field]; return ok }

const favoriteSelect = `SELECT f.id, f.user_id, f.content_metadata_id, cm.look_id, cm.dashboard_id, cm.board_id, f.created_at
	FROM content_favorites f LEFT JOIN content_metadata cm ON cm.id = f.content_metadata_id `

func scanFavorite(sc scanner) (*Favorite, error) {
	f := &Favorite{}
	var look, dash, board sql.NullInt64
	var created int64
	err := sc.Scan(&f.ID, &f.UserID, &f.ContentMetadataID, &look, &dash, &board, &created)
	f.LookID, f.DashboardID, f.BoardID, f.CreatedAt = look.Int64, dash.Int64, board.Int64, fromMillis(created)
	return f, err
}

// CreateFavorite records that a user likes a piece of content and counts it
// on the look or dashboard; a second favorite of the same content by the
// same user is a conflict, an unknown content_metadata id not found.
func (s *Store) CreateFavorite(ctx context.Context, f *Favorite) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM content_metadata WHERE id = ?`),
			f.ContentMetadataID).Scan(&n); err != nil || n == 0 {
			return firstNonNil(wrap("favorite content", err), errNotFound)
		}
		now := s.ms()
		id, err := s.insert(ctx, tx, `INSERT INTO content_favorites (user_id, content_metadata_id, created_at)
			VALUES (?, ?, ?)`, f.UserID, f.ContentMetadataID, now)
		if err != nil {
			return err
		}
		f.ID, f.CreatedAt = id, fromMillis(now)
		return s.recountFavorites(ctx, tx, f.ContentMetadataID)
	})
}

// Favorite returns one favorite.
func (s *Store) Favorite(ctx context.Context, id int64) (*Favorite, error) {
	f, err := scanFavorite(s.queryRow(ctx, favoriteSelect+`WHERE f.id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return f, nil
}

// Favorites returns the favorites f selects.
func (s *Store) Favorites(ctx context.Context, f FavoriteFilter) ([]*Favorite, error) {
	var w whereBuilder
	w.idIn("f.id", f.IDs)
	w.idIn("f.user_id", f.UserIDs)
	w.idIn("f.content_metadata_id", f.ContentMetadataIDs)
	w.idIn("cm.look_id", f.LookIDs)
	w.idIn("cm.dashboard_id", f.DashboardIDs)
	w.idIn("cm.board_id", f.BoardIDs)
	var out []*Favorite
	err := s.eachRow(ctx, favoriteSelect+w.sql(f.FilterOr)+` ORDER BY `+orderBy(favoriteSortColumns, f.Sorts, "f.id"),
		w.args, func(sc scanner) error {
			fav, err := scanFavorite(sc)
			out = append(out, fav)
			return err
		})
	return out, err
}

// DeleteFavorite deletes a favorite and recounts its content's favorites.
func (s *Store) DeleteFavorite(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var meta int64
		err := tx.QueryRowContext(ctx, s.q(`DELETE FROM content_favorites WHERE id = ? RETURNING content_metadata_id`),
			id).Scan(&meta)
		if err != nil {
			return s.mapErr(err)
		}
		return s.recountFavorites(ctx, tx, meta)
	})
}

// recountFavorites stores the number of favorites of a content_metadata row
// on its look or dashboard.
func (s *Store) recountFavorites(ctx context.Context, tx *sql.Tx, contentMetadataID int64) error {
	for _, table := range []string{"looks", "dashboards"} {
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE `+table+` SET favorite_count =
			(SELECT COUNT(*) FROM content_favorites WHERE content_metadata_id = ?) WHERE content_metadata_id = ?`),
			contentMetadataID, contentMetadataID); err != nil {
			return wrap("favorite count", err)
		}
	}
	return nil
}

func firstNonNil(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
