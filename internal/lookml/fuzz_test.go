package lookml

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// FuzzParse checks two properties beyond "no panic":
//   - a successful parse puts every node at a line:col within the input, and
//     prints (Format) to text that parses to an equal tree, and printing that
//     tree again gives the same text;
//   - a failed parse returns an *Error whose text starts with
//     "fuzz.lkml:line:col: " and whose line and column lie within the input.
func FuzzParse(f *testing.F) {
	fixtures, _ := filepath.Glob("testdata/parse/*.lkml")
	for _, path := range fixtures {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "fuzz.lkml"
		tree, err := Parse(name, src)
		if err != nil {
			checkErrorPosition(t, name, src, err)
			return
		}
		checkNodePositions(t, lineLengths(src), tree.Items)
		checkRoundTrip(t, name, tree)
	})
}

var errorPrefix = regexp.MustCompile(`^([^:]+):([0-9]+):([0-9]+): \S`)

func checkErrorPosition(t *testing.T, name string, src []byte, err error) {
	t.Helper()
	var lerr *Error
	if !errors.As(err, &lerr) {
		t.Fatalf("error %v is a %T, not *lookml.Error", err, err)
	}
	m := errorPrefix.FindStringSubmatch(err.Error())
	if m == nil || m[1] != name {
		t.Fatalf("error text %q does not start with %q", err, name+":line:col: ")
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if !withinInput(lineLengths(src), line, col) {
		t.Fatalf("error %q points outside the input", err)
	}
}

// lineLengths gives the length in bytes of each line of src.
func lineLengths(src []byte) []int {
	var out []int
	for line := range strings.SplitSeq(string(src), "\n") {
		out = append(out, len(line))
	}
	return out
}

// withinInput reports whether line:col names a byte of the input or the
// place just after the end of a line.
func withinInput(lines []int, line, col int) bool {
	if line < 1 || line > len(lines) {
		return false
	}
	return col >= 1 && col <= lines[line-1]+1
}

func checkNodePositions(t *testing.T, lines []int, ps Pairs) {
	t.Helper()
	for _, p := range ps {
		if !withinInput(lines, p.Pos.Line, p.Pos.Col) || !withinInput(lines, p.Value.Pos.Line, p.Value.Pos.Col) {
			t.Fatalf("node %s: %s at %v / %v lies outside the input", p.Key, p.Name, p.Pos, p.Value.Pos)
		}
		checkNodePositions(t, lines, p.Value.Items)
	}
}

func checkRoundTrip(t *testing.T, name string, tree *File) {
	t.Helper()
	printed := Format(tree)
	again, err := Parse(name, []byte(printed))
	if err != nil {
		t.Fatalf("printed tree does not parse: %v\n%s", err, printed)
	}
	if a, b := shape(tree), shape(again); a != b {
		t.Fatalf("printed tree parses differently\n--- first ---\n%s--- again ---\n%s--- printed ---\n%s", a, b, printed)
	}
	if reprinted := Format(again); reprinted != printed {
		t.Fatalf("printing is not stable\n--- first ---\n%s--- second ---\n%s", printed, reprinted)
	}
}

// shape is a dump without positions: two trees are equal when their shapes are.
func shape(f *File) string {
	var d dumper
	d.pairs(f.Items, 0)
	return d.String()
}

// TestFormatRoundTrip runs the fuzz property over every valid fixture.
func TestFormatRoundTrip(t *testing.T) {
	fixtures, _ := filepath.Glob("testdata/parse/*.lkml")
	for _, path := range fixtures {
		if strings.HasPrefix(filepath.Base(path), "err_") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := Parse(path, src)
		if err != nil {
			t.Fatalf("%v", err)
		}
		checkRoundTrip(t, path, tree)
	}
}
