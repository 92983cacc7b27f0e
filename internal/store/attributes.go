package store

import (
	"context"
	"database/sql"

	"github.com/overlookbi/overlook/internal/overlook"
)

const attrColumns = `a.id, a.name, a.label, a.type, a.default_value, a.is_system, a.is_permanent, a.value_is_hidden,
	a.user_can_view, a.user_can_edit, a.hidden_value_domain_whitelist`

func scanAttr(sc scanner) (*overlook.UserAttribute, error) {
	a := &overlook.UserAttribute{}
	var def, domains sql.NullString
	err := sc.Scan(&a.ID, &a.Name, &a.Label, &a.Type, &def, &a.IsSystem, &a.IsPermanent, &a.ValueIsHidden,
		&a.UserCanView, &a.UserCanEdit, &domains)
	if def.Valid {
		a.DefaultValue = &def.String
	}
	if domains.Valid {
		a.HiddenValueDomainWhitelist = &domains.String
	}
	return a, err
}

var attrSortColumns = map[string]string{"id": "a.id", "name": "a.name", "label": "a.label", "type": "a.type"}

// AttributeSortable reports whether user attributes can be sorted by field.
func AttributeSortable(field string) bool { _, ok := attrSortColumns[field]; return ok }

// UserAttributes returns every user attribute, by name unless sorted.
func (s *Store) UserAttributes(ctx context.Context, sorts []overlook.Sort) ([]*overlook.UserAttribute, error) {
	q := `SELECT ` + attrColumns + ` FROM user_attributes a ORDER BY ` + orderBy(attrSortColumns, sorts, "a.name, a.id")
	return s.attrs(ctx, q)
}

func (s *Store) attrs(ctx context.Context, q string, args ...any) ([]*overlook.UserAttribute, error) {
	var out []*overlook.UserAttribute
	err := s.eachRow(ctx, q, args, func(sc scanner) error {
		a, err := scanAttr(sc)
		out = append(out, a)
		return err
	})
	return out, err
}

// UserAttribute returns one user attribute.
func (s *Store) UserAttribute(ctx context.Context, id int64) (*overlook.UserAttribute, error) {
	a, err := scanAttr(s.queryRow(ctx, `SELECT `+attrColumns+` FROM user_attributes a WHERE a.id = ?`, id))
	return a, s.mapErr(err)
}

// CreateUserAttribute inserts a and sets a.ID. Names and labels are unique:
// a duplicate is a 422 naming the field.
func (s *Store) CreateUserAttribute(ctx context.Context, a *overlook.UserAttribute) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.attrUnique(ctx, tx, a); err != nil {
			return err
		}
		id, err := s.insert(ctx, tx, `INSERT INTO user_attributes (name, label, type, default_value, is_system, is_permanent,
			value_is_hidden, user_can_view, user_can_edit, hidden_value_domain_whitelist) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Name, a.Label, a.Type, a.DefaultValue, a.IsSystem, a.IsPermanent, a.ValueIsHidden, a.UserCanView,
			a.UserCanEdit, a.HiddenValueDomainWhitelist)
		a.ID = id
		return err
	})
}

func (s *Store) attrUnique(ctx context.Context, ex execer, a *overlook.UserAttribute) error {
	if s.rowExists(ctx, ex, `SELECT 1 FROM user_attributes WHERE LOWER(name) = LOWER(?) AND id <> ?`, a.Name, a.ID) {
		return overlook.Invalid("name", "already_exists", "a user attribute named %q already exists", a.Name)
	}
	if s.rowExists(ctx, ex, `SELECT 1 FROM user_attributes WHERE LOWER(label) = LOWER(?) AND id <> ?`, a.Label, a.ID) {
		return overlook.Invalid("label", "already_exists", "a user attribute labelled %q already exists", a.Label)
	}
	return nil
}

// UpdateUserAttribute stores every field of a but the system flags.
func (s *Store) UpdateUserAttribute(ctx context.Context, a *overlook.UserAttribute) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.attrUnique(ctx, tx, a); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE user_attributes SET name = ?, label = ?, type = ?, default_value = ?,
			value_is_hidden = ?, user_can_view = ?, user_can_edit = ?, hidden_value_domain_whitelist = ? WHERE id = ?`),
			a.Name, a.Label, a.Type, a.DefaultValue, a.ValueIsHidden, a.UserCanView, a.UserCanEdit,
			a.HiddenValueDomainWhitelist, a.ID)
		return s.affectedOne(res, err)
	})
}

