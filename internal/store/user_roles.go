package store

import (
	"context"
	"encoding/json"

	"github.com/overlookbi/overlook/internal/overlook"
)

// ErrLastAdmin refuses a change that would leave no enabled admin.
var ErrLastAdmin = &overlook.Error{Code: overlook.EFORBIDDEN,
	Message: "The last enabled admin can't be deleted, disabled or lose the Admin role"}

// adminUsersSQL selects the ids of users who hold an all-access permission
// set, directly or through a group. Roles of a group reach the members of
// the groups it contains, so admin groups are followed downwards.
const adminUsersSQL = `WITH RECURSIVE admin_groups(id) AS (
	SELECT rg.group_id FROM role_groups rg
	JOIN roles r ON r.id = rg.role_id JOIN permission_sets ps ON ps.id = r.permission_set_id
	WHERE ps.all_access = ?
	UNION
	SELECT gg.child_group_id FROM group_groups gg JOIN admin_groups ag ON gg.parent_group_id = ag.id
)
SELECT u.id FROM users u WHERE u.is_disabled = ? AND (
	u.id IN (SELECT ru.user_id FROM role_users ru JOIN roles r ON r.id = ru.role_id
		JOIN permission_sets ps ON ps.id = r.permission_set_id WHERE ps.all_access = ?)
	OR u.id IN (SELECT gu.user_id FROM group_users gu WHERE gu.group_id IN (SELECT id FROM admin_groups)))`

// enabledAdmins lists the enabled admins, by id.
func (s *Store) enabledAdmins(ctx context.Context, ex execer) (map[int64]bool, error) {
	rows, err := ex.QueryContext(ctx, s.q(adminUsersSQL), true, false, true)
	if err != nil {
		return nil, wrap("admins", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, wrap("admins", err)
		}
		out[id] = true
	}
	return out, wrap("admins", rows.Err())
}

// guardLastAdmin fails with ErrLastAdmin when userID is the only enabled
// admin. Run it inside the transaction that removes the user's admin rights.
func (s *Store) guardLastAdmin(ctx context.Context, ex execer, userID int64) error {
	admins, err := s.enabledAdmins(ctx, ex)
	if err != nil {
		return err
	}
	if admins[userID] && len(admins) == 1 {
		return ErrLastAdmin
	}
	return nil
}

// IsLastAdmin reports whether userID is the only enabled admin.
func (s *Store) IsLastAdmin(ctx context.Context, userID int64) (bool, error) {
	err := s.guardLastAdmin(ctx, s.r, userID)
	if err == ErrLastAdmin {
		return true, nil
	}
	return false, err
}

// RolesGrantAdmin reports whether any of the roles carries an all-access
// permission set.
func (s *Store) RolesGrantAdmin(ctx context.Context, roleIDs []int64) (bool, error) {
	if len(roleIDs) == 0 {
		return false, nil
	}
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM roles r JOIN permission_sets ps ON ps.id = r.permission_set_id
		WHERE ps.all_access = ? AND r.id IN (`+placeholders(len(roleIDs))+`)`,
		append([]any{true}, int64Args(roleIDs)...)...).Scan(&n)
	return n > 0, wrap("roles grant admin", err)
}

// MissingRoles returns the ids of roleIDs that name no role.
func (s *Store) MissingRoles(ctx context.Context, roleIDs []int64) ([]int64, error) {
	if len(roleIDs) == 0 {
		return nil, nil
	}
	found := map[int64]bool{}
	err := s.eachRow(ctx, `SELECT id FROM roles WHERE id IN (`+placeholders(len(roleIDs))+`)`, int64Args(roleIDs),
		func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			found[id] = true
			return err
		})
	var missing []int64
	for _, id := range roleIDs {
		if !found[id] {
			missing = append(missing, id)
		}
	}
	return missing, err
}

// Which roles of a user UserRoles returns.
const (
	RolesAll       = iota // direct and through groups
	RolesDirect           // given to the user itself
	RolesViaGroups        // given to its groups (and groups containing them)
)

// UserRoles returns roles of a user with their permission and model sets,
// by id; scope is RolesAll, RolesDirect or RolesViaGroups.
func (s *Store) UserRoles(ctx context.Context, userID int64, scope int) ([]*overlook.Role, error) {
	if err := s.userExists(ctx, s.r, userID); err != nil {
		return nil, err
	}
	direct := `r.id IN (SELECT role_id FROM role_users WHERE user_id = ?)`
	viaGroups := `r.id IN (SELECT role_id FROM role_groups WHERE group_id IN (SELECT id FROM ug))`
	where := map[int]string{RolesAll: direct + " OR " + viaGroups, RolesDirect: direct,
		RolesViaGroups: viaGroups + " AND ? > 0"}[scope]
	q := userGroupsCTE + `
	SELECT r.id, r.name, ps.id, ps.name, ps.permissions, ps.built_in, ps.all_access,
		ms.id, ms.name, ms.models, ms.built_in, ms.all_access
	FROM roles r
	JOIN permission_sets ps ON ps.id = r.permission_set_id
	JOIN model_sets ms ON ms.id = r.model_set_id
	WHERE ` + where + ` ORDER BY r.id`
	var out []*overlook.Role
	// Every variant binds the user id twice: once in the CTE, once here.
	err := s.eachRow(ctx, q, []any{userID, userID}, func(sc scanner) error {
		r, err := scanRoleWithSets(sc)
		out = append(out, r)
		return err
	})
	return out, err
}

func scanRoleWithSets(sc scanner) (*overlook.Role, error) {
	r := &overlook.Role{PermissionSet: &overlook.PermissionSet{}, ModelSet: &overlook.ModelSet{}}
	ps, ms := r.PermissionSet, r.ModelSet
	var perms, models string
	err := sc.Scan(&r.ID, &r.Name, &ps.ID, &ps.Name, &perms, &ps.BuiltIn, &ps.AllAccess,
		&ms.ID, &ms.Name, &models, &ms.BuiltIn, &ms.AllAccess)
	if err != nil {
		return nil, err
	}
	r.PermissionSetID, r.ModelSetID = ps.ID, ms.ID
	_ = json.Unmarshal([]byte(perms), &ps.Permissions)
	_ = json.Unmarshal([]byte(models), &ms.Models)
	return r, nil
}
