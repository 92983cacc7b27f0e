package store

import (
	"context"
	"database/sql"
	"time"
)

// OAuthApp is a browser app registered for the Authorization Code + PKCE
// flow. ClientGUID is chosen by whoever registers it.
type OAuthApp struct {
	ClientGUID  string
	RedirectURI string
	DisplayName string
	Description string
	Enabled     bool
	GroupID     int64 // 0: any user may use the app
	// TokensInvalidBefore is when the app's tokens were last invalidated.
	TokensInvalidBefore *time.Time
	CreatedAt           time.Time
}

const oauthAppColumns = `client_guid, redirect_uri, display_name, description, enabled, group_id, tokens_invalid_before, created_at`

func scanOAuthApp(sc scanner) (*OAuthApp, error) {
	var a OAuthApp
	var group, invalid sql.NullInt64
	var created int64
	err := sc.Scan(&a.ClientGUID, &a.RedirectURI, &a.DisplayName, &a.Description, &a.Enabled, &group, &invalid, &created)
	a.GroupID, a.TokensInvalidBefore, a.CreatedAt = group.Int64, optMillis(invalid), fromMillis(created)
	return &a, err
}

// OAuthApps lists every registered app by client_guid.
func (s *Store) OAuthApps(ctx context.Context) ([]*OAuthApp, error) {
	var out []*OAuthApp
	err := s.eachRow(ctx, `SELECT `+oauthAppColumns+` FROM oauth_client_apps ORDER BY client_guid`, nil, func(sc scanner) error {
		a, err := scanOAuthApp(sc)
		out = append(out, a)
		return err
	})
	return out, err
}

// OAuthApp returns one app.
func (s *Store) OAuthApp(ctx context.Context, guid string) (*OAuthApp, error) {
	a, err := scanOAuthApp(s.queryRow(ctx, `SELECT `+oauthAppColumns+` FROM oauth_client_apps WHERE client_guid = ?`, guid))
	return a, s.mapErr(err)
}

// CreateOAuthApp registers an app; a taken guid is a conflict.
func (s *Store) CreateOAuthApp(ctx context.Context, a *OAuthApp) error {
	_, err := s.exec(ctx, `INSERT INTO oauth_client_apps (client_guid, redirect_uri, display_name, description, enabled, group_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ClientGUID, a.RedirectURI, a.DisplayName, a.Description, a.Enabled, nullInt(a.GroupID), s.ms())
	return s.mapErr(err)
}

// UpdateOAuthApp writes the editable fields of an app.
func (s *Store) UpdateOAuthApp(ctx context.Context, a *OAuthApp) error {
	res, err := s.exec(ctx, `UPDATE oauth_client_apps SET redirect_uri = ?, display_name = ?, description = ?, enabled = ?, group_id = ?
		WHERE client_guid = ?`, a.RedirectURI, a.DisplayName, a.Description, a.Enabled, nullInt(a.GroupID), a.ClientGUID)
	return s.affectedOne(res, err)
}

// DeleteOAuthApp removes an app with its grants and every access token it
// issued.
func (s *Store) DeleteOAuthApp(ctx context.Context, guid string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.deleteFamilyTokens(ctx, tx, `client_guid = ?`, guid); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM oauth_client_apps WHERE client_guid = ?`), guid)
		return s.affectedOne(res, err)
	})
}

// InvalidateOAuthAppTokens revokes every grant of an app (and, with
// userID != 0, only that user's) and records when on the app.
func (s *Store) InvalidateOAuthAppTokens(ctx context.Context, guid string, userID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		where, args := `client_guid = ?`, []any{guid}
		if userID != 0 {
			where, args = where+` AND user_id = ?`, append(args, userID)
		}
		if err := s.revokeFamilies(ctx, tx, where, args...); err != nil {
			return err
		}
		if userID != 0 {
			return nil
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE oauth_client_apps SET tokens_invalid_before = ? WHERE client_guid = ?`), s.ms(), guid)
		return s.affectedOne(res, err)
	})
}

// SetOAuthAppUser activates or deactivates a user for an app. Deactivating
// also revokes the user's grants for the app.
func (s *Store) SetOAuthAppUser(ctx context.Context, guid string, userID int64, active bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO oauth_app_users (client_guid, user_id, active, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (client_guid, user_id) DO UPDATE SET active = excluded.active, updated_at = excluded.updated_at`),
			guid, userID, active, s.ms())
		if err != nil || active {
			return s.mapErr(err)
		}
		return s.revokeFamilies(ctx, tx, `client_guid = ? AND user_id = ?`, guid, userID)
	})
}

// OAuthAppUserActive reports whether a user is activated for an app, and
// whether it was ever activated or deactivated at all.
func (s *Store) OAuthAppUserActive(ctx context.Context, guid string, userID int64) (active, known bool, err error) {
	err = s.queryRow(ctx, `SELECT active FROM oauth_app_users WHERE client_guid = ? AND user_id = ?`, guid, userID).Scan(&active)
	if err == sql.ErrNoRows {
		return false, false, nil
	}
	return active, err == nil, wrap("app user", err)
}

// OAuthAppActiveUsers lists the ids of the users activated for an app.
func (s *Store) OAuthAppActiveUsers(ctx context.Context, guid string) ([]int64, error) {
	var ids []int64
	err := s.eachRow(ctx, `SELECT user_id FROM oauth_app_users WHERE client_guid = ? AND active = ? ORDER BY user_id`,
		[]any{guid, true}, func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			ids = append(ids, id)
			return err
		})
	return ids, err
}
