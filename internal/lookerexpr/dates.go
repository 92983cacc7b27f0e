package lookerexpr

import (
	"strings"

	"github.com/overlookbi/overlook/internal/sqlgen"
)

// The date functions come in families over calendar units:
// add_days(n, date), diff_days(start, end), extract_days(date),
// trunc_days(date)…
var (
	addUnits = map[string]sqlgen.Unit{"seconds": sqlgen.Second, "minutes": sqlgen.Minute, "hours": sqlgen.Hour,
		"days": sqlgen.Day, "months": sqlgen.Month, "years": sqlgen.Year}
	truncUnits = map[string]sqlgen.Unit{"minutes": sqlgen.Minute, "hours": sqlgen.Hour, "days": sqlgen.Day,
		"weeks": sqlgen.Week, "months": sqlgen.Month, "quarters": sqlgen.Quarter, "years": sqlgen.Year}
	// extractParts: day_of_week counts from Monday = 0, like the
	// day_of_week_index timeframe; unix_timestamp is not a part.
	extractParts = map[string]sqlgen.Part{"seconds": sqlgen.PartSecond, "minutes": sqlgen.PartMinute,
		"hours": sqlgen.PartHour, "days": sqlgen.PartDay, "months": sqlgen.PartMonth, "years": sqlgen.PartYear,
		"day_of_week": sqlgen.PartISODayOfWeek, "day_of_year": sqlgen.PartDayOfYear}
)

// unitSeconds is the length of the units whose differences count
// boundaries on the seconds' scale.
var unitSeconds = map[sqlgen.Unit]int64{sqlgen.Second: 1, sqlgen.Minute: 60, sqlgen.Hour: 3600, sqlgen.Day: 86400}

func withDateFunctions(m map[string]function) map[string]function {
	for name := range addUnits {
		m["add_"+name] = function{min: 2, max: 2, args: []Type{TypeNumber, TypeDate}, result: fixed(TypeDate)}
		m["diff_"+name] = function{min: 2, max: 2, args: []Type{TypeDate}, result: fixed(TypeNumber)}
	}
	for name := range extractParts {
		m["extract_"+name] = function{min: 1, max: 1, args: []Type{TypeDate}, result: fixed(TypeNumber)}
	}
	m["extract_unix_timestamp"] = function{min: 1, max: 1, args: []Type{TypeDate}, result: fixed(TypeNumber)}
	for name := range truncUnits {
		m["trunc_"+name] = function{min: 1, max: 1, args: []Type{TypeDate}, result: fixed(TypeDate)}
	}
	return m
}

// dateFamily splits a date function's name: "diff_days" → "diff", "days".
func dateFamily(name string) (family, unit string) {
	for _, f := range []string{"add_", "diff_", "extract_", "trunc_"} {
		if rest, ok := strings.CutPrefix(name, f); ok {
			return strings.TrimSuffix(f, "_"), rest
		}
	}
	return "", ""
}