// DeleteUserAttribute removes an attribute with every value of it.
func (s *Store) DeleteUserAttribute(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM user_attributes WHERE id = ?`, id)
}

// AttributeGroupValues returns the group values of an attribute, highest
// priority (lowest rank) first.
func (s *Store) AttributeGroupValues(ctx context.Context, attrID int64) ([]overlook.UserAttributeGroupValue, error) {
	if !s.rowExists(ctx, s.r, `SELECT 1 FROM user_attributes WHERE id = ?`, attrID) {
		return nil, errNotFound
	}
	return s.groupValues(ctx, s.r, `WHERE user_attribute_id = ?`, attrID)
}

func (s *Store) groupValues(ctx context.Context, ex execer, where string, args ...any) ([]overlook.UserAttributeGroupValue, error) {
	rows, err := ex.QueryContext(ctx, s.q(`SELECT id, group_id, user_attribute_id, value, rank
		FROM user_attribute_group_values `+where+` ORDER BY rank, group_id`), args...)
	if err != nil {
		return nil, wrap("group values", err)
	}
	defer rows.Close()
	out := []overlook.UserAttributeGroupValue{}
	for rows.Next() {
		var v overlook.UserAttributeGroupValue
		if err := rows.Scan(&v.ID, &v.GroupID, &v.UserAttributeID, &v.Value, &v.Rank); err != nil {
			return nil, wrap("group values", err)
		}
		out = append(out, v)
	}
	return out, wrap("group values", rows.Err())
}

// SetAttributeGroupValues replaces every group value of an attribute by
// vals. Their Rank fields must be set, one per group.
func (s *Store) SetAttributeGroupValues(ctx context.Context, attrID int64, vals []overlook.UserAttributeGroupValue) ([]overlook.UserAttributeGroupValue, error) {
	var out []overlook.UserAttributeGroupValue
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if !s.rowExists(ctx, tx, `SELECT 1 FROM user_attributes WHERE id = ?`, attrID) {
			return errNotFound
		}
		seen := map[int64]bool{}
		for _, v := range vals {
			if seen[v.GroupID] {
				return overlook.Invalid("group_id", "duplicate", "group %d is given more than once", v.GroupID)
			}
			seen[v.GroupID] = true
			if !s.rowExists(ctx, tx, `SELECT 1 FROM groups WHERE id = ?`, v.GroupID) {
				return overlook.Invalid("group_id", "missing", "group %d does not exist", v.GroupID)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_attribute_group_values WHERE user_attribute_id = ?`), attrID); err != nil {
			return wrap("set group values", err)
		}
		for _, v := range vals {
			if _, err := s.insert(ctx, tx, `INSERT INTO user_attribute_group_values (group_id, user_attribute_id, value, rank)
				VALUES (?, ?, ?, ?)`, v.GroupID, attrID, v.Value, v.Rank); err != nil {
				return err
			}
		}
		var err error
		out, err = s.groupValues(ctx, tx, `WHERE user_attribute_id = ?`, attrID)
		return err
	})
	return out, err
}

// PutGroupValue sets a group's value of an attribute. A new value takes
// the lowest priority (the highest rank); a changed one keeps its rank.
func (s *Store) PutGroupValue(ctx context.Context, groupID, attrID int64, value string) (*overlook.UserAttributeGroupValue, error) {
	var out *overlook.UserAttributeGroupValue
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.groupAndAttrExist(ctx, tx, groupID, attrID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO user_attribute_group_values (group_id, user_attribute_id, value, rank)
			VALUES (?, ?, ?, (SELECT COALESCE(MAX(rank), 0) + 1 FROM user_attribute_group_values WHERE user_attribute_id = ?))
			ON CONFLICT (group_id, user_attribute_id) DO UPDATE SET value = excluded.value`), groupID, attrID, value, attrID)
		if err != nil {
			return wrap("put group value", err)
		}
		vals, err := s.groupValues(ctx, tx, `WHERE group_id = ? AND user_attribute_id = ?`, groupID, attrID)
		if err == nil && len(vals) == 1 {
			out = &vals[0]
		}
		return err
	})
	return out, err
}

func (s *Store) groupAndAttrExist(ctx context.Context, ex execer, groupID, attrID int64) error {
	if !s.rowExists(ctx, ex, `SELECT 1 FROM groups WHERE id = ?`, groupID) ||
		!s.rowExists(ctx, ex, `SELECT 1 FROM user_attributes WHERE id = ?`, attrID) {
		return errNotFound
	}
	return nil
}

// DeleteGroupValue removes a group's value of an attribute, if any.
func (s *Store) DeleteGroupValue(ctx context.Context, groupID, attrID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.groupAndAttrExist(ctx, tx, groupID, attrID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_attribute_group_values WHERE group_id = ? AND user_attribute_id = ?`),
			groupID, attrID)
		return wrap("delete group value", err)
	})
}

// SetUserValue sets a user's own value of an attribute.
func (s *Store) SetUserValue(ctx context.Context, userID, attrID int64, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.userAndAttrExist(ctx, tx, userID, attrID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO user_attribute_user_values (user_id, user_attribute_id, value)
			VALUES (?, ?, ?) ON CONFLICT (user_id, user_attribute_id) DO UPDATE SET value = excluded.value`), userID, attrID, value)
		return wrap("set user value", err)
	})
}

func (s *Store) userAndAttrExist(ctx context.Context, ex execer, userID, attrID int64) error {
	if !s.rowExists(ctx, ex, `SELECT 1 FROM users WHERE id = ?`, userID) ||
		!s.rowExists(ctx, ex, `SELECT 1 FROM user_attributes WHERE id = ?`, attrID) {
		return errNotFound
	}
	return nil
}

// DeleteUserValue removes a user's own value of an attribute, if any.
func (s *Store) DeleteUserValue(ctx context.Context, userID, attrID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.userAndAttrExist(ctx, tx, userID, attrID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM user_attribute_user_values WHERE user_id = ? AND user_attribute_id = ?`),
			userID, attrID)
		return wrap("delete user value", err)
	})
}

