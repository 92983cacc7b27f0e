package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

const userColumns = `u.id, u.first_name, u.last_name, u.locale, u.is_disabled, u.is_service_account,
	u.service_account_name, u.home_folder_id, u.personal_folder_id, u.models_dir_validated,
	u.can_manage_api3_creds, u.ui_state, u.created_at`

func scanUser(sc interface{ Scan(...any) error }) (*overlook.User, error) {
	var u overlook.User
	var home, personal sql.NullInt64
	var uiState string
	var created int64
	err := sc.Scan(&u.ID, &u.FirstName, &u.LastName, &u.Locale, &u.IsDisabled, &u.IsServiceAccount,
		&u.ServiceAccountName, &home, &personal, &u.ModelsDirValidated, &u.CanManageAPI3Creds, &uiState, &created)
	if err != nil {
		return nil, err
	}
	u.HomeFolderID, u.PersonalFolderID = home.Int64, personal.Int64
	u.CreatedAt = fromMillis(created)
	if uiState != "" && uiState != "{}" {
		_ = json.Unmarshal([]byte(uiState), &u.UIState)
	}
	return &u, nil
}

// CreateUser inserts u with its personal folder under the users root, and
// its email credentials when u.Email is set, all or nothing. It sets u.ID,
// u.PersonalFolderID and u.HomeFolderID.
func (s *Store) CreateUser(ctx context.Context, u *overlook.User) error {
	ui, _ := json.Marshal(u.UIState)
	if u.UIState == nil {
		ui = []byte("{}")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkHomeFolder(ctx, tx, u.HomeFolderID); err != nil {
			return err
		}
		id, err := s.insert(ctx, tx, `INSERT INTO users (first_name, last_name, locale, is_disabled, is_service_account,
			service_account_name, models_dir_validated, can_manage_api3_creds, ui_state, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			u.FirstName, u.LastName, u.Locale, u.IsDisabled, u.IsServiceAccount, u.ServiceAccountName,
			u.ModelsDirValidated, u.CanManageAPI3Creds, string(ui), s.ms())
		if err != nil {
			return wrap("create user", err)
		}
		u.ID = id
		if u.Email != nil {
			u.Email.UserID = id
			if err := s.putEmail(ctx, tx, u.Email); err != nil {
				return err
			}
		}
		folderID, err := s.createPersonalFolder(ctx, tx, u)
		if err != nil {
			return err
		}
		u.PersonalFolderID = folderID
		if u.HomeFolderID == 0 {
			u.HomeFolderID = folderID
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE users SET personal_folder_id = ?, home_folder_id = ? WHERE id = ?`),
			u.PersonalFolderID, u.HomeFolderID, u.ID)
		return wrap("create user", err)
	})
}

// User returns the user with the given id, with its email and API credentials.
func (s *Store) User(ctx context.Context, id int64) (*overlook.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	if err := s.fillUsers(ctx, []*overlook.User{u}); err != nil {
		return nil, err
	}
	return u, nil
}

// UpdateUser applies the non-nil fields of up to user id.
func (s *Store) UpdateUser(ctx context.Context, id int64, up overlook.UserUpdate) error {
	var sets []string
	var args []any
	add := func(col string, v any) { sets = append(sets, col+" = ?"); args = append(args, v) }
	if up.FirstName != nil {
		add("first_name", *up.FirstName)
	}
	if up.LastName != nil {
		add("last_name", *up.LastName)
	}
	if up.Locale != nil {
		add("locale", *up.Locale)
	}
	if up.IsDisabled != nil {
		add("is_disabled", *up.IsDisabled)
	}
	if up.HomeFolderID != nil {
		add("home_folder_id", nullInt(*up.HomeFolderID))
	}
	if up.ModelsDirValidated != nil {
		add("models_dir_validated", *up.ModelsDirValidated)
	}
	if up.CanManageAPI3Creds != nil {
		add("can_manage_api3_creds", *up.CanManageAPI3Creds)
	}
	if up.ServiceAccountName != nil {
		add("service_account_name", *up.ServiceAccountName)
	}
	if up.UIState != nil {
		b, _ := json.Marshal(*up.UIState)
		add("ui_state", string(b))
	}
	disabling := up.IsDisabled != nil && *up.IsDisabled
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Checked before the change: a disabled admin no longer counts.
		if disabling {
			if err := s.guardLastAdmin(ctx, tx, id); err != nil {
				return err
			}
		}
		if up.HomeFolderID != nil {
			if err := s.checkHomeFolder(ctx, tx, *up.HomeFolderID); err != nil {
				return err
			}
		}
		if len(sets) > 0 {
			res, err := tx.ExecContext(ctx, s.q(`UPDATE users SET `+strings.Join(sets, ", ")+` WHERE id = ?`), append(args, id)...)
			if err != nil {
				return wrap("update user", s.mapErr(err))
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return errNotFound
			}
		} else if err := s.userExists(ctx, tx, id); err != nil {
			return err
		}
		// A disabled user keeps no live session.
		if disabling {
			_, err := tx.ExecContext(ctx, s.q(`DELETE FROM access_tokens WHERE user_id = ? OR sudo_user_id = ?`), id, id)
			return wrap("revoke tokens", err)
		}
		return nil
	})
}

