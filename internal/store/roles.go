package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

// builtInRole names the role access.SeedBuiltIns creates with the built-in
// Admin permission set; role names are unique, so only it can match.
const builtInRole = "Admin"

// CreatePermissionSet inserts ps and sets ps.ID.
func (s *Store) CreatePermissionSet(ctx context.Context, ps *overlook.PermissionSet) error {
	perms, _ := json.Marshal(nonNil(ps.Permissions))
	id, err := s.insert(ctx, s.w, `INSERT INTO permission_sets (name, permissions, built_in, all_access) VALUES (?, ?, ?, ?)`,
		ps.Name, string(perms), ps.BuiltIn, ps.AllAccess)
	ps.ID = id
	return err
}

// CreateModelSet inserts ms and sets ms.ID.
func (s *Store) CreateModelSet(ctx context.Context, ms *overlook.ModelSet) error {
	models, _ := json.Marshal(nonNil(ms.Models))
	id, err := s.insert(ctx, s.w, `INSERT INTO model_sets (name, models, built_in, all_access) VALUES (?, ?, ?, ?)`,
		ms.Name, string(models), ms.BuiltIn, ms.AllAccess)
	ms.ID = id
	return err
}

// CreateRole inserts r and sets r.ID. Its permission and model sets must
// exist (422 naming the field otherwise).
func (s *Store) CreateRole(ctx context.Context, r *overlook.Role) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.roleSetsExist(ctx, tx, r.PermissionSetID, r.ModelSetID); err != nil {
			return err
		}
		id, err := s.insert(ctx, tx, `INSERT INTO roles (name, permission_set_id, model_set_id) VALUES (?, ?, ?)`,
			r.Name, r.PermissionSetID, r.ModelSetID)
		r.ID = id
		return err
	})
}

func (s *Store) roleSetsExist(ctx context.Context, ex execer, permSetID, modelSetID int64) error {
	if !s.rowExists(ctx, ex, `SELECT 1 FROM permission_sets WHERE id = ?`, permSetID) {
		return overlook.Invalid("permission_set_id", "missing", "permission set %d does not exist", permSetID)
	}
	if !s.rowExists(ctx, ex, `SELECT 1 FROM model_sets WHERE id = ?`, modelSetID) {
		return overlook.Invalid("model_set_id", "missing", "model set %d does not exist", modelSetID)
	}
	return nil
}

func (s *Store) rowExists(ctx context.Context, ex execer, q string, args ...any) bool {
	var one int
	return ex.QueryRowContext(ctx, s.q(q), args...).Scan(&one) == nil
}

