package auth

import (
	"context"
	"slices"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// AuthRequest is what a client sends to /auth.
type AuthRequest struct {
	ResponseType, ClientID, RedirectURI, Scope, State string
	CodeChallenge, CodeChallengeMethod                string
}

// CheckClient finds the app of an authorization request and checks its
// redirect URI, byte for byte. Until it succeeds, errors must be shown to
// the user and never sent to the redirect URI.
func (o *OAuth) CheckClient(ctx context.Context, r *AuthRequest) (*store.OAuthApp, error) {
	if r.ClientID == "" {
		return nil, oauthErr("invalid_request", "client_id is missing")
	}
	app, err := o.st.OAuthApp(ctx, r.ClientID)
	if overlook.IsNotFound(err) || (err == nil && !app.Enabled) {
		return nil, oauthErr("invalid_client", "unknown or disabled client_id")
	}
	if err != nil {
		return nil, err
	}
	if r.RedirectURI == "" || r.RedirectURI != app.RedirectURI {
		return nil, oauthErr("invalid_request", "redirect_uri does not match the one registered for this client")
	}
	return app, nil
}

// CheckRequest validates the rest of an authorization request (once
// CheckClient passed): errors here go back to the redirect URI.
func CheckRequest(r *AuthRequest) error {
	switch {
	case r.ResponseType != "code":
		return oauthErr("unsupported_response_type", "response_type must be code")
	case r.CodeChallenge == "":
		return oauthErr("invalid_request", "code_challenge is required (PKCE)")
	case r.CodeChallengeMethod != "S256":
		return oauthErr("invalid_request", "code_challenge_method must be S256")
	case !validChallenge(r.CodeChallenge):
		return oauthErr("invalid_request", "code_challenge is not a SHA-256 digest in hex or base64")
	case len(r.State) > 1024:
		return oauthErr("invalid_request", "state is too long")
	}
	return nil
}

// IssueCode records the user's consent and returns a one-time code bound
// to the app, the user, the redirect URI and the challenge.
func (o *OAuth) IssueCode(ctx context.Context, app *store.OAuthApp, userID int64, r *AuthRequest) (string, error) {
	if err := CheckRequest(r); err != nil {
		return "", err
	}
	if err := o.checkUser(ctx, app, userID); err != nil {
		return "", err
	}
	if err := o.st.SetOAuthAppUser(ctx, app.ClientGUID, userID, true); err != nil {
		return "", err
	}
	code, hash := NewToken()
	c := &store.OAuthCode{Hash: hash, Challenge: r.CodeChallenge, ExpiresAt: o.now().Add(CodeLifetime),
		OAuthGrant: store.OAuthGrant{ClientGUID: app.ClientGUID, UserID: userID, RedirectURI: r.RedirectURI}}
	if err := o.st.CreateOAuthCode(ctx, c); err != nil {
		return "", err
	}
	return code, nil
}

// checkUser refuses a user who is disabled, deactivated for the app, or
// outside the app's group.
func (o *OAuth) checkUser(ctx context.Context, app *store.OAuthApp, userID int64) error {
	denied := oauthErr("access_denied", "this user may not use this app")
	u, err := o.st.User(ctx, userID)
	if overlook.IsNotFound(err) || (err == nil && u.IsDisabled) {
		return denied
	}
	if err != nil {
		return err
	}
	active, known, err := o.st.OAuthAppUserActive(ctx, app.ClientGUID, userID)
	if err != nil {
		return err
	}
	if known && !active {
		return denied
	}
	if app.GroupID != 0 {
		groups, err := o.st.UserGroupIDs(ctx, userID)
		if err != nil {
			return err
		}
		if !slices.Contains(groups, app.GroupID) {
			return denied
		}
	}
	return nil
}

// TokenRequest is the body of POST /api/token.
type TokenRequest struct {
	GrantType, ClientID, Code, CodeVerifier, RedirectURI, RefreshToken string
}

// TokenResponse is what /api/token answers.
type TokenResponse struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    int64
	UserID       int64
}

var errBadGrant = oauthErr("invalid_grant", "the code or refresh token is invalid, expired, revoked or was issued to another client")