// checkHomeFolder refuses a home folder that does not exist; 0 is none.
func (s *Store) checkHomeFolder(ctx context.Context, ex execer, id int64) error {
	if id == 0 {
		return nil
	}
	var one int
	err := ex.QueryRowContext(ctx, s.q(`SELECT 1 FROM folders WHERE id = ?`), id).Scan(&one)
	if overlook.IsNotFound(s.mapErr(err)) {
		return overlook.Invalid("home_folder_id", "missing", "folder %d does not exist", id)
	}
	return wrap("home folder", err)
}

func (s *Store) userExists(ctx context.Context, ex execer, id int64) error {
	var one int
	err := ex.QueryRowContext(ctx, s.q(`SELECT 1 FROM users WHERE id = ?`), id).Scan(&one)
	return s.mapErr(err)
}

// DeleteUser removes a user with its credentials, tokens and personal
// folder. It refuses to remove the last enabled admin.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var personal sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT personal_folder_id FROM users WHERE id = ?`), id).Scan(&personal)
		if err != nil {
			return s.mapErr(err)
		}
		if err := s.guardLastAdmin(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM access_tokens WHERE user_id = ? OR sudo_user_id = ?`), id, id); err != nil {
			return wrap("delete user", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM users WHERE id = ?`), id); err != nil {
			return wrap("delete user", err)
		}
		if personal.Valid {
			_, err = tx.ExecContext(ctx, s.q(`DELETE FROM folders WHERE id = ?`), personal.Int64)
		}
		return wrap("delete user", err)
	})
}

// Users returns the users f selects, in a stable order, and how many match
// without limit and offset.
func (s *Store) Users(ctx context.Context, f overlook.UserFilter) ([]*overlook.User, int, error) {
	where, args := userWhere(f)
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM users u `+where, args...).Scan(&total); err != nil {
		return nil, 0, wrap("count users", err)
	}
	q := `SELECT ` + userColumns + ` FROM users u ` + where + ` ORDER BY ` + userOrder(f.Sorts) + limitClause(f.Limit, f.Offset)
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, 0, wrap("list users", err)
	}
	defer rows.Close()
	var users []*overlook.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, 0, wrap("list users", err)
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, wrap("list users", err)
	}
	return users, total, s.fillUsers(ctx, users)
}

// userSortColumns maps API sort names to columns; anything else is refused
// by the caller before it gets here and ignored if it does.
// Names sort without regard to case, as Looker's do.
var userSortColumns = map[string]string{
	"id": "u.id", "first_name": "LOWER(u.first_name)", "last_name": "LOWER(u.last_name)",
	"is_disabled": "u.is_disabled", "locale": "u.locale", "created_at": "u.created_at",
	"email":                "COALESCE((SELECT ce.email_key FROM credentials_email ce WHERE ce.user_id = u.id), '')",
	"is_service_account":   "u.is_service_account",
	"service_account_name": "LOWER(u.service_account_name)",
}

// UserSortable reports whether users can be sorted by field.
func UserSortable(field string) bool { _, ok := userSortColumns[field]; return ok }

func userOrder(sorts []overlook.Sort) string {
	var parts []string
	for _, s := range sorts {
		col, ok := userSortColumns[s.Field]
		if !ok {
			continue
		}
		if s.Desc {
			col += " DESC"
		}
		parts = append(parts, col)
	}
	return strings.Join(append(parts, "u.id"), ", ")
}

func userWhere(f overlook.UserFilter) (string, []any) {
	var w whereBuilder
	if len(f.IDs) > 0 {
		w.add("u.id IN ("+placeholders(len(f.IDs))+")", int64Args(f.IDs)...)
	}
	w.like("u.first_name", f.FirstName)
	w.like("u.last_name", f.LastName)
	emailWhere(&w, f.Email)
	// No Overlook user is a Looker employee: the criterion is a constant.
	if f.VerifiedLookerEmployee != nil {
		w.add(map[bool]string{true: "1 = 0", false: "1 = 1"}[*f.VerifiedLookerEmployee])
	}
	if f.IsDisabled != nil {
		w.add("u.is_disabled = ?", *f.IsDisabled)
	}
	if f.IsServiceAccount != nil {
		w.add("u.is_service_account = ?", *f.IsServiceAccount)
	}
	if f.GroupID != 0 {
		w.add("EXISTS (SELECT 1 FROM group_users gu WHERE gu.user_id = u.id AND gu.group_id = ?)", f.GroupID)
	}
	if f.Pattern != "" {
		w.add(`(LOWER(u.first_name) LIKE LOWER(?) ESCAPE '\' OR LOWER(u.last_name) LIKE LOWER(?) ESCAPE '\'
			OR EXISTS (SELECT 1 FROM credentials_email ce WHERE ce.user_id = u.id AND LOWER(ce.email) LIKE LOWER(?) ESCAPE '\'))`,
			f.Pattern, f.Pattern, f.Pattern)
	}
	return w.sql(f.FilterOr), w.args
}

