package semantic

import (
	"os"
	"testing"

	"github.com/overlookbi/overlook/internal/lookml"
)

func loadThelook(t *testing.T) *Model {
	t.Helper()
	proj, err := lookml.LoadProject(os.DirFS("testdata/thelook"))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	m, err := Build(proj, "thelook")
	if err != nil {
		t.Fatalf("build:\n%v", err)
	}
	return m
}

// TestThelookGolden builds the thelook fixture (every dimension type, every
// timeframe, every measure type, joins, explore filters, access filters)
// and compares the resolved model with thelook.golden.
func TestThelookGolden(t *testing.T) {
	checkGolden(t, "testdata/thelook.golden", describe(loadThelook(t)))
}
