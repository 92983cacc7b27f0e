package api_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Hostile cases of the OAuth flow, one per test: each must be refused
// without issuing a usable token, without redirecting to an unchecked
// URI, and without a 5xx.

// admin calls the API as the admin and returns the status.
func (f *oauthFixture) admin(t *testing.T, method, path string, body any) int {
	t.Helper()
	res := f.inst.Do(t, method, "/api/4.0"+path, f.inst.AdminToken(t), body)
	if res.Status >= 500 {
		t.Fatalf("%s %s: %d %s", method, path, res.Status, res.Body)
	}
	return res.Status
}

// authPage opens /auth as the signed-in browser and returns the answer.
func (f *oauthFixture) authPage(t *testing.T, params url.Values) (*http.Response, string) {
	t.Helper()
	f.login(t, f.browser, f.email, f.password)
	return f.send(t, f.browser, "GET", "/auth?"+params.Encode(), nil)
}

// badRedirect checks that /auth with redirect refuses on a page and sends
// the browser nowhere.
func badRedirect(t *testing.T, redirect string) {
	f := newOAuthFixture(t)
	res, body := f.authPage(t, authParams(appGUID, redirect, verifierTS))
	if res.StatusCode != http.StatusBadRequest || res.Header.Get("Location") != "" || !strings.Contains(body, "redirect_uri") {
		t.Fatalf("redirect %s: %d %q %s", redirect, res.StatusCode, res.Header.Get("Location"), body)
	}
}

// errorRedirect checks that /auth sends an OAuth error (not a code) back to
// the registered redirect URI.
func errorRedirect(t *testing.T, params url.Values, wantErr string) {
	f := newOAuthFixture(t)
	res, body := f.authPage(t, params)
	loc, _ := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || loc == nil || loc.Query().Get("error") != wantErr || loc.Query().Get("code") != "" ||
		!strings.HasPrefix(loc.String(), appRedirect+"?") {
		t.Fatalf("want error %s at the redirect URI, got %d %q %s", wantErr, res.StatusCode, res.Header.Get("Location"), body)
	}
}

func TestOAuthRedirectURIPrefix(t *testing.T) { badRedirect(t, "https://app.example.com/oauth/") }

func TestOAuthRedirectURISuffix(t *testing.T) { badRedirect(t, appRedirect+"/../../evil") }

func TestOAuthRedirectURICase(t *testing.T) { badRedirect(t, "https://APP.example.com/oauth/callback") }

func TestOAuthRedirectURIExtraQuery(t *testing.T) {
	badRedirect(t, appRedirect+"?next=https://evil.example")
}

func TestOAuthRedirectURIOtherPort(t *testing.T) {
	badRedirect(t, "https://app.example.com:8443/oauth/callback")
}

func TestOAuthRedirectURIOtherScheme(t *testing.T) {
	badRedirect(t, "http://app.example.com/oauth/callback")
}

func TestOAuthRedirectURIOtherHost(t *testing.T) {
	badRedirect(t, "https://app.example.com.evil.example/oauth/callback")
}

func TestOAuthRedirectURIMissing(t *testing.T) { badRedirect(t, "") }

