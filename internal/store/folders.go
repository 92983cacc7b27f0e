package store

import (
	"context"
	"database/sql"
	"strings"

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

// EnsureRootFolders creates the root folders that do not exist yet.
func (s *Store) EnsureRootFolders(ctx context.Context) error {
	names := map[string]string{RootShared: "Shared", RootUsers: "Users", RootEmbedShared: "Embed Groups", RootEmbedUsers: "Embed Users"}
	for _, kind := range []string{RootShared, RootUsers, RootEmbedShared, RootEmbedUsers} {
		_, err := s.exec(ctx, `INSERT INTO folders (name, root_kind, created_at)
			SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM folders WHERE root_kind = ?)`, names[kind], kind, s.ms(), kind)
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
	return id, wrap("personal folder", err)
}
