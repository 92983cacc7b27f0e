package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// ContentMeta is the access node of one folder, look, dashboard or board.
// Exactly one of FolderID, LookID, DashboardID, BoardID is set.
type ContentMeta struct {
	ID          int64
	ParentID    int64 // 0: no parent
	Name        string
	FolderID    int64
	LookID      int64
	DashboardID int64
	BoardID     int64
	// Inherits: the node also has the access of its parent. A node that
	// does not inherit is closed: only its own grants apply.
	Inherits  bool
	CreatedAt time.Time
}

// ContentType names what the node stands for, as Looker spells it.
func (m *ContentMeta) ContentType() string {
	switch {
	case m.FolderID != 0:
		return "space"
	case m.LookID != 0:
		return "look"
	case m.DashboardID != 0:
		return "dashboard"
	case m.BoardID != 0:
		return "board"
	}
	return ""
}

// Permission types of a grant.
const (
	PermView = "view"
	PermEdit = "edit"
)

// ContentAccess is one grant on a content_metadata node: to a user, to a
// group, or (AllUsers) to everyone.
type ContentAccess struct {
	ID                int64
	ContentMetadataID int64
	UserID            int64
	GroupID           int64
	AllUsers          bool
	PermissionType    string
}

const contentMetaColumns = `id, parent_id, name, folder_id, look_id, dashboard_id, board_id, inherits, created_at`

func scanContentMeta(sc scanner) (*ContentMeta, error) {
	var m ContentMeta
	var parent, folder, look, dash, board sql.NullInt64
	var created int64
	if err := sc.Scan(&m.ID, &parent, &m.Name, &folder, &look, &dash, &board, &m.Inherits, &created); err != nil {
		return nil, err
	}
	m.ParentID, m.FolderID, m.LookID, m.DashboardID, m.BoardID = parent.Int64, folder.Int64, look.Int64, dash.Int64, board.Int64
	m.CreatedAt = fromMillis(created)
	return &m, nil
}

// createFolderMetadata adds the node of a new folder under its parent
// folder's node. Roots and personal folders are closed (inherits false).
func (s *Store) createFolderMetadata(ctx context.Context, ex execer, folderID, parentFolderID int64, name string, inherits bool) (int64, error) {
	parent, err := s.folderMetaID(ctx, ex, parentFolderID)
	if err != nil {
		return 0, err
	}
	id, err := s.insert(ctx, ex, `INSERT INTO content_metadata (parent_id, name, folder_id, inherits, created_at) VALUES (?, ?, ?, ?, ?)`,
		nullInt(parent), name, folderID, inherits, s.ms())
	return id, wrap("folder content metadata", err)
}

// folderMetaID returns the node id of a folder; 0 for folder 0.
func (s *Store) folderMetaID(ctx context.Context, ex execer, folderID int64) (int64, error) {
	if folderID == 0 {
		return 0, nil
	}
	var id int64
	err := ex.QueryRowContext(ctx, s.q(`SELECT id FROM content_metadata WHERE folder_id = ?`), folderID).Scan(&id)
	return id, wrap("folder content metadata", s.mapErr(err))
}

// createItemMetadata adds the content_metadata row of a look, dashboard or
// board (kind "look", "dashboard", "board") inheriting from its folder's row
// (folderID 0: no parent), inside tx.
func (s *Store) createItemMetadata(ctx context.Context, tx *sql.Tx, kind string, objectID, folderID int64) (int64, error) {
	col := map[string]string{"look": "look_id", "dashboard": "dashboard_id", "board": "board_id"}[kind]
	if col == "" {
		return 0, overlook.Errorf(overlook.EINTERNAL, "content metadata of unknown kind %q", kind)
	}
	parent, err := s.folderMetaID(ctx, tx, folderID)
	if err != nil {
		return 0, err
	}
	id, err := s.insert(ctx, tx, `INSERT INTO content_metadata (parent_id, `+col+`, inherits, created_at) VALUES (?, ?, ?, ?)`,
		nullInt(parent), objectID, true, s.ms())
	return id, wrap("item content metadata", err)
}

// moveItemMetadata re-parents an item's row when it moves to another folder.
func (s *Store) moveItemMetadata(ctx context.Context, tx *sql.Tx, contentMetadataID, folderID int64) error {
	parent, err := s.folderMetaID(ctx, tx, folderID)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`UPDATE content_metadata SET parent_id = ? WHERE id = ?`), nullInt(parent), contentMetadataID)
	return wrap("move content metadata", err)
}

// grantContentAccess adds a grant inside tx (owners of new content).
func (s *Store) grantContentAccess(ctx context.Context, ex execer, a *ContentAccess) error {
	id, err := s.insert(ctx, ex, `INSERT INTO content_metadata_access (content_metadata_id, user_id, group_id, all_users, permission_type)
		VALUES (?, ?, ?, ?, ?)`, a.ContentMetadataID, nullInt(a.UserID), nullInt(a.GroupID), a.AllUsers, a.PermissionType)
	a.ID = id
	return wrap("content access", err)
}

