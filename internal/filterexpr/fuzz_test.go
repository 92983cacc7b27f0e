package filterexpr

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The fuzz targets check more than "no panic": every expression either
// fails with a *SyntaxError that points inside the input, or renders to SQL
// made only of the trusted expression, keywords, operators, the renderer's
// own constants and "?" — one "?" per bound value. So no byte of user text
// can reach the SQL text, whatever the input.

const fuzzExpr = "EXPR"

var sqlKeywords = map[string]bool{
	"AND": true, "OR": true, "NOT": true, "IS": true, "NULL": true, "IN": true, "LIKE": true,
	"ILIKE": true, "ESCAPE": true, "LENGTH": true, "UPPER": true,
	"ASIN": true, "SQRT": true, "POWER": true, "SIN": true, "COS": true,
}

var sqlConstants = map[string]bool{"0": true, "1": true, "2": true, earthRadiusSQL: true, degToRadSQL: true}

var sqlOperators = []string{"<>", "<=", ">=", "'!'", "=", "<", ">", "(", ")", ",", "*", "/", "+", "-"}

// checkSQL fails unless sql, with the trusted expressions removed, is only
// keywords, operators, constants and placeholders, and the placeholders
// match the bound values one for one.
func checkSQL(t *testing.T, sql string, args []any, trusted ...string) {
	t.Helper()
	rest := sql
	for _, e := range trusted {
		rest = strings.ReplaceAll(rest, "("+e+")", " ")
	}
	marks := 0
	for i := 0; i < len(rest); {
		n, isMark := sqlToken(rest[i:])
		if n == 0 {
			t.Fatalf("unexpected SQL text at %q in %s", rest[i:], sql)
		}
		if isMark {
			marks++
		}
		i += n
	}
	if marks != len(args) {
		t.Fatalf("%d placeholders, %d args in %s", marks, len(args), sql)
	}
	for _, a := range args {
		checkArg(t, a)
	}
}

// sqlToken returns the length of the allowed token at the start of s, or 0.
func sqlToken(s string) (n int, isMark bool) {
	switch {
	case s[0] == '?':
		return 1, true
	case isSpace(s[0]):
		return 1, false
	case isLetter(s[0]):
		for n < len(s) && isLetter(s[n]) {
			n++
		}
		if sqlKeywords[s[:n]] {
			return n, false
		}
		return 0, false
	case isDigit(s[0]):
		for n < len(s) && (isDigit(s[n]) || s[n] == '.') {
			n++
		}
		if sqlConstants[s[:n]] {
			return n, false
		}
		return 0, false
	}
	for _, op := range sqlOperators {
		if strings.HasPrefix(s, op) {
			return len(op), false
		}
	}
	return 0, false
}

func checkArg(t *testing.T, a any) {
	t.Helper()
	switch v := a.(type) {
	case string, int64:
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("non-finite arg %v", v)
		}
	case time.Time:
		if v.IsZero() {
			t.Fatal("zero time bound")
		}
	default:
		t.Fatalf("arg of type %T", a)
	}
}

// checkErr fails unless err is a *SyntaxError pointing inside input.
func checkErr(t *testing.T, input string, err error) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is not a *SyntaxError", err)
	}
	if se.Pos < 0 || se.Pos > len(input) {
		t.Fatalf("error position %d outside input of length %d", se.Pos, len(input))
	}
}

// fuzzScalar runs the shared property for a scalar grammar.
func fuzzScalar(t *testing.T, expr string, parse func(string) (Predicate, error)) Predicate {
	p, err := parse(expr)
	if err != nil {
		checkErr(t, expr, err)
		return nil
	}
	for _, o := range []RenderOptions{{}, {CaseInsensitive: true}, {CaseInsensitive: true, ILike: true}, {NoEscapeClause: true}} {
		var a Args
		checkSQL(t, RenderWith(p, fuzzExpr, &a, o), a.Values, fuzzExpr)
	}
	return p
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"FOO", "FOO,BAR", "%FOO%", "-FOO%", "EMPTY", "-NULL", `"a,b"`, "^%^_^,", `a\,b`, "FOO%,-FOOD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		p := fuzzScalar(t, expr, ParseString)
		checkFormatRoundTrip(t, p, KindString, ParseString)
		checkEscapedRoundTrip(t, expr)
	})
}

// checkEscapedRoundTrip: any text, caret-escaped, is an exact match of itself.
func checkEscapedRoundTrip(t *testing.T, value string) {
	if value == "" || checkText("string", value) != nil {
		return
	}
	p, err := ParseString(escapeForTest(value))
	if err != nil {
		t.Fatalf("escaped %q: %v", value, err)
	}
	if c, ok := p.(Compare); !ok || c.Op != Eq || c.Value != value {
		t.Fatalf("escaped %q parsed as %v", value, p)
	}
}

// escapeForTest carets the first byte and every ASCII punctuation byte.
func escapeForTest(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if i == 0 || c < 0x80 && !isLetter(c) && !isDigit(c) && c != ' ' {
			b.WriteByte('^')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"5", "5,7", "NOT 5", ">=7 AND <80.44", "[5,10)", "(-inf,10]", "5 to", "-1e3", "NOT NULL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		checkFormatRoundTrip(t, fuzzScalar(t, expr, ParseNumber), KindNumber, ParseNumber)
	})
}

