package server

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/config"
)

// openCatalog loads the built-in projects and every --project NAME=DIR.
// LookML errors in a project from disk do not stop the node: they are
// logged and reported by validate_project.
func openCatalog(cfg config.Config, log *slog.Logger) (*catalog.Catalog, error) {
	cat := catalog.New()
	for _, flag := range cfg.Projects {
		name, dir, _ := strings.Cut(flag, "=")
		if err := cat.AddProjectDir(name, dir); err != nil {
			return nil, fmt.Errorf("--project %s: %w", flag, err)
		}
		if p, ok := cat.Project(name); ok {
			for _, e := range p.Errors() {
				log.Warn("LookML error", "project", name, "error", e.Error())
			}
		}
	}
	return cat, nil
}
