// Command profile runs an Overlook node exactly as `overlook serve` does
// (same flags and OVERLOOK_* variables, same server package) and records a
// CPU profile from start to SIGINT/SIGTERM. It exists so the benchmark can
// show where Overlook's time goes without adding profiling to Overlook.
//
//	profile -cpuprofile cpu.out serve-flags…   then: go tool pprof -top profile cpu.out
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/server"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run() error {
	out, args := splitProfileFlag(os.Args[1:])
	if out == "" {
		return fmt.Errorf("usage: profile -cpuprofile FILE [overlook serve flags]")
	}
	cfg, err := config.Parse("profile", args, os.Getenv)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The request log is formatted as in production, then dropped, like
	// `overlook serve 2>/dev/null` in bench/run.sh.
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// The thelook demo, as `overlook serve` has it, so query paths can be
	// profiled (bench/queries.sh's queries run over it).
	srv, err := server.Open(ctx, cfg, log, server.WithDemo(duckdb.EnsureDemo, nil))
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := srv.Listen()
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	return srv.Serve(ctx, ln)
}

// splitProfileFlag takes -cpuprofile FILE out of args and leaves the rest
// to Overlook's own flag parsing.
func splitProfileFlag(args []string) (string, []string) {
	var out string
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case (a == "-cpuprofile" || a == "--cpuprofile") && i+1 < len(args):
			out = args[i+1]
			i++
		default:
			rest = append(rest, a)
		}
	}
	return out, rest
}
