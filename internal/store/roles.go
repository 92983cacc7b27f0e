package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/overlookbi/overlook/internal/overlook"
)

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

// CreateRole inserts r and sets r.ID.
func (s *Store) CreateRole(ctx context.Context, r *overlook.Role) error {
	id, err := s.insert(ctx, s.w, `INSERT INTO roles (name, permission_set_id, model_set_id) VALUES (?, ?, ?)`,
		r.Name, r.PermissionSetID, r.ModelSetID)
	r.ID = id
	return err
}

// RoleIDByName finds a role by its name.
func (s *Store) RoleIDByName(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT id FROM roles WHERE name = ?`, name).Scan(&id)
	return id, s.mapErr(err)
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
