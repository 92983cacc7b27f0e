package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
)

func init() { register(registerUserCredentials) }

// A user may read its own credentials and, when it may manage API keys,
// manage its own API keys; everything else is for admins.
func registerUserCredentials(api huma.API, b *Backend) {
	const api3 = "/users/{user_id}/credentials_api3"
	const email = "/users/{user_id}/credentials_email"
	handle(api, op{ID: "all_user_credentials_api3s", Method: http.MethodGet, Path: api3, Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "API keys of a user"}, b.allUserAPI3)
	handle(api, op{ID: "create_user_credentials_api3", Method: http.MethodPost, Path: api3, Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Create an API key; its secret is shown only here"}, b.createUserAPI3)
	handle(api, op{ID: "user_credentials_api3", Method: http.MethodGet, Path: api3 + "/{credentials_api3_id}", Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Get an API key"}, b.userAPI3)
	handle(api, op{ID: "update_user_credentials_api3", Method: http.MethodPatch, Path: api3 + "/{credentials_api3_id}",
		Tag: tagUser, Perm: access.AdminOnly, Self: "user_id", Summary: "Change the purpose of an API key"}, b.updateUserAPI3)
	handle(api, op{ID: "delete_user_credentials_api3", Method: http.MethodDelete, Path: api3 + "/{credentials_api3_id}",
		Tag: tagUser, Perm: access.AdminOnly, Self: "user_id", Status: http.StatusNoContent,
		Summary: "Delete an API key and the sessions it opened"}, b.deleteUserAPI3)
	handle(api, op{ID: "user_credentials_email", Method: http.MethodGet, Path: email, Tag: tagUser,
		Perm: access.AdminOnly, Self: "user_id", Summary: "Email login of a user"}, b.userEmail)
	handle(api, op{ID: "create_user_credentials_email", Method: http.MethodPost, Path: email, Tag: tagUser,
		Perm: access.AdminOnly, Summary: "Give a user an email login"}, b.createUserEmail)
	handle(api, op{ID: "update_user_credentials_email", Method: http.MethodPatch, Path: email, Tag: tagUser,
		Perm: access.AdminOnly, Summary: "Change the email login of a user"}, b.updateUserEmail)
	handle(api, op{ID: "delete_user_credentials_email", Method: http.MethodDelete, Path: email, Tag: tagUser,
		Perm: access.AdminOnly, Status: http.StatusNoContent, Summary: "Remove the email login of a user"}, b.deleteUserEmail)
	handle(api, op{ID: "create_user_credentials_email_password_reset", Method: http.MethodPost, Path: email + "/password_reset",
		Tag: tagUser, Perm: access.AdminOnly, Summary: "Make a one-time password reset link"}, b.resetUserPassword)
}

type API3Path struct {
	UserPath
	CredentialsAPI3ID string `path:"credentials_api3_id" doc:"Id of API key"`
}

// ids reads the user and key ids of the path (see target).
func (in *API3Path) ids(ctx context.Context) (userID, id int64, err error) {
	if userID, err = in.target(ctx); err == nil {
		id, err = ParseID(in.CredentialsAPI3ID)
	}
	return userID, id, err
}

type api3BodyInput struct {
	API3Path
	Body model.Body[model.CredentialsApi3]
}

func (b *Backend) allUserAPI3(ctx context.Context, in *UserPath) (*Out[[]model.CredentialsApi3], error) {
	u, err := b.userByPath(ctx, in.UserID)
	if err != nil {
		return nil, err
	}
	out := make([]model.CredentialsApi3, len(u.API3))
	for i := range u.API3 {
		out[i] = credentialsAPI3Wire(&u.API3[i])
	}
	return ok(out)
}

func (b *Backend) userByPath(ctx context.Context, rawID string) (*overlook.User, error) {
	id, err := ParseID(rawID)
	if err != nil {
		return nil, err
	}
	return b.Store.User(ctx, id)
}

func (b *Backend) createUserAPI3(ctx context.Context, in *struct {
	UserPath
	Body model.Body[model.CredentialsApi3]
}) (*Out[model.CreateCredentialsApi3], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	c, secret, err := b.users().CreateAPI3(ctx, overlook.PrincipalFrom(ctx), id, deref(in.Body.Value.Purpose))
	if err != nil {
		return nil, err
	}
	return ok(createdAPI3Wire(c, secret))
}

func (b *Backend) userAPI3(ctx context.Context, in *API3Path) (*Out[model.CredentialsApi3], error) {
	userID, id, err := in.ids(ctx)
	if err != nil {
		return nil, err
	}
	c, err := b.Store.CredentialsAPI3(ctx, userID, id)
	if err != nil {
		return nil, err
	}
	return ok(credentialsAPI3Wire(c))
}

func (b *Backend) updateUserAPI3(ctx context.Context, in *api3BodyInput) (*Out[model.CredentialsApi3], error) {
	userID, id, err := in.ids(ctx)
	if err != nil {
		return nil, err
	}
	var purpose *string
	if in.Body.Has("purpose") {
		purpose = ptr(deref(in.Body.Value.Purpose))
	}
	c, err := b.users().UpdateAPI3(ctx, overlook.PrincipalFrom(ctx), userID, id, purpose)
	if err != nil {
		return nil, err
	}
	return ok(credentialsAPI3Wire(c))
}

func (b *Backend) deleteUserAPI3(ctx context.Context, in *API3Path) (*Empty, error) {
	userID, id, err := in.ids(ctx)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.users().DeleteAPI3(ctx, overlook.PrincipalFrom(ctx), userID, id)
}

type emailBodyInput struct {
	UserPath
	Body model.Body[model.CredentialsEmail]
}

func (b *Backend) userEmail(ctx context.Context, in *UserPath) (*Out[model.CredentialsEmail], error) {
	id, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	c, err := b.Store.CredentialsEmail(ctx, id)
	if err != nil {
		return nil, err
	}
	return ok(*credentialsEmailWire(c))
}

func (b *Backend) createUserEmail(ctx context.Context, in *emailBodyInput) (*Out[model.CredentialsEmail], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	v := in.Body.Value
	c, err := b.users().CreateEmail(ctx, id, overlook.CredentialsEmail{Email: deref(v.Email),
		ForcedPasswordResetAtNext: deref(v.ForcedPasswordResetAtNextLogin)})
	if err != nil {
		return nil, err
	}
	return ok(*credentialsEmailWire(c))
}

func (b *Backend) updateUserEmail(ctx context.Context, in *emailBodyInput) (*Out[model.CredentialsEmail], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	var email *string
	if in.Body.Has("email") {
		email = ptr(deref(in.Body.Value.Email)) // null: "" which fails validation
	}
	c, err := b.users().UpdateEmail(ctx, id, email, in.Body.Value.ForcedPasswordResetAtNextLogin)
	if err != nil {
		return nil, err
	}
	return ok(*credentialsEmailWire(c))
}

func (b *Backend) deleteUserEmail(ctx context.Context, in *UserPath) (*Empty, error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.users().DeleteEmail(ctx, id)
}

type passwordResetInput struct {
	UserPath
	Expires string `query:"expires" doc:"Whether the link expires (default true)"`
}

func (b *Backend) resetUserPassword(ctx context.Context, in *passwordResetInput) (*Out[model.CredentialsEmail], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	expires, err := optBoolPtr("expires", in.Expires)
	if err != nil {
		return nil, err
	}
	c, err := b.users().ResetPassword(ctx, id, expires == nil || *expires, b.origin(ctx))
	if err != nil {
		return nil, err
	}
	return ok(*credentialsEmailWire(c))
}
