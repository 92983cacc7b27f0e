// Package snowflake is Snowflake's SQL as data (golden text only; no
// driver yet).
package snowflake

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "snowflake"

// New returns Snowflake's Spec. DATE_TRUNC('week') follows the session's
// WEEK_START, whose default (0) is Monday.
func New() *Spec {
	return &Spec{
		DialectName: Name,
		IdentQuote:  '"',
		Params:      QuestionMark,
		Limit:       LimitOffset,
		True:        "TRUE",
		False:       "FALSE",
		Strings:     Backslashes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "VARCHAR", TypeInt: "BIGINT", TypeFloat: "DOUBLE",
			TypeDecimal: "NUMBER(38,9)", TypeBool: "BOOLEAN", TypeDate: "DATE", TypeTimestamp: "TIMESTAMP_NTZ"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, Qualify: true, ILike: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("DATE_TRUNC('%s', {x})", UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
			Extract: Each("EXTRACT(%s FROM {x})", map[Part]string{
				PartYear: "YEAR", PartQuarter: "QUARTER", PartMonth: "MONTH", PartDay: "DAY", PartHour: "HOUR",
				PartMinute: "MINUTE", PartDayOfYear: "DAYOFYEAR", PartISODayOfWeek: "DAYOFWEEKISO", PartISOWeek: "WEEKISO"}),
			Format:    "TO_CHAR({x}, {f})",
			Codes:     FormatCodes{Year: "YYYY", Month: "MM", Day: "DD", Hour: "HH24", Minute: "MI", Second: "SS"},
			ConvertTZ: "CONVERT_TIMEZONE({from}, {to}, {x})",
			Add:       "DATEADD({unit}, {n}, {x})",
			AddUnits: AddUnitNames(map[Unit]string{Second: "second", Minute: "minute", Hour: "hour",
				Day: "day", Week: "week", Month: "month", Quarter: "quarter", Year: "year"}),
		},
		Aggs: AggSpec{
			Median:     "MEDIAN({x})",
			Percentile: "PERCENTILE_CONT({p}) WITHIN GROUP (ORDER BY {x})",
			List:       "LISTAGG(DISTINCT {x}, {sep})",
			SymmetricSum: SumDistinctTemplate(
				"CAST(FLOOR(COALESCE({x}, 0) * (1000000 * 1.0)) AS DECIMAL(38,0))",
				"(TO_NUMBER(MD5({k}), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38,0)",
				"COALESCE(CAST(({sum}) AS DOUBLE PRECISION) / CAST((1000000 * 1.0) AS DOUBLE PRECISION), 0)"),
		},
	}
}
