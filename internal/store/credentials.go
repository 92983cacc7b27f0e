package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

const emailColumns = `user_id, email, password_hash, forced_password_reset, is_disabled, created_at, logged_in_at,
	reset_token_hash, reset_expires_at`

// scanEmail reads a row of emailColumns; nowMs decides whether a pending
// password reset has expired.
func scanEmail(sc scanner, nowMs int64) (*overlook.CredentialsEmail, error) {
	var c overlook.CredentialsEmail
	var created int64
	var logged, resetExp sql.NullInt64
	var resetHash sql.NullString
	err := sc.Scan(&c.UserID, &c.Email, &c.PasswordHash, &c.ForcedPasswordResetAtNext, &c.IsDisabled, &created, &logged,
		&resetHash, &resetExp)
	if err != nil {
		return nil, err
	}
	c.CreatedAt, c.LoggedInAt = fromMillis(created), optMillis(logged)
	c.PasswordResetExpired = resetHash.Valid && resetExp.Valid && resetExp.Int64 <= nowMs
	return &c, nil
}

// emailKey is the unique key of an email: emails are stored as given and
// compared without case.
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CredentialsEmail returns the email credentials of a user.
func (s *Store) CredentialsEmail(ctx context.Context, userID int64) (*overlook.CredentialsEmail, error) {
	c, err := scanEmail(s.queryRow(ctx, `SELECT `+emailColumns+` FROM credentials_email WHERE user_id = ?`, userID), s.ms())
	return c, s.mapErr(err)
}

// CredentialsEmailByEmail finds email credentials by address, ignoring case.
func (s *Store) CredentialsEmailByEmail(ctx context.Context, email string) (*overlook.CredentialsEmail, error) {
	c, err := scanEmail(s.queryRow(ctx, `SELECT `+emailColumns+` FROM credentials_email WHERE email_key = ?`, emailKey(email)), s.ms())
	return c, s.mapErr(err)
}

// PutCredentialsEmail creates or replaces the email of a user, keeping the
// password unless c.PasswordHash is set. An address another user has is a
// conflict.
func (s *Store) PutCredentialsEmail(ctx context.Context, c *overlook.CredentialsEmail) error {
	if err := s.userExists(ctx, s.w, c.UserID); err != nil {
		return err
	}
	return s.putEmail(ctx, s.w, c)
}

func (s *Store) putEmail(ctx context.Context, ex execer, c *overlook.CredentialsEmail) error {
	_, err := ex.ExecContext(ctx, s.q(`INSERT INTO credentials_email (user_id, email, email_key, password_hash, forced_password_reset, created_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, email_key = excluded.email_key,
			forced_password_reset = excluded.forced_password_reset,
			password_hash = CASE WHEN excluded.password_hash = '' THEN credentials_email.password_hash ELSE excluded.password_hash END`),
		c.UserID, strings.TrimSpace(c.Email), emailKey(c.Email), c.PasswordHash, c.ForcedPasswordResetAtNext, s.ms())
	return s.mapErr(err)
}

// DeleteCredentialsEmail removes the email login of a user.
func (s *Store) DeleteCredentialsEmail(ctx context.Context, userID int64) error {
	return s.deleteOne(ctx, `DELETE FROM credentials_email WHERE user_id = ?`, userID)
}

// SetPasswordReset stores the hash of a one-time password-reset token and
// its expiry (unix ms; 0: never), replacing any earlier token.
func (s *Store) SetPasswordReset(ctx context.Context, userID int64, tokenHash string, expiresMs int64) error {
	res, err := s.exec(ctx, `UPDATE credentials_email SET reset_token_hash = ?, reset_expires_at = ? WHERE user_id = ?`,
		tokenHash, nullInt(expiresMs), userID)
	return s.affectedOne(res, err)
}

const api3Columns = `id, user_id, client_id, secret_hash, purpose, is_disabled, created_at`

func scanAPI3(sc scanner) (*overlook.CredentialsAPI3, error) {
	var c overlook.CredentialsAPI3
	var created int64
	err := sc.Scan(&c.ID, &c.UserID, &c.ClientID, &c.SecretHash, &c.Purpose, &c.IsDisabled, &created)
	c.CreatedAt = fromMillis(created)
	return &c, err
}

// CreateCredentialsAPI3 stores a new API key and sets c.ID.
func (s *Store) CreateCredentialsAPI3(ctx context.Context, c *overlook.CredentialsAPI3) error {
	if err := s.userExists(ctx, s.w, c.UserID); err != nil {
		return err
	}
	id, err := s.insert(ctx, s.w, `INSERT INTO credentials_api3 (user_id, client_id, secret_hash, purpose, is_disabled, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, c.UserID, c.ClientID, c.SecretHash, c.Purpose, c.IsDisabled, s.ms())
	c.ID = id
	return err
}

// CredentialsAPI3ByClientID finds an API key by its client_id.
func (s *Store) CredentialsAPI3ByClientID(ctx context.Context, clientID string) (*overlook.CredentialsAPI3, error) {
	c, err := scanAPI3(s.queryRow(ctx, `SELECT `+api3Columns+` FROM credentials_api3 WHERE client_id = ?`, clientID))
	return c, s.mapErr(err)
}

// CredentialsAPI3 returns one API key of a user.
func (s *Store) CredentialsAPI3(ctx context.Context, userID, id int64) (*overlook.CredentialsAPI3, error) {
	c, err := scanAPI3(s.queryRow(ctx, `SELECT `+api3Columns+` FROM credentials_api3 WHERE user_id = ? AND id = ?`, userID, id))
	return c, s.mapErr(err)
}

// UpdateCredentialsAPI3Purpose changes the purpose of an API key.
func (s *Store) UpdateCredentialsAPI3Purpose(ctx context.Context, userID, id int64, purpose string) error {
	res, err := s.exec(ctx, `UPDATE credentials_api3 SET purpose = ? WHERE user_id = ? AND id = ?`, purpose, userID, id)
	return s.affectedOne(res, err)
}

// DeleteCredentialsAPI3 removes an API key and every token it logged in.
func (s *Store) DeleteCredentialsAPI3(ctx context.Context, userID, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM access_tokens WHERE credentials_api3_id = ?`), id); err != nil {
			return wrap("delete api3", err)
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM credentials_api3 WHERE user_id = ? AND id = ?`), userID, id)
		return s.affectedOne(res, err)
	})
}

func (s *Store) deleteOne(ctx context.Context, q string, args ...any) error {
	res, err := s.exec(ctx, q, args...)
	return s.affectedOne(res, err)
}

// affectedOne maps "no row changed" to not found.
func (s *Store) affectedOne(res sql.Result, err error) error {
	if err != nil {
		return s.mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errNotFound
	}
	return nil
}
