package lookml

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestProjectGolden loads testdata/project, a small thelook-like project
// with a manifest, nested includes, refinement layers, a dashboard and an
// imported project, and compares what each model sees with project.golden.
func TestProjectGolden(t *testing.T) {
	proj, _ := LoadProject(os.DirFS("testdata/project"))
	checkGolden(t, "testdata/project.golden", describeProject(proj))
}

func describeProject(proj *Project) string {
	var b strings.Builder
	for _, m := range proj.Models {
		fmt.Fprintf(&b, "== model %s (%s)\nfiles: %s\ndashboards: %s\n", m.Name, m.File,
			strings.Join(m.Files, " "), strings.Join(m.Dashboards, " "))
		for _, group := range []Pairs{m.Items, m.Views, m.Explores} {
			b.WriteString(Format(&File{Items: group}))
		}
	}
	b.WriteString("== errors\n")
	for _, e := range proj.Errors {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}
