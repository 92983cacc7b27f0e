// Package trino is Trino's (and Presto's) SQL as data (golden text only;
// no driver yet).
package trino

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "trino"

// New returns Trino's Spec. Trino wants OFFSET before LIMIT, and its
// MEDIAN and PERCENTILE are approximate.
func New() *Spec {
	return &Spec{
		DialectName: Name,
		IdentQuote:  '"',
		Params:      QuestionMark,
		Limit:       OffsetLimit,
		True:        "TRUE",
		False:       "FALSE",
		Strings:     DoubledQuotes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "VARCHAR", TypeInt: "BIGINT", TypeFloat: "DOUBLE",
			TypeDecimal: "DECIMAL(38,9)", TypeBool: "BOOLEAN", TypeDate: "DATE", TypeTimestamp: "TIMESTAMP"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("date_trunc('%s', {x})", UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
			// DOW is ISO: Monday = 1.
			Extract: Each("EXTRACT(%s FROM {x})", map[Part]string{
				PartYear: "YEAR", PartQuarter: "QUARTER", PartMonth: "MONTH", PartDay: "DAY", PartHour: "HOUR",
				PartMinute: "MINUTE", PartDayOfYear: "DOY", PartISODayOfWeek: "DOW", PartISOWeek: "WEEK"}),
			Format:    "date_format({x}, {f})",
			Codes:     FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%i", Second: "%s"},
			ConvertTZ: "CAST(with_timezone({x}, {from}) AT TIME ZONE {to} AS TIMESTAMP)",
			Add:       "date_add('{unit}', {n}, {x})",
			AddUnits: AddUnitNames(map[Unit]string{Second: "second", Minute: "minute", Hour: "hour",
				Day: "day", Week: "week", Month: "month", Quarter: "quarter", Year: "year"}),
		},
		Aggs: AggSpec{
			Median:     "approx_percentile({x}, 0.5)",
			Percentile: "approx_percentile({x}, {p})",
			List:       "array_join(array_agg(DISTINCT {x}), {sep})",
			SymmetricSum: SumDistinctTemplate(
				"CAST(FLOOR(COALESCE({x}, 0) * (1000000 * 1.0)) AS DECIMAL(38,0))",
				"CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST({k} AS VARCHAR) AS VARBINARY))), 1, 14), 16)"+
					" AS DECIMAL(38,0)) * CAST(10000000000 AS DECIMAL(38,0))"+
					" + CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST({k} AS VARCHAR) AS VARBINARY))), 17, 10), 16)"+
					" AS DECIMAL(38,0))",
				"COALESCE(CAST(({sum}) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)"),
		},
	}
}