// ContentMetadata returns one node.
func (s *Store) ContentMetadata(ctx context.Context, id int64) (*ContentMeta, error) {
	m, err := scanContentMeta(s.queryRow(ctx, `SELECT `+contentMetaColumns+` FROM content_metadata WHERE id = ?`, id))
	return m, wrap("content metadata", s.mapErr(err))
}

// ContentMetadatas returns every node, or the children of parentID when it
// is not 0, by id.
func (s *Store) ContentMetadatas(ctx context.Context, parentID int64) ([]*ContentMeta, error) {
	q, args := `SELECT `+contentMetaColumns+` FROM content_metadata`, []any{}
	if parentID != 0 {
		q += ` WHERE parent_id = ?`
		args = append(args, parentID)
	}
	var out []*ContentMeta
	err := s.eachRow(ctx, q+` ORDER BY id`, args, func(sc scanner) error {
		m, err := scanContentMeta(sc)
		out = append(out, m)
		return err
	})
	return out, err
}

// SetContentMetadataInherits opens or closes a node.
func (s *Store) SetContentMetadataInherits(ctx context.Context, id int64, inherits bool) error {
	res, err := s.exec(ctx, `UPDATE content_metadata SET inherits = ? WHERE id = ?`, inherits, id)
	return wrap("content metadata", affectedOne(res, err))
}

func affectedOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return nil
}

const contentAccessColumns = `id, content_metadata_id, user_id, group_id, all_users, permission_type`

func scanContentAccess(sc scanner) (*ContentAccess, error) {
	var a ContentAccess
	var user, group sql.NullInt64
	if err := sc.Scan(&a.ID, &a.ContentMetadataID, &user, &group, &a.AllUsers, &a.PermissionType); err != nil {
		return nil, err
	}
	a.UserID, a.GroupID = user.Int64, group.Int64
	return &a, nil
}

// ContentAccesses returns the grants on one node, by id.
func (s *Store) ContentAccesses(ctx context.Context, contentMetadataID int64) ([]*ContentAccess, error) {
	return s.contentAccesses(ctx, `WHERE content_metadata_id = ?`, contentMetadataID)
}

func (s *Store) contentAccesses(ctx context.Context, where string, args ...any) ([]*ContentAccess, error) {
	var out []*ContentAccess
	err := s.eachRow(ctx, `SELECT `+contentAccessColumns+` FROM content_metadata_access `+where+` ORDER BY id`, args,
		func(sc scanner) error {
			a, err := scanContentAccess(sc)
			out = append(out, a)
			return err
		})
	return out, err
}

// ContentAccess returns one grant.
func (s *Store) ContentAccess(ctx context.Context, id int64) (*ContentAccess, error) {
	a, err := scanContentAccess(s.queryRow(ctx, `SELECT `+contentAccessColumns+` FROM content_metadata_access WHERE id = ?`, id))
	return a, wrap("content access", s.mapErr(err))
}

// CreateContentAccess adds a grant and sets a.ID.
func (s *Store) CreateContentAccess(ctx context.Context, a *ContentAccess) error {
	return s.grantContentAccess(ctx, s.w, a)
}

// UpdateContentAccess changes a grant's permission type.
func (s *Store) UpdateContentAccess(ctx context.Context, id int64, permissionType string) error {
	res, err := s.exec(ctx, `UPDATE content_metadata_access SET permission_type = ? WHERE id = ?`, permissionType, id)
	return wrap("content access", affectedOne(res, err))
}