// RoleIDByName finds a role by its name.
func (s *Store) RoleIDByName(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM roles WHERE name = ?`, name).Scan(&id)
	return id, s.mapErr(err)
}

// RoleFilter selects roles; zero fields match everything.
type RoleFilter struct {
	IDs              []int64
	Name             string // LIKE pattern
	BuiltIn          *bool
	PermissionSetIDs []int64
	ModelSetIDs      []int64
	FilterOr         bool
	Sorts            []overlook.Sort
	Limit, Offset    int
}

const roleSelect = `SELECT r.id, r.name, ps.id, ps.name, ps.permissions, ps.built_in, ps.all_access,
	ms.id, ms.name, ms.models, ms.built_in, ms.all_access
	FROM roles r
	JOIN permission_sets ps ON ps.id = r.permission_set_id
	JOIN model_sets ms ON ms.id = r.model_set_id `

var roleSortColumns = map[string]string{"id": "r.id", "name": "r.name"}

// RoleSortable reports whether roles can be sorted by field.
func RoleSortable(field string) bool { _, ok := roleSortColumns[field]; return ok }

// Roles returns the roles f selects with their sets and user counts, and
// how many match without limit and offset.
func (s *Store) Roles(ctx context.Context, f RoleFilter) ([]*overlook.Role, int, error) {
	var w whereBuilder
	w.idIn("r.id", f.IDs)
	w.like("r.name", f.Name)
	if f.BuiltIn != nil {
		w.add("(r.name = ? AND ps.built_in = ?) = ?", builtInRole, true, *f.BuiltIn)
	}
	w.idIn("r.permission_set_id", f.PermissionSetIDs)
	w.idIn("r.model_set_id", f.ModelSetIDs)
	where := w.sql(f.FilterOr)
	var total int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM roles r JOIN permission_sets ps ON ps.id = r.permission_set_id `+where,
		w.args...).Scan(&total)
	if err != nil {
		return nil, 0, wrap("count roles", err)
	}
	q := roleSelect + where + ` ORDER BY ` + orderBy(roleSortColumns, f.Sorts, "r.id") + limitClause(f.Limit, f.Offset)
	var roles []*overlook.Role
	err = s.eachRow(ctx, q, w.args, func(sc scanner) error {
		r, err := scanRoleWithSets(sc)
		roles = append(roles, r)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return roles, total, s.fillRoleUserCounts(ctx, roles)
}

// Role returns one role with its sets and user count.
func (s *Store) Role(ctx context.Context, id int64) (*overlook.Role, error) {
	roles, _, err := s.Roles(ctx, RoleFilter{IDs: []int64{id}})
	if err != nil {
		return nil, err
	}
	if len(roles) == 0 {
		return nil, errNotFound
	}
	return roles[0], nil
}

// IsBuiltInRole reports whether r is the built-in Admin role, which can't
// be changed or deleted.
func IsBuiltInRole(r *overlook.Role) bool {
	return r.Name == builtInRole && r.PermissionSet != nil && r.PermissionSet.BuiltIn
}

// roleMembersCTE pairs each role with every user holding it: directly, or
// as a member of a group holding it or of any group within such a group.
const roleMembersCTE = `WITH RECURSIVE rg(role_id, group_id) AS (
	SELECT role_id, group_id FROM role_groups
	UNION
	SELECT rg.role_id, gg.child_group_id FROM group_groups gg JOIN rg ON gg.parent_group_id = rg.group_id
), rm(role_id, user_id) AS (
	SELECT role_id, user_id FROM role_users
	UNION
	SELECT rg.role_id, gu.user_id FROM rg JOIN group_users gu ON gu.group_id = rg.group_id
) `

func (s *Store) fillRoleUserCounts(ctx context.Context, roles []*overlook.Role) error {
	if len(roles) == 0 {
		return nil
	}
	byID := map[int64]*overlook.Role{}
	ids := make([]int64, len(roles))
	for i, r := range roles {
		byID[r.ID], ids[i] = r, r.ID
	}
	q := roleMembersCTE + `SELECT role_id, COUNT(*) FROM rm WHERE role_id IN (` + placeholders(len(ids)) + `) GROUP BY role_id`
	return s.eachRow(ctx, q, int64Args(ids), func(sc scanner) error {
		var id, n int64
		err := sc.Scan(&id, &n)
		byID[id].UserCount = n
		return err
	})
}

// UpdateRole changes the name and sets of role r.ID to those of r.
func (s *Store) UpdateRole(ctx context.Context, r *overlook.Role) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.roleSetsExist(ctx, tx, r.PermissionSetID, r.ModelSetID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE roles SET name = ?, permission_set_id = ?, model_set_id = ? WHERE id = ?`),
			r.Name, r.PermissionSetID, r.ModelSetID, r.ID)
		if err := s.affectedOne(res, err); err != nil {
			return err
		}
		return s.keepAnAdmin(ctx, tx)
	})
}

// DeleteRole removes a role and every assignment of it.
func (s *Store) DeleteRole(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM roles WHERE id = ?`), id)
		if err := s.affectedOne(res, err); err != nil {
			return err
		}
		return s.keepAnAdmin(ctx, tx)
	})
}

