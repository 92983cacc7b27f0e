package auth

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// TokenLifetime is how long an access token lives.
const TokenLifetime = 3600 * time.Second

// principalTTL bounds how long a resolved principal is reused without
// reading the database again. Changes made on this node drop the cache at
// once; other nodes see them within this time.
const principalTTL = 10 * time.Second

// Service logs users in and resolves tokens.
type Service struct {
	store   *store.Store
	now     func() time.Time
	limiter *failureLimiter

	mu    sync.RWMutex
	cache map[[sha256.Size]byte]cachedPrincipal
}

type cachedPrincipal struct {
	p      *overlook.Principal
	expiry time.Time
}

// NewService returns an auth service over st.
func NewService(st *store.Store) *Service {
	return &Service{store: st, now: time.Now, limiter: newFailureLimiter(5, 5*time.Minute),
		cache: map[[sha256.Size]byte]cachedPrincipal{}}
}

// SetClock replaces the clock (tests).
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// AccessToken is what login answers.
type AccessToken struct {
	Token     string
	ExpiresIn int64
	// UserID is the user the token acts as (for the audit log).
	UserID int64
}

var errLoginFailed = &overlook.Error{Code: overlook.ENOTFOUND, Message: "Not found"}
var errTooMany = &overlook.Error{Code: overlook.ETOOMANY, Message: "Too many failed login attempts. Try again later."}

// Login checks API3 credentials and mints a token. Known and unknown
// client_ids take the same path and the same time.
func (s *Service) Login(ctx context.Context, clientID, secret string) (*AccessToken, error) {
	now := s.now()
	if s.limiter.blocked(clientID, now) {
		return nil, errTooMany
	}
	cred, err := s.store.CredentialsAPI3ByClientID(ctx, clientID)
	hash := dummyHash
	if err == nil {
		hash = cred.SecretHash
	} else if !overlook.IsNotFound(err) {
		return nil, err
	}
	ok := VerifySecret(hash, secret) && err == nil && !cred.IsDisabled
	var user *overlook.User
	if ok {
		user, err = s.store.User(ctx, cred.UserID)
		ok = err == nil && !user.IsDisabled
	}
	if !ok {
		s.limiter.fail(clientID, now)
		return nil, errLoginFailed
	}
	return s.mint(ctx, &overlook.Token{UserID: user.ID, API3ID: cred.ID})
}

// LoginUser mints a token that acts as userID on behalf of the admin p.
func (s *Service) LoginUser(ctx context.Context, p *overlook.Principal, userID int64) (*AccessToken, error) {
	if !p.Can("sudo") {
		return nil, &overlook.Error{Code: overlook.EFORBIDDEN, Message: "Only admins may log in as another user"}
	}
	target, err := s.store.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if target.IsDisabled {
		return nil, &overlook.Error{Code: overlook.EFORBIDDEN, Message: "The user is disabled"}
	}
	admin := p.UserID()
	if p.SudoUserID != 0 {
		admin = p.SudoUserID
	}
	return s.mint(ctx, &overlook.Token{UserID: target.ID, SudoUserID: admin})
}

// IssueToken mints a token for a user without credentials: for web
// sessions built on other logins, and for tests.
func (s *Service) IssueToken(ctx context.Context, userID int64) (*AccessToken, error) {
	return s.mint(ctx, &overlook.Token{UserID: userID})
}

func (s *Service) mint(ctx context.Context, t *overlook.Token) (*AccessToken, error) {
	token, hash := NewToken()
	t.Hash = hash
	t.WorkspaceID = "production"
	t.CreatedAt = s.now()
	t.ExpiresAt = t.CreatedAt.Add(TokenLifetime)
	if err := s.store.CreateToken(ctx, t); err != nil {
		return nil, err
	}
	return &AccessToken{Token: token, ExpiresIn: int64(TokenLifetime / time.Second), UserID: t.UserID}, nil
}

// Logout revokes the token p was authenticated with, and nothing else.
func (s *Service) Logout(ctx context.Context, p *overlook.Principal) error {
	err := s.store.DeleteToken(ctx, p.TokenID)
	s.Invalidate()
	return err
}

// Authenticate resolves a raw token to its principal, or returns an
// EUNAUTHORIZED error.
func (s *Service) Authenticate(ctx context.Context, token string) (*overlook.Principal, error) {
	key := sha256.Sum256([]byte(token))
	now := s.now()
	s.mu.RLock()
	c, ok := s.cache[key]
	s.mu.RUnlock()
	if ok && now.Before(c.expiry) {
		return c.p, nil
	}
	t, err := s.store.TokenByHash(ctx, key[:])
	if err != nil {
		if overlook.IsNotFound(err) {
			return nil, errUnauthenticated
		}
		return nil, err
	}
	p, err := s.resolve(ctx, t)
	if err != nil {
		return nil, err
	}
	expiry := now.Add(principalTTL)
	if t.ExpiresAt.Before(expiry) {
		expiry = t.ExpiresAt
	}
	s.mu.Lock()
	if len(s.cache) > 50_000 {
		clear(s.cache)
	}
	s.cache[key] = cachedPrincipal{p: p, expiry: expiry}
	s.mu.Unlock()
	return p, nil
}

var errUnauthenticated = &overlook.Error{Code: overlook.EUNAUTHORIZED, Message: "Requires authentication."}

func (s *Service) resolve(ctx context.Context, t *overlook.Token) (*overlook.Principal, error) {
	u, err := s.store.User(ctx, t.UserID)
	if err != nil {
		if overlook.IsNotFound(err) {
			return nil, errUnauthenticated
		}
		return nil, err
	}
	if u.IsDisabled {
		return nil, errUnauthenticated
	}
	g, err := s.store.UserGrants(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	return &overlook.Principal{User: u, TokenID: t.ID, SudoUserID: t.SudoUserID, WorkspaceID: t.WorkspaceID,
		IsAdmin: g.IsAdmin, Permissions: access.Effective(g.Permissions), Models: g.Models, AllModels: g.AllModels}, nil
}

// Invalidate drops every cached principal. Services call it after any change
// to users, credentials, roles, groups or tokens.
func (s *Service) Invalidate() {
	s.mu.Lock()
	clear(s.cache)
	s.mu.Unlock()
}

// SetWorkspace switches the session of p between production and dev.
func (s *Service) SetWorkspace(ctx context.Context, p *overlook.Principal, workspace string) error {
	if workspace != "production" && workspace != "dev" {
		return overlook.Invalid("workspace_id", "invalid", "workspace_id must be production or dev")
	}
	err := s.store.SetTokenWorkspace(ctx, p.TokenID, workspace)
	s.Invalidate()
	return err
}
