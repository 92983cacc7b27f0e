package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Board is a curated page of links, in sections. It has a content_metadata
// row of its own, outside any folder. SectionOrder is the order a client
// chose for the sections (ids), possibly empty.
type Board struct {
	ID                int64
	Title             string
	Description       string
	UserID            int64
	ContentMetadataID int64
	SectionOrder      []int64
	PrimaryHomepage   bool
	DeletedAt         *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// CreatorFirstName and CreatorLastName come from the users table.
	CreatorFirstName, CreatorLastName string
}

// BoardSection is a titled group of items on a board.
type BoardSection struct {
	ID          int64
	BoardID     int64
	Title       string
	Description string
	ItemOrder   []int64
	DeletedAt   *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// BoardItem links to a look, a dashboard (LookML ones by their text id) or
// a URL. The fields after UpdatedAt describe the linked look or dashboard
// and are only read.
type BoardItem struct {
	ID                   int64
	BoardSectionID       int64
	LookID               int64
	DashboardID          int64
	LookmlDashboardID    string
	CustomTitle          string
	CustomDescription    string
	CustomURL            string
	UseCustomTitle       bool
	UseCustomDescription bool
	UseCustomURL         bool
	UseCustomImage       bool
	Position             int64
	CreatedAt            time.Time
	UpdatedAt            time.Time

	Title             string
	Description       string
	FolderID          int64
	ContentMetadataID int64
	ViewCount         int64
	FavoriteCount     int64
	ContentUpdatedAt  *time.Time
	ContentCreatedBy  string
	ContentDeleted    bool
}

// BoardFilter selects boards; zero fields match everything.
type BoardFilter struct {
	IDs       []int64
	Title     string // LIKE pattern
	FirstName string // creator's, LIKE pattern
	LastName  string // creator's, LIKE pattern
	// CreatorIDs match the creator; FavoritedBy keeps boards that user
	// favorited.
	CreatorIDs  []int64
	FavoritedBy int64
	CreatedAt   string // LIKE pattern over the creation date, YYYY-MM-DD
	FilterOr    bool
	Sorts       []overlook.Sort
}

var boardSortColumns = map[string]string{"id": "b.id", "title": "b.title", "created_at": "b.created_at",
	"updated_at": "b.updated_at", "user_id": "b.user_id", "first_name": "u.first_name", "last_name": "u.last_name"}

// BoardSortable reports whether boards can be sorted by field.
func BoardSortable(field string) bool { _, ok := boardSortColumns[field]; return ok }

const boardSelect = `SELECT b.id, b.title, b.description, b.user_id, b.content_metadata_id, b.section_order,
	b.primary_homepage, b.deleted_at, b.created_at, b.updated_at, COALESCE(u.first_name, ''), COALESCE(u.last_name, '')
	FROM boards b LEFT JOIN users u ON u.id = b.user_id `

func scanBoard(sc scanner) (*Board, error) {
	b := &Board{}
	var user sql.NullInt64
	var deleted sql.NullInt64
	var order string
	var created, updated int64
	err := sc.Scan(&b.ID, &b.Title, &b.Description, &user, &b.ContentMetadataID, &order, &b.PrimaryHomepage,
		&deleted, &created, &updated, &b.CreatorFirstName, &b.CreatorLastName)
	b.UserID, b.DeletedAt = user.Int64, optMillis(deleted)
	b.CreatedAt, b.UpdatedAt = fromMillis(created), fromMillis(updated)
	if err == nil {
		err = json.Unmarshal([]byte(order), &b.SectionOrder)
	}
	return b, err
}

func idListJSON(ids []int64) string {
	if ids == nil {
		ids = []int64{}
	}
	out, _ := json.Marshal(ids)
	return string(out)
}

// CreateBoard inserts b with its content_metadata row.
func (s *Store) CreateBoard(ctx context.Context, b *Board) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.insert(ctx, tx, `INSERT INTO boards (title, description, user_id, section_order, primary_homepage,
			deleted_at, created_at, updated_at) VALUES (`+placeholders(8)+`)`, b.Title, b.Description, nullInt(b.UserID),
			idListJSON(b.SectionOrder), b.PrimaryHomepage, nullMillis(b.DeletedAt), now, now)
		if err != nil {
			return err
		}
		meta, err := s.createItemMetadata(ctx, tx, "board", id, 0)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE boards SET content_metadata_id = ? WHERE id = ?`), meta, id); err != nil {
			return wrap("board metadata", err)
		}
		b.ID, b.ContentMetadataID, b.CreatedAt, b.UpdatedAt = id, meta, fromMillis(now), fromMillis(now)
		return nil
	})
}

// Board returns one board.
func (s *Store) Board(ctx context.Context, id int64) (*Board, error) {
	b, err := scanBoard(s.queryRow(ctx, boardSelect+`WHERE b.id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return b, nil
}

