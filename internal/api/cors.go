package api

import (
	"net/http"
	"strings"
)

// CORS for browser apps. Only the API answers cross-origin, and only to the
// origins of registered OAuth apps' redirect URIs and of the embed domain
// allowlist. Login with API credentials (/api/4.0/login) and the web pages
// (/login, /auth, …) never do. Browsers send no credentials cross-origin
// (tokens travel in the Authorization header), so no
// Access-Control-Allow-Credentials is ever sent.

// corsBaseHeaders are the request headers the SDKs send cross-origin.
var corsBaseHeaders = []string{"Authorization", "Content-Type", "X-Looker-AppId"}

const (
	corsMethods       = "GET, HEAD, POST, PUT, PATCH, DELETE"
	corsExposeHeaders = "Link, X-Total-Count"
	corsMaxAge        = "600"
)

// corsPath reports whether path is part of the API that browsers may call
// cross-origin.
func corsPath(path string) bool {
	if path == BasePath+"/login" {
		return false
	}
	switch path {
	case "/api/token", "/versions", "/api/versions", "/api/logout":
		return true
	}
	return strings.HasPrefix(path, BasePath+"/")
}

func (s *Server) cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !corsPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		allowed := origin != "" && s.cfg.Backend.OAuth != nil && s.cfg.Backend.OAuth.AllowedOrigin(r.Context(), origin)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Add("Vary", "Access-Control-Request-Method")
			h.Add("Vary", "Access-Control-Request-Headers")
			if !allowed {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", corsMethods)
			h.Set("Access-Control-Allow-Headers", allowHeaders(r.Header.Get("Access-Control-Request-Headers")))
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		}
		next.ServeHTTP(w, r)
	})
}

// allowHeaders is the SDK's headers plus whatever else a trusted origin
// asked for, when each is a well-formed header name.
func allowHeaders(requested string) string {
	out := append([]string(nil), corsBaseHeaders...)
	seen := map[string]bool{}
	for _, h := range out {
		seen[strings.ToLower(h)] = true
	}
	for _, h := range strings.Split(requested, ",") {
		h = strings.TrimSpace(h)
		if h == "" || seen[strings.ToLower(h)] || !headerName(h) {
			continue
		}
		seen[strings.ToLower(h)] = true
		out = append(out, h)
	}
	return strings.Join(out, ", ")
}

func headerName(h string) bool {
	if len(h) > 64 {
		return false
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
