// Package bigquery is BigQuery standard SQL as data (golden text only; no
// driver yet).
package bigquery

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "bigquery"

// New returns BigQuery's Spec. Times are handled as DATETIME (a TIMESTAMP
// is cast, in UTC). Argument i is bound to the named parameter p<i>.
func New() *Spec {
	return &Spec{
		DialectName:    Name,
		IdentQuote:     '`',
		AliasNoDots:    true,
		Params:         AtNamed,
		Limit:          LimitOffset,
		True:           "TRUE",
		False:          "FALSE",
		Strings:        Backslashes,
		LikeEscape:     '\\',
		NoEscapeClause: true,
		Types: map[Type]string{TypeString: "STRING", TypeInt: "INT64", TypeFloat: "FLOAT64",
			TypeDecimal: "NUMERIC", TypeBool: "BOOL", TypeDate: "DATE", TypeTimestamp: "DATETIME"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, Qualify: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("DATETIME_TRUNC(CAST({x} AS DATETIME), %s)", map[Unit]string{
				Second: "SECOND", Minute: "MINUTE", Hour: "HOUR", Day: "DAY", Week: "WEEK(MONDAY)",
				Month: "MONTH", Quarter: "QUARTER", Year: "YEAR"}),
			Extract: Each("%s", map[Part]string{
				PartYear: "EXTRACT(YEAR FROM {x})", PartQuarter: "EXTRACT(QUARTER FROM {x})",
				PartMonth: "EXTRACT(MONTH FROM {x})", PartDay: "EXTRACT(DAY FROM {x})",
				PartHour: "EXTRACT(HOUR FROM {x})", PartMinute: "EXTRACT(MINUTE FROM {x})",
				PartDayOfYear: "EXTRACT(DAYOFYEAR FROM {x})", PartISOWeek: "EXTRACT(ISOWEEK FROM {x})",
				// DAYOFWEEK counts from Sunday = 1.
				PartISODayOfWeek: "(MOD(EXTRACT(DAYOFWEEK FROM {x}) + 5, 7) + 1)"}),
			Format:    "FORMAT_DATETIME({f}, CAST({x} AS DATETIME))",
			Codes:     FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%M", Second: "%S"},
			ConvertTZ: "DATETIME(TIMESTAMP(CAST({x} AS DATETIME), {from}), {to})",
			Add:       "DATETIME_ADD(CAST({x} AS DATETIME), INTERVAL CAST({n} AS INT64) {unit})",
			AddUnits: AddUnitNames(map[Unit]string{Second: "SECOND", Minute: "MINUTE", Hour: "HOUR",
				Day: "DAY", Week: "WEEK", Month: "MONTH", Quarter: "QUARTER", Year: "YEAR"}),
		},
		Aggs: AggSpec{
			Median:     "APPROX_QUANTILES({x}, 2)[OFFSET(1)]",
			Percentile: "APPROX_QUANTILES({x}, 1000)[OFFSET(CAST(ROUND({p} * 1000) AS INT64))]",
			List:       "STRING_AGG(DISTINCT CAST({x} AS STRING), {sep})",
			// NUMERIC has 9 decimals: values are scaled down, hashes kept below 10^29.
			SymmetricSum: SumDistinctTemplate(
				"CAST(ROUND(COALESCE({x}, 0) * (1 / 1000 * 1.0), 9) AS NUMERIC)",
				"(CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST({k} AS STRING))), 1, 15)) AS INT64) AS NUMERIC)"+
					" * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST({k} AS STRING))), 16, 8))"+
					" AS INT64) AS NUMERIC)) * 0.000000001",
				"ROUND(COALESCE(CAST(({sum}) / (1 / 1000 * 1.0) AS FLOAT64), 0), 6)"),
		},
	}
}
