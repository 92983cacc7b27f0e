package store

import (
	"context"
	"database/sql"

	"github.com/overlookbi/overlook/internal/overlook"
)

// GroupFilter selects groups; zero fields match everything.
type GroupFilter struct {
	IDs             []int64
	Name            string // LIKE pattern
	ExternalGroupID string // LIKE pattern
	// Overlook manages every group itself: externally managed (or
	// orphaned) groups never exist.
	ExternallyManaged       *bool
	ExternallyOrphaned      *bool
	CanAddToContentMetadata *bool
	// ParentID selects the groups directly within a group; RoleID the
	// groups holding a role.
	ParentID      int64
	RoleID        int64
	FilterOr      bool
	Sorts         []overlook.Sort
	Limit, Offset int
}

var groupSortColumns = map[string]string{"id": "g.id", "name": "g.name", "external_group_id": "g.external_group_id",
	"can_add_to_content_metadata": "g.can_add_to_content_metadata"}

// GroupSortable reports whether groups can be sorted by field.
func GroupSortable(field string) bool { _, ok := groupSortColumns[field]; return ok }

func groupWhere(f GroupFilter) *whereBuilder {
	w := &whereBuilder{}
	w.idIn("g.id", f.IDs)
	w.like("g.name", f.Name)
	w.like("g.external_group_id", f.ExternalGroupID)
	for _, b := range []*bool{f.ExternallyManaged, f.ExternallyOrphaned} {
		if b != nil && *b {
			w.add("1 = 0")
		} else if b != nil {
			w.add("1 = 1")
		}
	}
	if f.CanAddToContentMetadata != nil {
		w.add("g.can_add_to_content_metadata = ?", *f.CanAddToContentMetadata)
	}
	return w
}

// Groups returns the groups f selects, with user counts, parent groups and
// roles, and how many match without limit and offset.
func (s *Store) Groups(ctx context.Context, f GroupFilter) ([]*overlook.Group, int, error) {
	w := groupWhere(f)
	where := w.sql(f.FilterOr)
	// Parent and role scopes narrow any search, OR or not.
	args := w.args
	scope := func(cond string, id int64) {
		if id == 0 {
			return
		}
		where = andWhere(where, cond)
		args = append(args, id)
	}
	scope("g.id IN (SELECT child_group_id FROM group_groups WHERE parent_group_id = ?)", f.ParentID)
	scope("g.id IN (SELECT group_id FROM role_groups WHERE role_id = ?)", f.RoleID)
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM groups g `+where, args...).Scan(&total); err != nil {
		return nil, 0, wrap("count groups", err)
	}
	q := `SELECT g.id, g.name, g.can_add_to_content_metadata, g.external_group_id,
		(SELECT COUNT(*) FROM group_users gu WHERE gu.group_id = g.id)
		FROM groups g ` + where + ` ORDER BY ` + orderBy(groupSortColumns, f.Sorts, "g.id") + limitClause(f.Limit, f.Offset)
	var groups []*overlook.Group
	err := s.eachRow(ctx, q, args, func(sc scanner) error {
		g := &overlook.Group{}
		var ext sql.NullString
		err := sc.Scan(&g.ID, &g.Name, &g.CanAddToContentMetadata, &ext, &g.UserCount)
		g.ExternalGroupID = ext.String
		groups = append(groups, g)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return groups, total, s.fillGroupLinks(ctx, groups)
}

// fillGroupLinks loads the parent groups and roles of groups.
func (s *Store) fillGroupLinks(ctx context.Context, groups []*overlook.Group) error {
	if len(groups) == 0 {
		return nil
	}
	byID := map[int64]*overlook.Group{}
	ids := make([]int64, len(groups))
	for i, g := range groups {
		byID[g.ID], ids[i] = g, g.ID
		g.ParentGroupIDs, g.RoleIDs = []int64{}, []int64{}
	}
	in := "(" + placeholders(len(ids)) + ")"
	err := s.eachRow(ctx, `SELECT child_group_id, parent_group_id FROM group_groups WHERE child_group_id IN `+in+
		` ORDER BY parent_group_id`, int64Args(ids), func(sc scanner) error {
		var child, parent int64
		err := sc.Scan(&child, &parent)
		byID[child].ParentGroupIDs = append(byID[child].ParentGroupIDs, parent)
		return err
	})
	if err != nil {
		return err
	}
	return s.eachRow(ctx, `SELECT group_id, role_id FROM role_groups WHERE group_id IN `+in+` ORDER BY role_id`,
		int64Args(ids), func(sc scanner) error {
			var gid, rid int64
			err := sc.Scan(&gid, &rid)
			byID[gid].RoleIDs = append(byID[gid].RoleIDs, rid)
			return err
		})
}

// Group returns one group.
func (s *Store) Group(ctx context.Context, id int64) (*overlook.Group, error) {
	groups, _, err := s.Groups(ctx, GroupFilter{IDs: []int64{id}})
	if err == nil && len(groups) == 0 {
		err = errNotFound
	}
	if err != nil {
		return nil, err
	}
	return groups[0], nil
}

// CreateGroup inserts g and sets g.ID; a taken name is a conflict.
func (s *Store) CreateGroup(ctx context.Context, g *overlook.Group) error {
	id, err := s.insert(ctx, s.w, `INSERT INTO groups (name, can_add_to_content_metadata) VALUES (?, ?)`,
		g.Name, g.CanAddToContentMetadata)
	g.ID = id
	return err
}

// UpdateGroup stores the name and content-access flag of g.
func (s *Store) UpdateGroup(ctx context.Context, g *overlook.Group) error {
	res, err := s.exec(ctx, `UPDATE groups SET name = ?, can_add_to_content_metadata = ? WHERE id = ?`,
		g.Name, g.CanAddToContentMetadata, g.ID)
	return s.affectedOne(res, err)
}

// DeleteGroup removes a group with its memberships, roles and attribute
// values; it refuses to remove the last admin's only way to be one.
func (s *Store) DeleteGroup(ctx context.Context, id int64) error {
	return s.deleteAndKeepAdmin(ctx, `DELETE FROM groups WHERE id = ?`, id)
}

func (s *Store) deleteAndKeepAdmin(ctx context.Context, q string, args ...any) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(q), args...)
		if err := s.affectedOne(res, err); err != nil {
			return err
		}
		return s.keepAnAdmin(ctx, tx)
	})
}

// AddGroupGroup puts group child within group parent. Adding a group to
// itself or to one of the groups within it would make a cycle: 422.
func (s *Store) AddGroupGroup(ctx context.Context, parent, child int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if !s.rowExists(ctx, tx, `SELECT 1 FROM groups WHERE id = ?`, parent) {
			return errNotFound
		}
		if !s.rowExists(ctx, tx, `SELECT 1 FROM groups WHERE id = ?`, child) {
			return overlook.Invalid("group_id", "missing", "group %d does not exist", child)
		}
		cyclic := child == parent || s.rowExists(ctx, tx, ancestorsCTE+`SELECT 1 FROM anc WHERE id = ?`, parent, child)
		if cyclic {
			return overlook.Invalid("group_id", "invalid", "group %d contains group %d: adding it would make a cycle", child, parent)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO group_groups (parent_group_id, child_group_id) VALUES (?, ?)
			ON CONFLICT DO NOTHING`), parent, child)
		return wrap("add group group", err)
	})
}

