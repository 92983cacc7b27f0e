package api_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const appOrigin = "https://app.example.com"

// preflight sends a browser's CORS preflight for a GET with the headers
// the browser SDK sends.
func (f *oauthFixture) preflight(t *testing.T, path, origin, method string) *http.Response {
	t.Helper()
	res, _ := f.send(t, http.DefaultClient, "OPTIONS", path, nil, "Origin", origin,
		"Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization,content-type,x-looker-appid")
	return res
}

// crossGet sends a cross-origin GET with a bearer token.
func (f *oauthFixture) crossGet(t *testing.T, path, origin, token string) *http.Response {
	t.Helper()
	res, _ := f.send(t, http.DefaultClient, "GET", path, nil, "Origin", origin, "Authorization", "Bearer "+token,
		"X-Looker-AppId", "test")
	return res
}

func noAllowHeaders(t *testing.T, what string, res *http.Response) {
	t.Helper()
	for _, h := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "Access-Control-Allow-Methods",
		"Access-Control-Allow-Credentials", "Access-Control-Expose-Headers"} {
		if v := res.Header.Get(h); v != "" {
			t.Errorf("%s: %s: %s", what, h, v)
		}
	}
}

func TestCORSDisallowedOriginGetsNoAllowHeaders(t *testing.T) {
	f := newOAuthFixture(t)
	for _, origin := range []string{"https://evil.example", "https://app.example.com.evil.example", "http://app.example.com",
		"https://app.example.com:444"} {
		noAllowHeaders(t, "preflight "+origin, f.preflight(t, "/api/4.0/user", origin, "GET"))
		noAllowHeaders(t, "GET "+origin, f.crossGet(t, "/api/4.0/user", origin, f.inst.AdminToken(t)))
	}
}

func TestCORSNullOriginGetsNoAllowHeaders(t *testing.T) {
	f := newOAuthFixture(t)
	noAllowHeaders(t, "preflight null", f.preflight(t, "/api/4.0/user", "null", "GET"))
	noAllowHeaders(t, "GET null", f.crossGet(t, "/api/4.0/user", "null", f.inst.AdminToken(t)))
}

func TestCORSAllowedOriginPreflight(t *testing.T) {
	f := newOAuthFixture(t)
	res := f.preflight(t, "/api/4.0/user", appOrigin, "GET")
	h := res.Header
	allow := strings.ToLower(h.Get("Access-Control-Allow-Headers"))
	if res.StatusCode != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != appOrigin ||
		!strings.Contains(allow, "authorization") || !strings.Contains(allow, "content-type") ||
		!strings.Contains(allow, "x-looker-appid") || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "PATCH") ||
		!strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") || h.Get("Access-Control-Allow-Credentials") != "" {
		t.Fatalf("preflight: %d %v", res.StatusCode, h)
	}
	res = f.crossGet(t, "/api/4.0/user", appOrigin, f.inst.AdminToken(t))
	if res.StatusCode != http.StatusOK || res.Header.Get("Access-Control-Allow-Origin") != appOrigin ||
		res.Header.Get("Access-Control-Expose-Headers") != "Link, X-Total-Count" {
		t.Fatalf("GET: %d %v", res.StatusCode, res.Header)
	}
}

// The unauthenticated routes the browser SDK calls before it has a token
// are preflighted too.
func TestCORSTokenEndpointAndVersions(t *testing.T) {
	f := newOAuthFixture(t)
	for _, path := range []string{"/api/token", "/versions", "/api/4.0/versions", "/api/logout"} {
		method := map[string]string{"/api/token": "POST", "/api/logout": "DELETE"}[path]
		if method == "" {
			method = "GET"
		}
		res := f.preflight(t, path, appOrigin, method)
		if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != appOrigin {
			t.Errorf("preflight %s: %d %v", path, res.StatusCode, res.Header)
		}
	}
}