// Where a user's value of an attribute comes from, in order of precedence.
const (
	SourceUser    = "user"
	SourceGroup   = "group"
	SourceDefault = "default"
)

// ValuesQuery selects what AttributeValues returns.
type ValuesQuery struct {
	AttrIDs []int64 // empty: every attribute
	// AllValues returns every candidate value in precedence order, not just
	// the winner.
	AllValues bool
	// IncludeUnset returns a row without value for attributes that have none.
	IncludeUnset bool
}

// AttributeValues resolves a user's values of attributes: the user's own
// value wins; then the value of the best-ranked group the user belongs to,
// directly or through groups within groups; then the default. System
// attributes (email, name, …) take their value from the user's account.
func (s *Store) AttributeValues(ctx context.Context, userID int64, vq ValuesQuery) ([]overlook.UserAttributeWithValue, error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	attrs, err := s.UserAttributes(ctx, nil)
	if err != nil {
		return nil, err
	}
	own, groups, err := s.attrCandidates(ctx, userID)
	if err != nil {
		return nil, err
	}
	wanted := map[int64]bool{}
	for _, id := range vq.AttrIDs {
		wanted[id] = true
	}
	out := []overlook.UserAttributeWithValue{}
	for _, a := range attrs {
		if len(wanted) > 0 && !wanted[a.ID] {
			continue
		}
		rows := candidates(a, u, own, groups[a.ID])
		if len(rows) == 0 && vq.IncludeUnset {
			rows = []overlook.UserAttributeWithValue{{UserAttribute: *a, UserID: userID}}
		}
		if len(rows) > 1 && !vq.AllValues {
			rows = rows[:1]
		}
		out = append(out, rows...)
	}
	return out, nil
}

// candidates lists the values user u could get for attribute a, best first.
func candidates(a *overlook.UserAttribute, u *overlook.User, own map[int64]string,
	groups []overlook.UserAttributeGroupValue) []overlook.UserAttributeWithValue {
	var out []overlook.UserAttributeWithValue
	add := func(v, source string, rank int64) {
		out = append(out, overlook.UserAttributeWithValue{UserAttribute: *a, UserID: u.ID, Value: &v, Source: source, Rank: rank})
	}
	if v, ok := systemValue(a, u); ok {
		add(v, SourceUser, 0)
		return out
	}
	if v, ok := own[a.ID]; ok {
		add(v, SourceUser, 0)
	}
	for _, g := range groups {
		add(g.Value, SourceGroup, g.Rank)
	}
	if a.DefaultValue != nil && *a.DefaultValue != "" {
		add(*a.DefaultValue, SourceDefault, 0)
	}
	return out
}

// systemValue is the value of a system attribute: a field of the user's
// account.
func systemValue(a *overlook.UserAttribute, u *overlook.User) (string, bool) {
	if !a.IsSystem {
		return "", false
	}
	switch a.Name {
	case "email":
		if u.Email != nil {
			return u.Email.Email, true
		}
	case "first_name":
		return u.FirstName, true
	case "last_name":
		return u.LastName, true
	case "name":
		return u.DisplayName(), true
	case "id":
		return itoa(u.ID), true
	case "locale":
		return u.Locale, true
	}
	return "", false
}

// attrCandidates loads a user's own values (by attribute) and the values
// of the user's groups, nested groups included (by attribute, best rank
// first).
func (s *Store) attrCandidates(ctx context.Context, userID int64) (map[int64]string, map[int64][]overlook.UserAttributeGroupValue, error) {
	own := map[int64]string{}
	err := s.eachRow(ctx, `SELECT user_attribute_id, value FROM user_attribute_user_values WHERE user_id = ?`,
		[]any{userID}, func(sc scanner) error {
			var id int64
			var v string
			err := sc.Scan(&id, &v)
			own[id] = v
			return err
		})
	if err != nil {
		return nil, nil, err
	}
	vals, err := s.groupValues(ctx, s.r, `WHERE group_id IN (`+userGroupsCTE+` SELECT id FROM ug)`, userID)
	if err != nil {
		return nil, nil, err
	}
	groups := map[int64][]overlook.UserAttributeGroupValue{}
	for _, v := range vals {
		groups[v.UserAttributeID] = append(groups[v.UserAttributeID], v)
	}
	return own, groups, nil
}

// ResolvedUserAttributes returns the value each attribute has for a user,
// by attribute name; attributes without a value are absent. Hidden values
// are included: this is for the query compiler, never for display.
func (s *Store) ResolvedUserAttributes(ctx context.Context, userID int64) (map[string]string, error) {
	rows, err := s.AttributeValues(ctx, userID, ValuesQuery{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		if r.Value != nil {
			out[r.Name] = *r.Value
		}
	}
	return out, nil
}