// keepAnAdmin fails with ErrLastAdmin when a change inside tx left no
// enabled admin.
func (s *Store) keepAnAdmin(ctx context.Context, tx *sql.Tx) error {
	admins, err := s.enabledAdmins(ctx, tx)
	if err == nil && len(admins) == 0 {
		return ErrLastAdmin
	}
	return err
}

// RoleUserIDs lists the users holding a role, by id: only the direct ones
// when directOnly, else also those reached through groups.
func (s *Store) RoleUserIDs(ctx context.Context, roleID int64, directOnly bool) ([]int64, error) {
	if !s.rowExists(ctx, s.r, `SELECT 1 FROM roles WHERE id = ?`, roleID) {
		return nil, errNotFound
	}
	q := roleMembersCTE + `SELECT user_id FROM rm WHERE role_id = ? ORDER BY user_id`
	if directOnly {
		q = `SELECT user_id FROM role_users WHERE role_id = ? ORDER BY user_id`
	}
	return s.ids(ctx, q, roleID)
}

// RoleGroupIDs lists the groups holding a role, by id.
func (s *Store) RoleGroupIDs(ctx context.Context, roleID int64) ([]int64, error) {
	if !s.rowExists(ctx, s.r, `SELECT 1 FROM roles WHERE id = ?`, roleID) {
		return nil, errNotFound
	}
	return s.ids(ctx, `SELECT group_id FROM role_groups WHERE role_id = ? ORDER BY group_id`, roleID)
}

func (s *Store) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	ids := []int64{}
	err := s.eachRow(ctx, q, args, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// SetRoleUsers replaces the users holding a role directly.
func (s *Store) SetRoleUsers(ctx context.Context, roleID int64, userIDs []int64) error {
	return s.setRoleMembers(ctx, roleID, userIDs, "role_users", "user_id", "users")
}

// SetRoleGroups replaces the groups holding a role.
func (s *Store) SetRoleGroups(ctx context.Context, roleID int64, groupIDs []int64) error {
	return s.setRoleMembers(ctx, roleID, groupIDs, "role_groups", "group_id", "groups")
}

// setRoleMembers replaces the rows of table (role_users or role_groups) for
// a role; every member must exist in memberTable.
func (s *Store) setRoleMembers(ctx context.Context, roleID int64, ids []int64, table, col, memberTable string) error {
	ids = uniqueIDs(ids)
	return s.tx(ctx, func(tx *sql.Tx) error {
		if !s.rowExists(ctx, tx, `SELECT 1 FROM roles WHERE id = ?`, roleID) {
			return errNotFound
		}
		if missing := s.missingIDs(ctx, tx, memberTable, ids); missing != 0 {
			return overlook.Invalid(col+"s", "missing", "%s %d does not exist", strings.TrimSuffix(memberTable, "s"), missing)
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE role_id = ?`), roleID); err != nil {
			return wrap("set role members", err)
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO `+table+` (role_id, `+col+`) VALUES (?, ?)`), roleID, id); err != nil {
				return wrap("set role members", s.mapErr(err))
			}
		}
		return s.keepAnAdmin(ctx, tx)
	})
}

// missingIDs returns the first of ids with no row in table, or 0.
func (s *Store) missingIDs(ctx context.Context, ex execer, table string, ids []int64) int64 {
	for _, id := range ids {
		if !s.rowExists(ctx, ex, `SELECT 1 FROM `+table+` WHERE id = ?`, id) {
			return id
		}
	}
	return 0
}

func uniqueIDs(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// SetUserRoles replaces the direct roles of a user.
func (s *Store) SetUserRoles(ctx context.Context, userID int64, roleIDs []int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.userExists(ctx, tx, userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM role_users WHERE user_id = ?`), userID); err != nil {
			return wrap("set user roles", err)
		}
		for _, rid := range roleIDs {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO role_users (role_id, user_id) VALUES (?, ?)`), rid, userID); err != nil {
				return wrap("set user roles", s.mapRefErr(err))
			}
		}
		return nil
	})
}

