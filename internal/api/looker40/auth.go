package looker40

import (
	"cmp"
	"context"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// The Auth tag: OAuth client apps (browser apps using Authorization Code +
// PKCE through /auth and /api/token) and web-login lockouts.

const tagAuth = "Auth"

func init() { register(registerAuth) }

// ClientGUIDPath names an OAuth app.
type ClientGUIDPath struct {
	ClientGUID string `path:"client_guid" doc:"The client_guid of the OAuth app"`
}

type oauthAppInput struct {
	ClientGUIDPath
	FieldsParam
}

type oauthAppBodyInput struct {
	ClientGUIDPath
	FieldsParam
	Body model.Body[model.OauthClientApp]
}

type oauthAppUserInput struct {
	ClientGUIDPath
	UserID string `path:"user_id" doc:"Id of user"`
	FieldsParam
}

type lockoutSearchInput struct {
	FieldsParam
	PageParams
	Sorts    string `query:"sorts" doc:"Fields to sort by"`
	AuthType string `query:"auth_type" doc:"Auth type of the locked-out login (email)"`
	FullName string `query:"full_name" doc:"Full name of the user"`
	Email    string `query:"email" doc:"Email of the login"`
	RemoteID string `query:"remote_id" doc:"Remote id of the user"`
	FilterOr bool   `query:"filter_or" doc:"Combine the filters with OR instead of AND"`
}

type lockoutKeyInput struct {
	Key string `path:"key" doc:"Key of the lockout"`
}

func registerAuth(api huma.API, b *Backend) {
	apps := "/oauth_client_apps"
	app := apps + "/{client_guid}"
	handle(api, op{ID: "all_oauth_client_apps", Method: http.MethodGet, Path: apps, Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "All registered OAuth client apps"}, b.allOAuthApps)
	handle(api, op{ID: "oauth_client_app", Method: http.MethodGet, Path: app, Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "One OAuth client app"}, b.oauthApp)
	handle(api, op{ID: "register_oauth_client_app", Method: http.MethodPost, Path: app, Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "Register an OAuth client app under a client_guid of your choice"}, b.registerOAuthApp)
	handle(api, op{ID: "update_oauth_client_app", Method: http.MethodPatch, Path: app, Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "Change an OAuth client app; disabling it revokes its tokens"}, b.updateOAuthApp)
	handle(api, op{ID: "delete_oauth_client_app", Method: http.MethodDelete, Path: app, Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "Delete an OAuth client app and revoke its tokens", Status: http.StatusNoContent}, b.deleteOAuthApp)
	handle(api, op{ID: "invalidate_tokens", Method: http.MethodDelete, Path: app + "/tokens", Tag: tagAuth, Perm: access.AdminOnly,
		Summary: "Revoke every token issued to an OAuth client app", Status: http.StatusNoContent}, b.invalidateTokens)
	handle(api, op{ID: "activate_app_user", Method: http.MethodPost, Path: app + "/users/{user_id}", Tag: tagAuth,
		Perm: access.AdminOnly, Summary: "Allow a user to use an OAuth client app again", Status: http.StatusNoContent},
		b.activateAppUser)
	handle(api, op{ID: "deactivate_app_user", Method: http.MethodDelete, Path: app + "/users/{user_id}", Tag: tagAuth,
		Perm: access.AdminOnly, Summary: "Stop a user from using an OAuth client app and revoke its tokens for it",
		Status: http.StatusNoContent}, b.deactivateAppUser)
	handle(api, op{ID: "all_user_login_lockouts", Method: http.MethodGet, Path: "/user_login_lockouts", Tag: tagAuth,
		Perm: access.AdminOnly, Summary: "Web logins locked out after repeated failures"}, b.allLockouts)
	handle(api, op{ID: "search_user_login_lockouts", Method: http.MethodGet, Path: "/user_login_lockouts/search", Tag: tagAuth,
		Perm: access.AdminOnly, Summary: "Search the web-login lockouts"}, b.searchLockouts)
	handle(api, op{ID: "delete_user_login_lockout", Method: http.MethodDelete, Path: "/user_login_lockout/{key}", Tag: tagAuth,
		Perm: access.AdminOnly, Summary: "Lift a web-login lockout", Status: http.StatusNoContent}, b.deleteLockout)
}

func (b *Backend) oauthAppWire(ctx context.Context, a *store.OAuthApp) (model.OauthClientApp, error) {
	ids, err := b.OAuth.ActiveUsers(ctx, a.ClientGUID)
	if err != nil {
		return model.OauthClientApp{}, err
	}
	users := make([]model.UserPublic, 0, len(ids))
	for _, id := range ids {
		users = append(users, *b.runningUser(ctx, id))
	}
	return model.OauthClientApp{ClientGuid: ptr(a.ClientGUID), RedirectURI: ptr(a.RedirectURI), DisplayName: ptr(a.DisplayName),
		Description: ptr(a.Description), Enabled: ptr(a.Enabled), GroupID: idString(a.GroupID),
		TokensInvalidBefore: optTime(a.TokensInvalidBefore), ActivatedUsers: users,
		Can: map[string]bool{"show": true, "update": true, "destroy": true}}, nil
}

func (b *Backend) allOAuthApps(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.OauthClientApp], error) {
	apps, err := b.OAuth.Apps(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]model.OauthClientApp, 0, len(apps))
	for _, a := range apps {
		w, err := b.oauthAppWire(ctx, a)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return ok(out)
}

