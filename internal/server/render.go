package server

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/web/dashboard"
)

// How long render tasks and their results are kept, and how often old
// ones are swept.
const (
	renderTaskLife  = time.Hour
	renderTaskSweep = 10 * time.Minute
)

// openRender gives the node its renderer; the browser starts on the first
// render.
func (s *Server) openRender() *dashboard.Renderer {
	return dashboard.NewRenderer(render.New(render.Options{}))
}

// sweepRenderTasks deletes old render tasks until ctx ends.

func (s *Server) sweepRenderTasks(ctx context.Context) {
	tick := time.NewTicker(renderTaskSweep)
	defer tick.Stop()
	for {
		if _, err := s.Store.DeleteRenderTasks(ctx, time.Now().Add(-renderTaskLife)); err != nil && ctx.Err() == nil {
			s.log.Warn("sweep render tasks", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// withRenderPage serves the render page beside the API, and points the
// renderer at this node's own listener: the page a render prepares is held
// by the node that prepared it. Old render tasks are swept while the node
// serves.
func (s *Server) withRenderPage(ln net.Listener) http.Handler {
	s.backend.Render.SetOrigin("http://" + ln.Addr().String())
	s.backend.Render.Go(s.sweepRenderTasks)
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
