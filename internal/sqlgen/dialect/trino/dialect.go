// Package trino is Trino's (and Presto's) SQL as data (golden text only;
// no driver yet).
package trino

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "trino"

// New returns Trino's Spec: DefaultSpec and what differs. Trino wants
// OFFSET before LIMIT, and its MEDIAN and PERCENTILE are approximate.
func New() *Spec {
	s := DefaultSpec(Name)
	s.Limit = OffsetLimit
	s.Caps.TimeZones = true
	parts := StandardParts()
	parts[PartISODayOfWeek] = "DOW" // ISO: Monday = 1
	s.Time.Extract = Each("EXTRACT(%s FROM {x})", parts)
	s.Time.Format = "date_format({x}, {f})"
	s.Time.Codes.Minute, s.Time.Codes.Second = "%i", "%s"
	s.Time.ConvertTZ = "CAST(with_timezone({x}, {from}) AT TIME ZONE {to} AS TIMESTAMP)"
	s.Time.Add = "date_add('{unit}', {n}, {x})"
	s.Aggs = AggSpec{
		Median:     "approx_percentile({x}, 0.5)",
		Percentile: "approx_percentile({x}, {p})",
		List:       "array_join(array_agg(DISTINCT {x}), {sep})",
		SymmetricSum: SumDistinctTemplate(ScaledValue("DECIMAL(38,0)"),
			"CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST({k} AS VARCHAR) AS VARBINARY))), 1, 14), 16)"+
				" AS DECIMAL(38,0)) * CAST(10000000000 AS DECIMAL(38,0))"+
				" + CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST({k} AS VARCHAR) AS VARBINARY))), 17, 10), 16)"+
				" AS DECIMAL(38,0))",
			ScaledResult("DOUBLE")),
	}
	s.Funcs[FnPosition] = "strpos({a}, {b})"
	s.Funcs[FnSubstring] = "substr({a}, {b}, {c})"
	s.Funcs[FnEpoch] = "CAST(FLOOR(to_unixtime(with_timezone(CAST({a} AS TIMESTAMP), 'UTC'))) AS BIGINT)"
	return s
}
