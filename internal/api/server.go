// Package api assembles Overlook's HTTP surface: the router, the huma API
// with Looker's wire conventions, and the middleware every request passes
// (path cleaning, logging, metrics, audit, authentication).
package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/overlookbi/overlook/internal/api/apierr"
	"github.com/overlookbi/overlook/internal/api/looker40"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/web/explorer"
)

// BasePath is where the Looker API 4.0 lives.
const BasePath = "/api/4.0"

// Config is what the HTTP layer needs.
type Config struct {
	Backend  *looker40.Backend
	Logger   *slog.Logger
	Registry *prometheus.Registry
	// Alive reports whether the server can serve (the database answers).
	Alive func(context.Context) error
}

// Server is the HTTP handler of a node.
type Server struct {
	cfg     Config
	router  chi.Router
	api     huma.API
	metrics *Metrics

	specOnce sync.Once
	spec     []byte
	specErr  error
}

func init() { apierr.Install() }

// New builds the handler.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}
	s := &Server{cfg: cfg, metrics: NewMetrics(cfg.Registry)}
	cfg.Backend.Spec = s.Spec

	sub := chi.NewRouter()
	sub.NotFound(notFound)
	sub.MethodNotAllowed(methodNotAllowed)
	s.api = humachi.New(sub, humaConfig(cfg.Backend.PublicURL))
	// Middleware must be in place before operations are registered: huma
	// snapshots the chain at registration.
	s.api.UseMiddleware(s.authenticate)
	looker40.Register(s.api, cfg.Backend)

	root := chi.NewRouter()
	root.Use(cleanPath, s.observe, recoverer, s.cors, normalizeArrays)
	root.NotFound(notFound)
	root.MethodNotAllowed(methodNotAllowed)
	root.Get("/alive", s.alive)
	root.Handle("/metrics", promhttp.HandlerFor(cfg.Registry, promhttp.HandlerOpts{}))
	root.Get(BasePath+"/swagger.json", s.serveSpec)
	// Routes outside /api/4.0 that official clients call.
	root.Get("/versions", forward(sub, "/versions"))
	root.Get("/api/versions", forward(sub, "/versions"))
	root.Delete("/api/logout", forward(sub, "/logout"))
	s.mountLogin(root)
	root.Mount(BasePath, sub)
	s.mountExplorer(root)
	s.router = root
	return s
}

// mountExplorer serves the API Explorer page at /api-explorer.
func (s *Server) mountExplorer(root chi.Router) {
	b := s.cfg.Backend
	cfg := explorer.Config{PublicURL: func() string { return b.PublicURL }, Logger: s.cfg.Logger}
	if b.OAuth != nil {
		cfg.Register = explorer.OAuthRegistrar(b.OAuth)
	}
	ex := explorer.New(cfg)
	root.Handle(explorer.Path, ex)
	root.Handle(explorer.Path+"/*", ex)
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// API returns the huma API (tests walk its OpenAPI document).
func (s *Server) API() huma.API { return s.api }

// RegisterCollector adds a collector to /metrics.
func (s *Server) RegisterCollector(c prometheus.Collector) { s.cfg.Registry.MustRegister(c) }

func humaConfig(publicURL string) huma.Config {
	registry := huma.NewMapRegistry("#/components/schemas/", huma.DefaultSchemaNamer)
	cfg := huma.Config{
		OpenAPI: &huma.OpenAPI{
			OpenAPI: "3.1.0",
			Info: &huma.Info{
				Title:   "Overlook API",
				Version: looker40.APIFullVersion,
				Description: "Overlook's REST API, wire-compatible with the Looker API 4.0. " +
					"Authenticate with POST /login and send the token as 'Authorization: Bearer <token>'.",
			},
			Servers:    []*huma.Server{{URL: publicURL + BasePath}},
			Components: &huma.Components{Schemas: registry},
		},
		// No docs page (it loads scripts from a CDN), no $schema links.
		OpenAPIPath:   "",
		DocsPath:      "",
		SchemasPath:   "",
		Formats:       map[string]huma.Format{"application/json": jsonFormat, "json": jsonFormat},
		DefaultFormat: "application/json",
		Transformers:  []huma.Transformer{projectFields},
	}
	// Clients send back whole objects, read-only and unknown keys included.
	cfg.AllowAdditionalPropertiesByDefault = true
	cfg.FieldsOptionalByDefault = true
	return cfg
}

// jsonFormat is huma's JSON format, except that a body already encoded
// (RawJSON) is written as it is: encoding/json would re-validate and compact
// it, which costs more than encoding it did.
var jsonFormat = huma.Format{
	Marshal: func(w io.Writer, v any) error {
		if r, ok := v.(interface{ RawJSON() []byte }); ok {
			_, err := w.Write(r.RawJSON())
			return err
		}
		return huma.DefaultJSONFormat.Marshal(w, v)
	},
	Unmarshal: unmarshalJSON,
}

// unmarshalJSON hands a JSON object straight to a body that decodes itself
// (model.Body): encoding/json would scan the whole text once more before
// calling it. Anything else, invalid JSON included, goes through
// encoding/json as before.
func unmarshalJSON(data []byte, v any) error {
	if model.DecodeObject(data, v) {
		return nil
	}
	return huma.DefaultJSONFormat.Unmarshal(data, v)
}

// Spec returns the OpenAPI 3.0 document, built once.
func (s *Server) Spec() ([]byte, error) {
	s.specOnce.Do(func() { s.spec, s.specErr = s.api.OpenAPI().Downgrade() })
	return s.spec, s.specErr
}

func (s *Server) serveSpec(w http.ResponseWriter, r *http.Request) {
	doc, err := s.Spec()
	if err != nil {
		apierr.Write(w, apierr.From(err))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(doc)
}

func (s *Server) alive(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Alive != nil {
		if err := s.cfg.Alive(r.Context()); err != nil {
			apierr.Write(w, apierr.New(http.StatusServiceUnavailable, "Not ready"))
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

func notFound(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, apierr.New(http.StatusNotFound, "Not found"))
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, apierr.New(http.StatusMethodNotAllowed, "Method not allowed"))
}

// forward serves a route outside /api/4.0 with the operation at path.
func forward(sub http.Handler, path string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(context.WithValue(r.Context(), chi.RouteCtxKey, chi.NewRouteContext()))
		r2.URL.Path, r2.URL.RawPath = path, ""
		sub.ServeHTTP(w, r2)
	}
}
