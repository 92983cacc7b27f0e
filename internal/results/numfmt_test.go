package results

import (
	"encoding/json"
	"testing"
)

func TestValueFormat(t *testing.T) {
	tests := []struct {
		format string
		value  any
		want   string
	}{
		{"0", 1234.5, "1235"},
		{"0", int64(-7), "-7"},
		{"0.00", 2.675, "2.68"}, // half away from zero on the printed digits
		{"0.00", -0.001, "0.00"},
		{"#,##0", int64(1234567), "1,234,567"},
		{"#,##0", int64(999), "999"},
		{"#,##0.00", 1234.5, "1,234.50"},
		{"$#,##0.00", -1234.5, "-$1,234.50"},
		{"$#,##0.00", 0.995, "$1.00"},
		{"0%", 0.125, "13%"},
		{"0.00%", 0.07, "7.00%"},
		{"0.0,,\" M\"", 1234567.0, "1.2 M"},
		{"0.0,\"K\"", int64(1500), "1.5K"},
		{"#,##0.00;(#,##0.00)", -1234.5, "(1,234.50)"},
		{"0;-0;\"zero\"", int64(0), "zero"},
		{"0.0#", 1.5, "1.5"},
		{"0.0#", 1.556, "1.56"},
		{"[$€-407]#,##0.00", 3.1, "€3.10"},
		{"[Red]0.0", 3.14, "3.1"},
		{"\\#0", int64(5), "#5"},
		{"#,##0.00", json.Number("12345678901234567890.125"), "12,345,678,901,234,567,890.13"},
		{"0.00", 1e-7, "0.00"},
		{"000", int64(7), "007"},
		{"#.00", 0.5, ".50"},
	}
	for _, tc := range tests {
		f, err := parseNumFormat(tc.format)
		if err != nil {
			t.Errorf("parse %q: %v", tc.format, err)
			continue
		}
		got, ok := f.appendValue(nil, tc.value)
		if !ok || string(got) != tc.want {
			t.Errorf("format %q of %v = %q, %v; want %q", tc.format, tc.value, got, ok, tc.want)
		}
	}
}

func TestNamedFormats(t *testing.T) {
	tests := map[string]string{
		"decimal_0": "1,235", "decimal_2": "1,234.57", "decimal_4": "1,234.5679",
		"usd": "$1,234.57", "usd_0": "$1,235", "gbp": "£1,234.57", "eur_0": "€1,235",
		"percent_0": "123457%", "percent_2": "123456.79%", "id": "1235",
	}
	for name, want := range tests {
		c := Column{ValueFormatName: name}
		got, ok := c.numFormat().appendValue(nil, 1234.56789)
		if !ok || string(got) != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

func TestUnsupportedValueFormats(t *testing.T) {
	for _, spec := range []string{"yyyy-mm-dd", "[>=1000]0,\"K\";0", "0.00E+00", "@", "000-00-0000", "\"unterminated", "General"} {
		if _, err := parseNumFormat(spec); err == nil {
			t.Errorf("%q parsed; want it refused (values then print raw)", spec)
		}
	}
}

func TestNonNumbersPrintRaw(t *testing.T) {
	f, _ := parseNumFormat("$#,##0.00")
	for _, v := range []any{"text", nil, true, "NaN"} {
		if _, ok := f.appendValue(nil, v); ok {
			t.Errorf("%v formatted; want it left to the raw writer", v)
		}
	}
}
