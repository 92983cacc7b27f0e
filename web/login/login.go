// Package login serves Overlook's browser pages for signing in: the
// email/password form and its session cookie, the OAuth authorization
// page with its consent form, the OAuth token endpoint, and the password
// reset form. Pages are plain HTML from embedded templates.
package login

import (
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
)

//go:embed templates/*.html
var templateFS embed.FS

var pages = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// SessionCookie holds the web session token.
const SessionCookie = "overlook_session"

// Paths are the routes this package serves, for mounting.
var Paths = []string{"/login", "/logout", "/auth", "/api/token", "/password/reset/{token}"}

// Config is what the pages need.
type Config struct {
	Auth  *auth.Service
	OAuth *auth.OAuth
	// SecureCookies marks the session cookie Secure even on plain HTTP
	// requests (set it when a TLS proxy sits in front).
	SecureCookies bool
	Logger        *slog.Logger
}

// Handler serves the login pages.
type Handler struct {
	cfg Config
	mux *http.ServeMux
}

// New returns the handler. Every state-changing browser form is checked
// with http.CrossOriginProtection; the token endpoint, which browsers call
// cross-origin without cookies, is not.
func New(cfg Config) *Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	h := &Handler{cfg: cfg, mux: http.NewServeMux()}
	csrf := http.NewCrossOriginProtection()
	forms := func(f http.HandlerFunc) http.Handler { return csrf.Handler(f) }
	h.mux.HandleFunc("GET /login", h.loginForm)
	h.mux.Handle("POST /login", forms(h.login))
	h.mux.HandleFunc("GET /logout", h.logoutForm)
	h.mux.Handle("POST /logout", forms(h.logout))
	h.mux.HandleFunc("GET /auth", h.authorize)
	h.mux.Handle("POST /auth", forms(h.consent))
	h.mux.HandleFunc("POST /api/token", h.token)
	h.mux.HandleFunc("GET /password/reset/{token}", h.resetForm)
	h.mux.Handle("POST /password/reset/{token}", forms(h.reset))
	return h
}

// ServeHTTP serves a request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// page is the data of every template.
type page struct {
	Title, Error string
	// login
	Email, ReturnTo string
	// consent
	App, Description, User, RedirectOrigin string
	Fields                                 []field
	// messages
	Message, Link, LinkText string
	// reset
	MinLength int
}

type field struct{ Name, Value string }

// render writes a page with the headers every page gets: no caching, no
// framing (the consent form must not be clickjacked), no referrer (URLs
// carry reset tokens and OAuth state), no scripts.
func (h *Handler) render(w http.ResponseWriter, status int, name string, p *page) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, p); err != nil {
		h.cfg.Logger.Error("login page", "page", name, "err", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	msg := "Something went wrong. Try again."
	switch overlook.ErrorCode(err) {
	case overlook.EINVALID, overlook.EBADREQUEST:
		status, msg = http.StatusBadRequest, message(err)
	case overlook.ENOTFOUND:
		status, msg = http.StatusNotFound, "This link is not valid any more."
	case overlook.ETOOMANY, overlook.EUNAUTHORIZED:
		status, msg = statusOf(err), message(err)
	default:
		h.cfg.Logger.Error("login page", "err", err)
	}
	h.render(w, status, "message", &page{Title: "Error", Error: msg})
}

// message is the text of a domain error for a page: the field's message
// for a validation error.
func message(err error) string {
	var e *overlook.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if len(e.Details) > 0 {
		return e.Details[0].Message
	}
	return e.Message
}

func statusOf(err error) int {
	if overlook.ErrorCode(err) == overlook.ETOOMANY {
		return http.StatusTooManyRequests
	}
	return http.StatusUnauthorized
}

// session returns the principal of the request's session cookie, or nil.
func (h *Handler) session(r *http.Request) *overlook.Principal {
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	p, err := h.cfg.Auth.Authenticate(r.Context(), c.Value)
	if err != nil {
		return nil
	}
	return p
}

func (h *Handler) setSession(w http.ResponseWriter, r *http.Request, tok *auth.AccessToken) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: tok.Token, Path: "/", MaxAge: int(tok.ExpiresIn),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.cfg.SecureCookies || r.TLS != nil})
}

func (h *Handler) clearSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.cfg.SecureCookies || r.TLS != nil})
}

// clientIP is the peer address of the request (proxies are not trusted).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// localPath keeps a return_to only when it is a path on this server.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") {
		return "/logout"
	}
	return p
}

func displayName(p *overlook.Principal) string {
	u := p.User
	name := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if u.Email != nil && u.Email.Email != "" {
		if name == "" {
			return u.Email.Email
		}
		return name + " (" + u.Email.Email + ")"
	}
	return name
}

func (h *Handler) loginForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, http.StatusOK, "login", &page{Title: "Log in", ReturnTo: localPath(r.URL.Query().Get("return_to"))})
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	returnTo := localPath(r.PostFormValue("return_to"))
	res, err := h.cfg.Auth.LoginEmail(r.Context(), email, password, clientIP(r))
	if err != nil {
		code := overlook.ErrorCode(err)
		if code != overlook.EUNAUTHORIZED && code != overlook.ETOOMANY {
			h.fail(w, err)
			return
		}
		h.render(w, statusOf(err), "login", &page{Title: "Log in", Error: message(err), Email: email, ReturnTo: returnTo})
		return
	}
	if res.ResetToken != "" {
		http.Redirect(w, r, "/password/reset/"+res.ResetToken, http.StatusSeeOther)
		return
	}
	h.setSession(w, r, res.Session)
	http.Redirect(w, r, returnTo, http.StatusSeeOther)
}

func (h *Handler) logoutForm(w http.ResponseWriter, r *http.Request) {
	p := &page{Title: "Log out"}
	if s := h.session(r); s != nil {
		p.User = displayName(s)
	}
	h.render(w, http.StatusOK, "logout", p)
}

func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	if s := h.session(r); s != nil {
		if err := h.cfg.Auth.Logout(r.Context(), s); err != nil && !overlook.IsNotFound(err) {
			h.fail(w, err)
			return
		}
	}
	h.clearSession(w, r)
	http.Redirect(w, r, "/logout", http.StatusSeeOther)
}
