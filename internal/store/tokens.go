package store

import (
	"context"
	"database/sql"

	"github.com/overlookbi/overlook/internal/overlook"
)

const tokenColumns = `id, token_hash, user_id, sudo_user_id, credentials_api3_id, workspace_id, created_at, expires_at`

func scanToken(sc scanner) (*overlook.Token, error) {
	var t overlook.Token
	var sudo, api3 sql.NullInt64
	var created, expires int64
	err := sc.Scan(&t.ID, &t.Hash, &t.UserID, &sudo, &api3, &t.WorkspaceID, &created, &expires)
	t.SudoUserID, t.API3ID = sudo.Int64, api3.Int64
	t.CreatedAt, t.ExpiresAt = fromMillis(created), fromMillis(expires)
	return &t, err
}

// CreateToken stores a token (its hash) and sets t.ID.
func (s *Store) CreateToken(ctx context.Context, t *overlook.Token) error {
	id, err := s.insert(ctx, s.w, `INSERT INTO access_tokens (token_hash, user_id, sudo_user_id, credentials_api3_id, workspace_id, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, t.Hash, t.UserID, nullInt(t.SudoUserID), nullInt(t.API3ID), t.WorkspaceID,
		t.CreatedAt.UnixMilli(), t.ExpiresAt.UnixMilli())
	t.ID = id
	return err
}

// TokenByHash finds a token that has not expired.
func (s *Store) TokenByHash(ctx context.Context, hash []byte) (*overlook.Token, error) {
	t, err := scanToken(s.queryRow(ctx, `SELECT `+tokenColumns+` FROM access_tokens WHERE token_hash = ? AND expires_at > ?`, hash, s.ms()))
	return t, s.mapErr(err)
}

// Token returns a token of a user by id.
func (s *Store) Token(ctx context.Context, userID, id int64) (*overlook.Token, error) {
	t, err := scanToken(s.queryRow(ctx, `SELECT `+tokenColumns+` FROM access_tokens WHERE user_id = ? AND id = ? AND expires_at > ?`, userID, id, s.ms()))
	return t, s.mapErr(err)
}

// UserTokens lists the live tokens of a user, oldest first.
func (s *Store) UserTokens(ctx context.Context, userID int64) ([]*overlook.Token, error) {
	var out []*overlook.Token
	err := s.eachRow(ctx, `SELECT `+tokenColumns+` FROM access_tokens WHERE user_id = ? AND expires_at > ? ORDER BY id`,
		[]any{userID, s.ms()}, func(sc scanner) error {
			t, err := scanToken(sc)
			out = append(out, t)
			return err
		})
	return out, err
}

// SetTokenWorkspace changes the workspace of a token's session.
func (s *Store) SetTokenWorkspace(ctx context.Context, id int64, workspace string) error {
	res, err := s.exec(ctx, `UPDATE access_tokens SET workspace_id = ? WHERE id = ?`, workspace, id)
	return s.affectedOne(res, err)
}

// DeleteToken revokes one token.
func (s *Store) DeleteToken(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM access_tokens WHERE id = ?`, id)
}

// DeleteUserToken revokes one token of a user.
func (s *Store) DeleteUserToken(ctx context.Context, userID, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM access_tokens WHERE user_id = ? AND id = ?`, userID, id)
}

// DeleteExpiredTokens removes tokens past their expiry.
func (s *Store) DeleteExpiredTokens(ctx context.Context) (int64, error) {
	res, err := s.exec(ctx, `DELETE FROM access_tokens WHERE expires_at <= ?`, s.ms())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
