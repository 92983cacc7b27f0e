package lookerexpr

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/overlookbi/overlook/internal/sqlgen"
)

// moreRowFunc computes the string, math and date functions over non-null
// arguments, as their SQL does; ok is false for another function.
func moreRowFunc(name string, args []any) (v any, ok bool) {
	if family, unit := dateFamily(name); family != "" {
		return dateFunc(family, unit, args), true
	}
	switch name {
	case "length", "position", "substring", "replace":
		return textFunc(name, args), true
	case "exp", "ln", "log", "sqrt", "power", "sin", "cos", "tan", "asin", "acos", "atan":
		xs, isNum := numbers(args)
		if !isNum {
			return nil, true
		}
		r, ok := mathFunc(name, xs)
		return nullable(r, ok && !math.IsNaN(r) && !math.IsInf(r, 0)), true
	}
	return nil, false
}

func numbers(args []any) ([]float64, bool) {
	xs := make([]float64, len(args))
	for i, a := range args {
		f, ok := a.(float64)
		if !ok {
			return nil, false
		}
		xs[i] = f
	}
	return xs, true
}

func textFunc(name string, args []any) any {
	s, ok := args[0].(string)
	if !ok {
		return nil
	}
	switch name {
	case "length":
		return float64(utf8.RuneCountInString(s))
	case "position":
		sub, ok := args[1].(string)
		if !ok {
			return nil
		}
		return float64(runePosition(s, sub))
	case "replace":
		old, okOld := args[1].(string)
		repl, okNew := args[2].(string)
		if !okOld || !okNew {
			return nil
		}
		if old == "" {
			return s
		}
		return strings.ReplaceAll(s, old, repl)
	}
	xs, ok := numbers(args[1:])
	if !ok || xs[0] < 1 || xs[1] < 0 {
		return nil
	}
	runes := []rune(s)
	from := int(math.Min(math.Floor(xs[0]), float64(len(runes)+1))) - 1
	end := from + int(math.Min(math.Floor(xs[1]), float64(len(runes))))
	return string(runes[from:min(end, len(runes))])
}

// runePosition is the 1-based character index of sub in s, 0 when absent.
func runePosition(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return 0
	}
	return utf8.RuneCountInString(s[:i]) + 1
}

// mathFunc applies the same guards as the SQL (see sql_funcs.go).
func mathFunc(name string, xs []float64) (float64, bool) {
	x := xs[0]
	switch name {
	case "ln":
		return math.Log(x), x > 0
	case "log":
		return math.Log10(x), x > 0
	case "sqrt":
		return math.Sqrt(x), x >= 0
	case "sin", "cos", "tan", "atan":
		return map[string]func(float64) float64{"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "atan": math.Atan}[name](x), true
	case "asin":
		return math.Asin(x), x >= -1 && x <= 1
	case "acos":
		return math.Acos(x), x >= -1 && x <= 1
	case "exp":
		switch {
		case x > maxExp:
			return 0, false
		case x < minExp:
			return 0, true
		}
		return math.Exp(x), true
	}
	y := xs[1]
	switch {
	case math.Abs(y) > maxExponent:
		return 0, false
	case x == 0 && y < 0:
		return 0, false
	case x == 0 && y == 0:
		return 1, true
	case x == 0:
		return 0, true
	case x < 0 && y != math.Floor(y):
		return 0, false
	}
	m := y * math.Log(math.Abs(x))
	switch {
	case m > maxExp:
		return 0, false
	case m < minExp:
		return 0, true
	}
	return math.Pow(x, y), true
}

// dateLayouts are the spellings of dates and times in results: timeframe
// text and database values.
var dateLayouts = []string{time.DateTime, "2006-01-02 15:04", "2006-01-02 15", time.DateOnly, "2006-01",
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05.999999999"}

// toTime reads a date or time value as a wall-clock time in UTC.
func toTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		y, m, d := x.Date()
		h, mi, s := x.Clock()
		return time.Date(y, m, d, h, mi, s, x.Nanosecond(), time.UTC), true
	case string:
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, x); err == nil {
				return toTime(t)
			}
		}
	}
	return time.Time{}, false
}

func dateFunc(family, unit string, args []any) any {
	if family == "add" {
		n, okN := args[0].(float64)
		t, okT := toTime(args[1])
		if !okN || !okT || math.Abs(n) > 1e9 {
			return nil
		}
		return addTime(t, addUnits[unit], int(math.Floor(n)))
	}
	ts := make([]time.Time, len(args))
	for i, a := range args {
		t, ok := toTime(a)
		if !ok {
			return nil
		}
		ts[i] = t
	}
	switch family {
	case "trunc":
		return truncTime(ts[0], truncUnits[unit])
	case "extract":
		return float64(extractTime(ts[0], unit))
	}
	return float64(diffTime(addUnits[unit], ts[0], ts[1]))
}

// addTime moves t by n units; months and years keep the day of the month
// where the target month has it and take its last day otherwise, as SQL
// interval arithmetic does.
func addTime(t time.Time, u sqlgen.Unit, n int) time.Time {
	switch u {
	case sqlgen.Month, sqlgen.Year:
		months := n
		if u == sqlgen.Year {
			months = 12 * n
		}
		y, m, d := t.Date()
		first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		h, mi, s := t.Clock()
		return time.Date(first.Year(), first.Month(), min(d, last), h, mi, s, t.Nanosecond(), time.UTC)
	case sqlgen.Day:
		return t.AddDate(0, 0, n)
	}
	return t.Add(time.Duration(n) * map[sqlgen.Unit]time.Duration{sqlgen.Second: time.Second,
		sqlgen.Minute: time.Minute, sqlgen.Hour: time.Hour}[u])
}

// truncTime is the start of t's unit; weeks start on Monday.
func truncTime(t time.Time, u sqlgen.Unit) time.Time {
	y, m, d := t.Date()
	switch u {
	case sqlgen.Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case sqlgen.Quarter:
		return time.Date(y, (m-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	case sqlgen.Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case sqlgen.Week:
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	case sqlgen.Day:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return t.Truncate(map[sqlgen.Unit]time.Duration{sqlgen.Hour: time.Hour, sqlgen.Minute: time.Minute}[u])
}

func extractTime(t time.Time, unit string) int64 {
	switch unit {
	case "unix_timestamp":
		return t.Unix()
	case "seconds":
		return int64(t.Second())
	case "minutes":
		return int64(t.Minute())
	case "hours":
		return int64(t.Hour())
	case "days":
		return int64(t.Day())
	case "months":
		return int64(t.Month())
	case "years":
		return int64(t.Year())
	case "day_of_week":
		return int64((int(t.Weekday()) + 6) % 7)
	}
	return int64(t.YearDay())
}

// diffTime counts unit boundaries from start to end, as diffSQL does.
func diffTime(u sqlgen.Unit, start, end time.Time) int64 {
	if secs, ok := unitSeconds[u]; ok {
		count := func(t time.Time) int64 { return int64(math.Floor(float64(t.Unix()) / float64(secs))) }
		return count(end) - count(start)
	}
	years := int64(end.Year() - start.Year())
	if u == sqlgen.Year {
		return years
	}
	return 12*years + int64(end.Month()) - int64(start.Month())
}
