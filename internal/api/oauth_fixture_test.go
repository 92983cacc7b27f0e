package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/store"
)

// The OAuth tests drive the browser side of the flow with a cookie jar and
// no automatic redirects, as a browser would, and the app side with plain
// POSTs to /api/token, as the SDK's OAuthSession does.

const (
	appGUID     = "test-app"
	appRedirect = "https://app.example.com/oauth/callback"
	// verifierTS is shaped like the TypeScript SDK's: 66 hex characters.
	verifierTS = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef01"
)

type oauthFixture struct {
	inst     *servertest.Instance
	user     *overlook.User
	email    string
	password string
	browser  *http.Client
}

// newOAuthFixture starts a server (opts may change its config) with one
// user who has an email login and one registered app.
func newOAuthFixture(t *testing.T, opts ...func(*config.Config)) *oauthFixture {
	t.Helper()
	inst := servertest.Start(t, opts...)
	f := &oauthFixture{inst: inst, email: "ada@example.com", password: "correct horse battery"}
	f.user = f.addUser(t, "Ada", f.email, f.password)
	f.register(t, appGUID, appRedirect)
	f.browser = newBrowser(t)
	return f
}

func newBrowser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// addUser makes a user with the User role and an email login.
func (f *oauthFixture) addUser(t *testing.T, first, email, password string) *overlook.User {
	t.Helper()
	u := f.inst.CreateUser(t, first, "Tester", access.UserRole)
	err := f.inst.Server.Store.PutCredentialsEmail(context.Background(), &overlook.CredentialsEmail{UserID: u.ID,
		Email: email, PasswordHash: auth.HashSecret(password)})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func (f *oauthFixture) register(t *testing.T, guid, redirect string) {
	t.Helper()
	err := f.inst.Server.OAuth.RegisterApp(context.Background(), &store.OAuthApp{ClientGUID: guid, RedirectURI: redirect,
		DisplayName: "Test app " + guid, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
}

// send makes a browser request (form-encoded when form is not nil).
func (f *oauthFixture) send(t *testing.T, c *http.Client, method, path string, form url.Values, header ...string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, f.inst.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res, string(data)
}

// login signs the browser in through the form.
func (f *oauthFixture) login(t *testing.T, c *http.Client, email, password string) {
	t.Helper()
	res, body := f.send(t, c, "POST", "/login", url.Values{"email": {email}, "password": {password}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d %s", res.StatusCode, body)
	}
}

// authParams is an authorization request as the TypeScript SDK sends it.
func authParams(client, redirect, verifier string) url.Values {
	return url.Values{"response_type": {"code"}, "client_id": {client}, "redirect_uri": {redirect},
		"scope": {"cors_api"}, "state": {"TS-SDK"}, "code_challenge": {challengeTS(verifier)},
		"code_challenge_method": {"S256"}}
}

// challengeTS is the TypeScript SDK's encoding: base64url, padding kept.
func challengeTS(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.URLEncoding.EncodeToString(sum[:])
}

// challengePython is the Python SDK's: hex.
func challengePython(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return hex.EncodeToString(sum[:])
}

var hiddenField = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// approve opens /auth with params as the signed-in browser, submits the
// consent form with decision, and returns the redirect it answers.
func (f *oauthFixture) approve(t *testing.T, c *http.Client, params url.Values, decision string) *url.URL {
	t.Helper()
	res, body := f.send(t, c, "GET", "/auth?"+params.Encode(), nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("auth page: %d %s %s", res.StatusCode, res.Header.Get("Location"), body)
	}
	form := url.Values{"decision": {decision}}
	for _, m := range hiddenField.FindAllStringSubmatch(body, -1) {
		form.Set(m[1], html.UnescapeString(m[2]))
	}
	res, body = f.send(t, c, "POST", "/auth", form)
	if res.StatusCode != http.StatusFound {
		t.Fatalf("consent: %d %s", res.StatusCode, body)
	}
	loc, err := url.Parse(res.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// code runs the browser part of the flow and returns the code.
func (f *oauthFixture) code(t *testing.T, params url.Values) string {
	t.Helper()
	if f.browser.Jar.Cookies(mustURL(t, f.inst.URL)) == nil {
		f.login(t, f.browser, f.email, f.password)
	}
	loc := f.approve(t, f.browser, params, "approve")
	code := loc.Query().Get("code")
	if code == "" {
		t.Fatalf("no code in %s", loc)
	}
	return code
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// token posts a JSON body to /api/token, as the SDKs do.
func (f *oauthFixture) token(t *testing.T, body map[string]string) (int, map[string]any) {
	t.Helper()
	res := f.inst.Do(t, "POST", "/api/token", "", body)
	var out map[string]any
	res.JSON(t, &out)
	return res.Status, out
}

// redeem exchanges a code for tokens.
func (f *oauthFixture) redeem(t *testing.T, client, code, verifier, redirect string) (int, map[string]any) {
	return f.token(t, map[string]string{"grant_type": "authorization_code", "client_id": client, "code": code,
		"code_verifier": verifier, "redirect_uri": redirect})
}

// mustRedeem runs the whole flow and returns the token response.
func (f *oauthFixture) mustRedeem(t *testing.T) map[string]any {
	t.Helper()
	code := f.code(t, authParams(appGUID, appRedirect, verifierTS))
	status, tok := f.redeem(t, appGUID, code, verifierTS, appRedirect)
	if status != http.StatusOK {
		t.Fatalf("redeem: %d %v", status, tok)
	}
	return tok
}

func (f *oauthFixture) refresh(t *testing.T, client, refresh string) (int, map[string]any) {
	return f.token(t, map[string]string{"grant_type": "refresh_token", "client_id": client, "refresh_token": refresh,
		"redirect_uri": appRedirect})
}

// me calls the API with a token and returns the status (and the user id).
func (f *oauthFixture) me(t *testing.T, token any) (int, string) {
	t.Helper()
	s, _ := token.(string)
	res := f.inst.Do(t, "GET", "/api/4.0/user", s, nil)
	var u struct {
		ID string `json:"id"`
	}
	if res.Status == http.StatusOK {
		res.JSON(t, &u)
	}
	return res.Status, u.ID
}

// refused checks that a token response is an OAuth refusal.
func refused(t *testing.T, status int, body map[string]any, wantErr string) {
	t.Helper()
	if status < 400 || status >= 500 || body["error"] != wantErr || body["access_token"] != nil {
		t.Fatalf("want %s refusal, got %d %v", wantErr, status, body)
	}
}

func jsonText(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}
