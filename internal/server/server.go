// Package server wires a node together: configuration, metadata store,
// services and the HTTP handler, and runs it until it is told to stop.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api"
	"github.com/overlookbi/overlook/internal/api/looker40"
	"github.com/overlookbi/overlook/internal/audit"
	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

// Version is set at build time with -ldflags.
var Version = "dev"

// Server is one Overlook node.
type Server struct {
	cfg   config.Config
	log   *slog.Logger
	Store *store.Store
	Auth  *auth.Service
	OAuth *auth.OAuth
	Audit *audit.Log
	HTTP  *api.Server
	// History records every query run, in batches.
	History *history.Log
	// Tasks runs query tasks; it stops first when the node closes.
	Tasks *queries.TaskRunner
	// Connections are the node's database connections.
	Connections *connections.Service
	// Admin holds the first admin's credentials when this start created or
	// reset them; nil otherwise.
	Admin *AdminCredentials
	// Scheduler delivers scheduled plans while the node serves.
	Scheduler *scheduler.Scheduler
	key       []byte
	backend   *looker40.Backend
}

// Open prepares a node: data dir, database and migrations, built-in roles
// and folders, the first admin. It does not listen yet.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, opts ...Option) (*Server, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	key, err := encryptionKey(cfg)
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, Store: st, Auth: auth.NewService(st), key: key}
	s.OAuth = auth.NewOAuth(s.Auth)
	if err := s.seed(ctx); err != nil {
		st.Close()
		return nil, err
	}
	s.Audit = audit.New(st)
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		newDBCollector(st))
	s.Connections, err = openConnections(st, cfg, key)
	if err != nil {
		st.Close()
		return nil, err
	}
	if err := s.ensureDemo(ctx, o); err != nil {
		s.Connections.Close()
		st.Close()
		return nil, err
	}
	cat, err := openCatalog(cfg, log)
	if err != nil {
		st.Close()
		return nil, err
	}
	s.History = history.ForStore(st)
	s.Tasks = queries.NewTaskRunner(st)
	s.backend = &looker40.Backend{Store: st, Auth: s.Auth, Audit: s.Audit, PublicURL: cfg.PublicURL, Version: Version,
		Catalog: cat, Connections: s.Connections, Cache: queries.NewCache(), Plans: queries.NewPlans(), History: s.History, Tasks: s.Tasks,
		Content: content.New(st)}
	s.backend.OAuth = s.OAuth
	s.backend.Render = s.openRender()
	if s.Scheduler, err = s.openScheduler(o.scheduler); err != nil {
		s.Connections.Close()
		st.Close()
		return nil, err
	}
	s.HTTP = api.New(api.Config{
		Backend: s.backend,
		Logger:  log, Registry: reg, Alive: st.Ping,
	})
	return s, nil
}

func (s *Server) seed(ctx context.Context) error {
	if err := s.Store.EnsureRootFolders(ctx); err != nil {
		return err
	}
	if err := access.SeedBuiltIns(ctx, s.Store); err != nil {
		return err
	}
	if err := access.SeedSystemAttributes(ctx, s.Store); err != nil {
		return err
	}
	if err := content.SeedAppearance(ctx, s.Store); err != nil {
		return err
	}
	fresh, err := s.isNew(ctx)
	if err != nil {
		return err
	}
	admin, err := ensureAdmin(ctx, s.Store, s.cfg)
	s.Admin = admin
	if err != nil || !fresh {
		return err
	}
	if err := seedInstance(ctx, s.Store); err != nil {
		return err
	}
	return content.Seed(ctx, s.Store)
}

// isNew reports whether the instance has no user yet.
func (s *Server) isNew(ctx context.Context) (bool, error) {
	_, total, err := s.Store.Users(ctx, overlook.UserFilter{Limit: 1})
	return total == 0, err
}

// Listen opens the listener. Call it only once Open has returned, so that a
// client that can connect finds the server ready.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err == nil && s.backend.PublicURL == "" {
		s.backend.PublicURL = s.Origin(ln)
	}
	return ln, err
}

// Serve serves on ln until ctx is done, then stops accepting, lets
// in-flight requests finish (up to the shutdown timeout) and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.withRenderPage(ln),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	ctx, stopScheduler := context.WithCancel(ctx)
	defer stopScheduler()
	schedulerDone := s.runScheduler(ctx)
	defer func() { stopScheduler(); <-schedulerDone }()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) {
		err = errors.Join(err, e)
	}
	return err
}

// Close flushes the audit log and closes the database.
func (s *Server) Close() error {
	// Running query tasks end first: they record their end in the history
	// and the store.
	s.Tasks.Stop()
	s.closeRender()
	if s.Audit != nil {
		s.Audit.Close()
	}
	if s.History != nil {
		s.History.Close()
	}
	return errors.Join(s.Connections.Close(), s.Store.Close())
}

// Origin is the URL clients reach the server at.
func (s *Server) Origin(ln net.Listener) string {
	if s.cfg.PublicURL != "" {
		return s.cfg.PublicURL
	}
	return "http://" + ln.Addr().String()
}
