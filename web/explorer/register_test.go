package explorer

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/store"
)

func newOAuth(t *testing.T) *auth.OAuth {
	t.Helper()
	st, err := store.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return auth.NewOAuth(auth.NewService(st))
}

func TestOAuthRegistrarCreatesThenMovesTheApp(t *testing.T) {
	ctx := context.Background()
	o := newOAuth(t)
	reg := OAuthRegistrar(o)

	if err := reg(ctx, ClientGUID, "http://127.0.0.1:1/api-explorer/oauth"); err != nil {
		t.Fatal(err)
	}
	app, err := o.App(ctx, ClientGUID)
	if err != nil {
		t.Fatal(err)
	}
	if app.RedirectURI != "http://127.0.0.1:1/api-explorer/oauth" || !app.Enabled || app.DisplayName == "" {
		t.Fatalf("registered %+v", app)
	}

	// Same URI again: nothing changes; a new public URL moves the app.
	if err := reg(ctx, ClientGUID, "http://127.0.0.1:1/api-explorer/oauth"); err != nil {
		t.Fatal(err)
	}
	if err := reg(ctx, ClientGUID, "https://bi.example.com/api-explorer/oauth"); err != nil {
		t.Fatal(err)
	}
	if app, _ = o.App(ctx, ClientGUID); app.RedirectURI != "https://bi.example.com/api-explorer/oauth" {
		t.Fatalf("redirect URI %q after the move", app.RedirectURI)
	}
}

func TestOAuthRegistrarLeavesADisabledAppDisabled(t *testing.T) {
	ctx := context.Background()
	o := newOAuth(t)
	reg := OAuthRegistrar(o)
	if err := reg(ctx, ClientGUID, "http://h/api-explorer/oauth"); err != nil {
		t.Fatal(err)
	}
	app, _ := o.App(ctx, ClientGUID)
	app.Enabled = false
	if err := o.UpdateApp(ctx, app); err != nil {
		t.Fatal(err)
	}
	if err := reg(ctx, ClientGUID, "http://other/api-explorer/oauth"); err != nil {
		t.Fatal(err)
	}
	if app, _ = o.App(ctx, ClientGUID); app.Enabled {
		t.Fatal("registration re-enabled an app an admin disabled")
	}
}