func TestCORSLoginNeverCrossOrigin(t *testing.T) {
	f := newOAuthFixture(t)
	noAllowHeaders(t, "preflight /api/4.0/login", f.preflight(t, "/api/4.0/login", appOrigin, "POST"))
	form := url.Values{"client_id": {"x"}, "client_secret": {"y"}}
	res, _ := f.send(t, http.DefaultClient, "POST", "/api/4.0/login", form, "Origin", appOrigin)
	noAllowHeaders(t, "POST /api/4.0/login", res)
	for _, path := range []string{"/login", "/auth", "/logout"} {
		noAllowHeaders(t, "preflight "+path, f.preflight(t, path, appOrigin, "POST"))
		res, _ := f.send(t, http.DefaultClient, "GET", path, nil, "Origin", appOrigin)
		noAllowHeaders(t, "GET "+path, res)
	}
}

// Origins on Looker's embed domain allowlist may call the API too, with
// "*." for subdomains.
func TestCORSEmbedDomainAllowlist(t *testing.T) {
	f := newOAuthFixture(t)
	body := map[string]any{"embed_config": map[string]any{"domain_allowlist": []string{"https://embed.example.org", "https://*.partner.example"}}}
	if s := f.admin(t, "PATCH", "/setting", body); s != 200 {
		t.Fatalf("set_setting: %d", s)
	}
	f.inst.Server.OAuth.DropOrigins()
	for origin, want := range map[string]bool{"https://embed.example.org": true, "https://shop.partner.example": true,
		"https://partner.example": false, "https://partner.example.evil.example": false, "http://embed.example.org": false} {
		got := f.preflight(t, "/api/4.0/user", origin, "GET").Header.Get("Access-Control-Allow-Origin") == origin
		if got != want {
			t.Errorf("%s: allowed %v, want %v", origin, got, want)
		}
	}
}

// A cookie-authenticated unsafe request sent from another site is refused
// and changes nothing.
func TestCSRFCrossSiteCookiePostRefused(t *testing.T) {
	f := newOAuthFixture(t)
	f.login(t, f.browser, f.email, f.password)
	res, _ := f.send(t, f.browser, "POST", "/logout", url.Values{}, "Sec-Fetch-Site", "cross-site")
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site logout: %d", res.StatusCode)
	}
	res, _ = f.send(t, f.browser, "POST", "/logout", url.Values{}, "Origin", "https://evil.example")
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-origin logout: %d", res.StatusCode)
	}
	if _, body := f.send(t, f.browser, "GET", "/logout", nil); !strings.Contains(body, "Logged in as") {
		t.Fatalf("the session did not survive: %s", body)
	}
	res, _ = f.send(t, f.browser, "POST", "/logout", url.Values{}, "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("same-origin logout: %d", res.StatusCode)
	}
	if _, body := f.send(t, f.browser, "GET", "/logout", nil); strings.Contains(body, "Logged in as") {
		t.Fatalf("still logged in after logout")
	}
}

// The sudo hand-off: an app server mints a token with login_user and the
// browser page uses it cross-origin from an allowed origin.
func TestSudoTokenWorksCrossOrigin(t *testing.T) {
	f := newOAuthFixture(t)
	res := f.inst.Do(t, "POST", "/api/4.0/login/"+strconv.FormatInt(f.user.ID, 10), f.inst.AdminToken(t), nil)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	res.JSON(t, &tok)
	if pre := f.preflight(t, "/api/4.0/user", appOrigin, "GET"); pre.Header.Get("Access-Control-Allow-Origin") != appOrigin {
		t.Fatalf("preflight: %v", pre.Header)
	}
	got := f.crossGet(t, "/api/4.0/user", appOrigin, tok.AccessToken)
	if got.StatusCode != http.StatusOK || got.Header.Get("Access-Control-Allow-Origin") != appOrigin {
		t.Fatalf("sudo token cross-origin: %d %v", got.StatusCode, got.Header)
	}
	_, body := f.send(t, http.DefaultClient, "GET", "/api/4.0/user", nil, "Origin", appOrigin, "Authorization", "Bearer "+tok.AccessToken)
	if !strings.Contains(body, `"id":"`+strconv.FormatInt(f.user.ID, 10)+`"`) {
		t.Fatalf("acts as someone else: %s", body)
	}
}
