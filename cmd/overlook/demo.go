package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

// demoCommand runs `overlook demo generate` and `overlook demo load`.
func demoCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "generate" && args[0] != "load") {
		return errors.New("usage: overlook demo generate --out FILE [--scale N] [--as-of DATE] [--seed S] | overlook demo load --url URL [...]")
	}
	fs := flag.NewFlagSet("overlook demo "+args[0], flag.ContinueOnError)
	scale := fs.Float64("scale", 1, "row counts multiplier (1: about 100k users, 1M events)")
	asOf := fs.String("as-of", "", "last day of activity, YYYY-MM-DD (default: today)")
	seed := fs.Uint64("seed", 0, "random seed; the same seed, scale and as-of give the same rows")
	out := fs.String("out", "", "DuckDB file to write (generate)")
	url := fs.String("url", "", "postgres://… or mysql://… database to load into (load)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	opts := demo.Options{Scale: *scale, Seed: *seed}
	if *asOf != "" {
		day, err := time.Parse("2006-01-02", *asOf)
		if err != nil {
			return fmt.Errorf("--as-of: %w", err)
		}
		opts.AsOf = day
	}
	opts = opts.Defaults(time.Now)
	if err := opts.Validate(); err != nil {
		return err
	}
	bar := newProgress(stderr, "thelook demo")
	var err error
	switch {
	case args[0] == "generate" && *out != "":
		err = duckdb.GenerateDemo(ctx, *out, opts, bar)
	case args[0] == "load" && *url != "":
		err = demo.LoadURL(ctx, *url, opts, bar)
	default:
		return fmt.Errorf("overlook demo %s needs --out or --url", args[0])
	}
	if err == nil {
		fmt.Fprintln(stdout, "demo written")
	}
	return err
}

// newProgress returns a progress callback drawing a bar on w, created on
// the first call (when the total is known).
func newProgress(w io.Writer, what string) demo.Progress {
	var bar *progressbar.ProgressBar
	return func(done, total int64) {
		if bar == nil {
			bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription("generating "+what), progressbar.OptionShowCount(),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
		}
		if done >= total {
			bar.ChangeMax64(done)
		}
		_ = bar.Set64(done)
	}
}
