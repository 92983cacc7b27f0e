package api

import (
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/overlookbi/overlook/web/login"
)

// mountLogin serves the web login, the OAuth authorization and token
// endpoints and the password-reset form, outside /api/4.0.
func (s *Server) mountLogin(root chi.Router) {
	b := s.cfg.Backend
	if b.OAuth == nil {
		return
	}
	h := login.New(login.Config{Auth: b.Auth, OAuth: b.OAuth, Logger: s.cfg.Logger,
		SecureCookies: strings.HasPrefix(b.PublicURL, "https://")})
	for _, p := range login.Paths {
		root.Handle(p, h)
	}
}
