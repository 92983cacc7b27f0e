// Package sqlite is SQLite's SQL (3.44 or later) as data. Times are text
// in SQLite's "YYYY-MM-DD HH:MM:SS" form.
package sqlite

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "sqlite"

// New returns SQLite's Spec. SQLite has no named time zones, MEDIAN or
// PERCENTILE. Without hash functions, its symmetric sum collects the
// distinct (key, value) pairs as JSON and sums their values in a subquery,
// which SQLite refuses in a SELECT that also has window functions.
func New() *Spec {
	return &Spec{
		DialectName:     Name,
		IdentQuote:      '"',
		Params:          QuestionMark,
		Limit:           LimitOffset,
		OffsetOnlyLimit: "-1",
		True:            "1",
		False:           "0",
		Strings:         DoubledQuotes,
		LikeEscape:      '!',
		// CAST(… AS DATE) would give a number: dates stay text.
		Types: map[Type]string{TypeString: "TEXT", TypeInt: "INTEGER", TypeFloat: "REAL",
			TypeDecimal: "NUMERIC", TypeBool: "INTEGER", TypeDate: "TEXT", TypeTimestamp: "TEXT"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true},
		Time: TimeSpec{
			Trunc: map[Unit]string{
				Second: "datetime({x})",
				Minute: "strftime('%Y-%m-%d %H:%M:00', {x})",
				Hour:   "strftime('%Y-%m-%d %H:00:00', {x})",
				Day:    "date({x})",
				Week:   "date({x}, '-6 days', 'weekday 1')",
				Month:  "date({x}, 'start of month')",
				Quarter: "date({x}, 'start of month', '-' || ((CAST(strftime('%m', {x}) AS INTEGER) - 1) % 3)" +
					" || ' months')",
				Year: "date({x}, 'start of year')",
			},
			Extract: map[Part]string{
				PartYear:         "CAST(strftime('%Y', {x}) AS INTEGER)",
				PartQuarter:      "((CAST(strftime('%m', {x}) AS INTEGER) + 2) / 3)",
				PartMonth:        "CAST(strftime('%m', {x}) AS INTEGER)",
				PartDay:          "CAST(strftime('%d', {x}) AS INTEGER)",
				PartHour:         "CAST(strftime('%H', {x}) AS INTEGER)",
				PartMinute:       "CAST(strftime('%M', {x}) AS INTEGER)",
				PartDayOfYear:    "CAST(strftime('%j', {x}) AS INTEGER)",
				PartISODayOfWeek: "CAST(strftime('%u', {x}) AS INTEGER)",
				PartISOWeek:      "CAST(strftime('%V', {x}) AS INTEGER)",
			},
			Format: "strftime({f}, {x})",
			Codes:  FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%M", Second: "%S"},
			Add:    "datetime({x}, CAST({n} AS INTEGER) || ' {unit}')",
			AddUnits: AddUnitNames(map[Unit]string{Second: "seconds", Minute: "minutes", Hour: "hours",
				Day: "days", Week: "days*7", Month: "months", Quarter: "months*3", Year: "years"}),
		},
		Aggs: AggSpec{
			// group_concat(DISTINCT) takes no separator: commas in values
			// are parked as U+001F while the list is joined.
			List: "REPLACE(REPLACE(group_concat(DISTINCT REPLACE(CAST({x} AS TEXT), ',', char(31))), ',', {sep})," +
				" char(31), ',')",
			SymmetricSum: "COALESCE((SELECT TOTAL(json_extract(value, '$[1]'))" +
				" FROM json_each(json_group_array(DISTINCT json_array({k}, {x})))), 0)",
		},
	}
}
