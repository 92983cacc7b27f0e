package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Root folder kinds. Looker has a shared root, a users root holding every
// personal folder, and an embed root.
const (
	RootShared      = "shared"
	RootUsers       = "users"
	RootEmbedShared = "embed_shared"
	RootEmbedUsers  = "embed_users"
)

// Folder is one folder with what its listing shows.
type Folder struct {
	ID                int64
	Name              string
	ParentID          int64 // 0 for a root
	CreatorID         int64
	IsPersonal        bool
	RootKind          string // "" unless a root
	CreatedAt         time.Time
	ContentMetadataID int64
	ChildCount        int
}

// EnsureRootFolders creates the root folders that do not exist yet, each
// with its content metadata: everyone views the shared and users roots,
// only admins reach the embed roots.
func (s *Store) EnsureRootFolders(ctx context.Context) error {
	names := map[string]string{RootShared: "Shared", RootUsers: "Users", RootEmbedShared: "Embed Groups", RootEmbedUsers: "Embed Users"}
	for _, kind := range []string{RootShared, RootUsers, RootEmbedShared, RootEmbedUsers} {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM folders WHERE root_kind = ?`), kind).Scan(&n); err != nil || n > 0 {
				return err
			}
			id, err := s.insert(ctx, tx, `INSERT INTO folders (name, root_kind, created_at) VALUES (?, ?, ?)`, names[kind], kind, s.ms())
			if err != nil {
				return err
			}
			meta, err := s.createFolderMetadata(ctx, tx, id, 0, names[kind], false)
			if err != nil || (kind != RootShared && kind != RootUsers) {
				return err
			}
			return s.grantContentAccess(ctx, tx, &ContentAccess{ContentMetadataID: meta, AllUsers: true, PermissionType: PermView})
		})
		if err != nil {
			return wrap("root folders", err)
		}
	}
	return nil
}

// RootFolderID returns the id of a root folder.
func (s *Store) RootFolderID(ctx context.Context, kind string) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM folders WHERE root_kind = ?`, kind).Scan(&id)
	return id, s.mapErr(err)
}

// createPersonalFolder adds a user's personal folder under the users root:
// closed, its owner edits it.
func (s *Store) createPersonalFolder(ctx context.Context, tx *sql.Tx, u *overlook.User) (int64, error) {
	var root int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM folders WHERE root_kind = ?`), RootUsers).Scan(&root)
	if err != nil {
		return 0, wrap("personal folder: users root", s.mapErr(err))
	}
	name := strings.TrimSpace(u.DisplayName())
	if name == "" {
		name = "User " + itoa(u.ID)
	}
	id, err := s.insert(ctx, tx, `INSERT INTO folders (name, parent_id, creator_id, is_personal, created_at) VALUES (?, ?, ?, ?, ?)`,
		name, root, u.ID, true, s.ms())
	if err != nil {
		return 0, wrap("personal folder", err)
	}
	meta, err := s.createFolderMetadata(ctx, tx, id, root, name, false)
	if err != nil {
		return 0, err
	}
	err = s.grantContentAccess(ctx, tx, &ContentAccess{ContentMetadataID: meta, UserID: u.ID, PermissionType: PermEdit})
	return id, err
}

// FolderFilter selects folders; zero fields match everything.
type FolderFilter struct {
	IDs       []int64
	Name      string // LIKE pattern
	ParentID  int64
	CreatorID int64
	// IsSharedRoot / IsUsersRoot select (or exclude) those roots.
	IsSharedRoot, IsUsersRoot *bool
	// Within restricts the result to these folders when not nil (the
	// folders the caller may see); empty matches nothing.
	Within   []int64
	FilterOr bool
	Sorts    []overlook.Sort
	Limit    int
	Offset   int
}

var folderSortColumns = map[string]string{"id": "f.id", "name": "f.name", "parent_id": "f.parent_id",
	"creator_id": "f.creator_id", "created_at": "f.created_at", "is_personal": "f.is_personal"}

// FolderSortable reports whether folders can be sorted by field.
func FolderSortable(field string) bool { _, ok := folderSortColumns[field]; return ok }

const folderColumns = `f.id, f.name, f.parent_id, f.creator_id, f.is_personal, f.root_kind, f.created_at,
	COALESCE(m.id, 0), (SELECT COUNT(*) FROM folders c WHERE c.parent_id = f.id)`

func scanFolder(sc scanner) (*Folder, error) {
	var f Folder
	var parent, creator sql.NullInt64
	var root sql.NullString
	var created int64
	err := sc.Scan(&f.ID, &f.Name, &parent, &creator, &f.IsPersonal, &root, &created, &f.ContentMetadataID, &f.ChildCount)
	f.ParentID, f.CreatorID, f.RootKind, f.CreatedAt = parent.Int64, creator.Int64, root.String, fromMillis(created)
	return &f, err
}

func folderWhere(f FolderFilter) (string, []any) {
	w := &whereBuilder{}
	w.idIn("f.id", f.IDs)
	w.like("f.name", f.Name)
	if f.ParentID != 0 {
		w.add("f.parent_id = ?", f.ParentID)
	}
	if f.CreatorID != 0 {
		w.add("f.creator_id = ?", f.CreatorID)
	}
	rootCond := func(b *bool, kind string) {
		if b != nil && *b {
			w.add("f.root_kind = ?", kind)
		} else if b != nil {
			w.add("(f.root_kind IS NULL OR f.root_kind <> ?)", kind)
		}
	}
	rootCond(f.IsSharedRoot, RootShared)
	rootCond(f.IsUsersRoot, RootUsers)
	where := w.sql(f.FilterOr)
	if f.Within == nil {
		return where, w.args
	}
	within := "1 = 0"
	if len(f.Within) > 0 {
		within = "f.id IN (" + placeholders(len(f.Within)) + ")"
	}
	return andWhere(where, within), append(w.args, int64Args(f.Within)...)
}

// Folders returns the folders f selects and how many match without limit
// and offset.
func (s *Store) Folders(ctx context.Context, f FolderFilter) ([]*Folder, int, error) {
	where, args := folderWhere(f)
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM folders f `+where, args...).Scan(&total); err != nil {
		return nil, 0, wrap("count folders", err)
	}
	q := `SELECT ` + folderColumns + ` FROM folders f LEFT JOIN content_metadata m ON m.folder_id = f.id ` + where +
		` ORDER BY ` + orderBy(folderSortColumns, f.Sorts, "f.id") + limitClause(f.Limit, f.Offset)
	var out []*Folder
	err := s.eachRow(ctx, q, args, func(sc scanner) error {
		folder, err := scanFolder(sc)
		out = append(out, folder)
		return err
	})
	return out, total, err
}