// Boards returns the boards f selects, unpaged (the caller pages what the
// user may see).
func (s *Store) Boards(ctx context.Context, f BoardFilter) ([]*Board, error) {
	var w whereBuilder
	w.idIn("b.id", f.IDs)
	w.like("b.title", f.Title)
	w.like("u.first_name", f.FirstName)
	w.like("u.last_name", f.LastName)
	w.idIn("b.user_id", f.CreatorIDs)
	if f.FavoritedBy != 0 {
		w.add(`b.content_metadata_id IN (SELECT content_metadata_id FROM content_favorites WHERE user_id = ?)`, f.FavoritedBy)
	}
	var out []*Board
	err := s.eachRow(ctx, boardSelect+w.sql(f.FilterOr)+` ORDER BY `+orderBy(boardSortColumns, f.Sorts, "b.id"), w.args,
		func(sc scanner) error {
			b, err := scanBoard(sc)
			out = append(out, b)
			return err
		})
	if err != nil || f.CreatedAt == "" {
		return out, err
	}
	return filterBoardsCreated(out, f.CreatedAt), nil
}

// filterBoardsCreated keeps the boards whose creation date (YYYY-MM-DD)
// starts with the pattern's text before any %.
func filterBoardsCreated(list []*Board, pattern string) []*Board {
	prefix := pattern
	for i, r := range pattern {
		if r == '%' {
			prefix = pattern[:i]
			break
		}
	}
	var out []*Board
	for _, b := range list {
		if d := b.CreatedAt.Format(time.DateOnly); len(d) >= len(prefix) && d[:len(prefix)] == prefix {
			out = append(out, b)
		}
	}
	return out
}

// UpdateBoard stores the title, description, section order and deletion
// time of b.
func (s *Store) UpdateBoard(ctx context.Context, b *Board) error {
	res, err := s.exec(ctx, `UPDATE boards SET title = ?, description = ?, section_order = ?, deleted_at = ?,
		updated_at = ? WHERE id = ?`, b.Title, b.Description, idListJSON(b.SectionOrder), nullMillis(b.DeletedAt), s.ms(), b.ID)
	return s.affectedOne(res, err)
}

