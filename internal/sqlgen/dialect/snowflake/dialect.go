// Package snowflake is Snowflake's SQL as data (golden text only; no
// driver yet).
package snowflake

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "snowflake"

// New returns Snowflake's Spec: DefaultSpec and what differs.
// DATE_TRUNC('week') follows the session's WEEK_START, whose default (0)
// is Monday.
func New() *Spec {
	s := DefaultSpec(Name)
	s.Strings = Backslashes
	s.Types[TypeDecimal], s.Types[TypeTimestamp] = "NUMBER(38,9)", "TIMESTAMP_NTZ"
	s.Caps.Qualify, s.Caps.ILike, s.Caps.TimeZones = true, true, true
	parts := StandardParts()
	parts[PartDayOfYear], parts[PartISODayOfWeek], parts[PartISOWeek] = "DAYOFYEAR", "DAYOFWEEKISO", "WEEKISO"
	s.Time.Extract = Each("EXTRACT(%s FROM {x})", parts)
	s.Time.Format = "TO_CHAR({x}, {f})"
	s.Time.Codes = FormatCodes{Year: "YYYY", Month: "MM", Day: "DD", Hour: "HH24", Minute: "MI", Second: "SS"}
	s.Time.ConvertTZ = "CONVERT_TIMEZONE({from}, {to}, {x})"
	s.Time.Add = "DATEADD({unit}, {n}, {x})"
	s.Aggs.Median = "MEDIAN({x})"
	s.Aggs.List = "LISTAGG(DISTINCT {x}, {sep})"
	s.Aggs.SymmetricSum = SumDistinctTemplate(ScaledValue("DECIMAL(38,0)"),
		"(TO_NUMBER(MD5({k}), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38,0)",
		ScaledResult("DOUBLE PRECISION"))
	s.Funcs[FnLog10] = "LOG(10, {a})"
	s.Funcs[FnEpoch] = "DATE_PART(EPOCH_SECOND, CAST({a} AS TIMESTAMP_NTZ))"
	return s
}
