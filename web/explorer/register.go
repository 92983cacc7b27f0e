package explorer

import (
	"context"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// OAuthRegistrar registers the explorer with Overlook's OAuth flow: it
// creates the client app when it is missing and moves its redirect URI when
// the public URL changed. An app an admin disabled stays disabled.
func OAuthRegistrar(o *auth.OAuth) Registrar {
	return func(ctx context.Context, guid, redirectURI string) error {
		app, err := o.App(ctx, guid)
		if overlook.IsNotFound(err) {
			return o.RegisterApp(ctx, &store.OAuthApp{
				ClientGUID:  guid,
				RedirectURI: redirectURI,
				DisplayName: "Overlook API Explorer",
				Description: "Try the API in the browser as yourself",
				Enabled:     true,
			})
		}
		if err != nil || app.RedirectURI == redirectURI {
			return err
		}
		app.RedirectURI = redirectURI
		return o.UpdateApp(ctx, app)
	}
}
