// Command overlook is the Overlook BI server.
//
//	overlook [serve] [flags]   run the server (the default)
//	overlook migrate [flags]   apply metadata-database migrations and exit
//	overlook demo generate --out FILE [--scale N] [--as-of DATE]
//	overlook demo load --url postgres://…|mysql://… [--scale N]
//	overlook lookml validate DIR       resolve a LookML project, print every error
//	overlook lookml parse [--json] F…  check the syntax of LookML files
//	overlook version           print the version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/server"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
	// The engines the binary can query, registered by name.
	_ "github.com/overlookbi/overlook/internal/warehouse/mysql"
	_ "github.com/overlookbi/overlook/internal/warehouse/postgres"
	_ "github.com/overlookbi/overlook/internal/warehouse/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "overlook:", err)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, stdout, stderr, getenv)
	case "migrate":
		return migrate(ctx, args, stdout, getenv)
	case "demo":
		return demoCommand(ctx, args, stdout, stderr)
	case "lookml":
		return lookmlCommand(args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "overlook", server.Version)
		return nil
	}
	return fmt.Errorf("unknown command %q (want serve, migrate, demo, lookml or version)", cmd)
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	cfg, err := config.Parse("overlook serve", args, getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	slog.SetDefault(log)
	srv, err := server.Open(ctx, cfg, log, server.WithDemo(duckdb.EnsureDemo, newProgress(stderr, "the thelook demo")))
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := srv.Listen()
	if err != nil {
		return err
	}
	origin := srv.Origin(ln)
	if a := srv.Admin; a != nil {
		fmt.Fprintf(stdout, "Admin API credentials (shown once; also written to %s):\n  client_id:     %s\n  client_secret: %s\n",
			a.File, a.ClientID, a.ClientSecret)
	}
	fmt.Fprintf(stdout, "Overlook %s is ready at %s (API: %s/api/4.0)\n", server.Version, origin, origin)
	log.Info("listening", "addr", ln.Addr().String(), "database", srv.Store.Backend())
	err = srv.Serve(ctx, ln)
	log.Info("stopped")
	return err
}

func migrate(ctx context.Context, args []string, stdout io.Writer, getenv func(string) string) error {
	cfg, err := config.Parse("overlook migrate", args, getenv)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s metadata database is up to date\n", st.Backend())
	return st.Close()
}