// DeleteBoard deletes a board with its sections, items, favorites and
// content_metadata row.
func (s *Store) DeleteBoard(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var meta int64
		if err := tx.QueryRowContext(ctx, s.q(`DELETE FROM boards WHERE id = ? RETURNING content_metadata_id`),
			id).Scan(&meta); err != nil {
			return s.mapErr(err)
		}
		for _, q := range []string{`DELETE FROM content_favorites WHERE content_metadata_id = ?`,
			`DELETE FROM content_views WHERE content_metadata_id = ?`, `DELETE FROM content_metadata WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, s.q(q), meta); err != nil {
				return wrap("delete board", err)
			}
		}
		return nil
	})
}

const sectionColumns = `id, board_id, title, description, item_order, deleted_at, created_at, updated_at`

func scanSection(sc scanner) (*BoardSection, error) {
	bs := &BoardSection{}
	var deleted sql.NullInt64
	var order string
	var created, updated int64
	err := sc.Scan(&bs.ID, &bs.BoardID, &bs.Title, &bs.Description, &order, &deleted, &created, &updated)
	bs.DeletedAt, bs.CreatedAt, bs.UpdatedAt = optMillis(deleted), fromMillis(created), fromMillis(updated)
	if err == nil {
		err = json.Unmarshal([]byte(order), &bs.ItemOrder)
	}
	return bs, err
}

// CreateBoardSection inserts a section of an existing board.
func (s *Store) CreateBoardSection(ctx context.Context, bs *BoardSection) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO board_sections (board_id, title, description, item_order, deleted_at,
		created_at, updated_at) VALUES (`+placeholders(7)+`)`, bs.BoardID, bs.Title, bs.Description,
		idListJSON(bs.ItemOrder), nullMillis(bs.DeletedAt), now, now)
	if err != nil {
		return s.mapErr(err)
	}
	bs.ID, bs.CreatedAt, bs.UpdatedAt = id, fromMillis(now), fromMillis(now)
	return nil
}

