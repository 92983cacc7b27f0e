package demo_test

import (
	"context"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/overlookbi/overlook/internal/demo"
)

var update = flag.Bool("update", false, "rewrite testdata/checksums.json")

// TestGoldenChecksums pins the rows of one generation, so a change to the
// generator is a decision (go test -update), not an accident: other tests
// and the demo LookML's expectations rely on these rows.
func TestGoldenChecksums(t *testing.T) {
	got, err := demo.ExpectedChecksums(context.Background(), opts(1))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "checksums.json")
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("checksums changed (go test -update if intended):\ngot  %v\nwant %v", got, want)
	}
}
