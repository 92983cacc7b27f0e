package filterexpr

import "time"

// DateContext is what a date expression is resolved against.
type DateContext struct {
	Now      time.Time
	Location *time.Location // the query time zone; nil means UTC
	// WeekStart is the model's week_start_day. The zero value is Sunday,
	// so set it: NewDateContext uses Looker's default, Monday.
	WeekStart time.Weekday
	// FiscalMonthOffset is the model's fiscal_month_offset (-11…11): fiscal
	// year Y starts on the first of month 1+offset of year Y, so 3 starts
	// it in April of Y and -3 in October of Y-1.
	FiscalMonthOffset int
}

// NewDateContext returns a context with Looker's defaults: weeks start on
// Monday, fiscal years are calendar years.
func NewDateContext(now time.Time, loc *time.Location) DateContext {
	return DateContext{Now: now, Location: loc, WeekStart: time.Monday}
}

// unit is a calendar unit of the date grammar.
type unit int

const (
	second unit = iota
	minute
	hour
	day
	week
	month
	quarter
	year
	fiscalQuarter
	fiscalYear
)

var unitNames = map[string]unit{
	"second": second, "minute": minute, "hour": hour, "day": day, "week": week,
	"month": month, "quarter": quarter, "year": year,
}

var clockUnits = map[unit]time.Duration{second: time.Second, minute: time.Minute, hour: time.Hour}

// monthsIn is the length in months of the units counted in months.
var monthsIn = map[unit]int{month: 1, quarter: 3, year: 12, fiscalQuarter: 3, fiscalYear: 12}

// trunc returns the start of the unit that holds t, in t's location.
func (c DateContext) trunc(t time.Time, u unit) time.Time {
	if d, ok := clockUnits[u]; ok {
		return truncClock(t, d)
	}
	y, m, d := t.Date()
	switch u {
	case day:
		return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	case week:
		back := (int(t.Weekday()) - int(c.WeekStart) + 7) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, t.Location())
	case month:
		return time.Date(y, m, 1, 0, 0, 0, 0, t.Location())
	case quarter:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, t.Location())
	case year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, t.Location())
	case fiscalQuarter:
		start := c.trunc(t, fiscalYear)
		return addMonths(start, 3*(monthsBetween(start, t)/3))
	}
	return c.fiscalYearOf(t)
}

// truncClock truncates in local wall-clock terms, from the instant's own
// UTC offset, so the repeated hour of a DST fall-back keeps its offset and
// zones with half-hour offsets truncate on their own hours.
func truncClock(t time.Time, d time.Duration) time.Time {
	_, off := t.Zone()
	local := t.Unix() + int64(off)
	step := int64(d / time.Second)
	rem := ((local % step) + step) % step
	return time.Unix(t.Unix()-rem, 0).In(t.Location())
}

func (c DateContext) fiscalYearStart(y int, loc *time.Location) time.Time {
	return time.Date(y, time.Month(1+c.FiscalMonthOffset), 1, 0, 0, 0, 0, loc)
}

func (c DateContext) fiscalYearOf(t time.Time) time.Time {
	y := t.Year()
	for _, cand := range []int{y + 1, y, y - 1} {
		if start := c.fiscalYearStart(cand, t.Location()); !start.After(t) {
			return start
		}
	}
	return c.fiscalYearStart(y-2, t.Location())
}

func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
}

// add moves t by n units. Clock units are exact durations; calendar units
// move the wall clock, so a day across a DST change is 23 or 25 hours.
func (c DateContext) add(t time.Time, u unit, n int) time.Time {
	if d, ok := clockUnits[u]; ok {
		return t.Add(time.Duration(n) * d)
	}
	switch u {
	case day:
		return t.AddDate(0, 0, n)
	case week:
		return t.AddDate(0, 0, 7*n)
	}
	return addMonths(t, n*monthsIn[u])
}

// addMonths adds months keeping the day within the target month, as SQL
// does: Jan 31 + 1 month is Feb 28 (or 29), not Mar 3.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	if last := daysIn(first.Year(), first.Month()); d > last {
		d = last
	}
	hh, mm, ss := t.Clock()
	return time.Date(first.Year(), first.Month(), d, hh, mm, ss, t.Nanosecond(), t.Location())
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
