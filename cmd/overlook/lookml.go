package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/lookml"
)

// errFound makes the command exit non-zero after it printed the problems.
var errFound = errors.New("LookML errors found")

// lookmlCommand runs `overlook lookml validate DIR` or
// `overlook lookml parse [--json] FILE…`.
func lookmlCommand(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: overlook lookml validate DIR | overlook lookml parse [--json] FILE…")
	}
	switch args[0] {
	case "validate":
		if len(args) != 2 {
			return errors.New("usage: overlook lookml validate DIR")
		}
		return report(catalog.ValidateDir(args[1]), stdout, stderr)
	case "parse":
		fs := flag.NewFlagSet("overlook lookml parse", flag.ContinueOnError)
		asJSON := fs.Bool("json", false, "print each parsed tree as JSON")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		files, errs := catalog.ParseFiles(fs.Args())
		if *asJSON {
			if err := printTrees(files, stdout); err != nil {
				return err
			}
		}
		return report(errs, stdout, stderr)
	}
	return fmt.Errorf("unknown lookml command %q (want validate or parse)", args[0])
}

func printTrees(files []*lookml.File, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	for _, f := range files {
		if f != nil {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// report prints one error a line, file:line:col first.
func report(errs []error, stdout, stderr io.Writer) error {
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %d", errFound, len(errs))
	}
	fmt.Fprintln(stdout, "no errors")
	return nil
}
