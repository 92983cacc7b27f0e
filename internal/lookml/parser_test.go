package lookml

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestParseGolden parses every testdata/parse/*.lkml fixture and compares
// the tree dump (or the error text) with the .golden file beside it.
func TestParseGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/parse/*.lkml")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		t.Run(strings.TrimSuffix(name, ".lkml"), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := parseDump(name, src)
			checkGolden(t, strings.TrimSuffix(in, ".lkml")+".golden", got)
			if strings.HasPrefix(name, "err_") != strings.HasPrefix(got, "error: ") {
				t.Errorf("fixtures named err_* must fail and only they: got %q", firstLine(got))
			}
		})
	}
}

// parseDump is what a golden file holds: the tree, or "error: <text>".
func parseDump(name string, src []byte) string {
	f, err := Parse(name, src)
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	return Dump(f)
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/lookml -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the parse\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
