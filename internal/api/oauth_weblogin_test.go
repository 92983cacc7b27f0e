package api_test

import (
	"context"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/auth"
)

// tryLogin posts the login form from a fresh browser and returns the
// status.
func (f *oauthFixture) tryLogin(t *testing.T, email, password string) int {
	t.Helper()
	res, _ := f.send(t, newBrowser(t), "POST", "/login", url.Values{"email": {email}, "password": {password}})
	return res.StatusCode
}

func TestWebLoginSessionCookie(t *testing.T) {
	f := newOAuthFixture(t)
	res, _ := f.send(t, newBrowser(t), "POST", "/login", url.Values{"email": {"ADA@example.com"}, "password": {f.password}})
	var c *http.Cookie
	for _, k := range res.Cookies() {
		if k.Name == "overlook_session" {
			c = k
		}
	}
	if res.StatusCode != http.StatusSeeOther || c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode ||
		c.Path != "/" || c.Secure || c.Value == "" {
		t.Fatalf("login: %d %+v", res.StatusCode, c)
	}
	if s, id := f.me(t, c.Value); s != http.StatusOK || id != strconv.FormatInt(f.user.ID, 10) {
		t.Fatalf("session acts as %s (%d)", id, s)
	}
}

func TestWebLoginWrongPasswordAndUnknownEmailLookAlike(t *testing.T) {
	f := newOAuthFixture(t)
	_, wrong := f.send(t, newBrowser(t), "POST", "/login", url.Values{"email": {f.email}, "password": {"nope"}})
	_, unknown := f.send(t, newBrowser(t), "POST", "/login", url.Values{"email": {"nobody@example.com"}, "password": {"nope"}})
	clean := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, f.email, "E"), "nobody@example.com", "E")
	}
	if clean(wrong) != clean(unknown) || !strings.Contains(wrong, "Invalid email or password") {
		t.Fatalf("answers differ:\n%s\n%s", wrong, unknown)
	}
}

func TestWebLoginLockout(t *testing.T) {
	f := newOAuthFixture(t)
	for i := 0; i < auth.LockoutFailures; i++ {
		if s := f.tryLogin(t, f.email, "wrong password"); s != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i, s)
		}
	}
	if s := f.tryLogin(t, f.email, f.password); s != http.StatusTooManyRequests {
		t.Fatalf("locked out, right password: %d", s)
	}
	var list []map[string]any
	f.inst.Do(t, "GET", "/api/4.0/user_login_lockouts", f.inst.AdminToken(t), nil).JSON(t, &list)
	if len(list) != 1 || list[0]["email"] != f.email || list[0]["fail_count"] != float64(auth.LockoutFailures) ||
		list[0]["user_id"] != strconv.FormatInt(f.user.ID, 10) || list[0]["auth_type"] != "email" ||
		list[0]["full_name"] != "Ada Tester" || list[0]["lockout_at"] == nil {
		t.Fatalf("lockouts: %v", list)
	}
	var found []map[string]any
	f.inst.Do(t, "GET", "/api/4.0/user_login_lockouts/search?email=ADA%25", f.inst.AdminToken(t), nil).JSON(t, &found)
	var none []map[string]any
	f.inst.Do(t, "GET", "/api/4.0/user_login_lockouts/search?email=bob%25", f.inst.AdminToken(t), nil).JSON(t, &none)
	if len(found) != 1 || len(none) != 0 {
		t.Fatalf("search: %v / %v", found, none)
	}
	key := list[0]["key"].(string)
	if s := f.admin(t, "DELETE", "/user_login_lockout/"+key, nil); s != 204 {
		t.Fatalf("delete lockout: %d", s)
	}
	if s := f.tryLogin(t, f.email, f.password); s != http.StatusSeeOther {
		t.Fatalf("after the lockout is lifted: %d", s)
	}
	if s := f.admin(t, "DELETE", "/user_login_lockout/"+key, nil); s != 404 {
		t.Fatalf("deleting a missing lockout: %d", s)
	}
}

// Unknown addresses are locked out the same way, so lockouts reveal
// nothing about which addresses exist.
func TestWebLoginLockoutOfUnknownEmail(t *testing.T) {
	f := newOAuthFixture(t)
	for i := 0; i < auth.LockoutFailures; i++ {
		f.tryLogin(t, "ghost@example.com", "guess")
	}
	if s := f.tryLogin(t, "ghost@example.com", "guess"); s != http.StatusTooManyRequests {
		t.Fatalf("unknown address: %d", s)
	}
	// Another address from the same client is not affected.
	if s := f.tryLogin(t, f.email, f.password); s != http.StatusSeeOther {
		t.Fatalf("other address: %d", s)
	}
}

