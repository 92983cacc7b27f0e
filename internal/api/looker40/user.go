package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/users"
)

const tagUser = "User"

func init() { register(registerUser) }

// Reading users needs see_users; a user may always read itself. Changing
// users is for admins (Looker documents user management as admin only); a
// user may edit its own profile.
func registerUser(api huma.API, b *Backend) {
	handle(api, op{ID: "me", Method: http.MethodGet, Path: "/user", Tag: tagUser, Perm: access.Authenticated,
		Summary: "The user the token acts as"}, b.me)
	handle(api, op{ID: "all_users", Method: http.MethodGet, Path: "/users", Tag: tagUser, Perm: "see_users",
		Summary: "List users"}, b.allUsers)
	handle(api, op{ID: "create_user", Method: http.MethodPost, Path: "/users", Tag: tagUser, Perm: access.AdminOnly,
		Summary: "New user"}, b.createUser)
	handle(api, op{ID: "search_users", Method: http.MethodGet, Path: "/users/search", Tag: tagUser, Perm: "see_users",
		Summary: "Find users by criteria"}, b.searchUsers)
	handle(api, op{ID: "search_users_names", Method: http.MethodGet, Path: "/users/search/names/{pattern}", Tag: tagUser,
		Perm: "see_users", Summary: "Search users by first name, last name or email"}, b.searchUsersNames)
	handle(api, op{ID: "user", Method: http.MethodGet, Path: "/users/{user_id}", Tag: tagUser, Perm: "see_users",
		Self: "user_id", Summary: "Get a user"}, b.user)
	handle(api, op{ID: "update_user", Method: http.MethodPatch, Path: "/users/{user_id}", Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Change a user"}, b.updateUser)
	handle(api, op{ID: "delete_user", Method: http.MethodDelete, Path: "/users/{user_id}", Tag: tagUser,
		Perm: access.AdminOnly, Status: http.StatusNoContent, Summary: "Delete the user for good"}, b.deleteUser)
	handle(api, op{ID: "user_roles", Method: http.MethodGet, Path: "/users/{user_id}/roles", Tag: tagUser,
		Perm: "see_users", Self: "user_id", Summary: "Roles of a user"}, b.userRoles)
	handle(api, op{ID: "set_user_roles", Method: http.MethodPut, Path: "/users/{user_id}/roles", Tag: tagUser,
		Perm: access.AdminOnly, Summary: "Replace the roles of a user"}, b.setUserRoles)
}

func (b *Backend) users() *users.Service { return users.New(b.Store, b.Auth) }

type UserPath struct {
	FieldsParam
	UserID string `path:"user_id" doc:"Id of user"`
}

// target reads the user id of the path and records it for the audit log.
func (in *UserPath) target(ctx context.Context) (int64, error) {
	id, err := ParseID(in.UserID)
	if err == nil {
		requestinfo.SetObject(ctx, "user", strconv.FormatInt(id, 10))
	}
	return id, err
}

type userBodyInput struct {
	UserPath
	Body model.Body[model.User]
}

type allUsersInput struct {
	FieldsParam
	PageParams
	Sorts string    `query:"sorts" doc:"Fields to sort by, each optionally followed by desc"`
	IDs   DelimList `query:"ids" doc:"Ids of the users to return"`
}

// me answers the caller's own record, encoded once per resolved principal:
// it is the most frequent call of every SDK session.
func (b *Backend) me(ctx context.Context, _ *struct{ FieldsParam }) (*Out[encodedUser], error) {
	p := overlook.PrincipalFrom(ctx)
	raw := p.Memo(meKey{}, func() any {
		data, err := json.Marshal(userWire(p.User, p))
		if err != nil {
			panic(err) // a User always encodes
		}
		return data
	})
	return ok(encodedUser{raw: raw.([]byte)})
}

type meKey struct{}

// encodedUser is a User already encoded as JSON; the API document shows it
// as a User.
type encodedUser struct{ raw []byte }

func (u encodedUser) MarshalJSON() ([]byte, error) { return u.raw, nil }

// RawJSON lets the API write the encoded bytes without re-encoding them.
func (u encodedUser) RawJSON() []byte { return u.raw }

func (encodedUser) Schema(r huma.Registry) *huma.Schema {
	return r.Schema(reflect.TypeFor[model.User](), true, "")
}

func (b *Backend) allUsers(ctx context.Context, in *allUsersInput) (*Paged[model.User], error) {
	ids, err := ParseIDs("ids", in.IDs)
	if err != nil {
		return nil, err
	}
	return b.listUsers(ctx, overlook.UserFilter{IDs: ids}, in.PageParams, in.Sorts)
}

// listUsers runs a user query with paging and sorts and answers a page.
func (b *Backend) listUsers(ctx context.Context, f overlook.UserFilter, pp PageParams, sorts string) (*Paged[model.User], error) {
	var err error
	if f.Limit, f.Offset, err = pp.Window(); err != nil {
		return nil, err
	}
	if f.Sorts, err = ParseSorts(sorts, store.UserSortable); err != nil {
		return nil, err
	}
	list, total, err := b.Store.Users(ctx, f)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	out := make([]model.User, len(list))
	for i, u := range list {
		out[i] = userView(u, p)
	}
	return page(ctx, b, out, pp, total), nil
}

func (b *Backend) user(ctx context.Context, in *UserPath) (*Out[model.User], error) {
	id, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	u, err := b.Store.User(ctx, id)
	if err != nil {
		return nil, err
	}
	return ok(userView(u, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) createUser(ctx context.Context, in *struct {
	FieldsParam
	Body model.Body[model.User]
}) (*Out[model.User], error) {
	u := &overlook.User{CanManageAPI3Creds: true}
	applyUserBody(&in.Body, u)
	if c := in.Body.Value.CredentialsEmail; c != nil {
		u.Email = &overlook.CredentialsEmail{Email: deref(c.Email), ForcedPasswordResetAtNext: deref(c.ForcedPasswordResetAtNextLogin)}
	}
	home, err := optID(&in.Body, "home_folder_id", in.Body.Value.HomeFolderID)
	if err != nil {
		return nil, err
	}
	if home != nil {
		u.HomeFolderID = *home
	}
	created, err := b.users().Create(ctx, u)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "user", strconv.FormatInt(created.ID, 10))
	return ok(userView(created, overlook.PrincipalFrom(ctx)))
}

// applyUserBody copies the writable fields of a create body onto u.
func applyUserBody(body *model.Body[model.User], u *overlook.User) {
	v := body.Value
	u.FirstName, u.LastName, u.Locale = deref(v.FirstName), deref(v.LastName), deref(v.Locale)
	u.IsDisabled, u.ModelsDirValidated = deref(v.IsDisabled), deref(v.ModelsDirValidated)
	if v.CanManageApi3Creds != nil {
		u.CanManageAPI3Creds = *v.CanManageApi3Creds
	}
	u.UIState = v.UIState
}

func (b *Backend) updateUser(ctx context.Context, in *userBodyInput) (*Out[model.User], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	up, err := userUpdate(&in.Body)
	if err != nil {
		return nil, err
	}
	u, err := b.users().Update(ctx, overlook.PrincipalFrom(ctx), id, up)
	if err != nil {
		return nil, err
	}
	return ok(userView(u, overlook.PrincipalFrom(ctx)))
}

// userUpdate reads the keys a PATCH sent. A null name or locale clears it;
// a null flag leaves it alone. Read-only keys are ignored: clients send
// back whole User objects.
func userUpdate(body *model.Body[model.User]) (overlook.UserUpdate, error) {
	v := body.Value
	up := overlook.UserUpdate{FirstName: clearable(body, "first_name", v.FirstName),
		LastName: clearable(body, "last_name", v.LastName), Locale: clearable(body, "locale", v.Locale)}
	up.IsDisabled, up.ModelsDirValidated, up.CanManageAPI3Creds = v.IsDisabled, v.ModelsDirValidated, v.CanManageApi3Creds
	if body.Has("ui_state") {
		state := v.UIState
		if state == nil {
			state = map[string]string{}
		}
		up.UIState = &state
	}
	home, err := optID(body, "home_folder_id", v.HomeFolderID)
	up.HomeFolderID = home
	return up, err
}

// clearable is a sent string key, null read as "".
func clearable(body *model.Body[model.User], key string, v *string) *string {
	if !body.Has(key) {
		return nil
	}
	return ptr(deref(v))
}

// optID reads an id field of a body: nil when not sent, 0 when sent as
// null (none).
func optID(body *model.Body[model.User], key string, v *string) (*int64, error) {
	if !body.Has(key) {
		return nil, nil
	}
	if v == nil || *v == "" {
		return ptr(int64(0)), nil
	}
	ids, err := ParseIDs(key, []string{*v})
	if err != nil {
		return nil, err
	}
	return &ids[0], nil
}

func (b *Backend) deleteUser(ctx context.Context, in *UserPath) (*Empty, error) {
	return b.removeUser(ctx, in, false)
}

func (b *Backend) removeUser(ctx context.Context, in *UserPath, serviceAccount bool) (*Empty, error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.users().Delete(ctx, overlook.PrincipalFrom(ctx), id, serviceAccount)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