// ancestorsCTE lists a group and every group that contains it.
const ancestorsCTE = `WITH RECURSIVE anc(id) AS (
	SELECT CAST(? AS BIGINT)
	UNION
	SELECT gg.parent_group_id FROM group_groups gg JOIN anc ON gg.child_group_id = anc.id
) `

// RemoveGroupGroup takes group child out of group parent.
func (s *Store) RemoveGroupGroup(ctx context.Context, parent, child int64) error {
	return s.deleteAndKeepAdmin(ctx, `DELETE FROM group_groups WHERE parent_group_id = ? AND child_group_id = ?`, parent, child)
}

// AddGroupUser makes a user a member of a group; adding a member again
// changes nothing.
func (s *Store) AddGroupUser(ctx context.Context, groupID, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if !s.rowExists(ctx, tx, `SELECT 1 FROM groups WHERE id = ?`, groupID) {
			return errNotFound
		}
		if !s.rowExists(ctx, tx, `SELECT 1 FROM users WHERE id = ?`, userID) {
			return overlook.Invalid("user_id", "missing", "user %d does not exist", userID)
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO group_users (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`),
			groupID, userID)
		return wrap("add group user", err)
	})
}

// RemoveGroupUser takes a user out of a group.
func (s *Store) RemoveGroupUser(ctx context.Context, groupID, userID int64) error {
	return s.deleteAndKeepAdmin(ctx, `DELETE FROM group_users WHERE group_id = ? AND user_id = ?`, groupID, userID)
}

// GroupExists reports whether a group exists (not found otherwise).
func (s *Store) GroupExists(ctx context.Context, id int64) error {
	if !s.rowExists(ctx, s.r, `SELECT 1 FROM groups WHERE id = ?`, id) {
		return errNotFound
	}
	return nil
}