// DeleteContentAccess removes a grant.
func (s *Store) DeleteContentAccess(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM content_metadata_access WHERE id = ?`, id)
	return wrap("content access", affectedOne(res, err))
}

// AccessNode is what deciding access needs of one content_metadata row.
type AccessNode struct {
	ID, ParentID, FolderID int64
	Inherits               bool
	IsBoard                bool
}

// FolderAccessNodes returns the node of every folder.
func (s *Store) FolderAccessNodes(ctx context.Context) ([]AccessNode, error) {
	return s.accessNodes(ctx, `WHERE folder_id IS NOT NULL`)
}

// AccessNodeChain returns the node id and its ancestors, nearest first.
func (s *Store) AccessNodeChain(ctx context.Context, id int64) ([]AccessNode, error) {
	return s.accessNodes(ctx, `WHERE id IN (`+nodeChainCTE+` SELECT id FROM chain)`, id)
}

const nodeChainCTE = `WITH RECURSIVE chain(id, parent_id) AS (
	SELECT id, parent_id FROM content_metadata WHERE id = ?
	UNION
	SELECT m.id, m.parent_id FROM content_metadata m JOIN chain c ON m.id = c.parent_id
)`

func (s *Store) accessNodes(ctx context.Context, where string, args ...any) ([]AccessNode, error) {
	var out []AccessNode
	err := s.eachRow(ctx, `SELECT id, parent_id, folder_id, inherits, board_id IS NOT NULL FROM content_metadata `+where, args, func(sc scanner) error {
		var n AccessNode
		var parent, folder sql.NullInt64
		err := sc.Scan(&n.ID, &parent, &folder, &n.Inherits, &n.IsBoard)
		n.ParentID, n.FolderID = parent.Int64, folder.Int64
		out = append(out, n)
		return err
	})
	return out, err
}

// GrantsFor returns every grant that applies to a user: their own, their
// groups' (groups within groups included) and everyone's.
func (s *Store) GrantsFor(ctx context.Context, userID int64) ([]*ContentAccess, error) {
	return s.contentAccesses(ctx, `WHERE user_id = ? OR all_users OR group_id IN (`+userGroupsCTE+` SELECT id FROM ug)`,
		userID, userID)
}

// ChildAccessNodes returns the nodes directly below a node.
func (s *Store) ChildAccessNodes(ctx context.Context, parentID int64) ([]AccessNode, error) {
	return s.accessNodes(ctx, `WHERE parent_id = ?`, parentID)
}

// ContentHit is one match of a content search.
type ContentHit struct {
	Type              string // "folder", "look", "dashboard" or "board"
	ID                int64
	Title             string
	Description       string
	FolderID          int64
	FolderName        string
	ParentFolderName  string
	ViewCount         int64
	CreatorID         int64
	ContentMetadataID int64
}

// contentSearches is, per type, the query of its matches: title or
// description LIKE the pattern, the trash left out.
var contentSearches = map[string]string{
	"folder": `SELECT 'folder', f.id, f.name, '', f.id, f.name, COALESCE(pf.name, ''), 0, COALESCE(f.creator_id, 0), COALESCE(m.id, 0)
		FROM folders f LEFT JOIN folders pf ON pf.id = f.parent_id LEFT JOIN content_metadata m ON m.folder_id = f.id
		WHERE LOWER(f.name) LIKE LOWER(?) OR ? = ''`,
	"look": `SELECT 'look', l.id, l.title, l.description, l.folder_id, f.name, COALESCE(pf.name, ''), l.view_count,
		COALESCE(l.user_id, 0), COALESCE(l.content_metadata_id, 0)
		FROM looks l JOIN folders f ON f.id = l.folder_id LEFT JOIN folders pf ON pf.id = f.parent_id
		WHERE NOT l.deleted AND (LOWER(l.title) LIKE LOWER(?) OR LOWER(l.description) LIKE LOWER(?))`,
	"dashboard": `SELECT 'dashboard', d.id, d.title, d.description, d.folder_id, f.name, COALESCE(pf.name, ''), d.view_count,
		COALESCE(d.user_id, 0), COALESCE(d.content_metadata_id, 0)
		FROM dashboards d JOIN folders f ON f.id = d.folder_id LEFT JOIN folders pf ON pf.id = f.parent_id
		WHERE NOT d.deleted AND (LOWER(d.title) LIKE LOWER(?) OR LOWER(d.description) LIKE LOWER(?))`,
	"board": `SELECT 'board', b.id, b.title, b.description, 0, '', '', 0, COALESCE(b.user_id, 0), b.content_metadata_id
		FROM boards b WHERE b.deleted_at IS NULL AND (LOWER(b.title) LIKE LOWER(?) OR LOWER(b.description) LIKE LOWER(?))`,
}

// contentTables names the table each search reads; a type whose table
// this database lacks has no matches.
var contentTables = map[string]string{"folder": "folders", "look": "looks", "dashboard": "dashboards", "board": "boards"}

// SearchContent returns the content of the given types whose title or
// description matches pattern (LIKE, case-insensitive). The caller filters
// by access.
func (s *Store) SearchContent(ctx context.Context, pattern string, types []string) ([]*ContentHit, error) {
	var out []*ContentHit
	for _, typ := range types {
		q, ok := contentSearches[typ]
		if !ok || !s.tableExists(ctx, contentTables[typ]) {
			continue
		}
		err := s.eachRow(ctx, q, []any{pattern, pattern}, func(sc scanner) error {
			var h ContentHit
			err := sc.Scan(&h.Type, &h.ID, &h.Title, &h.Description, &h.FolderID, &h.FolderName, &h.ParentFolderName,
				&h.ViewCount, &h.CreatorID, &h.ContentMetadataID)
			out = append(out, &h)
			return err
		})
		if err != nil {
			return nil, wrap("search content", err)
		}
	}
	return out, nil
}

func (s *Store) tableExists(ctx context.Context, table string) bool {
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
	if s.backend.name == "postgres" {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
	}
	var n int
	return s.queryRow(ctx, q, table).Scan(&n) == nil && n > 0
}
