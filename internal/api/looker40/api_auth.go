package looker40

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagAPIAuth = "ApiAuth"

func init() { register(registerAPIAuth) }

type loginInput struct {
	ClientID     string `query:"client_id" doc:"client_id part of API3 Key"`
	ClientSecret string `query:"client_secret" doc:"client_secret part of API3 Key"`
	RawBody      []byte
}

type loginUserInput struct {
	UserID string `path:"user_id" doc:"Id of user"`
	// Removed from Looker's API in 26.8; older SDKs still send it.
	Associative bool `query:"associative" hidden:"true"`
}

func registerAPIAuth(api huma.API, b *Backend) {
	handle(api, op{ID: "login", Method: http.MethodPost, Path: "/login", Tag: tagAPIAuth, Perm: access.Public,
		Summary:   "Log in with API3 credentials",
		Customize: formBody("client_id", "client_secret")}, b.login)
	handle(api, op{ID: "login_user", Method: http.MethodPost, Path: "/login/{user_id}", Tag: tagAPIAuth, Perm: "sudo",
		Summary: "Log in as another user (sudo)"}, b.loginUser)
	handle(api, op{ID: "logout", Method: http.MethodDelete, Path: "/logout", Tag: tagAPIAuth, Perm: access.Authenticated,
		Summary: "Revoke the presented access token", Status: http.StatusNoContent}, b.logout)
}

// formBody documents an application/x-www-form-urlencoded body with the
// given string fields.
func formBody(fields ...string) func(*huma.Operation) {
	return func(o *huma.Operation) {
		props := map[string]*huma.Schema{}
		for _, f := range fields {
			props[f] = &huma.Schema{Type: huma.TypeString}
		}
		o.RequestBody = &huma.RequestBody{Content: map[string]*huma.MediaType{
			"application/x-www-form-urlencoded": {Schema: &huma.Schema{Type: huma.TypeObject, Properties: props}},
		}}
	}
}

func (b *Backend) login(ctx context.Context, in *loginInput) (*Out[model.AccessToken], error) {
	id, secret := in.ClientID, in.ClientSecret
	if form, err := url.ParseQuery(string(in.RawBody)); err == nil {
		if v := form.Get("client_id"); v != "" {
			id = v
		}
		if v := form.Get("client_secret"); v != "" {
			secret = v
		}
	}
	info := requestinfo.From(ctx)
	info.Audit = true
	tok, err := b.Auth.Login(ctx, id, secret)
	if err != nil {
		return nil, err
	}
	info.UserID = tok.UserID
	return ok(accessToken(tok))
}

func accessToken(t *auth.AccessToken) model.AccessToken {
	return model.AccessToken{AccessToken: &t.Token, TokenType: ptr("Bearer"), ExpiresIn: &t.ExpiresIn}
}

func (b *Backend) loginUser(ctx context.Context, in *loginUserInput) (*Out[model.AccessToken], error) {
	id, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	requestinfo.From(ctx).Audit = true
	requestinfo.SetObject(ctx, "user", strconv.FormatInt(id, 10))
	tok, err := b.Auth.LoginUser(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(accessToken(tok))
}

func (b *Backend) logout(ctx context.Context, _ *struct{}) (*Empty, error) {
	return &Empty{}, b.Auth.Logout(ctx, overlook.PrincipalFrom(ctx))
}

func ptr[T any](v T) *T { return &v }
