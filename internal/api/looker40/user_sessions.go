package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

func init() { register(registerUserSessions) }

// A user's sessions are its live access tokens; a user may list and end
// its own. Service accounts are users with API keys only, for admins.
func registerUserSessions(api huma.API, b *Backend) {
	const sessions = "/users/{user_id}/sessions"
	handle(api, op{ID: "all_user_sessions", Method: http.MethodGet, Path: sessions, Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Live sessions of a user"}, b.allUserSessions)
	handle(api, op{ID: "user_session", Method: http.MethodGet, Path: sessions + "/{session_id}", Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Get a session of a user"}, b.userSession)
	handle(api, op{ID: "delete_user_session", Method: http.MethodDelete, Path: sessions + "/{session_id}", Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Status: http.StatusNoContent, Summary: "End a session"}, b.deleteUserSession)
	handle(api, op{ID: "create_service_account", Method: http.MethodPost, Path: "/users/service_accounts", Tag: tagUser,
		Perm: access.AdminOnly, Summary: "New service account"}, b.createServiceAccount)
	handle(api, op{ID: "update_service_account", Method: http.MethodPatch, Path: "/users/service_accounts/{user_id}",
		Tag: tagUser, Perm: access.AdminOnly, Summary: "Update a service account"}, b.updateServiceAccount)
	handle(api, op{ID: "delete_service_account", Method: http.MethodDelete, Path: "/users/service_accounts/{user_id}",
		Tag: tagUser, Perm: access.AdminOnly, Status: http.StatusNoContent, Summary: "Delete a service account"},
		b.deleteServiceAccount)
}

type SessionPath struct {
	UserPath
	SessionID string `path:"session_id" doc:"Id of session"`
}

func (in *SessionPath) ids(ctx context.Context) (userID, id int64, err error) {
	if userID, err = in.target(ctx); err == nil {
		id, err = ParseID(in.SessionID)
	}
	return userID, id, err
}

func (b *Backend) allUserSessions(ctx context.Context, in *UserPath) (*Out[[]model.Session], error) {
	u, err := b.userByPath(ctx, in.UserID)
	if err != nil {
		return nil, err
	}
	tokens, err := b.Store.UserTokens(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	out := make([]model.Session, len(tokens))
	for i, t := range tokens {
		out[i] = userSessionWire(t)
	}
	return ok(out)
}

func (b *Backend) userSession(ctx context.Context, in *SessionPath) (*Out[model.Session], error) {
	userID, id, err := in.ids(ctx)
	if err != nil {
		return nil, err
	}
	t, err := b.Store.Token(ctx, userID, id)
	if err != nil {
		return nil, err
	}
	return ok(userSessionWire(t))
}

func (b *Backend) deleteUserSession(ctx context.Context, in *SessionPath) (*Empty, error) {
	userID, id, err := in.ids(ctx)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.users().DeleteSession(ctx, userID, id)
}

type serviceAccountBody struct {
	FieldsParam
	Body model.Body[model.ServiceAccount]
}

func (b *Backend) createServiceAccount(ctx context.Context, in *serviceAccountBody) (*Out[model.ServiceAccount], error) {
	v := in.Body.Value
	u := &overlook.User{IsServiceAccount: true, ServiceAccountName: deref(v.ServiceAccountName),
		IsDisabled: deref(v.IsDisabled), CanManageAPI3Creds: true}
	created, err := b.users().CreateServiceAccount(ctx, u)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "user", strconv.FormatInt(created.ID, 10))
	return ok(serviceAccountWire(created))
}

func (b *Backend) updateServiceAccount(ctx context.Context, in *struct {
	UserPath
	Body model.Body[model.ServiceAccount]
}) (*Out[model.ServiceAccount], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	up := overlook.UserUpdate{IsDisabled: in.Body.Value.IsDisabled}
	if in.Body.Has("service_account_name") {
		up.ServiceAccountName = ptr(deref(in.Body.Value.ServiceAccountName))
	}
	u, err := b.users().UpdateServiceAccount(ctx, overlook.PrincipalFrom(ctx), id, up)
	if err != nil {
		return nil, err
	}
	return ok(serviceAccountWire(u))
}

func (b *Backend) deleteServiceAccount(ctx context.Context, in *UserPath) (*Empty, error) {
	return b.removeUser(ctx, in, true)
}