// Folder returns one folder.
func (s *Store) Folder(ctx context.Context, id int64) (*Folder, error) {
	f, err := scanFolder(s.queryRow(ctx, `SELECT `+folderColumns+` FROM folders f
		LEFT JOIN content_metadata m ON m.folder_id = f.id WHERE f.id = ?`, id))
	return f, wrap("folder", s.mapErr(err))
}

// CreateFolder adds a folder under f.ParentID with its content metadata
// (inheriting from the parent's) and sets f's id and metadata id.
func (s *Store) CreateFolder(ctx context.Context, f *Folder) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		created := s.ms()
		id, err := s.insert(ctx, tx, `INSERT INTO folders (name, parent_id, creator_id, is_personal, created_at) VALUES (?, ?, ?, ?, ?)`,
			f.Name, f.ParentID, nullInt(f.CreatorID), false, created)
		if err != nil {
			return wrap("create folder", err)
		}
		meta, err := s.createFolderMetadata(ctx, tx, id, f.ParentID, f.Name, true)
		f.ID, f.ContentMetadataID, f.CreatedAt = id, meta, fromMillis(created)
		return err
	})
}

// UpdateFolder renames a folder and moves it under another parent; nil
// leaves a value as it is. The caller checks that the move makes no cycle.
func (s *Store) UpdateFolder(ctx context.Context, id int64, name *string, parentID *int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if name != nil {
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE folders SET name = ? WHERE id = ?`), *name, id); err != nil {
				return wrap("rename folder", err)
			}
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE content_metadata SET name = ? WHERE folder_id = ?`), *name, id); err != nil {
				return wrap("rename folder", err)
			}
		}
		if parentID == nil {
			return nil
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE folders SET parent_id = ? WHERE id = ?`), *parentID, id); err != nil {
			return wrap("move folder", err)
		}
		parentMeta, err := s.folderMetaID(ctx, tx, *parentID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE content_metadata SET parent_id = ? WHERE folder_id = ?`), parentMeta, id)
		return wrap("move folder", err)
	})
}

// DeleteFolder removes a folder with every folder below it, what they hold
// (looks and dashboards go with their folder) and their content metadata.
func (s *Store) DeleteFolder(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`WITH RECURSIVE sub(id) AS (
				SELECT id FROM folders WHERE id = ? UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)
			DELETE FROM content_metadata WHERE folder_id IS NULL AND parent_id IN
				(SELECT m.id FROM content_metadata m WHERE m.folder_id IN (SELECT id FROM sub))`), id)
		if err != nil {
			return wrap("delete folder content metadata", err)
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM folders WHERE id = ?`), id)
		return wrap("delete folder", affectedOne(res, err))
	})
}

// FolderSubtree returns the ids of a folder and every folder below it.
func (s *Store) FolderSubtree(ctx context.Context, id int64) ([]int64, error) {
	var ids []int64
	err := s.eachRow(ctx, `WITH RECURSIVE sub(id) AS (
			SELECT id FROM folders WHERE id = ? UNION SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id)
		SELECT id FROM sub ORDER BY id`, []any{id}, func(sc scanner) error {
		var v int64
		err := sc.Scan(&v)
		ids = append(ids, v)
		return err
	})
	return ids, err
}
