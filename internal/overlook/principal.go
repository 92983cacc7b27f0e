package overlook

import (
	"context"
	"sync"
)

// Principal is who a request acts as.
type Principal struct {
	User    *User
	TokenID int64
	// SudoUserID is the admin who minted this token with login_user; 0 if none.
	SudoUserID  int64
	WorkspaceID string
	IsAdmin     bool
	// Permissions the user holds through any role, direct or by group.
	Permissions map[string]bool
	// Models the user may reach; AllModels when any role grants every model.
	Models    map[string]bool
	AllModels bool

	// memo keeps values derived from this principal. A principal is
	// resolved again whenever what it derives from changes, so its memo
	// never needs invalidating on its own.
	memo sync.Map
}

// Memo returns the value stored under key, computing and storing it on
// first use.
func (p *Principal) Memo(key any, compute func() any) any {
	if v, ok := p.memo.Load(key); ok {
		return v
	}
	v, _ := p.memo.LoadOrStore(key, compute())
	return v
}

// MemoErr is Memo for a computation that may fail; a failure is not kept.
func (p *Principal) MemoErr(key any, compute func() (any, error)) (any, error) {
	if v, ok := p.memo.Load(key); ok {
		return v, nil
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	v, _ = p.memo.LoadOrStore(key, v)
	return v, nil
}

// Can reports whether the principal holds permission p.
func (p *Principal) Can(perm string) bool {
	return p != nil && (p.IsAdmin || p.Permissions[perm])
}

// UserID is the acting user's id, or 0.
func (p *Principal) UserID() int64 {
	if p == nil || p.User == nil {
		return 0
	}
	return p.User.ID
}

type principalKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal of ctx, or nil.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
