package api_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// The happy path as the TypeScript SDK runs it: /auth with a padded
// base64url challenge, login, consent, 302 to the redirect URI with code
// and state, the code exchanged with a JSON body, the token used, then
// refreshed.
func TestOAuthHappyPathTypeScript(t *testing.T) {
	f := newOAuthFixture(t)
	params := authParams(appGUID, appRedirect, verifierTS)

	res, _ := f.send(t, f.browser, "GET", "/auth?"+params.Encode(), nil)
	if res.StatusCode != http.StatusFound || res.Header.Get("Location")[:7] != "/login?" {
		t.Fatalf("no session: want the login page, got %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	res, body := f.send(t, f.browser, "GET", res.Header.Get("Location"), nil)
	if res.StatusCode != http.StatusOK || !contains(body, `name="email"`, `name="password"`, `action="/login"`) {
		t.Fatalf("login form: %d %s", res.StatusCode, body)
	}
	f.login(t, f.browser, f.email, f.password)
	loc := f.approve(t, f.browser, params, "approve")
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != appRedirect || loc.Query().Get("state") != "TS-SDK" {
		t.Fatalf("redirect: %s", loc)
	}
	status, tok := f.redeem(t, appGUID, loc.Query().Get("code"), verifierTS, appRedirect)
	if status != http.StatusOK || tok["token_type"] != "Bearer" || tok["expires_in"] != float64(3600) ||
		tok["access_token"] == "" || tok["refresh_token"] == "" {
		t.Fatalf("token: %d %v", status, tok)
	}
	if code, id := f.me(t, tok["access_token"]); code != http.StatusOK || id != strconv.FormatInt(f.user.ID, 10) {
		t.Fatalf("me: %d %s", code, id)
	}
	status, next := f.refresh(t, appGUID, tok["refresh_token"].(string))
	if status != http.StatusOK || next["refresh_token"] == tok["refresh_token"] || next["access_token"] == tok["access_token"] {
		t.Fatalf("refresh: %d %v", status, next)
	}
	if code, _ := f.me(t, next["access_token"]); code != http.StatusOK {
		t.Fatalf("refreshed token: %d", code)
	}
}

// The Python SDK sends a hex challenge and a token_urlsafe(32) verifier.
func TestOAuthHappyPathPythonHexChallenge(t *testing.T) {
	f := newOAuthFixture(t)
	verifier := "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	params := authParams(appGUID, appRedirect, verifier)
	params.Set("code_challenge", challengePython(verifier))
	status, tok := f.redeem(t, appGUID, f.code(t, params), verifier, appRedirect)
	if status != http.StatusOK {
		t.Fatalf("hex challenge: %d %v", status, tok)
	}
}

// RFC 7636's encoding (base64url without padding) and standard base64
// work too, and a form-encoded token request is accepted.
func TestOAuthOtherChallengeEncodings(t *testing.T) {
	f := newOAuthFixture(t)
	for _, enc := range []func(string) string{
		func(v string) string { s := challengeTS(v); return s[:len(s)-1] },
		func(v string) string { s := challengeTS(v); return replaceURLSafe(s) },
	} {
		params := authParams(appGUID, appRedirect, verifierTS)
		params.Set("code_challenge", enc(verifierTS))
		code := f.code(t, params)
		form := url.Values{"grant_type": {"authorization_code"}, "client_id": {appGUID}, "code": {code},
			"code_verifier": {verifierTS}, "redirect_uri": {appRedirect}}
		res, body := f.send(t, http.DefaultClient, "POST", "/api/token", form)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("challenge %s: %d %s", params.Get("code_challenge"), res.StatusCode, body)
		}
	}
}

func replaceURLSafe(s string) string {
	out := []byte(s)
	for i, c := range out {
		switch c {
		case '-':
			out[i] = '+'
		case '_':
			out[i] = '/'
		}
	}
	return string(out)
}

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
