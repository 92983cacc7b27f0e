// Package looker40 implements the operations of the Looker API 4.0, one file
// per Looker tag. Each file registers its operations from init, so adding a
// tag means adding a file; Register installs them all on an API.
package looker40

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/audit"
	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/outbound"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/web/dashboard"
)

// Backend is what the operations need.
type Backend struct {
	Store       *store.Store
	Auth        *auth.Service
	Audit       *audit.Log
	Catalog     *catalog.Catalog
	Connections *connections.Service
	// OAuth runs the Authorization Code + PKCE flow of browser apps.
	OAuth *auth.OAuth
	// Content decides object-level access to folders, looks, dashboards
	// and boards.
	Content *content.Service
	// Cache holds recent query results; History records every run.
	Cache   *queries.Cache
	History *history.Log
	// Plans remembers compiled queries (nil compiles every run).
	Plans *queries.Plans
	// Tasks runs query tasks and bounds each user's running queries.
	Tasks *queries.TaskRunner
	// Render draws dashboards, looks and queries to png, jpg and pdf.
	Render *dashboard.Renderer
	// Mail is the outgoing mail server of deliveries (set_smtp_settings).
	Mail *scheduler.MailServer
	// Outbound guards every request the node makes (webhooks, renderer);
	// plans are checked against it when written.
	Outbound *outbound.Guard
	// PublicURL is the origin clients reach the server at (no trailing
	// slash); empty means "the origin of each request".
	PublicURL string
	// Version is Overlook's own version, for version.
	Version string
	// Spec returns the OpenAPI document served at swagger.json.
	Spec func() ([]byte, error)
}

var registrars []func(huma.API, *Backend)

// register adds a tag's registration function; call it from init.
func register(fn func(huma.API, *Backend)) { registrars = append(registrars, fn) }

// Register installs every operation on api.
func Register(api huma.API, b *Backend) {
	for _, r := range registrars {
		r(api, b)
	}
}
