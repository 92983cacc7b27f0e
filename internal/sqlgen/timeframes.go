package sqlgen

import (
	"fmt"
	"strconv"
	"strings"
)

// Timeframe is one of a dimension_group's timeframes: the column
// orders.created_month is Timeframe "month" of orders.created.
type Timeframe string

// Timeframe is a dimension_group timeframe over X. The SELECT form returns
// the value Looker returns in JSON ("2024-05", "2024-Q2", 2024, "Monday");
// with Group set it is the form to GROUP BY, the truncated date itself, so
// that buckets group by time rather than by text.
type TimeframeExpr struct {
	Frame Timeframe
	X     Expr
	Group bool
}

func (TimeframeExpr) expr() {}

// layoutPart is a date field (field >= 0: year, month, day, hour, minute,
// second) or literal text.
type layoutPart struct {
	field int
	text  string
}

const (
	fYear = iota
	fMonth
	fDay
	fHour
	fMinute
	fSecond
)

func layout(fields ...int) []layoutPart {
	seps := map[int]string{fMonth: "-", fDay: "-", fHour: " ", fMinute: ":", fSecond: ":"}
	var out []layoutPart
	for i, f := range fields {
		if i > 0 {
			out = append(out, layoutPart{field: -1, text: seps[f]})
		}
		out = append(out, layoutPart{field: f})
	}
	return out
}

var (
	layoutSecond = layout(fYear, fMonth, fDay, fHour, fMinute, fSecond)
	layoutMinute = layout(fYear, fMonth, fDay, fHour, fMinute)
	layoutHour   = layout(fYear, fMonth, fDay, fHour)
	layoutDay    = layout(fYear, fMonth, fDay)
	layoutMonth  = layout(fYear, fMonth)
	layoutYear   = layout(fYear)
	layoutClock  = layout(fHour, fMinute)
)

var dayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// truncFrames are the timeframes that format a truncated time.
var truncFrames = map[Timeframe]struct {
	unit   Unit
	layout []layoutPart
}{
	"time":   {Second, layoutSecond},
	"second": {Second, layoutSecond},
	"minute": {Minute, layoutMinute},
	"hour":   {Hour, layoutHour},
	"date":   {Day, layoutDay},
	"week":   {Week, layoutDay},
	"month":  {Month, layoutMonth},
}

// partFrames are the timeframes that are one integer field.
var partFrames = map[Timeframe]Part{
	"year":         PartYear,
	"hour_of_day":  PartHour,
	"day_of_month": PartDay,
	"day_of_year":  PartDayOfYear,
	"week_of_year": PartISOWeek,
	"month_num":    PartMonth,
}

// bucketSizes are the N of minuteN and hourN that divide the hour or day.
var bucketSizes = map[Unit][]int{
	Minute: {2, 3, 4, 5, 6, 10, 12, 15, 20, 30},
	Hour:   {2, 3, 4, 6, 8, 12},
}

// Timeframes lists every timeframe Timeframe supports.
func Timeframes() []Timeframe {
	out := []Timeframe{"raw", "quarter", "time_of_day", "day_of_week", "day_of_week_index",
		"month_name", "quarter_of_year"}
	for f := range truncFrames {
		out = append(out, f)
	}
	for f := range partFrames {
		out = append(out, f)
	}
	for u, ns := range bucketSizes {
		for _, n := range ns {
			out = append(out, Timeframe(u.String()+strconv.Itoa(n)))
		}
	}
	return out
}

// expand turns a timeframe into the nodes that compute it.
func (t TimeframeExpr) expand() (Expr, error) {
	x := t.X
	if tf, ok := truncFrames[t.Frame]; ok {
		tr := Trunc{Unit: tf.unit, X: x}
		if t.Group {
			return tr, nil
		}
		return formatTime{X: tr, Layout: tf.layout}, nil
	}
	if p, ok := partFrames[t.Frame]; ok {
		return Extract{Part: p, X: x}, nil
	}
	if u, n, ok := bucketFrame(t.Frame); ok {
		return bucket(u, n, x, t.Group), nil
	}
	return t.expandNamed()
}

// expandNamed handles the timeframes that are neither a truncation nor a
// plain field.
func (t TimeframeExpr) expandNamed() (Expr, error) {
	x := t.X
	switch t.Frame {
	case "raw":
		return x, nil
	case "quarter":
		// Built on the truncation, so that the SELECT form is a function of
		// the GROUP BY form, as PostgreSQL requires.
		q := Trunc{Unit: Quarter, X: x}
		if t.Group {
			return q, nil
		}
		return Concat{Args: []Expr{formatTime{X: q, Layout: layoutYear}, Literal{"-Q"},
			Cast{X: Extract{Part: PartQuarter, X: q}, Type: TypeString}}}, nil
	case "time_of_day":
		return formatTime{X: x, Layout: layoutClock}, nil
	case "day_of_week":
		return nameLadder(Extract{Part: PartISODayOfWeek, X: x}, dayNames), nil
	case "day_of_week_index":
		return Binary{Op: OpSub, L: Extract{Part: PartISODayOfWeek, X: x}, R: Literal{1}}, nil
	case "month_name":
		return nameLadder(Extract{Part: PartMonth, X: x}, monthNames), nil
	case "quarter_of_year":
		return Concat{Args: []Expr{Literal{"Q"}, Cast{X: Extract{Part: PartQuarter, X: x}, Type: TypeString}}}, nil
	}
	return nil, fmt.Errorf("sqlgen: unknown timeframe %q", t.Frame)
}

// bucketFrame reads minuteN and hourN.
func bucketFrame(f Timeframe) (Unit, int, bool) {
	for u, sizes := range bucketSizes {
		rest, ok := strings.CutPrefix(string(f), u.String())
		if !ok {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil {
			return 0, 0, false
		}
		for _, s := range sizes {
			if s == n {
				return u, n, true
			}
		}
	}
	return 0, 0, false
}

// bucket is the start of X's N-minute (or N-hour) bucket: the enclosing
// hour (day) plus the whole buckets before X.
func bucket(u Unit, n int, x Expr, group bool) Expr {
	outer, part, l := Hour, PartMinute, layoutMinute
	if u == Hour {
		outer, part, l = Day, PartHour, layoutHour
	}
	steps := Binary{Op: OpMul, L: Func{Name: "FLOOR", Args: []Expr{
		Binary{Op: OpDiv, L: Extract{Part: part, X: x}, R: Literal{n}}}}, R: Literal{n}}
	start := DateAdd{Unit: u, N: steps, X: Trunc{Unit: outer, X: x}}
	if group {
		return start
	}
	return formatTime{X: start, Layout: l}
}

// nameLadder maps 1…len(names) to names.
func nameLadder(x Expr, names []string) Expr {
	c := Case{Operand: x}
	for i, n := range names {
		c.Whens = append(c.Whens, When{Cond: Literal{i + 1}, Then: Literal{n}})
	}
	return c
}