func (b *Backend) oauthApp(ctx context.Context, in *oauthAppInput) (*Out[model.OauthClientApp], error) {
	a, err := b.OAuth.App(ctx, in.ClientGUID)
	if err != nil {
		return nil, err
	}
	w, err := b.oauthAppWire(ctx, a)
	if err != nil {
		return nil, err
	}
	return ok(w)
}

func (b *Backend) registerOAuthApp(ctx context.Context, in *oauthAppBodyInput) (*Out[model.OauthClientApp], error) {
	requestinfo.SetObject(ctx, "oauth_client_app", in.ClientGUID)
	a := &store.OAuthApp{ClientGUID: in.ClientGUID, Enabled: true}
	if err := applyOAuthApp(a, &in.Body); err != nil {
		return nil, err
	}
	if err := b.OAuth.RegisterApp(ctx, a); err != nil {
		return nil, err
	}
	return b.oauthApp(ctx, &oauthAppInput{ClientGUIDPath: in.ClientGUIDPath})
}

func (b *Backend) updateOAuthApp(ctx context.Context, in *oauthAppBodyInput) (*Out[model.OauthClientApp], error) {
	requestinfo.SetObject(ctx, "oauth_client_app", in.ClientGUID)
	a, err := b.OAuth.App(ctx, in.ClientGUID)
	if err != nil {
		return nil, err
	}
	if err := applyOAuthApp(a, &in.Body); err != nil {
		return nil, err
	}
	if err := b.OAuth.UpdateApp(ctx, a); err != nil {
		return nil, err
	}
	return b.oauthApp(ctx, &oauthAppInput{ClientGUIDPath: in.ClientGUIDPath})
}

// applyOAuthApp copies the keys the client sent onto a.
func applyOAuthApp(a *store.OAuthApp, body *model.Body[model.OauthClientApp]) error {
	v := body.Value
	if body.Has("redirect_uri") {
		a.RedirectURI = deref(v.RedirectURI)
	}
	if body.Has("display_name") {
		a.DisplayName = deref(v.DisplayName)
	}
	if body.Has("description") {
		a.Description = deref(v.Description)
	}
	if body.Has("enabled") && v.Enabled != nil {
		a.Enabled = *v.Enabled
	}
	if body.Has("group_id") {
		a.GroupID = 0
		if g := strings.TrimSpace(deref(v.GroupID)); g != "" {
			id, err := strconv.ParseInt(g, 10, 64)
			if err != nil || id <= 0 {
				return overlook.Invalid("group_id", "invalid", "%q is not a group id", g)
			}
			a.GroupID = id
		}
	}
	return nil
}

func (b *Backend) deleteOAuthApp(ctx context.Context, in *ClientGUIDPath) (*Empty, error) {
	requestinfo.SetObject(ctx, "oauth_client_app", in.ClientGUID)
	return &Empty{}, b.OAuth.DeleteApp(ctx, in.ClientGUID)
}

func (b *Backend) invalidateTokens(ctx context.Context, in *ClientGUIDPath) (*Empty, error) {
	requestinfo.SetObject(ctx, "oauth_client_app", in.ClientGUID)
	return &Empty{}, b.OAuth.InvalidateTokens(ctx, in.ClientGUID)
}

func (b *Backend) activateAppUser(ctx context.Context, in *oauthAppUserInput) (*Empty, error) {
	return b.setAppUser(ctx, in, true)
}

func (b *Backend) deactivateAppUser(ctx context.Context, in *oauthAppUserInput) (*Empty, error) {
	return b.setAppUser(ctx, in, false)
}

