// Package explorer serves the API Explorer: a page, embedded in the binary,
// that lists every operation of the server's own OpenAPI document by tag and
// runs them as the signed-in user. The page signs in with OAuth
// (authorization code + PKCE) as the client app ClientGUID, whose only
// redirect URI is <public URL>/api-explorer/oauth.
package explorer

import (
	"context"
	"embed"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync"
)

// Path is where the explorer is mounted.
const Path = "/api-explorer"

// ClientGUID is the client_guid the explorer's OAuth client app is
// registered under.
const ClientGUID = "overlook-api-explorer"

//go:embed static
var static embed.FS

// Registrar makes sure the explorer's OAuth client app exists with exactly
// this redirect URI (creating or updating it).
type Registrar func(ctx context.Context, clientGUID, redirectURI string) error

// Config is what the handler needs.
type Config struct {
	// PublicURL returns the origin the server is reached at, without a
	// trailing slash. It is read per request because a server started on
	// port 0 learns it only once it listens.
	PublicURL func() string
	// Register, when set, is called once per public URL, before the page is
	// first served, so the OAuth app exists when a user signs in.
	Register Registrar
	Logger   *slog.Logger
}

// Handler serves the page, its assets and config.json under Path.
type Handler struct {
	cfg    Config
	assets http.Handler
	page   []byte // index.html

	mu         sync.Mutex
	registered string // the redirect URI last registered
}

// New returns the explorer's handler. Mount it at Path and Path + "/*".
func New(cfg Config) *Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	page, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic(err)
	}
	return &Handler{cfg: cfg, assets: http.FileServerFS(sub), page: page}
}

// RedirectURI is where the authorization server sends the user back to.
// It is built only from the configured public URL, never from the request's
// Host header: a forged Host must not become a registered redirect URI.
func (h *Handler) RedirectURI() string {
	return strings.TrimRight(h.cfg.PublicURL(), "/") + Path + "/oauth"
}

// pageConfig is what the page reads from config.json.
type pageConfig struct {
	ClientID    string `json:"client_id"`
	RedirectURI string `json:"redirect_uri"`
	AuthURL     string `json:"auth_url"`
	TokenURL    string `json:"token_url"`
	APIBase     string `json:"api_base"`
	SpecURL     string `json:"spec_url"`
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, Path)
	switch rest {
	case "":
		http.Redirect(w, r, Path+"/", http.StatusMovedPermanently)
	case "/", "/oauth":
		h.ensureRegistered(r.Context())
		h.servePage(w)
	case "/config.json":
		h.serveConfig(w)
	default:
		h.serveAsset(w, r, path.Clean(rest))
	}
}

func (h *Handler) serveConfig(w http.ResponseWriter) {
	// Everything but the redirect URI is on the page's own origin, so a
	// page reached under another name than the public URL still works.
	cfg := pageConfig{
		ClientID:    ClientGUID,
		RedirectURI: h.RedirectURI(),
		AuthURL:     "/auth",
		TokenURL:    "/api/token",
		APIBase:     "/api/4.0",
		SpecURL:     "/api/4.0/swagger.json",
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(cfg)
}

func (h *Handler) servePage(w http.ResponseWriter) {
	setSecurityHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(h.page)
}

func (h *Handler) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	setSecurityHeaders(w)
	r2 := r.Clone(r.Context())
	r2.URL.Path, r2.URL.RawPath = name, ""
	h.assets.ServeHTTP(w, r2)
}

// setSecurityHeaders keeps the page from loading anything but its own
// files and from being framed by other sites.
func setSecurityHeaders(w http.ResponseWriter) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
}

// ensureRegistered registers the OAuth client app for the current public
// URL once. A failure is logged and retried on the next page load: the page
// still works with a pasted token.
func (h *Handler) ensureRegistered(ctx context.Context) {
	if h.cfg.Register == nil || h.cfg.PublicURL() == "" {
		return
	}
	uri := h.RedirectURI()
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.registered == uri {
		return
	}
	if err := h.cfg.Register(ctx, ClientGUID, uri); err != nil {
		h.cfg.Logger.Warn("api explorer: registering its OAuth client app", "redirect_uri", uri, "err", err)
		return
	}
	h.registered = uri
}

// Register registers the explorer's OAuth client app now (call it once the
// public URL is known, at start-up).
func (h *Handler) Register(ctx context.Context) { h.ensureRegistered(ctx) }
