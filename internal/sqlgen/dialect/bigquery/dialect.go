// Package bigquery is BigQuery standard SQL as data (golden text only; no
// driver yet).
package bigquery

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "bigquery"

// New returns BigQuery's Spec: DefaultSpec and what differs. Times are
// handled as DATETIME (a TIMESTAMP is cast, in UTC). Argument i is bound to
// the named parameter p<i>.
func New() *Spec {
	s := DefaultSpec(Name)
	s.IdentQuote = '`'
	s.AliasNoDots = true
	s.Params = AtNamed
	s.Strings = Backslashes
	s.LikeEscape, s.NoEscapeClause = '\\', true
	s.Types = map[Type]string{TypeString: "STRING", TypeInt: "INT64", TypeFloat: "FLOAT64",
		TypeDecimal: "NUMERIC", TypeBool: "BOOL", TypeDate: "DATE", TypeTimestamp: "DATETIME"}
	s.Caps.Qualify, s.Caps.TimeZones = true, true
	bqUnits := UpperUnits()
	bqUnits[Week] = "WEEK(MONDAY)"
	s.Time.Trunc = Each("DATETIME_TRUNC(CAST({x} AS DATETIME), %s)", bqUnits)
	parts := StandardParts()
	parts[PartDayOfYear], parts[PartISOWeek] = "DAYOFYEAR", "ISOWEEK"
	s.Time.Extract = Each("EXTRACT(%s FROM {x})", parts)
	// DAYOFWEEK counts from Sunday = 1.
	s.Time.Extract[PartISODayOfWeek] = "(MOD(EXTRACT(DAYOFWEEK FROM {x}) + 5, 7) + 1)"
	s.Time.Format = "FORMAT_DATETIME({f}, CAST({x} AS DATETIME))"
	s.Time.ConvertTZ = "DATETIME(TIMESTAMP(CAST({x} AS DATETIME), {from}), {to})"
	s.Time.Add = "DATETIME_ADD(CAST({x} AS DATETIME), INTERVAL CAST({n} AS INT64) {unit})"
	s.Time.AddUnits = AddUnitNames(UpperUnits())
	s.Aggs = AggSpec{
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
	}
	s.Funcs[FnPosition] = "STRPOS({a}, {b})"
	s.Funcs[FnSubstring] = "SUBSTR({a}, {b}, {c})"
	s.Funcs[FnEpoch] = "UNIX_SECONDS(TIMESTAMP(CAST({a} AS DATETIME)))"
	return s
}