func FuzzTier(f *testing.F) {
	for _, s := range []string{"20 to 29", "Below 0", "80 or Above", "T02 [10,20)", "Undefined"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		checkFormatRoundTrip(t, fuzzScalar(t, expr, ParseTier), KindTier, ParseTier)
	})
}

func FuzzYesno(f *testing.F) {
	for _, s := range []string{"yes", "No", " YES "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		p := fuzzScalar(t, expr, ParseYesNo)
		switch p.(type) {
		case nil, Any, IsTrue, Or:
		default:
			t.Fatalf("yesno gave %v", p)
		}
		checkFormatRoundTrip(t, p, KindYesNo, ParseYesNo)
	})
}

func FuzzLocation(f *testing.F) {
	for _, s := range []string{"36.97, -122.03", "40 miles from 36.97, -122.03", "inside box from 72.33, -173.14 to 14.39, -61.70", "-null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		p, err := ParseLocation(expr)
		if err != nil {
			checkErr(t, expr, err)
			return
		}
		var a Args
		checkSQL(t, RenderLocation(p, "LAT", "LON", &a), a.Values, "LAT", "LON")
		checkFormatRoundTrip(t, p, KindLocation, ParseLocation)
	})
}

var fuzzZones = []string{"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Chatham"}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"today", "7 days", "3 days ago for 2 days", "this year to second", "before 2018-01-01 12:00",
		"2018-Q1", "FY2018-Q2", "last fiscal quarter", "monday", "2 weeks from now", "null, 2018"} {
		f.Add(s, int64(1715797845), uint8(1), uint8(1), int8(0))
	}
	f.Fuzz(func(t *testing.T, expr string, now int64, zone, weekStart uint8, fiscal int8) {
		loc, err := time.LoadLocation(fuzzZones[int(zone)%len(fuzzZones)])
		if err != nil {
			t.Skip(err)
		}
		c := DateContext{
			Now:               time.Unix(now%4_000_000_000, 0),
			Location:          loc,
			WeekStart:         time.Weekday(weekStart % 7),
			FiscalMonthOffset: int(fiscal) % 12,
		}
		parse := func(s string) (Predicate, error) { return ParseDate(s, c) }
		p := fuzzScalar(t, expr, parse)
		checkRanges(t, p, loc)
		checkFormatRoundTrip(t, p, KindDate, parse)
	})
}

// checkRanges: every window is ordered and expressed in the query zone.
func checkRanges(t *testing.T, p Predicate, loc *time.Location) {
	switch n := p.(type) {
	case Or:
		for _, term := range n.Terms {
			checkRanges(t, term, loc)
		}
	case DateRange:
		if !n.Start.IsZero() && !n.End.IsZero() && n.End.Before(n.Start) {
			t.Fatalf("range ends before it starts: %v", n)
		}
		for _, b := range []time.Time{n.Start, n.End} {
			if !b.IsZero() && b.Location() != loc {
				t.Fatalf("bound %v not in %v", b, loc)
			}
		}
	}
}

// checkFormatRoundTrip: a parsed tree prints (or has no textual form, and
// then only with ErrNoTextualForm), reads back as the same tree, and prints
// the same text again. A nil p (the parse failed) is skipped.
func checkFormatRoundTrip(t *testing.T, p Predicate, kind Kind, parse func(string) (Predicate, error)) {
	t.Helper()
	if p == nil {
		return
	}
	text, err := Format(p, kind)
	if want := lacksText(p); errors.Is(err, ErrNoTextualForm) || want {
		if !want || !errors.Is(err, ErrNoTextualForm) {
			t.Fatalf("Format(%v) = %q, %v; documented to have no text: %v", p, text, err, want)
		}
		return
	}
	if err != nil {
		t.Fatalf("format %v: %v", p, err)
	}
	back, err := parse(text)
	if err != nil {
		t.Fatalf("format %v gave %q, which does not parse: %v", p, text, err)
	}
	if back.String() != p.String() || !reflect.DeepEqual(back, p) {
		t.Fatalf("format %v gave %q, which parses as %v", p, text, back)
	}
	again, err := Format(back, kind)
	if err != nil || again != text {
		t.Fatalf("format is unstable: %q then %q (%v)", text, again, err)
	}
}

// lacksText lists what parsed trees Format documents as having no text: a
// circle too large for float64 meters, a date range open on both sides, and
// a bound the zone's wall clock cannot name (the repeated hour when clocks
// go back).
func lacksText(p Predicate) bool {
	switch n := p.(type) {
	case Or:
		for _, t := range n.Terms {
			if lacksText(t) {
				return true
			}
		}
	case WithinDistance:
		return math.IsInf(n.Meters, 0)
	case DateRange:
		if n.Start == (time.Time{}) && n.End == (time.Time{}) {
			return true
		}
		for _, b := range []time.Time{n.Start, n.End} {
			y, mo, d := b.Date()
			h, mi, s := b.Clock()
			if b != (time.Time{}) && (y < 1 || !time.Date(y, mo, d, h, mi, s, 0, b.Location()).Equal(b)) {
				return true
			}
		}
	}
	return false
}