func (b *Backend) setAppUser(ctx context.Context, in *oauthAppUserInput, active bool) (*Empty, error) {
	requestinfo.SetObject(ctx, "oauth_client_app", in.ClientGUID)
	id, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.OAuth.SetAppUser(ctx, in.ClientGUID, id, active)
}

func lockoutWire(l *store.LoginLockout) model.UserLoginLockout {
	return model.UserLoginLockout{Key: ptr(l.Key), AuthType: ptr(l.AuthType), Email: ptr(l.Email), IP: ptr(l.IP),
		UserID: idString(l.UserID), FullName: ptr(l.FullName), FailCount: ptr(l.Fails), LockoutAt: optTime(l.LockedAt),
		Can: map[string]bool{"show": true, "destroy": true}}
}

func (b *Backend) allLockouts(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.UserLoginLockout], error) {
	list, err := b.Auth.LoginLockouts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]model.UserLoginLockout, 0, len(list))
	for _, l := range list {
		out = append(out, lockoutWire(l))
	}
	return ok(out)
}

// lockoutSorts are the fields search_user_login_lockouts sorts on.
var lockoutSorts = map[string]func(*store.LoginLockout) string{
	"key":        func(l *store.LoginLockout) string { return l.Key },
	"email":      func(l *store.LoginLockout) string { return strings.ToLower(l.Email) },
	"full_name":  func(l *store.LoginLockout) string { return strings.ToLower(l.FullName) },
	"ip":         func(l *store.LoginLockout) string { return l.IP },
	"fail_count": func(l *store.LoginLockout) string { return lockoutSortNumber(l.Fails) },
	"lockout_at": func(l *store.LoginLockout) string {
		if l.LockedAt == nil {
			return ""
		}
		return lockoutSortNumber(l.LockedAt.UnixMilli())
	},
}

func lockoutSortNumber(n int64) string { return strconv.FormatInt(n+1<<40, 10) }

func (b *Backend) searchLockouts(ctx context.Context, in *lockoutSearchInput) (*Paged[model.UserLoginLockout], error) {
	sorts, err := ParseSorts(in.Sorts, func(f string) bool { return lockoutSorts[f] != nil })
	if err != nil {
		return nil, err
	}
	list, err := b.Auth.LoginLockouts(ctx)
	if err != nil {
		return nil, err
	}
	filters := []struct {
		pattern string
		value   func(*store.LoginLockout) string
	}{
		{in.AuthType, func(l *store.LoginLockout) string { return l.AuthType }},
		{in.FullName, func(l *store.LoginLockout) string { return l.FullName }},
		{in.Email, func(l *store.LoginLockout) string { return l.Email }},
		{in.RemoteID, func(*store.LoginLockout) string { return "" }},
	}
	var kept []*store.LoginLockout
	for _, l := range list {
		set, hits := 0, 0
		for _, f := range filters {
			if f.pattern == "" {
				continue
			}
			set++
			if likeMatch(f.pattern, f.value(l)) {
				hits++
			}
		}
		if set == 0 || (in.FilterOr && hits > 0) || (!in.FilterOr && hits == set) {
			kept = append(kept, l)
		}
	}
	slices.SortStableFunc(kept, func(x, y *store.LoginLockout) int {
		for _, s := range sorts {
			c := cmp.Compare(lockoutSorts[s.Field](x), lockoutSorts[s.Field](y))
			if s.Desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	limit, offset, err := in.Window()
	if err != nil {
		return nil, err
	}
	total := len(kept)
	kept = kept[min(offset, total):]
	if limit > 0 && limit < len(kept) {
		kept = kept[:limit]
	}
	out := make([]model.UserLoginLockout, 0, len(kept))
	for _, l := range kept {
		out = append(out, lockoutWire(l))
	}
	return page(ctx, b, out, in.PageParams, total), nil
}

// likeMatch matches Looker's search grammar: case-insensitive, with % and
// _ as wildcards.
func likeMatch(pattern, value string) bool {
	var re strings.Builder
	re.WriteString("(?is)^")
	for _, r := range pattern {
		switch r {
		case '%':
			re.WriteString(".*")
		case '_':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	re.WriteString("$")
	m, err := regexp.MatchString(re.String(), value)
	return err == nil && m
}

func (b *Backend) deleteLockout(ctx context.Context, in *lockoutKeyInput) (*Empty, error) {
	requestinfo.SetObject(ctx, "user_login_lockout", in.Key)
	return &Empty{}, b.Auth.DeleteLoginLockout(ctx, in.Key)
}