// Token serves both grants of the token endpoint.
func (o *OAuth) Token(ctx context.Context, r *TokenRequest) (*TokenResponse, error) {
	switch r.GrantType {
	case "authorization_code":
		return o.exchange(ctx, r)
	case "refresh_token":
		return o.refresh(ctx, r)
	case "":
		return nil, oauthErr("invalid_request", "grant_type is required")
	}
	return nil, oauthErr("unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
}

func (o *OAuth) client(ctx context.Context, id string) (*store.OAuthApp, error) {
	if id == "" {
		return nil, oauthErr("invalid_client", "client_id is required")
	}
	app, err := o.st.OAuthApp(ctx, id)
	if overlook.IsNotFound(err) || (err == nil && !app.Enabled) {
		return nil, oauthErr("invalid_client", "unknown or disabled client_id")
	}
	return app, err
}

// exchange redeems a code. The code is spent before anything else is
// checked, so a wrong verifier cannot be retried; a second use revokes
// whatever the first use issued.
func (o *OAuth) exchange(ctx context.Context, r *TokenRequest) (*TokenResponse, error) {
	app, err := o.client(ctx, r.ClientID)
	if err != nil {
		return nil, err
	}
	if r.Code == "" || r.CodeVerifier == "" {
		return nil, oauthErr("invalid_request", "code and code_verifier are required")
	}
	c, first, err := o.st.ClaimOAuthCode(ctx, HashToken(r.Code))
	if overlook.IsNotFound(err) {
		return nil, errBadGrant
	}
	if err != nil {
		return nil, err
	}
	if !first || c.ClientGUID != app.ClientGUID {
		return nil, o.revoke(ctx, c.FamilyID)
	}
	if c.Revoked || !o.now().Before(c.ExpiresAt) || r.RedirectURI != c.RedirectURI ||
		!validVerifier(r.CodeVerifier) || !challengeMatches(c.Challenge, r.CodeVerifier) {
		return nil, o.revoke(ctx, c.FamilyID)
	}
	return o.issue(ctx, app, &c.OAuthGrant)
}

// refresh rotates a refresh token: the presented one is spent and a new
// pair issued. Presenting a spent one again revokes the whole grant.
func (o *OAuth) refresh(ctx context.Context, r *TokenRequest) (*TokenResponse, error) {
	app, err := o.client(ctx, r.ClientID)
	if err != nil {
		return nil, err
	}
	if r.RefreshToken == "" {
		return nil, oauthErr("invalid_request", "refresh_token is required")
	}
	rt, first, err := o.st.ClaimOAuthRefresh(ctx, HashToken(r.RefreshToken))
	if overlook.IsNotFound(err) {
		return nil, errBadGrant
	}
	if err != nil {
		return nil, err
	}
	if !first || rt.ClientGUID != app.ClientGUID {
		return nil, o.revoke(ctx, rt.FamilyID)
	}
	if rt.Revoked || rt.AccessLoggedOut || !o.now().Before(rt.ExpiresAt) ||
		(r.RedirectURI != "" && r.RedirectURI != rt.RedirectURI) {
		return nil, o.revoke(ctx, rt.FamilyID)
	}
	return o.issue(ctx, app, &rt.OAuthGrant)
}

// revoke ends a grant and returns the refusal to send.
func (o *OAuth) revoke(ctx context.Context, familyID int64) error {
	if err := o.st.RevokeOAuthGrant(ctx, familyID); err != nil {
		return err
	}
	o.svc.Invalidate()
	return errBadGrant
}

// issue mints an access token acting as the grant's user and a refresh
// token, both in the grant.
func (o *OAuth) issue(ctx context.Context, app *store.OAuthApp, g *store.OAuthGrant) (*TokenResponse, error) {
	if err := o.checkUser(ctx, app, g.UserID); err != nil {
		_ = o.revoke(ctx, g.FamilyID)
		return nil, errBadGrant
	}
	t := &overlook.Token{UserID: g.UserID}
	access, err := o.svc.mint(ctx, t)
	if err != nil {
		return nil, err
	}
	refresh, refreshHash := NewToken()
	err = o.st.AddOAuthTokens(ctx, g.FamilyID, t.ID, t.ExpiresAt, refreshHash, o.now().Add(RefreshLifetime))
	if err != nil {
		_ = o.st.DeleteToken(ctx, t.ID)
		if overlook.IsNotFound(err) {
			return nil, errBadGrant
		}
		return nil, err
	}
	return &TokenResponse{AccessToken: access.Token, RefreshToken: refresh, ExpiresIn: access.ExpiresIn, UserID: g.UserID}, nil
}
