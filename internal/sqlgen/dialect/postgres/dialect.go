// Package postgres is PostgreSQL's SQL as data.
package postgres

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "postgres"

// New returns PostgreSQL's Spec.
func New() *Spec {
	return &Spec{
		DialectName: Name,
		IdentQuote:  '"',
		Params:      DollarNumber,
		Limit:       LimitOffset,
		True:        "TRUE",
		False:       "FALSE",
		Strings:     DoubledQuotes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "VARCHAR", TypeInt: "BIGINT", TypeFloat: "DOUBLE PRECISION",
			TypeDecimal: "DECIMAL", TypeBool: "BOOLEAN", TypeDate: "DATE", TypeTimestamp: "TIMESTAMP"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, ILike: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("DATE_TRUNC('%s', {x})", UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
			Extract: Each("CAST(EXTRACT(%s FROM {x}) AS INTEGER)", map[Part]string{
				PartYear: "YEAR", PartQuarter: "QUARTER", PartMonth: "MONTH", PartDay: "DAY", PartHour: "HOUR",
				PartMinute: "MINUTE", PartDayOfYear: "DOY", PartISODayOfWeek: "ISODOW", PartISOWeek: "WEEK"}),
			Format:    "TO_CHAR({x}, {f})",
			Codes:     FormatCodes{Year: "YYYY", Month: "MM", Day: "DD", Hour: "HH24", Minute: "MI", Second: "SS"},
			ConvertTZ: "(({x}) AT TIME ZONE {from}) AT TIME ZONE {to}",
			Add:       "({x} + CAST({n} AS INTEGER) * INTERVAL '1 {unit}')",
			AddUnits: AddUnitNames(map[Unit]string{Second: "second", Minute: "minute", Hour: "hour",
				Day: "day", Week: "week", Month: "month", Quarter: "month*3", Year: "year"}),
		},
		Aggs: AggSpec{
			Median:     "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {x})",
			Percentile: "PERCENTILE_CONT({p}) WITHIN GROUP (ORDER BY {x})",
			List:       "STRING_AGG(DISTINCT CAST({x} AS VARCHAR), {sep})",
			SymmetricSum: SumDistinctTemplate(
				"CAST(FLOOR(COALESCE({x}, 0) * (1000000 * 1.0)) AS DECIMAL(65,0))",
				"('x' || MD5(CAST({k} AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616"+
					" + ('x' || SUBSTR(MD5(CAST({k} AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)",
				"COALESCE(CAST(({sum}) AS DOUBLE PRECISION) / CAST((1000000 * 1.0) AS DOUBLE PRECISION), 0)"),
		},
	}
}
