package semantic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/overlookbi/overlook/internal/lookml"
)

// TestErrorsGolden builds each testdata/errors/<case>.lkml as the model
// <case> and compares the problems found (the loader's, then Build's) with
// <case>.golden.
func TestErrorsGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.lkml")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".lkml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			proj, _ := lookml.LoadProject(fstest.MapFS{name + ".model.lkml": {Data: src}})
			var b strings.Builder
			for _, e := range proj.Errors {
				b.WriteString("load: " + e.Error() + "\n")
			}
			_, err = Build(proj, name)
			if err == nil && len(proj.Errors) == 0 {
				t.Errorf("nothing reported")
			} else if err != nil {
				b.WriteString(err.Error() + "\n")
			}
			checkGolden(t, strings.TrimSuffix(file, ".lkml")+".golden", b.String())
		})
	}
}