// mapRefErr maps a foreign-key failure (a role or group that does not
// exist) to a validation error.
func (s *Store) mapRefErr(err error) error {
	if err == nil {
		return nil
	}
	if e := s.mapErr(err); e != err {
		return e
	}
	return &overlook.Error{Code: overlook.EINVALID, Message: "Validation Failed",
		Details: []overlook.FieldError{{Field: "id", Code: "missing", Message: "refers to an object that does not exist"}}}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// orderBy builds an ORDER BY list from the sorts whose fields cols knows,
// ending with tie, so the order is always stable.
func orderBy(cols map[string]string, sorts []overlook.Sort, tie string) string {
	var parts []string
	for _, s := range sorts {
		col, ok := cols[s.Field]
		if !ok {
			continue
		}
		if s.Desc {
			col += " DESC"
		}
		parts = append(parts, col)
	}
	return strings.Join(append(parts, tie), ", ")
}

// idIn adds "col IN (ids)" when ids is not empty.
func (w *whereBuilder) idIn(col string, ids []int64) {
	if len(ids) > 0 {
		w.add(col+" IN ("+placeholders(len(ids))+")", int64Args(ids)...)
	}
}

// SetFilter selects permission sets or model sets; zero fields match
// everything.
type SetFilter struct {
	IDs       []int64
	Name      string // LIKE pattern
	AllAccess *bool
	BuiltIn   *bool
	// Member is a LIKE pattern one permission (or model) of the set must match.
	Member        string
	FilterOr      bool
	Sorts         []overlook.Sort
	Limit, Offset int
}

// setTable is where permission sets or model sets live: both have a name,
// a JSON list of names, and the built-in and all-access flags.
type setTable struct{ table, list, noun string }

var (
	permissionSets = setTable{"permission_sets", "permissions", "permission set"}
	modelSets      = setTable{"model_sets", "models", "model set"}
)

type setRow struct {
	ID                 int64
	Name               string
	List               []string
	BuiltIn, AllAccess bool
}

var setSortColumns = map[string]string{"id": "id", "name": "name", "all_access": "all_access", "built_in": "built_in"}

// SetSortable reports whether permission or model sets can be sorted by field.
func SetSortable(field string) bool { _, ok := setSortColumns[field]; return ok }

func (s *Store) sets(ctx context.Context, t setTable, f SetFilter) ([]setRow, int, error) {
	var w whereBuilder
	w.idIn("id", f.IDs)
	w.like("name", f.Name)
	if f.AllAccess != nil {
		w.add("all_access = ?", *f.AllAccess)
	}
	if f.BuiltIn != nil {
		w.add("built_in = ?", *f.BuiltIn)
	}
	if f.Member != "" {
		w.add("LOWER("+t.list+") LIKE LOWER(?) ESCAPE '\\'", `%"`+f.Member+`"%`)
	}
	where := w.sql(f.FilterOr)
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM `+t.table+` `+where, w.args...).Scan(&total); err != nil {
		return nil, 0, wrap("count "+t.table, err)
	}
	q := `SELECT id, name, ` + t.list + `, built_in, all_access FROM ` + t.table + ` ` + where +
		` ORDER BY ` + orderBy(setSortColumns, f.Sorts, "id") + limitClause(f.Limit, f.Offset)
	var out []setRow
	err := s.eachRow(ctx, q, w.args, func(sc scanner) error {
		var r setRow
		var list string
		err := sc.Scan(&r.ID, &r.Name, &list, &r.BuiltIn, &r.AllAccess)
		_ = json.Unmarshal([]byte(list), &r.List)
		out = append(out, r)
		return err
	})
	return out, total, err
}

func (s *Store) set(ctx context.Context, t setTable, id int64) (setRow, error) {
	rows, _, err := s.sets(ctx, t, SetFilter{IDs: []int64{id}})
	if err == nil && len(rows) == 0 {
		err = errNotFound
	}
	if err != nil {
		return setRow{}, err
	}
	return rows[0], nil
}

func (s *Store) updateSet(ctx context.Context, t setTable, r setRow) error {
	list, _ := json.Marshal(nonNil(r.List))
	res, err := s.exec(ctx, `UPDATE `+t.table+` SET name = ?, `+t.list+` = ? WHERE id = ?`, r.Name, string(list), r.ID)
	return s.affectedOne(res, err)
}

// deleteSet removes a set no role uses; one in use is a conflict.
func (s *Store) deleteSet(ctx context.Context, t setTable, id int64) error {
	col := strings.TrimSuffix(t.table, "s") + "_id"
	return s.tx(ctx, func(tx *sql.Tx) error {
		if s.rowExists(ctx, tx, `SELECT 1 FROM roles WHERE `+col+` = ?`, id) {
			return overlook.Errorf(overlook.ECONFLICT, "The %s is used by a role", t.noun)
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+t.table+` WHERE id = ?`), id)
		return s.affectedOne(res, err)
	})
}

func permissionSetOf(r setRow) *overlook.PermissionSet {
	return &overlook.PermissionSet{ID: r.ID, Name: r.Name, Permissions: r.List, BuiltIn: r.BuiltIn, AllAccess: r.AllAccess}
}

func modelSetOf(r setRow) *overlook.ModelSet {
	return &overlook.ModelSet{ID: r.ID, Name: r.Name, Models: r.List, BuiltIn: r.BuiltIn, AllAccess: r.AllAccess}
}

// PermissionSets returns the permission sets f selects and how many match
// without limit and offset.
func (s *Store) PermissionSets(ctx context.Context, f SetFilter) ([]*overlook.PermissionSet, int, error) {
	rows, total, err := s.sets(ctx, permissionSets, f)
	out := make([]*overlook.PermissionSet, len(rows))
	for i, r := range rows {
		out[i] = permissionSetOf(r)
	}
	return out, total, err
}

// PermissionSet returns one permission set.
func (s *Store) PermissionSet(ctx context.Context, id int64) (*overlook.PermissionSet, error) {
	r, err := s.set(ctx, permissionSets, id)
	return permissionSetOf(r), err
}

// UpdatePermissionSet stores the name and permissions of ps.
func (s *Store) UpdatePermissionSet(ctx context.Context, ps *overlook.PermissionSet) error {
	return s.updateSet(ctx, permissionSets, setRow{ID: ps.ID, Name: ps.Name, List: ps.Permissions})
}

// DeletePermissionSet removes a permission set no role uses.
func (s *Store) DeletePermissionSet(ctx context.Context, id int64) error {
	return s.deleteSet(ctx, permissionSets, id)
}

// ModelSets returns the model sets f selects and how many match without
// limit and offset.
func (s *Store) ModelSets(ctx context.Context, f SetFilter) ([]*overlook.ModelSet, int, error) {
	rows, total, err := s.sets(ctx, modelSets, f)
	out := make([]*overlook.ModelSet, len(rows))
	for i, r := range rows {
		out[i] = modelSetOf(r)
	}
	return out, total, err
}

// ModelSet returns one model set.
func (s *Store) ModelSet(ctx context.Context, id int64) (*overlook.ModelSet, error) {
	r, err := s.set(ctx, modelSets, id)
	return modelSetOf(r), err
}

// UpdateModelSet stores the name and models of ms.
func (s *Store) UpdateModelSet(ctx context.Context, ms *overlook.ModelSet) error {
	return s.updateSet(ctx, modelSets, setRow{ID: ms.ID, Name: ms.Name, List: ms.Models})
}

// DeleteModelSet removes a model set no role uses.
func (s *Store) DeleteModelSet(ctx context.Context, id int64) error {
	return s.deleteSet(ctx, modelSets, id)
}