// emailWhere matches users by the address of their email credentials, with
// the search grammar of whereBuilder.like.
func emailWhere(w *whereBuilder, pattern string) {
	const has = "EXISTS (SELECT 1 FROM credentials_email ce WHERE ce.user_id = u.id"
	switch strings.ToUpper(strings.TrimSpace(pattern)) {
	case "":
	case "IS NULL":
		w.add("NOT " + has + ")")
	case "NOT NULL":
		w.add(has + ")")
	default:
		w.add(has+" AND LOWER(ce.email) LIKE LOWER(?) ESCAPE '\\')", pattern)
	}
}

// fillUsers loads email and API credentials, role and group ids for users.
func (s *Store) fillUsers(ctx context.Context, users []*overlook.User) error {
	if len(users) == 0 {
		return nil
	}
	byID := make(map[int64]*overlook.User, len(users))
	ids := make([]int64, len(users))
	for i, u := range users {
		byID[u.ID], ids[i] = u, u.ID
	}
	in := "(" + placeholders(len(ids)) + ")"
	args := int64Args(ids)
	now := s.ms()
	if err := s.eachRow(ctx, `SELECT `+emailColumns+` FROM credentials_email WHERE user_id IN `+in, args, func(sc scanner) error {
		c, err := scanEmail(sc, now)
		if err == nil {
			byID[c.UserID].Email = c
		}
		return err
	}); err != nil {
		return err
	}
	if err := s.eachRow(ctx, `SELECT `+api3Columns+` FROM credentials_api3 WHERE user_id IN `+in+` ORDER BY id`, args, func(sc scanner) error {
		c, err := scanAPI3(sc)
		if err == nil {
			byID[c.UserID].API3 = append(byID[c.UserID].API3, *c)
		}
		return err
	}); err != nil {
		return err
	}
	if err := s.eachRow(ctx, `SELECT user_id, role_id FROM role_users WHERE user_id IN `+in+` ORDER BY role_id`, args, func(sc scanner) error {
		var uid, rid int64
		err := sc.Scan(&uid, &rid)
		byID[uid].RoleIDs = append(byID[uid].RoleIDs, rid)
		return err
	}); err != nil {
		return err
	}
	return s.eachRow(ctx, `SELECT user_id, group_id FROM group_users WHERE user_id IN `+in+` ORDER BY group_id`, args, func(sc scanner) error {
		var uid, gid int64
		err := sc.Scan(&uid, &gid)
		byID[uid].GroupIDs = append(byID[uid].GroupIDs, gid)
		return err
	})
}

type scanner interface{ Scan(...any) error }

func (s *Store) eachRow(ctx context.Context, q string, args []any, fn func(scanner) error) error {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return wrap("query", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return wrap("scan", err)
		}
	}
	return wrap("rows", rows.Err())
}
