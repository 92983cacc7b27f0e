package connections

import (
	"errors"
	"os"
	"path/filepath"
)

// regularFile refuses anything but a plain file: a symbolic link could
// lead out of the files directory, a device or socket is no database.
func regularFile(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case err != nil:
		return errors.New("cannot read the file")
	case !fi.Mode().IsRegular():
		return errors.New("not a regular file")
	}
	return nil
}

// sameFile reports whether two paths name one file, through links too.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
