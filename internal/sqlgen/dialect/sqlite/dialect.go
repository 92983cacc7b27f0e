// Package sqlite is SQLite's SQL (3.44 or later) as data. Times are text
// in SQLite's "YYYY-MM-DD HH:MM:SS" form.
package sqlite

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "sqlite"

// New returns SQLite's Spec: DefaultSpec and what differs. SQLite has no
// named time zones, MEDIAN or PERCENTILE. Without hash functions, its
// symmetric sum collects the distinct (key, value) pairs as JSON and sums
// their values in a subquery, which SQLite refuses in a SELECT that also
// has window functions.
func New() *Spec {
	s := DefaultSpec(Name)
	s.ConcatOperator = "||"
	s.OffsetOnlyLimit = "-1"
	s.True, s.False = "1", "0"
	// CAST(… AS DATE) would give a number: dates stay text.
	s.Types = map[Type]string{TypeString: "TEXT", TypeInt: "INTEGER", TypeFloat: "REAL",
		TypeDecimal: "NUMERIC", TypeBool: "INTEGER", TypeDate: "TEXT", TypeTimestamp: "TEXT"}
	s.Time.Trunc = map[Unit]string{
		Second:  "datetime({x})",
		Minute:  "strftime('%Y-%m-%d %H:%M:00', {x})",
		Hour:    "strftime('%Y-%m-%d %H:00:00', {x})",
		Day:     "date({x})",
		Week:    "date({x}, '-6 days', 'weekday 1')",
		Month:   "date({x}, 'start of month')",
		Quarter: "date({x}, 'start of month', '-' || ((CAST(strftime('%m', {x}) AS INTEGER) - 1) % 3) || ' months')",
		Year:    "date({x}, 'start of year')",
	}
	s.Time.Extract = Each("CAST(strftime('%s', {x}) AS INTEGER)", map[Part]string{PartYear: "%Y", PartMonth: "%m",
		PartDay: "%d", PartHour: "%H", PartMinute: "%M", PartDayOfYear: "%j", PartISODayOfWeek: "%u", PartISOWeek: "%V", PartSecond: "%S"})
	s.Time.Extract[PartQuarter] = "((CAST(strftime('%m', {x}) AS INTEGER) + 2) / 3)"
	s.Time.Format = "strftime({f}, {x})"
	s.Time.Add = "datetime({x}, CAST({n} AS INTEGER) || ' {unit}')"
	s.Time.AddUnits = AddUnitNames(map[Unit]string{Second: "seconds", Minute: "minutes", Hour: "hours",
		Day: "days", Week: "days*7", Month: "months", Quarter: "months*3", Year: "years"})
	s.Aggs = AggSpec{
		// group_concat(DISTINCT) takes no separator: commas in values are
		// parked as U+001F while the list is joined.
		List: "REPLACE(REPLACE(group_concat(DISTINCT REPLACE(CAST({x} AS TEXT), ',', char(31))), ',', {sep})," +
			" char(31), ',')",
		SymmetricSum: "COALESCE((SELECT TOTAL(json_extract(value, '$[1]'))" +
			" FROM json_each(json_group_array(DISTINCT json_array({k}, {x})))), 0)",
	}
	s.Funcs[FnPosition] = "instr({a}, {b})"
	s.Funcs[FnSubstring] = "substr({a}, {b}, {c})"
	s.Funcs[FnEpoch] = "CAST(strftime('%s', {a}) AS INTEGER)"
	return s
}
