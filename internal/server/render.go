package server

import (
	"net"
	"net/http"
	"strings"

	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/web/dashboard"
)

// openRender gives the node its renderer; the browser starts on the first
// render.
func (s *Server) openRender() *dashboard.Renderer {
	return dashboard.NewRenderer(render.New(render.Options{}))
}

// withRenderPage serves the render page beside the API, and points the
// renderer at this node's own listener: the page a render prepares is held
// by the node that prepared it.
func (s *Server) withRenderPage(ln net.Listener) http.Handler {
	s.backend.Render.SetOrigin("http://" + ln.Addr().String())
	page := s.backend.Render.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, dashboard.Prefix) {
			page.ServeHTTP(w, r)
			return
		}
		s.HTTP.ServeHTTP(w, r)
	})
}

// closeRender ends running renders and stops the browser.
func (s *Server) closeRender() {
	if s.backend != nil && s.backend.Render != nil {
		_ = s.backend.Render.Close()
	}
}
