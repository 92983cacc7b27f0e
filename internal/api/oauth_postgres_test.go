package api_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

// The OAuth and web-login SQL on a PostgreSQL metadata database: the flow,
// rotation and replay, grant revocation, lockouts and a password reset.
func TestOAuthOnPostgres(t *testing.T) {
	dbURL := storetest.PostgresDatabase(t, storetest.PostgresAdmin(t))
	f := newOAuthFixture(t, func(c *config.Config) { c.DatabaseURL = dbURL })

	tok := f.mustRedeem(t)
	status, next := f.refresh(t, appGUID, tok["refresh_token"].(string))
	if status != http.StatusOK {
		t.Fatalf("refresh: %d %v", status, next)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
	if s, _ := f.me(t, next["access_token"]); s != http.StatusUnauthorized {
		t.Fatalf("replay did not revoke the family: %d", s)
	}

	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	if status, _ := f.redeem(t, appGUID, code, verifierTS, appRedirect); status != http.StatusOK {
		t.Fatalf("redeem: %d", status)
	}
	status, body = f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")

	tok = f.mustRedeem(t)
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID+"/users/"+strconv.FormatInt(f.user.ID, 10), nil); s != 204 {
		t.Fatalf("deactivate: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Fatalf("deactivated user's token: %d", s)
	}
	if s := f.admin(t, "POST", "/oauth_client_apps/"+appGUID+"/users/"+strconv.FormatInt(f.user.ID, 10), nil); s != 204 {
		t.Fatalf("activate: %d", s)
	}
	tok = f.mustRedeem(t)
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID+"/tokens", nil); s != 204 {
		t.Fatalf("invalidate: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Fatalf("invalidated token: %d", s)
	}
	if s := f.admin(t, "GET", "/oauth_client_apps/"+appGUID, nil); s != 200 {
		t.Fatalf("oauth_client_app: %d", s)
	}
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID, nil); s != 204 {
		t.Fatalf("delete app: %d", s)
	}

	for i := 0; i < auth.LockoutFailures; i++ {
		f.tryLogin(t, f.email, "wrong")
	}
	if s := f.tryLogin(t, f.email, f.password); s != http.StatusTooManyRequests {
		t.Fatalf("lockout: %d", s)
	}
	_, path := f.resetLink(t, "pg@example.com")
	if res, _ := f.send(t, newBrowser(t), "POST", path, map[string][]string{"password": {"pg password"},
		"password_confirm": {"pg password"}}); res.StatusCode != 200 {
		t.Fatalf("reset: %d", res.StatusCode)
	}
	if s := f.tryLogin(t, "pg@example.com", "pg password"); s != http.StatusSeeOther {
		t.Fatalf("login after reset: %d", s)
	}
}
