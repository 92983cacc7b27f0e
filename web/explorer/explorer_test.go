package explorer

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func newHandler(publicURL string, reg Registrar) *Handler {
	return New(Config{PublicURL: func() string { return publicURL }, Register: reg})
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestServesPageAndAssets(t *testing.T) {
	h := newHandler("http://127.0.0.1:1234", nil)
	cases := []struct {
		path     string
		status   int
		typ      string
		contains string
	}{
		{"/api-explorer/", 200, "text/html", "<title>Overlook API Explorer</title>"},
		{"/api-explorer/oauth", 200, "text/html", "<title>Overlook API Explorer</title>"},
		{"/api-explorer/explorer.js", 200, "javascript", "indexOperations"},
		{"/api-explorer/sha256.js", 200, "javascript", "overlookSha256"},
		{"/api-explorer/explorer.css", 200, "text/css", "#operations"},
		{"/api-explorer/missing.js", 404, "", ""},
		{"/api-explorer/../../etc/passwd", 404, "", ""},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			rec := get(t, h, c.path)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d", rec.Code, c.status)
			}
			if c.typ != "" && !strings.Contains(rec.Header().Get("Content-Type"), c.typ) {
				t.Errorf("Content-Type %q, want %q", rec.Header().Get("Content-Type"), c.typ)
			}
			if !strings.Contains(rec.Body.String(), c.contains) {
				t.Errorf("body lacks %q", c.contains)
			}
		})
	}
}

func TestBarePathRedirects(t *testing.T) {
	rec := get(t, newHandler("http://h", nil), "/api-explorer")
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/api-explorer/" {
		t.Fatalf("got %d to %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	rec := httptest.NewRecorder()
	newHandler("http://h", nil).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api-explorer/", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST got %d", rec.Code)
	}
}

func TestPageHasAStrictContentSecurityPolicy(t *testing.T) {
	csp := get(t, newHandler("http://h", nil), "/api-explorer/").Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
}

// The page must work offline: no asset may load anything from another host.
func TestAssetsReferenceNoOtherHost(t *testing.T) {
	remote := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?https?:`)
	err := fs.WalkDir(static, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := static.ReadFile(path)
		if err != nil {
			return err
		}
		if m := remote.Find(data); m != nil {
			t.Errorf("%s loads from another host: %q", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestConfigNamesTheClientAndItsRedirectURI(t *testing.T) {
	rec := get(t, newHandler("https://bi.example.com/", nil), "/api-explorer/config.json")
	var cfg pageConfig
	if err := json.Unmarshal(rec.Body.Bytes(), &cfg); err != nil {
		t.Fatal(err)
	}
	want := pageConfig{
		ClientID:    "overlook-api-explorer",
		RedirectURI: "https://bi.example.com/api-explorer/oauth",
		AuthURL:     "/auth",
		TokenURL:    "/api/token",
		APIBase:     "/api/4.0",
		SpecURL:     "/api/4.0/swagger.json",
	}
	if cfg != want {
		t.Fatalf("config\n got %+v\nwant %+v", cfg, want)
	}
}

func TestRegistersOncePerPublicURL(t *testing.T) {
	public := "http://127.0.0.1:1"
	var calls []string
	h := New(Config{
		PublicURL: func() string { return public },
		Register: func(_ context.Context, guid, uri string) error {
			calls = append(calls, guid+" "+uri)
			return nil
		},
	})
	get(t, h, "/api-explorer/")
	get(t, h, "/api-explorer/oauth")
	get(t, h, "/api-explorer/explorer.js")
	public = "http://127.0.0.1:2"
	get(t, h, "/api-explorer/")
	want := []string{
		"overlook-api-explorer http://127.0.0.1:1/api-explorer/oauth",
		"overlook-api-explorer http://127.0.0.1:2/api-explorer/oauth",
	}
	if strings.Join(calls, "\n") != strings.Join(want, "\n") {
		t.Fatalf("registrations\n%s\nwant\n%s", strings.Join(calls, "\n"), strings.Join(want, "\n"))
	}
}

// A forged Host header never becomes the redirect URI.
func TestRedirectURIIgnoresHostHeader(t *testing.T) {
	var got string
	h := New(Config{
		PublicURL: func() string { return "http://127.0.0.1:7" },
		Register:  func(_ context.Context, _, uri string) error { got = uri; return nil },
	})
	req := httptest.NewRequest(http.MethodGet, "/api-explorer/", nil)
	req.Host = "evil.example"
	h.ServeHTTP(httptest.NewRecorder(), req)
	if got != "http://127.0.0.1:7/api-explorer/oauth" {
		t.Fatalf("registered %q", got)
	}
}

func TestRegistrationFailureIsRetriedAndPageStillServed(t *testing.T) {
	n := 0
	h := New(Config{
		PublicURL: func() string { return "http://h" },
		Register: func(context.Context, string, string) error {
			n++
			if n == 1 {
				return errors.New("database is busy")
			}
			return nil
		},
	})
	if rec := get(t, h, "/api-explorer/"); rec.Code != http.StatusOK {
		t.Fatalf("page got %d after a failed registration", rec.Code)
	}
	get(t, h, "/api-explorer/")
	get(t, h, "/api-explorer/")
	if n != 2 {
		t.Fatalf("Register called %d times, want 2 (one failure, one success)", n)
	}
}

func TestNoRegistrationWithoutPublicURL(t *testing.T) {
	called := false
	h := New(Config{
		PublicURL: func() string { return "" },
		Register:  func(context.Context, string, string) error { called = true; return nil },
	})
	get(t, h, "/api-explorer/")
	if called {
		t.Fatal("registered a relative redirect URI")
	}
}
