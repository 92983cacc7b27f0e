package filterexpr

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseLocation(t *testing.T) {
	cases := []struct{ in, dump string }{
		{"", "any"},
		{"36.97, -122.03", "at(36.97, -122.03)"},
		{"36.97,-122.03", "at(36.97, -122.03)"},
		{"40 miles from 36.97, -122.03", "within(64373.76m of 36.97, -122.03)"},
		{"10 kilometers from 0, 0", "within(10000m of 0, 0)"},
		{"100 feet from 1, 2", "within(30.48m of 1, 2)"},
		{"5 Meters FROM -1, -2", "within(5m of -1, -2)"},
		{"inside box from 72.33, -173.14 to 14.39, -61.70", "box(72.33, -173.14 to 14.39, -61.7)"},
		{"null", "null"},
		{"NOT NULL", "not(null)"},
		{"-null", "not(null)"},
	}
	for _, c := range cases {
		p, err := ParseLocation(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if p.String() != c.dump {
			t.Errorf("%q: got %s, want %s", c.in, p, c.dump)
		}
	}
	runErrors(t, ParseLocation, []errorCase{
		{"91, 0", 0}, {"0, 181", 3}, {"-5 miles from 0, 0", 0}, {"5 parsecs from 0,0", 2},
		{"36.97", 5}, {"inside box from 1, 2", 20}, {"inside circle", 7}, {"1, 2 extra", 5}, {"not 5", 4},
	})
}

func renderLocation(p Predicate) (string, []any) {
	var a Args
	return RenderLocation(p, "lat", "lon", &a), a.Values
}

func TestRenderLocation(t *testing.T) {
	cases := []struct {
		in, sql string
		nargs   int
	}{
		{"36.97, -122.03", "((lat) = ? AND (lon) = ?)", 2},
		{"inside box from 72.33, -173.14 to 14.39, -61.70", "(((lat) >= ? AND (lat) <= ?) AND ((lon) >= ? AND (lon) <= ?))", 4},
		{"inside box from 10, 170 to -10, -170", "(((lat) >= ? AND (lat) <= ?) AND ((lon) >= ? OR (lon) <= ?))", 4},
		{"null", "((lat) IS NULL OR (lon) IS NULL)", 0},
		{"not null", "((lat) IS NOT NULL AND (lon) IS NOT NULL)", 0},
		{"", "1 = 1", 0},
	}
	for _, c := range cases {
		p, err := ParseLocation(c.in)
		if err != nil {
			t.Fatal(err)
		}
		sql, args := renderLocation(p)
		if sql != c.sql || len(args) != c.nargs {
			t.Errorf("%q: got %s %v, want %s with %d args", c.in, sql, args, c.sql, c.nargs)
		}
	}
	p, _ := ParseLocation("40 miles from 36.97, -122.03")
	sql, args := renderLocation(p)
	if !strings.HasPrefix(sql, "(2 * 6371008.8 * ASIN(SQRT(") || !strings.HasSuffix(sql, " <= ?)") || len(args) != 4 {
		t.Errorf("within: %s %v", sql, args)
	}
	if fmt.Sprint(args[3]) != "64373.76" {
		t.Errorf("meters arg = %v", args[3])
	}
}

// A location node rendered over a scalar expression (or a scalar node over
// a location) is a misuse; it must narrow to false, never widen.
func TestRenderMismatchIsFalse(t *testing.T) {
	if sql, args := render(AtPoint{1, 2}); sql != "1 = 0" || len(args) != 0 {
		t.Errorf("location over scalar: %s %v", sql, args)
	}
	if sql, _ := renderLocation(Compare{Eq, "a"}); sql != "1 = 0" {
		t.Errorf("scalar over location: %s", sql)
	}
}
