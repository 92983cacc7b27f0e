package results

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenCases are the inputs every format is written for.
var goldenCases = []struct {
	name string
	rows func() [][]any
	opt  func() Options
}{
	{"mixed", fixtureRows, fixtureOptions},
	{"formatted", fixtureRows, func() Options { o := fixtureOptions(); o.ApplyFormatting = true; return o }},
	{"vis", fixtureRows, func() Options { o := fixtureOptions(); o.ApplyVis = true; return o }},
	{"limit", fixtureRows, func() Options { o := fixtureOptions(); o.Limit = 1; o.Totals = nil; return o }},
	{"empty", func() [][]any { return nil }, func() Options { o := fixtureOptions(); o.Totals = nil; return o }},
}

func write(t *testing.T, format string, rows [][]any, opt Options) []byte {
	t.Helper()
	f, ok := Lookup(format)
	if !ok {
		t.Fatalf("Lookup(%q) failed", format)
	}
	var buf bytes.Buffer
	if _, err := f.Write(&buf, fixtureCols, &sliceRows{rows: rows}, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, format := range Names() {
			if format == "sql" && tc.name != "mixed" {
				continue // the SQL text is the same whatever the rows
			}
			t.Run(tc.name+"."+format, func(t *testing.T) {
				got := write(t, format, tc.rows(), tc.opt())
				again := write(t, format, tc.rows(), tc.opt())
				name := tc.name + "." + format
				if format == "xlsx" {
					got, again, name = dumpXLSX(t, got), dumpXLSX(t, again), name+".txt"
				}
				if !bytes.Equal(got, again) {
					t.Fatalf("two writes of the same input differ")
				}
				checkGolden(t, filepath.Join("testdata", name), got)
			})
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// dumpXLSX lists a workbook's cells with their types and number formats,
// a readable stand-in for the zip's bytes.
func dumpXLSX(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(xlsxSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := f.GetCellType(xlsxSheet, cell)
			style, _ := f.GetCellStyle(xlsxSheet, cell)
			numFmt := ""
			if s, err := f.GetStyle(style); err == nil && s.CustomNumFmt != nil {
				numFmt = *s.CustomNumFmt
			}
			fmt.Fprintf(&out, "%s\ttype=%d\tfmt=%q\t%q\n", cell, typ, numFmt, v)
		}
	}
	return []byte(out.String())
}
