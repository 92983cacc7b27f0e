// Package duckdb is DuckDB's SQL as data.
package duckdb

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "duckdb"

// New returns DuckDB's Spec. Time-zone conversion needs the ICU extension,
// which DuckDB's bundled builds include.
func New() *Spec {
	return &Spec{
		DialectName: Name,
		IdentQuote:  '"',
		Params:      QuestionMark,
		Limit:       LimitOffset,
		True:        "TRUE",
		False:       "FALSE",
		Strings:     DoubledQuotes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "VARCHAR", TypeInt: "BIGINT", TypeFloat: "DOUBLE",
			TypeDecimal: "DECIMAL(38,9)", TypeBool: "BOOLEAN", TypeDate: "DATE", TypeTimestamp: "TIMESTAMP"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, Qualify: true, ILike: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("date_trunc('%s', {x})", UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
			Extract: Each("CAST(EXTRACT(%s FROM {x}) AS INTEGER)", map[Part]string{
				PartYear: "year", PartQuarter: "quarter", PartMonth: "month", PartDay: "day", PartHour: "hour",
				PartMinute: "minute", PartDayOfYear: "doy", PartISODayOfWeek: "isodow", PartISOWeek: "week"}),
			Format:    "strftime({x}, {f})",
			Codes:     FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%M", Second: "%S"},
			ConvertTZ: "timezone({to}, timezone({from}, {x}))",
			Add:       "({x} + to_{unit}(CAST({n} AS INTEGER)))",
			AddUnits: AddUnitNames(map[Unit]string{Second: "seconds", Minute: "minutes", Hour: "hours",
				Day: "days", Week: "weeks", Month: "months", Quarter: "months*3", Year: "years"}),
		},
		Aggs: AggSpec{
			Median:     "median({x})",
			Percentile: "quantile_cont({x}, {p})",
			List:       "string_agg(DISTINCT CAST({x} AS VARCHAR), {sep})",
			// HUGEINT holds a 64-bit hash times 10^9 plus the scaled value.
			SymmetricSum: SumDistinctTemplate(
				"CAST(FLOOR(COALESCE({x}, 0) * 1000000) AS HUGEINT)",
				"CAST(md5_number_lower(CAST({k} AS VARCHAR)) AS HUGEINT) * 1000000000",
				"COALESCE(CAST(({sum}) AS DOUBLE) / 1000000.0, 0)"),
		},
	}
}
