package store

import (
	"context"
	"database/sql"
	"time"
)

// OAuthGrant is one authorization of a user for an app (a family): the
// code it started with and every token descended from it.
type OAuthGrant struct {
	FamilyID    int64
	ClientGUID  string
	UserID      int64
	RedirectURI string
	Revoked     bool
}

// OAuthCode is an authorization code, known by its SHA-256.
type OAuthCode struct {
	OAuthGrant
	Hash      []byte
	Challenge string
	ExpiresAt time.Time
}

// OAuthRefresh is a refresh token, known by its SHA-256.
type OAuthRefresh struct {
	OAuthGrant
	ExpiresAt time.Time
	// AccessLoggedOut: the access token issued with it was revoked before
	// it expired (a logout), which ends this refresh token too.
	AccessLoggedOut bool
}

const grantColumns = `f.id, f.client_guid, f.user_id, f.redirect_uri, f.revoked_at IS NOT NULL`

// CreateOAuthCode starts a grant and stores its code; it sets c.FamilyID.
func (s *Store) CreateOAuthCode(ctx context.Context, c *OAuthCode) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.insert(ctx, tx, `INSERT INTO oauth_families (client_guid, user_id, redirect_uri, created_at) VALUES (?, ?, ?, ?)`,
			c.ClientGUID, c.UserID, c.RedirectURI, s.ms())
		if err != nil {
			return err
		}
		c.FamilyID = id
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO oauth_codes (code_hash, family_id, code_challenge, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?)`), c.Hash, id, c.Challenge, s.ms(), c.ExpiresAt.UnixMilli())
		return s.mapErr(err)
	})
}

// ClaimOAuthCode marks a code used and returns it. first is false when the
// code had been used before (the caller then revokes its grant). An
// unknown code is not found.
func (s *Store) ClaimOAuthCode(ctx context.Context, hash []byte) (c *OAuthCode, first bool, err error) {
	c = &OAuthCode{Hash: hash}
	var expires int64
	err = s.w.QueryRowContext(ctx, s.q(`SELECT `+grantColumns+`, c.code_challenge, c.expires_at
		FROM oauth_codes c JOIN oauth_families f ON f.id = c.family_id WHERE c.code_hash = ?`), hash).
		Scan(&c.FamilyID, &c.ClientGUID, &c.UserID, &c.RedirectURI, &c.Revoked, &c.Challenge, &expires)
	if err != nil {
		return nil, false, s.mapErr(err)
	}
	c.ExpiresAt = fromMillis(expires)
	res, err := s.exec(ctx, `UPDATE oauth_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL`, s.ms(), hash)
	if err != nil {
		return nil, false, wrap("claim code", err)
	}
	n, _ := res.RowsAffected()
	return c, n == 1, nil
}

// AddOAuthTokens links a freshly minted access token to a grant and stores
// the refresh token issued with it. A revoked grant is not found.
func (s *Store) AddOAuthTokens(ctx context.Context, familyID, accessID int64, accessExpires time.Time, refreshHash []byte, refreshExpires time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var revoked bool
		err := tx.QueryRowContext(ctx, s.q(`SELECT revoked_at IS NOT NULL FROM oauth_families WHERE id = ?`), familyID).Scan(&revoked)
		if err != nil || revoked {
			return errNotFound
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO oauth_family_tokens (family_id, access_token_id) VALUES (?, ?)`),
			familyID, accessID); err != nil {
			return s.mapErr(err)
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO oauth_refresh_tokens (token_hash, family_id, access_token_id, access_expires_at, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`), refreshHash, familyID, accessID, accessExpires.UnixMilli(), s.ms(), refreshExpires.UnixMilli())
		return s.mapErr(err)
	})
}

// ClaimOAuthRefresh marks a refresh token used and returns it; first is
// false when it had been used before (a replay: the caller revokes the
// grant). An unknown token is not found.
func (s *Store) ClaimOAuthRefresh(ctx context.Context, hash []byte) (r *OAuthRefresh, first bool, err error) {
	r = &OAuthRefresh{}
	var expires, accessExpires int64
	var accessAlive bool
	err = s.w.QueryRowContext(ctx, s.q(`SELECT `+grantColumns+`, r.expires_at, r.access_expires_at,
			EXISTS (SELECT 1 FROM access_tokens a WHERE a.id = r.access_token_id)
		FROM oauth_refresh_tokens r JOIN oauth_families f ON f.id = r.family_id WHERE r.token_hash = ?`), hash).
		Scan(&r.FamilyID, &r.ClientGUID, &r.UserID, &r.RedirectURI, &r.Revoked, &expires, &accessExpires, &accessAlive)
	if err != nil {
		return nil, false, s.mapErr(err)
	}
	r.ExpiresAt = fromMillis(expires)
	r.AccessLoggedOut = !accessAlive && accessExpires > s.ms()
	res, err := s.exec(ctx, `UPDATE oauth_refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`, s.ms(), hash)
	if err != nil {
		return nil, false, wrap("claim refresh token", err)
	}
	n, _ := res.RowsAffected()
	return r, n == 1, nil
}

// RevokeOAuthGrant ends a grant: its access tokens are deleted and its
// refresh tokens stop working.
func (s *Store) RevokeOAuthGrant(ctx context.Context, familyID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.revokeFamilies(ctx, tx, `id = ?`, familyID) })
}

// revokeFamilies revokes the grants matching where (a condition on
// oauth_families written in code, values bound from args).
func (s *Store) revokeFamilies(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	if err := s.deleteFamilyTokens(ctx, tx, where, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, s.q(`UPDATE oauth_families SET revoked_at = ? WHERE revoked_at IS NULL AND `+where),
		append([]any{s.ms()}, args...)...)
	return wrap("revoke grants", err)
}

func (s *Store) deleteFamilyTokens(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	_, err := tx.ExecContext(ctx, s.q(`DELETE FROM access_tokens WHERE id IN (SELECT t.access_token_id FROM oauth_family_tokens t
		WHERE t.family_id IN (SELECT id FROM oauth_families WHERE `+where+`))`), args...)
	return wrap("delete grant tokens", err)
}
