package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzValueFormat: any format string parses or is refused without
// panicking, and a parsed one formats every number.
func FuzzValueFormat(f *testing.F) {
	for _, spec := range namedFormats {
		f.Add(spec, 1234.5678)
	}
	f.Add(`#,##0.00;(#,##0.00);"zero"`, -3.0)
	f.Add(`[$€-407]0.0,,"M"`, 1e9)
	f.Fuzz(func(t *testing.T, spec string, v float64) {
		nf, err := parseNumFormat(spec)
		if err != nil {
			return
		}
		for _, x := range []any{v, int64(v), int64(0)} {
			if _, ok := nf.appendValue(nil, x); !ok && x != any(v) {
				t.Fatalf("format %q refused the number %v", spec, x)
			}
		}
	})
}

// FuzzTextCells: any string survives csv, txt and json unchanged (csv
// readers fold \r\n inside quotes to \n), and html and md never let a tag
// or a cell separator through.
func FuzzTextCells(f *testing.F) {
	for _, s := range []string{"plain", `a "quoted", value`, "line\r\nbreak", "<script>", "a|b", " lead", `\.`, "tab\tx"} {
		f.Add(s)
	}
	cols := []Column{{Name: "t.s", Label: "T S", Type: "string"}, {Name: "t.n", Label: "T N", Type: "number"}}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rows := func() Rows { return &sliceRows{rows: [][]any{{s, int64(1)}}} }
		for _, sep := range []string{"csv", "txt"} {
			format, _ := Lookup(sep)
			var buf bytes.Buffer
			format.Write(&buf, cols, rows(), Options{})
			r := csv.NewReader(&buf)
			if sep == "txt" {
				r.Comma = '\t'
			}
			recs, err := r.ReadAll()
			want := strings.ReplaceAll(s, "\r\n", "\n")
			if err != nil || len(recs) != 2 || (recs[1][0] != want && !strings.ContainsRune(s, '\r')) || recs[1][1] != "1" {
				t.Fatalf("%s of %q read back as %q (%v)", sep, s, recs, err)
			}
		}
		var buf bytes.Buffer
		format, _ := Lookup("json")
		format.Write(&buf, cols, rows(), Options{})
		var got []map[string]any
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil || got[0]["t.s"] != s {
			t.Fatalf("json of %q: %s (%v)", s, buf.Bytes(), err)
		}
		for _, name := range []string{"html", "md"} {
			buf.Reset()
			format, _ := Lookup(name)
			format.Write(&buf, cols, rows(), Options{})
			if name == "html" {
				body := buf.String()[strings.Index(buf.String(), "<tbody>"):]
				for _, tag := range []string{"<tbody>", "</tbody>", "</table>", "<tr>", "</tr>", `<td class="numeric">`, "<td>", "</td>"} {
					body = strings.ReplaceAll(body, tag, "")
				}
				if strings.ContainsAny(body, "<>") {
					t.Fatalf("html of %q lets markup through: %q", s, body)
				}
			}
			if name == "md" {
				lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
				if len(lines) != 3 || strings.Count(strings.ReplaceAll(lines[2], `\|`, ""), "|") != 3 {
					t.Fatalf("md row of %q is not one line of two cells: %q", s, lines)
				}
			}
		}
	})
}
