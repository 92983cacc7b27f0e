package auth

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Lifetimes of the OAuth flow. RFC 6749 recommends codes of at most ten
// minutes.
const (
	CodeLifetime    = 5 * time.Minute
	RefreshLifetime = 30 * 24 * time.Hour
)

// OAuth runs the Authorization Code + PKCE flow for registered browser
// apps: their registration, codes, token exchange and refresh rotation.
// Tokens it issues are ordinary access tokens acting as the user.
type OAuth struct {
	svc   *Service
	st    *store.Store
	clock atomic.Pointer[func() time.Time]

	mu      sync.Mutex
	origins *originSet
}

// NewOAuth returns the OAuth flow over svc's store.
func NewOAuth(svc *Service) *OAuth {
	o := &OAuth{svc: svc, st: svc.store}
	o.SetClock(time.Now)
	return o
}

// SetClock replaces the clock that decides code expiry (tests). It is safe
// to call while requests run.
func (o *OAuth) SetClock(now func() time.Time) { o.clock.Store(&now) }

func (o *OAuth) now() time.Time { return (*o.clock.Load())() }

// OAuthError is a refusal in RFC 6749's terms: Code is the "error" value
// (invalid_request, invalid_client, invalid_grant, …).
type OAuthError struct {
	Code        string
	Description string
}

func (e *OAuthError) Error() string { return e.Code + ": " + e.Description }

func oauthErr(code, desc string) error { return &OAuthError{Code: code, Description: desc} }

// App returns a registered app.
func (o *OAuth) App(ctx context.Context, guid string) (*store.OAuthApp, error) {
	return o.st.OAuthApp(ctx, guid)
}

// Apps lists the registered apps.
func (o *OAuth) Apps(ctx context.Context) ([]*store.OAuthApp, error) { return o.st.OAuthApps(ctx) }

// RegisterApp adds an app under the guid its caller chose.
func (o *OAuth) RegisterApp(ctx context.Context, a *store.OAuthApp) error {
	if err := checkApp(a); err != nil {
		return err
	}
	if err := o.checkGroup(ctx, a.GroupID); err != nil {
		return err
	}
	if err := o.st.CreateOAuthApp(ctx, a); err != nil {
		if overlook.ErrorCode(err) == overlook.ECONFLICT {
			return overlook.Errorf(overlook.ECONFLICT, "An OAuth app with client_guid %q already exists", a.ClientGUID)
		}
		return err
	}
	o.dropOrigins()
	return nil
}

// UpdateApp writes an app's fields. Disabling an app revokes its tokens.
func (o *OAuth) UpdateApp(ctx context.Context, a *store.OAuthApp) error {
	if err := checkApp(a); err != nil {
		return err
	}
	if err := o.checkGroup(ctx, a.GroupID); err != nil {
		return err
	}
	if err := o.st.UpdateOAuthApp(ctx, a); err != nil {
		return err
	}
	o.dropOrigins()
	if !a.Enabled {
		return o.InvalidateTokens(ctx, a.ClientGUID)
	}
	return nil
}

// DeleteApp removes an app and every token it issued.
func (o *OAuth) DeleteApp(ctx context.Context, guid string) error {
	err := o.st.DeleteOAuthApp(ctx, guid)
	o.dropOrigins()
	o.svc.Invalidate()
	return err
}

// InvalidateTokens revokes every token issued to an app.
func (o *OAuth) InvalidateTokens(ctx context.Context, guid string) error {
	err := o.st.InvalidateOAuthAppTokens(ctx, guid, 0)
	o.svc.Invalidate()
	return err
}

// SetAppUser activates or deactivates a user for an app; deactivation
// revokes the user's tokens for it.
func (o *OAuth) SetAppUser(ctx context.Context, guid string, userID int64, active bool) error {
	if _, err := o.st.OAuthApp(ctx, guid); err != nil {
		return err
	}
	if _, err := o.st.User(ctx, userID); err != nil {
		return err
	}
	err := o.st.SetOAuthAppUser(ctx, guid, userID, active)
	o.svc.Invalidate()
	return err
}

// ActiveUsers lists the ids of the users activated for an app.
func (o *OAuth) ActiveUsers(ctx context.Context, guid string) ([]int64, error) {
	return o.st.OAuthAppActiveUsers(ctx, guid)
}

func (o *OAuth) checkGroup(ctx context.Context, id int64) error {
	if id == 0 {
		return nil
	}
	if err := o.st.GroupExists(ctx, id); err != nil {
		if overlook.IsNotFound(err) {
			return overlook.Invalid("group_id", "invalid", "group %d does not exist", id)
		}
		return err
	}
	return nil
}

// checkApp validates what a client may set on an app.
func checkApp(a *store.OAuthApp) error {
	if a.ClientGUID == "" || len(a.ClientGUID) > 255 || strings.IndexFunc(a.ClientGUID, badGUIDRune) >= 0 {
		return overlook.Invalid("client_guid", "invalid", "client_guid must be 1 to 255 letters, digits, '.', '_' or '-'")
	}
	if strings.TrimSpace(a.DisplayName) == "" {
		return overlook.Invalid("display_name", "missing_field", "display_name is required")
	}
	if len(a.DisplayName) > 255 || len(a.Description) > 4096 {
		return overlook.Invalid("display_name", "invalid", "display_name or description is too long")
	}
	if _, err := redirectOrigin(a.RedirectURI); err != nil {
		return err
	}
	return nil
}

func badGUIDRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
}

// redirectOrigin checks a redirect URI (absolute http(s), no fragment, no
// credentials) and returns its origin.
func redirectOrigin(uri string) (string, error) {
	bad := overlook.Invalid("redirect_uri", "invalid", "redirect_uri must be an absolute http or https URL without a fragment")
	if uri == "" {
		return "", overlook.Invalid("redirect_uri", "missing_field", "redirect_uri is required")
	}
	u, err := url.Parse(uri)
	if err != nil || len(uri) > 2048 || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.Fragment != "" || strings.Contains(uri, "#") || u.User != nil || u.Opaque != "" {
		return "", bad
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}
