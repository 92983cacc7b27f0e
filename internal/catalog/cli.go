package catalog

import (
	"errors"
	"os"

	"github.com/overlookbi/overlook/internal/lookml"
)

// ValidateDir resolves the LookML project in dir and returns every problem
// ("file:line:col: message", file paths relative to dir), sorted by
// position. It backs `overlook lookml validate DIR`.
func ValidateDir(dir string) []error {
	st, err := os.Stat(dir)
	if err != nil {
		return []error{err}
	}
	if !st.IsDir() {
		return []error{errors.New(dir + ": not a directory")}
	}
	p := load("", os.DirFS(dir), dir, false)
	if p.loadErr != nil {
		return []error{p.loadErr}
	}
	return p.Errors()
}

// ParseFiles checks the syntax of each file on its own, as `overlook lookml
// parse FILE…` does: the parsed files (nil for one that failed) and every
// error, in file order. Positions name the file as given.
func ParseFiles(paths []string) ([]*lookml.File, []error) {
	files := make([]*lookml.File, len(paths))
	var errs []error
	for i, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := lookml.Parse(path, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files[i] = f
	}
	return files, errs
}