func TestOAuthUnknownClientShowsPage(t *testing.T) {
	f := newOAuthFixture(t)
	res, _ := f.authPage(t, authParams("no-such-app", appRedirect, verifierTS))
	if res.StatusCode != http.StatusBadRequest || res.Header.Get("Location") != "" {
		t.Fatalf("unknown client: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestOAuthMissingChallenge(t *testing.T) {
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Del("code_challenge")
	errorRedirect(t, p, "invalid_request")
}

func TestOAuthPlainMethodRefused(t *testing.T) {
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Set("code_challenge_method", "plain")
	p.Set("code_challenge", verifierTS)
	errorRedirect(t, p, "invalid_request")
}

func TestOAuthMissingMethodRefused(t *testing.T) {
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Del("code_challenge_method")
	errorRedirect(t, p, "invalid_request")
}

func TestOAuthMalformedChallenge(t *testing.T) {
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Set("code_challenge", "not a digest")
	errorRedirect(t, p, "invalid_request")
}

func TestOAuthImplicitResponseTypeRefused(t *testing.T) {
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Set("response_type", "token")
	errorRedirect(t, p, "unsupported_response_type")
}

func TestOAuthWrongVerifier(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, body := f.redeem(t, appGUID, code, strings.Repeat("b", 66), appRedirect)
	refused(t, status, body, "invalid_grant")
	// The code is spent: the right verifier no longer works either.
	status, body = f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthShortVerifier(t *testing.T) {
	f := newOAuthFixture(t)
	short := strings.Repeat("a", 42)
	status, body := f.redeem(t, appGUID, f.code(t, authParams(appGUID, appRedirect, short)), short, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthLongVerifier(t *testing.T) {
	f := newOAuthFixture(t)
	long := strings.Repeat("a", 129)
	status, body := f.redeem(t, appGUID, f.code(t, authParams(appGUID, appRedirect, long)), long, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthVerifierWithForbiddenCharacters(t *testing.T) {
	f := newOAuthFixture(t)
	odd := strings.Repeat("a", 50) + "+/="
	status, body := f.redeem(t, appGUID, f.code(t, authParams(appGUID, appRedirect, odd)), odd, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthMissingVerifier(t *testing.T) {
	f := newOAuthFixture(t)
	status, body := f.redeem(t, appGUID, f.code(t, authParams(appGUID, appRedirect, verifierTS)), "", appRedirect)
	refused(t, status, body, "invalid_request")
}

func TestOAuthReusedCodeRevokesTokens(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, tok := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	if status != http.StatusOK {
		t.Fatalf("first use: %d %v", status, tok)
	}
	status, again := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, again, "invalid_grant")
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("token of a reused code still works: %d", s)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
}

func TestOAuthRedirectURIMismatchAtTokenEndpoint(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, body := f.redeem(t, appGUID, code, verifierTS, appRedirect+"/")
	refused(t, status, body, "invalid_grant")
}

func TestOAuthExpiredCode(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	f.inst.Server.OAuth.SetClock(func() time.Time { return time.Now().Add(6 * time.Minute) })
	status, body := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthUnknownClientAtTokenEndpoint(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, body := f.redeem(t, "no-such-app", code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_client")
}

func TestOAuthCodeRedeemedByAnotherClient(t *testing.T) {
	f := newOAuthFixture(t)
	f.register(t, "other-app", "https://other.example.com/cb")
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, body := f.redeem(t, "other-app", code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
	status, body = f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthGarbageCode(t *testing.T) {
	f := newOAuthFixture(t)
	status, body := f.redeem(t, appGUID, "not-a-code", verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthUnsupportedGrantType(t *testing.T) {
	f := newOAuthFixture(t)
	status, body := f.token(t, map[string]string{"grant_type": "password", "client_id": appGUID,
		"username": f.email, "password": f.password})
	refused(t, status, body, "unsupported_grant_type")
}

func TestOAuthReusedRefreshTokenRevokesFamily(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	old := tok["refresh_token"].(string)
	status, next := f.refresh(t, appGUID, old)
	if status != http.StatusOK {
		t.Fatalf("rotation: %d %v", status, next)
	}
	status, body := f.refresh(t, appGUID, old)
	refused(t, status, body, "invalid_grant")
	// The replay ended the whole family: the newer pair is dead too.
	status, body = f.refresh(t, appGUID, next["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
	if s, _ := f.me(t, next["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("access token of a revoked family: %d", s)
	}
}

func TestOAuthRefreshByAnotherClient(t *testing.T) {
	f := newOAuthFixture(t)
	f.register(t, "other-app", "https://other.example.com/cb")
	tok := f.mustRedeem(t)
	status, body := f.refresh(t, "other-app", tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
}

func TestOAuthDeactivatedUser(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID+"/users/"+strconv.FormatInt(f.user.ID, 10), nil); s != 204 {
		t.Fatalf("deactivate: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("token of a deactivated user: %d", s)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
	loc := f.approve(t, f.browser, authParams(appGUID, appRedirect, verifierTS), "approve")
	if loc.Query().Get("error") != "access_denied" || loc.Query().Get("code") != "" {
		t.Errorf("deactivated user got %s", loc)
	}
	// Activated again, it may sign in.
	if s := f.admin(t, "POST", "/oauth_client_apps/"+appGUID+"/users/"+strconv.FormatInt(f.user.ID, 10), nil); s != 204 {
		t.Fatalf("activate: %d", s)
	}
	f.mustRedeem(t)
}

func TestOAuthDisabledApp(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	if s := f.admin(t, "PATCH", "/oauth_client_apps/"+appGUID, map[string]any{"enabled": false}); s != 200 {
		t.Fatalf("disable: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("token of a disabled app: %d", s)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_client")
	if res, _ := f.authPage(t, authParams(appGUID, appRedirect, verifierTS)); res.StatusCode != http.StatusBadRequest {
		t.Errorf("/auth for a disabled app: %d", res.StatusCode)
	}
}

func TestOAuthDeletedApp(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID, nil); s != 204 {
		t.Fatalf("delete: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("token of a deleted app: %d", s)
	}
	status, body := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_client")
	// Registering the guid again does not revive the old grant.
	f.register(t, appGUID, appRedirect)
	status, body = f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
}

func TestOAuthInvalidatedTokens(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	if s := f.admin(t, "DELETE", "/oauth_client_apps/"+appGUID+"/tokens", nil); s != 204 {
		t.Fatalf("invalidate: %d", s)
	}
	if s, _ := f.me(t, tok["access_token"]); s != http.StatusUnauthorized {
		t.Errorf("token after invalidate_tokens: %d", s)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
	f.mustRedeem(t) // new grants still work
}

func TestOAuthLogoutEndsRefreshToken(t *testing.T) {
	f := newOAuthFixture(t)
	tok := f.mustRedeem(t)
	if res := f.inst.Do(t, "DELETE", "/api/logout", tok["access_token"].(string), nil); res.Status != 204 {
		t.Fatalf("logout: %d", res.Status)
	}
	status, body := f.refresh(t, appGUID, tok["refresh_token"].(string))
	refused(t, status, body, "invalid_grant")
}

func TestOAuthCodeOfDisabledUser(t *testing.T) {
	f := newOAuthFixture(t)
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	if s := f.admin(t, "PATCH", "/users/"+strconv.FormatInt(f.user.ID, 10), map[string]any{"is_disabled": true}); s != 200 {
		t.Fatalf("disable user: %d", s)
	}
	status, body := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	refused(t, status, body, "invalid_grant")
}

func TestOAuthStateEchoedExactly(t *testing.T) {
	f := newOAuthFixture(t)
	state := `a&b=c d/é?"<x>`
	p := authParams(appGUID, appRedirect, verifierTS)
	p.Set("state", state)
	f.login(t, f.browser, f.email, f.password)
	loc := f.approve(t, f.browser, p, "approve")
	if loc.Query().Get("state") != state || loc.Query().Get("code") == "" {
		t.Fatalf("state: %s", loc)
	}
	loc = f.approve(t, f.browser, p, "deny")
	if loc.Query().Get("state") != state || loc.Query().Get("error") != "access_denied" || loc.Query().Get("code") != "" {
		t.Fatalf("denied: %s", loc)
	}
}

func TestOAuthConsentForgedToken(t *testing.T) {
	f := newOAuthFixture(t)
	f.login(t, f.browser, f.email, f.password)
	form := authParams(appGUID, appRedirect, verifierTS)
	form.Set("decision", "approve")
	form.Set("csrf_token", strings.Repeat("0", 64))
	res, _ := f.send(t, f.browser, "POST", "/auth", form)
	if res.StatusCode != http.StatusForbidden || res.Header.Get("Location") != "" {
		t.Fatalf("forged consent: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestOAuthConsentPostedCrossSite(t *testing.T) {
	f := newOAuthFixture(t)
	f.login(t, f.browser, f.email, f.password)
	form := authParams(appGUID, appRedirect, verifierTS)
	form.Set("decision", "approve")
	res, _ := f.send(t, f.browser, "POST", "/auth", form, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site consent: %d", res.StatusCode)
	}
}

func TestOAuthAppGroupRestriction(t *testing.T) {
	f := newOAuthFixture(t)
	res := f.inst.Do(t, "POST", "/api/4.0/groups", f.inst.AdminToken(t), map[string]any{"name": "App users"})
	var g struct {
		ID string `json:"id"`
	}
	res.JSON(t, &g)
	if s := f.admin(t, "PATCH", "/oauth_client_apps/"+appGUID, map[string]any{"group_id": g.ID}); s != 200 {
		t.Fatalf("set group: %d", s)
	}
	f.login(t, f.browser, f.email, f.password)
	loc := f.approve(t, f.browser, authParams(appGUID, appRedirect, verifierTS), "approve")
	if loc.Query().Get("error") != "access_denied" {
		t.Fatalf("user outside the app's group: %s", loc)
	}
	if s := f.admin(t, "POST", "/groups/"+g.ID+"/users", map[string]any{"user_id": strconv.FormatInt(f.user.ID, 10)}); s != 200 {
		t.Fatalf("add to group: %d", s)
	}
	f.mustRedeem(t)
}

func TestOAuthAuthorizeWithoutSessionNeverIssuesCode(t *testing.T) {
	f := newOAuthFixture(t)
	form := authParams(appGUID, appRedirect, verifierTS)
	form.Set("decision", "approve")
	res, _ := f.send(t, newBrowser(t), "POST", "/auth", form)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?") {
		t.Fatalf("consent without a session: %d %s", res.StatusCode, loc)
	}
}

func TestLoginReturnToStaysOnServer(t *testing.T) {
	f := newOAuthFixture(t)
	for _, target := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		res, _ := f.send(t, newBrowser(t), "POST", "/login", url.Values{"email": {f.email}, "password": {f.password},
			"return_to": {target}})
		if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/") ||
			strings.HasPrefix(loc, "//") || strings.Contains(loc, "evil") {
			t.Errorf("return_to %s: %d %s", target, res.StatusCode, loc)
		}
	}
}
