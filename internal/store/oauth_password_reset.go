package store

import (
	"context"
	"database/sql"
)

// RedeemPasswordReset sets a new password hash for the user holding the
// live reset token whose SHA-256 (hex) is tokenHash, and spends the token.
// It returns the user's id; an unknown, spent or expired token is not
// found.
func (s *Store) RedeemPasswordReset(ctx context.Context, tokenHash, passwordHash string) (int64, error) {
	var userID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`SELECT user_id FROM credentials_email WHERE reset_token_hash = ?
			AND (reset_expires_at IS NULL OR reset_expires_at > ?) AND is_disabled = ?`), tokenHash, s.ms(), false).Scan(&userID)
		if err != nil {
			return s.mapErr(err)
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE credentials_email SET password_hash = ?, reset_token_hash = NULL,
			reset_expires_at = NULL, forced_password_reset = ? WHERE user_id = ? AND reset_token_hash = ?`),
			passwordHash, false, userID, tokenHash)
		return s.affectedOne(res, err)
	})
	return userID, err
}

// SetLoggedIn records a successful web login of a user.
func (s *Store) SetLoggedIn(ctx context.Context, userID int64) error {
	_, err := s.exec(ctx, `UPDATE credentials_email SET logged_in_at = ? WHERE user_id = ?`, s.ms(), userID)
	return wrap("logged in", err)
}
