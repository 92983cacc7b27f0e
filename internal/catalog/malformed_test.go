package catalog

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/malformed")

// Each directory of testdata/malformed is a broken project; the .want file
// beside it holds the exact "file:line:col: message" lines ValidateDir must
// report.
func TestValidateDirMalformed(t *testing.T) {
	dirs, err := filepath.Glob("testdata/malformed/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var lines []string
			for _, e := range ValidateDir(dir) {
				lines = append(lines, e.Error())
			}
			got := strings.Join(lines, "\n") + "\n"
			want := dir + ".want"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(b) {
				t.Errorf("ValidateDir(%s):\n%s\nwant:\n%s", dir, got, b)
			}
			if len(lines) == 0 {
				t.Error("a malformed project reported no problem")
			}
		})
	}
	if n < 30 {
		t.Errorf("%d malformed fixtures, want at least 30", n)
	}
}
