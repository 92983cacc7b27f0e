package filterexpr

import (
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

// formatCase: the expression parses, prints as out, and out parses back to
// the same tree.
type formatCase struct{ in, out string }

func runFormat(t *testing.T, kind Kind, dc DateContext, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := Parse(kind, c.in, dc)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			got, err := Format(p, kind)
			if err != nil {
				t.Fatalf("format %v: %v", p, err)
			}
			if got != c.out {
				t.Errorf("format %v\n got %q\nwant %q", p, got, c.out)
			}
			back, err := Parse(kind, got, dc)
			if err != nil {
				t.Fatalf("parse %q: %v", got, err)
			}
			if back.String() != p.String() || !reflect.DeepEqual(back, p) {
				t.Errorf("%q parses as %v, want %v", got, back, p)
			}
		})
	}
}

func TestFormatString(t *testing.T) {
	runFormat(t, KindString, DateContext{}, []formatCase{
		{"", ""},
		{"FOO", "FOO"},
		{"FOO,BAR", "FOO,BAR"},
		{"%FOO%", "%FOO%"},
		{"F_O", "F_O"},
		{"-FOO%", "-FOO%"},
		{"FOO%,-FOOD", "FOO%,-FOOD"},
		{"-FOO,-BAR,BAZ", "BAZ,-FOO,-BAR"},
		{"NULL", "NULL"},
		{"-NULL", "-NULL"},
		{"EMPTY", "EMPTY"},
		{"-EMPTY", "-EMPTY"},
		{"FOO,EMPTY,-BAR,-EMPTY", "FOO,EMPTY,-BAR,-EMPTY"},
		{`"a,b"`, "a^,b"},
		{`a\,b`, "a^,b"},
		{"^%^_^,^^", "^%^_^,^^"},
		{"^-FOO", "^-FOO"},
		{"-", "^-"},
		{`^"x"`, `^"x"`},
		{"^NULL", "^NULL"},
		{`" empty "`, "^ empty "},
		{`""`, `""`},
		{`-""`, `-""`},
		{"a,", `a,""`},
		{`back\slash`, `back^\slash`},
		{"^%%", "^%%"},
		{"-^-x%", "-^-x%"},
	})
}

func TestFormatNumber(t *testing.T) {
	cases := []formatCase{
		{"", ""},
		{"5", "5"},
		{"5.0", "5.0"},
		{"-0.0", "-0.0"},
		{"1e300", "1e+300"},
		{"0.1", "0.1"},
		{"5, 7.25", "5, 7.25"},
		{"NOT 5", "NOT 5"},
		{"NOT 5, NOT 6", "NOT 5, NOT 6"},
		{">=7 AND <80.44", "[7, 80.44)"},
		{">5 AND >7", ">5 AND >7"},
		{">5 AND =7, NOT 3", ">5 AND =7, NOT 3"},
		{"NOT >5 AND >7", "NOT >5 AND >7"},
		{"[5,10)", "[5, 10)"},
		{"(-inf,10]", "<=10"},
		{"5 to", ">=5"},
		{"to 5", "<=5"},
		{"5 to 10", "[5, 10]"},
		{"NULL", "NULL"},
		{"NOT NULL", "NOT NULL"},
		{"NOT NULL, 5, NOT >3", "5, NOT NULL, NOT >3"},
		{"1, NULL, <0", "1, NULL, <0"},
	}
	runFormat(t, KindNumber, DateContext{}, cases)
	runFormat(t, KindTier, DateContext{}, append(cases,
		formatCase{"Below 0", "<0"},
		formatCase{"80 or Above", ">=80"},
		formatCase{"Undefined", "NULL"},
		formatCase{"T02 [10,20)", "[10, 20)"},
	))
}

