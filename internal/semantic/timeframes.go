package semantic

import "github.com/overlookbi/overlook/internal/filterexpr"

// timeframeKinds lists every timeframe a type: time dimension_group may ask
// for, with the filter grammar of the field it becomes.
var timeframeKinds = map[string]filterexpr.Kind{
	// points in time: filtered as ranges on the underlying timestamp
	"raw": filterexpr.KindDate, "time": filterexpr.KindDate, "date": filterexpr.KindDate,
	"week": filterexpr.KindDate, "month": filterexpr.KindDate, "quarter": filterexpr.KindDate,
	"year": filterexpr.KindDate, "hour": filterexpr.KindDate, "minute": filterexpr.KindDate,
	"second": filterexpr.KindDate, "millisecond": filterexpr.KindDate, "microsecond": filterexpr.KindDate,
	"hour2": filterexpr.KindDate, "hour3": filterexpr.KindDate, "hour4": filterexpr.KindDate,
	"hour6": filterexpr.KindDate, "hour8": filterexpr.KindDate, "hour12": filterexpr.KindDate,
	"minute2": filterexpr.KindDate, "minute3": filterexpr.KindDate, "minute4": filterexpr.KindDate,
	"minute5": filterexpr.KindDate, "minute6": filterexpr.KindDate, "minute10": filterexpr.KindDate,
	"minute12": filterexpr.KindDate, "minute15": filterexpr.KindDate, "minute20": filterexpr.KindDate,
	"minute30":    filterexpr.KindDate,
	"fiscal_year": filterexpr.KindDate, "fiscal_quarter": filterexpr.KindDate,
	// numbers
	"day_of_week_index": filterexpr.KindNumber, "day_of_month": filterexpr.KindNumber,
	"day_of_year": filterexpr.KindNumber, "week_of_year": filterexpr.KindNumber,
	"month_num": filterexpr.KindNumber, "hour_of_day": filterexpr.KindNumber,
	"fiscal_month_num": filterexpr.KindNumber,
	// names
	"day_of_week": filterexpr.KindString, "month_name": filterexpr.KindString,
	"quarter_of_year": filterexpr.KindString, "time_of_day": filterexpr.KindString,
	"fiscal_quarter_of_year": filterexpr.KindString,
}

// Timeframes lists the timeframes in a stable, documented order (the order
// of the reference table): what tests and tools enumerate.
var Timeframes = []string{
	"raw", "time", "date", "week", "month", "quarter", "year",
	"hour", "hour2", "hour3", "hour4", "hour6", "hour8", "hour12",
	"minute", "minute2", "minute3", "minute4", "minute5", "minute6", "minute10",
	"minute12", "minute15", "minute20", "minute30",
	"second", "millisecond", "microsecond",
	"day_of_week", "day_of_week_index", "day_of_month", "day_of_year", "week_of_year",
	"month_name", "month_num", "quarter_of_year", "hour_of_day", "time_of_day",
	"fiscal_year", "fiscal_quarter", "fiscal_quarter_of_year", "fiscal_month_num",
}

// defaultTimeframes is what a group without `timeframes:` gets. Looker's own
// default list is not documented; these are the ones every Looker shows.
var defaultTimeframes = []string{"raw", "time", "date", "week", "month", "quarter", "year"}

// DurationIntervals lists the intervals of a type: duration group, which is
// also the default when `intervals:` is omitted.
var DurationIntervals = []string{"second", "minute", "hour", "day", "week", "month", "quarter", "year"}

func timeframeFilterKind(tf string) filterexpr.Kind { return timeframeKinds[tf] }

// timeframeFieldName is Looker's name for a timeframe field: created_month.
func timeframeFieldName(group, tf string) string { return group + "_" + tf }

// durationFieldName is Looker's name for an interval field: days_enrolled.
func durationFieldName(group, interval string) string { return interval + "s_" + group }

func isDurationInterval(s string) bool {
	for _, i := range DurationIntervals {
		if i == s {
			return true
		}
	}
	return false
}