// BoardSection returns one section.
func (s *Store) BoardSection(ctx context.Context, id int64) (*BoardSection, error) {
	bs, err := scanSection(s.queryRow(ctx, `SELECT `+sectionColumns+` FROM board_sections WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return bs, nil
}

// BoardSections returns the sections of the given boards (every section
// when boardIDs is empty), by id.
func (s *Store) BoardSections(ctx context.Context, boardIDs []int64) ([]*BoardSection, error) {
	var w whereBuilder
	w.idIn("board_id", boardIDs)
	var out []*BoardSection
	err := s.eachRow(ctx, `SELECT `+sectionColumns+` FROM board_sections `+w.sql(false)+` ORDER BY id`, w.args,
		func(sc scanner) error {
			bs, err := scanSection(sc)
			out = append(out, bs)
			return err
		})
	return out, err
}

// UpdateBoardSection stores the title, description, item order and
// deletion time of bs.
func (s *Store) UpdateBoardSection(ctx context.Context, bs *BoardSection) error {
	res, err := s.exec(ctx, `UPDATE board_sections SET title = ?, description = ?, item_order = ?, deleted_at = ?,
		updated_at = ? WHERE id = ?`, bs.Title, bs.Description, idListJSON(bs.ItemOrder), nullMillis(bs.DeletedAt),
		s.ms(), bs.ID)
	return s.affectedOne(res, err)
}

// DeleteBoardSection deletes a section and its items.
func (s *Store) DeleteBoardSection(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM board_sections WHERE id = ?`, id)
}

const itemSelect = `SELECT bi.id, bi.board_section_id, COALESCE(bi.look_id, 0), COALESCE(bi.dashboard_id, 0),
	COALESCE(bi.lookml_dashboard_id, ''), COALESCE(bi.custom_title, ''), COALESCE(bi.custom_description, ''),
	COALESCE(bi.custom_url, ''), bi.use_custom_title, bi.use_custom_description, bi.use_custom_url, bi.use_custom_image,
	bi.position, bi.created_at, bi.updated_at,
	COALESCE(l.title, d.title, ''), COALESCE(l.description, d.description, ''), COALESCE(l.folder_id, d.folder_id, 0),
	COALESCE(l.content_metadata_id, d.content_metadata_id, 0), COALESCE(l.view_count, d.view_count, 0),
	COALESCE(l.favorite_count, d.favorite_count, 0), COALESCE(l.updated_at, d.updated_at),
	COALESCE(u.first_name || ' ' || u.last_name, ''), COALESCE(l.deleted, d.deleted, FALSE)
	FROM board_items bi
	LEFT JOIN looks l ON l.id = bi.look_id
	LEFT JOIN dashboards d ON d.id = bi.dashboard_id
	LEFT JOIN users u ON u.id = COALESCE(l.user_id, d.user_id) `

func scanItem(sc scanner) (*BoardItem, error) {
	it := &BoardItem{}
	var created, updated int64
	var contentUpdated sql.NullInt64
	err := sc.Scan(&it.ID, &it.BoardSectionID, &it.LookID, &it.DashboardID, &it.LookmlDashboardID, &it.CustomTitle,
		&it.CustomDescription, &it.CustomURL, &it.UseCustomTitle, &it.UseCustomDescription, &it.UseCustomURL,
		&it.UseCustomImage, &it.Position, &created, &updated, &it.Title, &it.Description, &it.FolderID,
		&it.ContentMetadataID, &it.ViewCount, &it.FavoriteCount, &contentUpdated, &it.ContentCreatedBy, &it.ContentDeleted)
	it.CreatedAt, it.UpdatedAt, it.ContentUpdatedAt = fromMillis(created), fromMillis(updated), optMillis(contentUpdated)
	return it, err
}

func itemArgs(it *BoardItem) []any {
	return []any{it.BoardSectionID, nullInt(it.LookID), nullInt(it.DashboardID), nullString(it.LookmlDashboardID),
		nullString(it.CustomTitle), nullString(it.CustomDescription), nullString(it.CustomURL), it.UseCustomTitle,
		it.UseCustomDescription, it.UseCustomURL, it.UseCustomImage, it.Position}
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// CreateBoardItem inserts an item of an existing section.
func (s *Store) CreateBoardItem(ctx context.Context, it *BoardItem) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO board_items (board_section_id, look_id, dashboard_id, lookml_dashboard_id,
		custom_title, custom_description, custom_url, use_custom_title, use_custom_description, use_custom_url,
		use_custom_image, position, created_at, updated_at) VALUES (`+placeholders(14)+`)`,
		append(itemArgs(it), now, now)...)
	if err != nil {
		return s.mapErr(err)
	}
	it.ID = id
	return nil
}

// BoardItem returns one item with what it links to.
func (s *Store) BoardItem(ctx context.Context, id int64) (*BoardItem, error) {
	it, err := scanItem(s.queryRow(ctx, itemSelect+`WHERE bi.id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return it, nil
}

var boardItemSortColumns = map[string]string{"id": "bi.id", "order": "bi.position", "position": "bi.position",
	"board_section_id": "bi.board_section_id", "created_at": "bi.created_at", "title": "COALESCE(l.title, d.title, bi.custom_title)"}

// BoardItemSortable reports whether board items can be sorted by field.
func BoardItemSortable(field string) bool { _, ok := boardItemSortColumns[field]; return ok }

// BoardItems returns the items of the given sections (every item when
// sectionIDs is empty), by position unless sorts say otherwise.
func (s *Store) BoardItems(ctx context.Context, sectionIDs []int64, sorts []overlook.Sort) ([]*BoardItem, error) {
	var w whereBuilder
	w.idIn("bi.board_section_id", sectionIDs)
	var out []*BoardItem
	err := s.eachRow(ctx, itemSelect+w.sql(false)+` ORDER BY `+orderBy(boardItemSortColumns, sorts, "bi.position, bi.id"),
		w.args, func(sc scanner) error {
			it, err := scanItem(sc)
			out = append(out, it)
			return err
		})
	return out, err
}

// UpdateBoardItem stores the writable fields of it.
func (s *Store) UpdateBoardItem(ctx context.Context, it *BoardItem) error {
	res, err := s.exec(ctx, `UPDATE board_items SET board_section_id = ?, look_id = ?, dashboard_id = ?,
		lookml_dashboard_id = ?, custom_title = ?, custom_description = ?, custom_url = ?, use_custom_title = ?,
		use_custom_description = ?, use_custom_url = ?, use_custom_image = ?, position = ?, updated_at = ?
		WHERE id = ?`, append(itemArgs(it), s.ms(), it.ID)...)
	return s.affectedOne(res, err)
}

// DeleteBoardItem deletes an item.
func (s *Store) DeleteBoardItem(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM board_items WHERE id = ?`, id)
}
