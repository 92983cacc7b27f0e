package sqlgen

// Unit is a calendar unit for truncation and date arithmetic.
type Unit int

// Units. Weeks start on Monday.
const (
	Second Unit = iota
	Minute
	Hour
	Day
	Week
	Month
	Quarter
	Year
)

var unitNames = [...]string{"second", "minute", "hour", "day", "week", "month", "quarter", "year"}

func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return "unit?"
}

// Part is a field extracted from a date or time, as an integer.
type Part int

// Parts. ISODayOfWeek is 1 (Monday) … 7 (Sunday); ISOWeek is the ISO 8601
// week number.
const (
	PartYear Part = iota
	PartQuarter
	PartMonth
	PartDay
	PartHour
	PartMinute
	PartDayOfYear
	PartISODayOfWeek
	PartISOWeek
	// PartSecond is the whole seconds of the minute (fractions dropped).
	PartSecond
)

// Trunc is X truncated to the start of its Unit, as a date or timestamp.
type Trunc struct {
	Unit Unit
	X    Expr
}

// Extract is one integer field of X.
type Extract struct {
	Part Part
	X    Expr
}

// DateAdd is X moved by N Units (N may be negative).
type DateAdd struct {
	Unit Unit
	N, X Expr
}

// ConvertTZ converts the wall-clock timestamp X from one named time zone to
// another. Zone names come from the model or from a validated query
// time zone; they are checked to look like IANA names and written as string
// literals, so that a GROUP BY expression stays identical to its SELECT.
type ConvertTZ struct {
	X        Expr
	From, To string
}

// formatTime writes X with a layout of date fields and literal separators;
// it is built only by Timeframe, which knows the layouts.
type formatTime struct {
	X      Expr
	Layout []layoutPart
}

func (Trunc) expr()      {}
func (Extract) expr()    {}
func (DateAdd) expr()    {}
func (ConvertTZ) expr()  {}
func (formatTime) expr() {}
