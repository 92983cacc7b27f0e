package store

import (
	"context"
	"encoding/json"
)

// Grants is what a user's roles give, directly and through groups
// (including groups within groups).
type Grants struct {
	Permissions map[string]bool
	Models      map[string]bool
	AllModels   bool
	// IsAdmin: some role carries the all-access permission set.
	IsAdmin bool
}

// userGroupsCTE lists a user's groups and every group that contains them.
// UNION (not UNION ALL) ends the recursion on cycles.
const userGroupsCTE = `WITH RECURSIVE ug(id) AS (
	SELECT group_id FROM group_users WHERE user_id = ?
	UNION
	SELECT gg.parent_group_id FROM group_groups gg JOIN ug ON gg.child_group_id = ug.id
)`

// UserGrants resolves the permissions and models of a user.
func (s *Store) UserGrants(ctx context.Context, userID int64) (*Grants, error) {
	g := &Grants{Permissions: map[string]bool{}, Models: map[string]bool{}}
	q := userGroupsCTE + `
	SELECT ps.permissions, ps.all_access, ms.models, ms.all_access
	FROM roles r
	JOIN permission_sets ps ON ps.id = r.permission_set_id
	JOIN model_sets ms ON ms.id = r.model_set_id
	WHERE r.id IN (SELECT role_id FROM role_users WHERE user_id = ?)
	   OR r.id IN (SELECT role_id FROM role_groups WHERE group_id IN (SELECT id FROM ug))`
	err := s.eachRow(ctx, q, []any{userID, userID}, func(sc scanner) error {
		var perms, models string
		var allPerms, allModels bool
		if err := sc.Scan(&perms, &allPerms, &models, &allModels); err != nil {
			return err
		}
		g.IsAdmin = g.IsAdmin || allPerms
		g.AllModels = g.AllModels || allModels
		var list []string
		_ = json.Unmarshal([]byte(perms), &list)
		for _, p := range list {
			g.Permissions[p] = true
		}
		list = nil
		_ = json.Unmarshal([]byte(models), &list)
		for _, m := range list {
			g.Models[m] = true
		}
		return nil
	})
	return g, err
}

// UserGroupIDs returns the ids of a user's groups, with every group that
// contains them, sorted.
func (s *Store) UserGroupIDs(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	err := s.eachRow(ctx, userGroupsCTE+` SELECT id FROM ug ORDER BY id`, []any{userID}, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}