// resetLink creates email credentials for a user through the API and asks
// for a password-reset link, as an admin would.
func (f *oauthFixture) resetLink(t *testing.T, email string) (userID string, link string) {
	t.Helper()
	u := f.inst.CreateUser(t, "Reset", "Me")
	userID = strconv.FormatInt(u.ID, 10)
	if s := f.admin(t, "POST", "/users/"+userID+"/credentials_email", map[string]any{"email": email}); s != 200 {
		t.Fatalf("create email: %d", s)
	}
	var reset map[string]any
	f.inst.Do(t, "POST", "/api/4.0/users/"+userID+"/credentials_email/password_reset", f.inst.AdminToken(t), nil).JSON(t, &reset)
	link, _ = reset["password_reset_url"].(string)
	if !strings.HasPrefix(link, f.inst.URL+"/password/reset/") {
		t.Fatalf("reset link: %v", reset)
	}
	return userID, strings.TrimPrefix(link, f.inst.URL)
}

func TestPasswordResetLink(t *testing.T) {
	f := newOAuthFixture(t)
	_, path := f.resetLink(t, "reset@example.com")
	b := newBrowser(t)
	if res, body := f.send(t, b, "GET", path, nil); res.StatusCode != 200 || !strings.Contains(body, `name="password"`) ||
		res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("form: %d %s", res.StatusCode, body)
	}
	for _, bad := range []url.Values{
		{"password": {"long enough 1"}, "password_confirm": {"long enough 2"}},
		{"password": {"short"}, "password_confirm": {"short"}},
	} {
		if res, body := f.send(t, b, "POST", path, bad); res.StatusCode != 400 {
			t.Fatalf("bad password %v: %d %s", bad, res.StatusCode, body)
		}
	}
	good := url.Values{"password": {"a new password"}, "password_confirm": {"a new password"}}
	if res, body := f.send(t, b, "POST", path, good); res.StatusCode != 200 {
		t.Fatalf("reset: %d %s", res.StatusCode, body)
	}
	if s := f.tryLogin(t, "reset@example.com", "a new password"); s != http.StatusSeeOther {
		t.Fatalf("login with the new password: %d", s)
	}
	if res, _ := f.send(t, b, "POST", path, good); res.StatusCode != 404 {
		t.Fatalf("the link works twice: %d", res.StatusCode)
	}
}

func TestPasswordResetExpiredLink(t *testing.T) {
	f := newOAuthFixture(t)
	userID, _ := f.resetLink(t, "late@example.com")
	id, _ := strconv.ParseInt(userID, 10, 64)
	token := "expired-reset-token-0123456789abcdef"
	past := time.Now().Add(-time.Minute).UnixMilli()
	if err := f.inst.Server.Store.SetPasswordReset(context.Background(), id, hex.EncodeToString(auth.HashToken(token)), past); err != nil {
		t.Fatal(err)
	}
	good := url.Values{"password": {"a new password"}, "password_confirm": {"a new password"}}
	if res, _ := f.send(t, newBrowser(t), "POST", "/password/reset/"+token, good); res.StatusCode != 404 {
		t.Fatalf("expired link: %d", res.StatusCode)
	}
}

func TestPasswordResetCrossSitePostRefused(t *testing.T) {
	f := newOAuthFixture(t)
	_, path := f.resetLink(t, "csrf@example.com")
	good := url.Values{"password": {"a new password"}, "password_confirm": {"a new password"}}
	if res, _ := f.send(t, newBrowser(t), "POST", path, good, "Sec-Fetch-Site", "cross-site"); res.StatusCode != 403 {
		t.Fatalf("cross-site reset: %d", res.StatusCode)
	}
}

// A user whose password must change is sent to the reset form at login,
// and gets a session only after choosing one.
func TestForcedPasswordResetAtLogin(t *testing.T) {
	f := newOAuthFixture(t)
	id := strconv.FormatInt(f.user.ID, 10)
	if s := f.admin(t, "PATCH", "/users/"+id+"/credentials_email", map[string]any{"forced_password_reset_at_next_login": true}); s != 200 {
		t.Fatalf("force reset: %d", s)
	}
	b := newBrowser(t)
	res, _ := f.send(t, b, "POST", "/login", url.Values{"email": {f.email}, "password": {f.password}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/password/reset/") || len(res.Cookies()) != 0 {
		t.Fatalf("forced reset: %d %s %v", res.StatusCode, loc, res.Cookies())
	}
	good := url.Values{"password": {"brand new secret"}, "password_confirm": {"brand new secret"}}
	if res, _ := f.send(t, b, "POST", loc, good); res.StatusCode != 200 {
		t.Fatalf("set: %d", res.StatusCode)
	}
	if s := f.tryLogin(t, f.email, "brand new secret"); s != http.StatusSeeOther {
		t.Fatalf("login after the forced reset: %d", s)
	}
}
