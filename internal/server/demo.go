package server

import (
	"context"
	"path/filepath"
	"time"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// DemoConnection is the connection of the thelook demo warehouse.
const DemoConnection = "thelook"

// DemoFunc makes sure the demo warehouse exists at path (generating it if
// needed) and reports whether it generated it. The DuckDB engine provides
// it; it is passed in, not imported, so that tests of this package do not
// link DuckDB.
type DemoFunc func(ctx context.Context, path string, opts demo.Options, progress demo.Progress) (bool, error)

// WithDemo has Open generate the thelook demo on first start (with the
// progress callback) and serve it as the read-only thelook connection.
func WithDemo(ensure DemoFunc, progress demo.Progress) Option {
	return func(o *options) { o.demo, o.progress = ensure, progress }
}

// ensureDemo generates the demo when it is missing and registers its
// connection. A scale of 0 turns the demo off.
func (s *Server) ensureDemo(ctx context.Context, o options) error {
	if o.demo == nil || s.cfg.DemoScale == 0 {
		return nil
	}
	path := filepath.Join(s.cfg.DataDir, "thelook.duckdb")
	opts := demo.Options{Scale: s.cfg.DemoScale}.Defaults(time.Now)
	if err := opts.Validate(); err != nil {
		return err
	}
	if _, err := o.demo(ctx, path, opts, o.progress); err != nil {
		return err
	}
	return s.Connections.AddStatic(warehouse.Config{Name: DemoConnection, Dialect: "duckdb", Path: path, ReadOnly: true})
}