func TestFormatDate(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	dc := NewDateContext(time.Date(2024, 5, 15, 18, 30, 45, 0, ny), ny)
	runFormat(t, KindDate, dc, []formatCase{
		{"", ""},
		{"today", "2024-05-15 00:00:00 to 2024-05-16 00:00:00"},
		{"2024", "2024-01-01 00:00:00 to 2025-01-01 00:00:00"},
		{"before 2018-01-01 12:00", "before 2018-01-01 12:00:00"},
		{"after 2018", "after 2018-01-01 00:00:00"},
		{"null, not null, 3 hours ago", "NULL, NOT NULL, 2024-05-15 15:00:00 to 2024-05-15 16:00:00"},
		{"2024-03-10", "2024-03-10 00:00:00 to 2024-03-11 00:00:00"},
		{"0005-06-07 08:09:10", "0005-06-07 08:09:10 to 0005-06-07 08:09:11"},
	})
}

// In Asia/Kolkata the zero instant is a wall-clock time of year 1, which
// the parser reads as a bound; it must not print as an open side.
func TestFormatDateZeroInstant(t *testing.T) {
	kol, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	dc := NewDateContext(time.Date(2024, 5, 15, 0, 0, 0, 0, kol), kol)
	runFormat(t, KindDate, dc, []formatCase{
		{"0001-01-01 05:53:28 to 2024", "0001-01-01 05:53:28 to 2024-01-01 00:00:00"},
		{"before 0001-01-01 05:53:29", "before 0001-01-01 05:53:29"},
		{"0001-01-01 05:53:28", "0001-01-01 05:53:28 to 0001-01-01 05:53:29"},
	})
}

func TestFormatYesNoLocation(t *testing.T) {
	runFormat(t, KindYesNo, DateContext{}, []formatCase{{"", ""}, {" YES", "yes"}, {"No", "no"}})
	runFormat(t, KindLocation, DateContext{}, []formatCase{
		{"", ""},
		{"36.97,-122.03", "36.97, -122.03"},
		{"40 miles from 36.97, -122.03", "64373.76 meters from 36.97, -122.03"},
		{"100 feet from 1, 2", "30.48 meters from 1, 2"},
		{"inside box from 72.33, -173.14 to 14.39, -61.70", "inside box from 72.33, -173.14 to 14.39, -61.7"},
		{"-0.0, -0", "-0.0, 0"},
		{"-0.0 feet from 0.0, -0.0", "-0.0 meters from 0, -0.0"},
		{"null", "NULL"},
		{"-null", "NOT NULL"},
	})
}

func TestFormatNoTextualForm(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	// 01:30 EST on 2024-11-03 comes after 01:30 EDT: the wall clock names
	// only the first.
	fold := time.Date(2024, 11, 3, 6, 30, 0, 0, time.UTC).In(ny)
	cases := []struct {
		p    Predicate
		kind Kind
	}{
		{IsEmpty{}, KindString},
		{Like{[]LikePart{{Text: "abc"}}}, KindString},
		{Compare{Ne, "x"}, KindString},
		{Compare{Eq, int64(5)}, KindString},
		{Compare{Eq, "x"}, KindNumber},
		{Compare{Lt, 1.5}, KindLocation},
		{Between{Low: int64(1), High: int64(2)}, KindString},
		{DateRange{}, KindDate},
		{DateRange{Start: fold}, KindDate},
		{DateRange{Start: time.Date(2024, 1, 1, 0, 0, 0, 5, ny)}, KindDate},
		{WithinDistance{Meters: math.Inf(1)}, KindLocation},
		{AtPoint{Lat: 91}, KindLocation},
		{IsTrue{}, KindNumber},
		{And{[]Predicate{IsNull{}, IsNull{}, IsNull{}}}, KindNumber},
	}
	for _, c := range cases {
		if s, err := Format(c.p, c.kind); !errors.Is(err, ErrNoTextualForm) {
			t.Errorf("Format(%v, %d) = %q, %v; want ErrNoTextualForm", c.p, c.kind, s, err)
		}
	}
	if _, err := Format(Any{}, Kind(99)); err == nil || errors.Is(err, ErrNoTextualForm) {
		t.Errorf("unknown kind: %v", err)
	}
}
