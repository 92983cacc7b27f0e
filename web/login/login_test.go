package login

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/auth?client_id=x":     "/auth?client_id=x",
		"/":                     "/",
		"":                      "/logout",
		"//evil.example/":       "/logout",
		"/\\evil.example":       "/logout",
		"https://evil.example/": "/logout",
		"javascript:alert(1)":   "/logout",
		"/x\r\nSet-Cookie: a=b": "/logout",
	} {
		if got := localPath(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestTokenRequestBodies(t *testing.T) {
	for name, c := range map[string]struct {
		ctype, body string
		wantErr     bool
		wantCode    string
	}{
		"json":           {"application/json", `{"grant_type":"authorization_code","code":"abc","client_id":"app"}`, false, "abc"},
		"json charset":   {"application/json; charset=utf-8", `{"code":"abc"}`, false, "abc"},
		"json null":      {"application/json", `{"code":null}`, false, ""},
		"json number":    {"application/json", `{"code":12}`, false, "12"},
		"json array":     {"application/json", `[1]`, true, ""},
		"json broken":    {"application/json", `{"code":`, true, ""},
		"form":           {"application/x-www-form-urlencoded", "code=abc&grant_type=refresh_token", false, "abc"},
		"form malformed": {"application/x-www-form-urlencoded", "code=%zz", true, ""},
		"too large":      {"application/x-www-form-urlencoded", "code=" + strings.Repeat("a", maxTokenBody), true, ""},
	} {
		r := httptest.NewRequest("POST", "/api/token", strings.NewReader(c.body))
		r.Header.Set("Content-Type", c.ctype)
		req, err := tokenRequest(r)
		if (err != nil) != c.wantErr || (err == nil && req.Code != c.wantCode) {
			t.Errorf("%s: %+v %v", name, req, err)
		}
	}
}
