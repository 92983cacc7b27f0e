package filterexpr

import (
	"testing"
	"time"
)

// dateCase is an expression and the dump of its resolved tree.
type dateCase struct{ in, dump string }

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s unavailable: %v", name, err)
	}
	return loc
}

func runDates(t *testing.T, c DateContext, cases []dateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			p, err := ParseDate(tc.in, c)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got := p.String(); got != tc.dump {
				t.Errorf("\n got %s\nwant %s", got, tc.dump)
			}
		})
	}
}

// newYork is Wednesday 2024-05-15 14:30:45 EDT, weeks starting Monday.
func newYork(t *testing.T) DateContext {
	loc := mustLoad(t, "America/New_York")
	return NewDateContext(time.Date(2024, 5, 15, 14, 30, 45, 0, loc), loc)
}

func TestParseDateRelative(t *testing.T) {
	runDates(t, newYork(t), []dateCase{
		{"", "any"},
		{"today", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"Today", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"yesterday", "range[2024-05-14T00:00:00-04:00, 2024-05-15T00:00:00-04:00)"},
		{"tomorrow", "range[2024-05-16T00:00:00-04:00, 2024-05-17T00:00:00-04:00)"},
		{"monday", "range[2024-05-13T00:00:00-04:00, 2024-05-14T00:00:00-04:00)"},
		{"wednesday", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"thursday", "range[2024-05-09T00:00:00-04:00, 2024-05-10T00:00:00-04:00)"},
		{"7 days", "range[2024-05-09T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"last 7 days", "range[2024-05-09T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"1 day", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"3 hours", "range[2024-05-15T12:00:00-04:00, 2024-05-15T15:00:00-04:00)"},
		{"2 weeks", "range[2024-05-06T00:00:00-04:00, 2024-05-20T00:00:00-04:00)"},
		{"2 months", "range[2024-04-01T00:00:00-04:00, 2024-06-01T00:00:00-04:00)"},
		{"2 quarters", "range[2024-01-01T00:00:00-05:00, 2024-07-01T00:00:00-04:00)"},
		{"2 years", "range[2023-01-01T00:00:00-05:00, 2025-01-01T00:00:00-05:00)"},
		{"3 days ago", "range[2024-05-12T00:00:00-04:00, 2024-05-13T00:00:00-04:00)"},
		{"7 year ago", "range[2017-01-01T00:00:00-05:00, 2018-01-01T00:00:00-05:00)"},
		{"0 days ago", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"3 days ago for 2 days", "range[2024-05-12T00:00:00-04:00, 2024-05-14T00:00:00-04:00)"},
		{"3 months ago for 2 days", "range[2024-02-01T00:00:00-05:00, 2024-02-03T00:00:00-05:00)"},
		{"2 days from now", "range[2024-05-17T00:00:00-04:00, 2024-05-18T00:00:00-04:00)"},
		{"2 days from now for 3 days", "range[2024-05-17T00:00:00-04:00, 2024-05-20T00:00:00-04:00)"},
		{"10 minutes ago", "range[2024-05-15T14:20:00-04:00, 2024-05-15T14:21:00-04:00)"},
		{"30 seconds", "range[2024-05-15T14:30:16-04:00, 2024-05-15T14:30:46-04:00)"},
	})
}

func TestParseDateNamedPeriods(t *testing.T) {
	runDates(t, newYork(t), []dateCase{
		{"this day", "range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"this week", "range[2024-05-13T00:00:00-04:00, 2024-05-20T00:00:00-04:00)"},
		{"last week", "range[2024-05-06T00:00:00-04:00, 2024-05-13T00:00:00-04:00)"},
		{"next week", "range[2024-05-20T00:00:00-04:00, 2024-05-27T00:00:00-04:00)"},
		{"this month", "range[2024-05-01T00:00:00-04:00, 2024-06-01T00:00:00-04:00)"},
		{"last month", "range[2024-04-01T00:00:00-04:00, 2024-05-01T00:00:00-04:00)"},
		{"next month", "range[2024-06-01T00:00:00-04:00, 2024-07-01T00:00:00-04:00)"},
		{"this quarter", "range[2024-04-01T00:00:00-04:00, 2024-07-01T00:00:00-04:00)"},
		{"last quarter", "range[2024-01-01T00:00:00-05:00, 2024-04-01T00:00:00-04:00)"},
		{"next quarter", "range[2024-07-01T00:00:00-04:00, 2024-10-01T00:00:00-04:00)"},
		{"this year", "range[2024-01-01T00:00:00-05:00, 2025-01-01T00:00:00-05:00)"},
		{"last year", "range[2023-01-01T00:00:00-05:00, 2024-01-01T00:00:00-05:00)"},
		{"next year", "range[2025-01-01T00:00:00-05:00, 2026-01-01T00:00:00-05:00)"},
		{"this hour", "range[2024-05-15T14:00:00-04:00, 2024-05-15T15:00:00-04:00)"},
		{"last hour", "range[2024-05-15T13:00:00-04:00, 2024-05-15T14:00:00-04:00)"},
		{"last minute", "range[2024-05-15T14:29:00-04:00, 2024-05-15T14:30:00-04:00)"},
		{"last second", "range[2024-05-15T14:30:44-04:00, 2024-05-15T14:30:45-04:00)"},
		{"last day", "range[2024-05-14T00:00:00-04:00, 2024-05-15T00:00:00-04:00)"},
		{"next day", "range[2024-05-16T00:00:00-04:00, 2024-05-17T00:00:00-04:00)"},
		{"this year to second", "range[2024-01-01T00:00:00-05:00, 2024-05-15T14:30:46-04:00)"},
		{"this year to day", "range[2024-01-01T00:00:00-05:00, 2024-05-16T00:00:00-04:00)"},
		{"this month to day", "range[2024-05-01T00:00:00-04:00, 2024-05-16T00:00:00-04:00)"},
		{"this fiscal year", "range[2024-01-01T00:00:00-05:00, 2025-01-01T00:00:00-05:00)"},
		{"this fiscal quarter", "range[2024-04-01T00:00:00-04:00, 2024-07-01T00:00:00-04:00)"},
		{"next fiscal quarter", "range[2024-07-01T00:00:00-04:00, 2024-10-01T00:00:00-04:00)"},
		{"last fiscal year", "range[2023-01-01T00:00:00-05:00, 2024-01-01T00:00:00-05:00)"},
	})
}

func TestParseDateBeforeAfter(t *testing.T) {
	runDates(t, newYork(t), []dateCase{
		{"before 3 days ago", "range[-inf, 2024-05-12T00:00:00-04:00)"},
		{"after 3 days ago", "range[2024-05-12T00:00:00-04:00, +inf)"},
		{"after 1 month ago", "range[2024-04-01T00:00:00-04:00, +inf)"},
		{"before 2 months from now", "range[-inf, 2024-07-01T00:00:00-04:00)"},
		{"after 2 weeks from now", "range[2024-05-27T00:00:00-04:00, +inf)"},
		{"before 2018-01-01 12:00:00", "range[-inf, 2018-01-01T12:00:00-05:00)"},
		{"after 2018-10-05", "range[2018-10-05T00:00:00-04:00, +inf)"},
		{"after 2022/05/20", "range[2022-05-20T00:00:00-04:00, +inf)"},
		{"before this day", "range[-inf, 2024-05-15T00:00:00-04:00)"},
		{"before this week", "range[-inf, 2024-05-13T00:00:00-04:00)"},
		{"before this month", "range[-inf, 2024-05-01T00:00:00-04:00)"},
		{"before next day", "range[-inf, 2024-05-16T00:00:00-04:00)"},
		{"before next quarter", "range[-inf, 2024-07-01T00:00:00-04:00)"},
		{"before next year", "range[-inf, 2025-01-01T00:00:00-05:00)"},
		{"before last day", "range[-inf, 2024-05-14T00:00:00-04:00)"},
		{"before last week", "range[-inf, 2024-05-06T00:00:00-04:00)"},
		{"before last month", "range[-inf, 2024-04-01T00:00:00-04:00)"},
		{"after this day", "range[2024-05-15T00:00:00-04:00, +inf)"},
		{"after this week", "range[2024-05-13T00:00:00-04:00, +inf)"},
		{"after next month", "range[2024-06-01T00:00:00-04:00, +inf)"},
		{"after last quarter", "range[2024-01-01T00:00:00-05:00, +inf)"},
		{"after last year", "range[2023-01-01T00:00:00-05:00, +inf)"},
		{"before today", "range[-inf, 2024-05-15T00:00:00-04:00)"},
		{"after 2024", "range[2024-01-01T00:00:00-05:00, +inf)"},
	})
}

func TestParseDateAbsolute(t *testing.T) {
	runDates(t, newYork(t), []dateCase{
		{"2018", "range[2018-01-01T00:00:00-05:00, 2019-01-01T00:00:00-05:00)"},
		{"2018-05", "range[2018-05-01T00:00:00-04:00, 2018-06-01T00:00:00-04:00)"},
		{"2018/01", "range[2018-01-01T00:00:00-05:00, 2018-02-01T00:00:00-05:00)"},
		{"2018-Q1", "range[2018-01-01T00:00:00-05:00, 2018-04-01T00:00:00-04:00)"},
		{"2018/q4", "range[2018-10-01T00:00:00-04:00, 2019-01-01T00:00:00-05:00)"},
		{"2018-05-18", "range[2018-05-18T00:00:00-04:00, 2018-05-19T00:00:00-04:00)"},
		{"2018/5/8", "range[2018-05-08T00:00:00-04:00, 2018-05-09T00:00:00-04:00)"},
		{"2018-05-18 12:00", "range[2018-05-18T12:00:00-04:00, 2018-05-18T12:01:00-04:00)"},
		{"2018-05-18 12:00:30", "range[2018-05-18T12:00:30-04:00, 2018-05-18T12:00:31-04:00)"},
		{"2018-05-18T12:00", "range[2018-05-18T12:00:00-04:00, 2018-05-18T12:01:00-04:00)"},
		{"2018-05-18 12:00:00 to 2018-05-18 14:00:00", "range[2018-05-18T12:00:00-04:00, 2018-05-18T14:00:00-04:00)"},
		{"2018-05-18 to 2018-05-21", "range[2018-05-18T00:00:00-04:00, 2018-05-21T00:00:00-04:00)"},
		{"2018 to 2020", "range[2018-01-01T00:00:00-05:00, 2020-01-01T00:00:00-05:00)"},
		{"3 days ago to today", "range[2024-05-12T00:00:00-04:00, 2024-05-15T00:00:00-04:00)"},
		{"2018-05-18 for 3 days", "range[2018-05-18T00:00:00-04:00, 2018-05-21T00:00:00-04:00)"},
		{"2018-01-31 for 1 month", "range[2018-01-31T00:00:00-05:00, 2018-02-28T00:00:00-05:00)"},
		{"2018-05-18 12:00 for 90 minutes", "range[2018-05-18T12:00:00-04:00, 2018-05-18T13:30:00-04:00)"},
		{"FY2018", "range[2018-01-01T00:00:00-05:00, 2019-01-01T00:00:00-05:00)"},
		{"fy2018-Q2", "range[2018-04-01T00:00:00-04:00, 2018-07-01T00:00:00-04:00)"},
		{"2024-02-29", "range[2024-02-29T00:00:00-05:00, 2024-03-01T00:00:00-05:00)"},
	})
}

func TestParseDateListsAndNulls(t *testing.T) {
	runDates(t, newYork(t), []dateCase{
		{"null", "null"},
		{"NULL", "null"},
		{"not null", "not(null)"},
		{"is null", "null"},
		{"is not null", "not(null)"},
		{"today, 2018", "or(range[2024-05-15T00:00:00-04:00, 2024-05-16T00:00:00-04:00), range[2018-01-01T00:00:00-05:00, 2019-01-01T00:00:00-05:00))"},
		{"2018,null", "or(range[2018-01-01T00:00:00-05:00, 2019-01-01T00:00:00-05:00), null)"},
	})
}

func TestParseDateFiscal(t *testing.T) {
	c := newYork(t)
	c.FiscalMonthOffset = 3 // fiscal years start in April
	runDates(t, c, []dateCase{
		{"FY2024", "range[2024-04-01T00:00:00-04:00, 2025-04-01T00:00:00-04:00)"},
		{"FY2024-Q2", "range[2024-07-01T00:00:00-04:00, 2024-10-01T00:00:00-04:00)"},
		{"this fiscal year", "range[2024-04-01T00:00:00-04:00, 2025-04-01T00:00:00-04:00)"},
		{"this fiscal quarter", "range[2024-04-01T00:00:00-04:00, 2024-07-01T00:00:00-04:00)"},
		{"last fiscal quarter", "range[2024-01-01T00:00:00-05:00, 2024-04-01T00:00:00-04:00)"},
		{"2 fiscal years ago", "range[2022-04-01T00:00:00-04:00, 2023-04-01T00:00:00-04:00)"},
	})
	c.FiscalMonthOffset = -3 // fiscal year 2024 starts in October 2023
	runDates(t, c, []dateCase{
		{"FY2024", "range[2023-10-01T00:00:00-04:00, 2024-10-01T00:00:00-04:00)"},
		{"this fiscal year", "range[2023-10-01T00:00:00-04:00, 2024-10-01T00:00:00-04:00)"},
		{"this fiscal quarter", "range[2024-04-01T00:00:00-04:00, 2024-07-01T00:00:00-04:00)"},
		{"FY2024-Q1", "range[2023-10-01T00:00:00-04:00, 2024-01-01T00:00:00-05:00)"},
	})
}

func TestParseDateWeekStart(t *testing.T) {
	c := newYork(t)
	c.WeekStart = time.Sunday
	runDates(t, c, []dateCase{
		{"this week", "range[2024-05-12T00:00:00-04:00, 2024-05-19T00:00:00-04:00)"},
		{"last week", "range[2024-05-05T00:00:00-04:00, 2024-05-12T00:00:00-04:00)"},
	})
}

// DST: 2024-03-10 has 23 hours in New York, 2024-11-03 has 25.
func TestParseDateDST(t *testing.T) {
	loc := mustLoad(t, "America/New_York")
	spring := NewDateContext(time.Date(2024, 3, 10, 12, 0, 0, 0, loc), loc)
	runDates(t, spring, []dateCase{
		{"today", "range[2024-03-10T00:00:00-05:00, 2024-03-11T00:00:00-04:00)"},
		{"yesterday", "range[2024-03-09T00:00:00-05:00, 2024-03-10T00:00:00-05:00)"},
		{"2 days", "range[2024-03-09T00:00:00-05:00, 2024-03-11T00:00:00-04:00)"},
		{"this week", "range[2024-03-04T00:00:00-05:00, 2024-03-11T00:00:00-04:00)"},
		{"12 hours ago", "range[2024-03-09T23:00:00-05:00, 2024-03-10T00:00:00-05:00)"},
	})
	early := NewDateContext(time.Date(2024, 3, 10, 3, 30, 0, 0, loc), loc)
	runDates(t, early, []dateCase{
		{"3 hours", "range[2024-03-10T00:00:00-05:00, 2024-03-10T04:00:00-04:00)"},
		{"last hour", "range[2024-03-10T01:00:00-05:00, 2024-03-10T03:00:00-04:00)"},
	})
	// 01:30 happens twice on 2024-11-03: first in EDT, then in EST.
	firstPass := NewDateContext(time.Date(2024, 11, 3, 5, 30, 0, 0, time.UTC), loc)
	runDates(t, firstPass, []dateCase{
		{"this hour", "range[2024-11-03T01:00:00-04:00, 2024-11-03T01:00:00-05:00)"},
		{"today", "range[2024-11-03T00:00:00-04:00, 2024-11-04T00:00:00-05:00)"},
	})
	secondPass := NewDateContext(time.Date(2024, 11, 3, 6, 30, 0, 0, time.UTC), loc)
	runDates(t, secondPass, []dateCase{
		{"this hour", "range[2024-11-03T01:00:00-05:00, 2024-11-03T02:00:00-05:00)"},
		{"last hour", "range[2024-11-03T01:00:00-04:00, 2024-11-03T01:00:00-05:00)"},
	})
}

func TestParseDateHalfHourZone(t *testing.T) {
	loc := mustLoad(t, "Asia/Kolkata")
	c := NewDateContext(time.Date(2024, 5, 15, 14, 45, 0, 0, loc), loc)
	runDates(t, c, []dateCase{
		{"this hour", "range[2024-05-15T14:00:00+05:30, 2024-05-15T15:00:00+05:30)"},
		{"today", "range[2024-05-15T00:00:00+05:30, 2024-05-16T00:00:00+05:30)"},
	})
}

func TestParseDateRender(t *testing.T) {
	p, err := ParseDate("7 days", newYork(t))
	if err != nil {
		t.Fatal(err)
	}
	sql, args := render(p)
	if want := "((x) >= ? AND (x) < ?)"; sql != want {
		t.Errorf("sql = %s, want %s", sql, want)
	}
	if len(args) != 2 || !args[0].(time.Time).Equal(time.Date(2024, 5, 9, 4, 0, 0, 0, time.UTC)) {
		t.Errorf("args = %v", args)
	}
	p, _ = ParseDate("before 2018", newYork(t))
	if sql, _ := render(p); sql != "(x) < ?" {
		t.Errorf("before: sql = %s", sql)
	}
}

func TestParseDateErrors(t *testing.T) {
	c := newYork(t)
	parse := func(s string) (Predicate, error) { return ParseDate(s, c) }
	runErrors(t, parse, []errorCase{
		{"someday", 0},
		{"2018-13", 5},
		{"2018-02-30", 8},
		{"2018-05-18 25:00", 11},
		{"2018-05-18 12:60", 14},
		{"2018-Q5", 6},
		{"this fortnight", 5},
		{"0 days", 6},
		{"today tomorrow", 6},
		{"2018 to 2017", 8},
		{"9999999 days", 0},
		{"3 days ago for", 14},
		{"9000 years from now", 0},
		{"not 2018", 0},
		{"before", 6},
		{"FY18", 2},
		{"FY2018-Q", 8},
		{"2018,", 5},
		{"1000000 years ago", 0},
	})
}
