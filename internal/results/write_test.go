package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestJSONFormatsAreValidJSON(t *testing.T) {
	for _, tc := range goldenCases {
		for _, format := range []string{"json", "json_label", "json_detail", "json_bi"} {
			out := write(t, format, tc.rows(), tc.opt())
			if !json.Valid(out) {
				t.Errorf("%s.%s is not valid JSON:\n%s", tc.name, format, out)
			}
		}
	}
}

func TestJSONValuesRoundTrip(t *testing.T) {
	var got []map[string]any
	if err := json.Unmarshal(write(t, "json", fixtureRows(), fixtureOptions()), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"users.city": "São Paulo", "users.age": 34.0, "users.is_active": "Yes", "orders.created_date": "2024-05-01",
			"orders.created_time": "2024-05-01 12:34:56", "orders.total_amount": 1234.5, "orders.count": 1234567.0,
			"share": 0.1234, "users.notes": `He said "hi", then left`},
	}
	for k, v := range want[0] {
		if got[0][k] != v {
			t.Errorf("row 0 %s = %#v, want %#v", k, got[0][k], v)
		}
	}
	if got[2]["users.notes"] != "a|b|c\nline2\r\nline3" {
		t.Errorf("newlines did not survive: %q", got[2]["users.notes"])
	}
}

func TestCSVRoundTrips(t *testing.T) {
	for _, format := range []string{"csv", "txt"} {
		r := csv.NewReader(bytes.NewReader(write(t, format, fixtureRows(), fixtureOptions())))
		if format == "txt" {
			r.Comma = '\t'
		}
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(records) != 1+len(fixtureRows()) || records[0][0] != "Users City" {
			t.Fatalf("%s: %d records, header %v", format, len(records), records[0])
		}
		if got := records[3][8]; got != "a|b|c\nline2\nline3" { // the reader folds \r\n inside quotes
			t.Errorf("%s: notes = %q", format, got)
		}
		if got := records[4][8]; got != "  leading space\tand tab & *stars* `code`" {
			t.Errorf("%s: notes = %q", format, got)
		}
	}
}

func TestZeroRowsInEveryFormat(t *testing.T) {
	want := map[string]string{
		"json": "[]", "json_label": "[]",
		"csv": "Users City,Users Age,Users Is Active (Yes / No),Orders Created Date,Orders Created Time,Orders Total Amount,Orders Count,Share,Users Notes\n",
	}
	for _, name := range Names() {
		out := write(t, name, nil, fixtureOptions())
		if len(out) == 0 {
			t.Errorf("%s: empty output for zero rows", name)
		}
		if w, ok := want[name]; ok && string(out) != w {
			t.Errorf("%s = %q, want %q", name, out, w)
		}
	}
}

func TestFailureBeforeTheFirstRowWritesNothing(t *testing.T) {
	for _, name := range Names() {
		f, _ := Lookup(name)
		if !f.RunsQuery {
			continue
		}
		var buf bytes.Buffer
		n, err := f.Write(&buf, fixtureCols, &sliceRows{rows: fixtureRows(), failAt: 1}, fixtureOptions())
		if err == nil || n != 0 || buf.Len() != 0 {
			t.Errorf("%s: n=%d err=%v, %d bytes written; want an error and nothing written", name, n, err, buf.Len())
		}
	}
}

func TestFailureMidStreamLeavesJSONUnfinished(t *testing.T) {
	f, _ := Lookup("json")
	var buf bytes.Buffer
	n, err := f.Write(&buf, fixtureCols, &sliceRows{rows: fixtureRows(), failAt: 3}, fixtureOptions())
	if err == nil || n != 2 {
		t.Fatalf("n=%d err=%v; want 2 rows and the error", n, err)
	}
	if json.Valid(buf.Bytes()) || !strings.HasPrefix(buf.String(), "[\n{") {
		t.Errorf("a failed stream must not look complete: %q", buf.String())
	}
}

func TestRowWidthMismatchIsAnError(t *testing.T) {
	f, _ := Lookup("csv")
	_, err := f.Write(&bytes.Buffer{}, fixtureCols, &sliceRows{rows: [][]any{{"one"}}}, Options{})
	if !errors.Is(err, errRowWidth) {
		t.Errorf("err = %v, want errRowWidth", err)
	}
	opt := Options{Totals: []any{1}}
	if _, err := f.Write(&bytes.Buffer{}, fixtureCols, nil, opt); !errors.Is(err, errRowWidth) {
		t.Errorf("totals: err = %v, want errRowWidth", err)
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		format string
		limit  int
		want   int
	}{
		{"csv", 0, -1}, {"csv", 10, 10},
		{"xlsx", 0, 1<<20 - 1}, {"xlsx", 10, 10}, {"xlsx", 5_000_000, 1<<20 - 1},
	}
	for _, tc := range tests {
		f, _ := Lookup(tc.format)
		if got := f.limit(Options{Limit: tc.limit}); got != tc.want {
			t.Errorf("%s limit %d: %d, want %d", tc.format, tc.limit, got, tc.want)
		}
	}
	src := &sliceRows{rows: fixtureRows()}
	f, _ := Lookup("csv")
	if n, err := f.Write(&bytes.Buffer{}, fixtureCols, src, Options{Limit: 2}); n != 2 || err != nil || src.i != 2 {
		t.Errorf("limit 2: wrote %d (err %v), read %d rows; want 2 and no read past the limit", n, err, src.i)
	}
}

func TestSQLFormatWritesTheSQLAndReadsNoRows(t *testing.T) {
	f, _ := Lookup("sql")
	src := &sliceRows{rows: fixtureRows()}
	var buf bytes.Buffer
	if _, err := f.Write(&buf, fixtureCols, src, Options{SQL: "SELECT 1"}); err != nil || buf.String() != "SELECT 1" || src.i != 0 {
		t.Errorf("got %q, err %v, %d rows read", buf.String(), err, src.i)
	}
	buf.Reset()
	if err := WriteSQL(&buf, "SELECT 2"); err != nil || buf.String() != "SELECT 2" {
		t.Errorf("WriteSQL: %q %v", buf.String(), err)
	}
}

func TestXLSXStopsAtItsRowCap(t *testing.T) {
	f, _ := Lookup("xlsx")
	f.MaxRows = 2 // the real cap, 1,048,575 data rows, is checked by TestLimits
	var buf bytes.Buffer
	n, err := f.Write(&buf, fixtureCols, &sliceRows{rows: fixtureRows()}, Options{})
	if err != nil || n != 2 {
		t.Fatalf("wrote %d rows, err %v; want 2", n, err)
	}
	dump := string(dumpXLSX(t, buf.Bytes()))
	if !strings.Contains(dump, "A2\t") || strings.Contains(dump, "A4\t") {
		t.Errorf("want the header and two rows:\n%s", dump)
	}
}
