package duckdb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// GenerateDemo writes the thelook demo warehouse to the DuckDB file at
// path, atomically: it generates into a hidden file beside it and renames
// that over path only when complete, so a crash or a cancelled ctx never
// leaves a half-written demo. opts must have passed demo.Options.Defaults.
func GenerateDemo(ctx context.Context, path string, opts demo.Options, progress demo.Progress) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".generating")
	cleanup := func() {
		os.Remove(tmp)
		os.Remove(tmp + ".wal")
		os.RemoveAll(TempDir(tmp))
	}
	cleanup() // a previous run may have died half-way
	defer cleanup()
	if err := writeDemo(ctx, tmp, opts, progress); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("duckdb: installing the demo: %w", err)
	}
	return nil
}

// EnsureDemo generates the demo at path unless a file is already there;
// it reports whether it generated one.
func EnsureDemo(ctx context.Context, path string, opts demo.Options, progress demo.Progress) (bool, error) {
	if _, err := os.Stat(path); err == nil {
		return false, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, GenerateDemo(ctx, path, opts, progress)
}

func writeDemo(ctx context.Context, path string, opts demo.Options, progress demo.Progress) error {
	db, err := OpenDB(warehouse.Config{Path: path})
	if err != nil {
		return err
	}
	sink := &appenderSink{ctx: ctx, db: db}
	err = demo.Generate(ctx, sink, opts, progress)
	if ferr := sink.finishAll(); err == nil {
		err = ferr
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
