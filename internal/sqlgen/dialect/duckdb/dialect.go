// Package duckdb is DuckDB's SQL as data.
package duckdb

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "duckdb"

// New returns DuckDB's Spec: DefaultSpec and what differs. Time-zone
// conversion needs the ICU extension, which DuckDB's bundled builds include.
func New() *Spec {
	s := DefaultSpec(Name)
	s.ConcatOperator = "||"
	s.Caps.Qualify, s.Caps.ILike, s.Caps.TimeZones = true, true, true
	s.Time.Extract = Each("CAST(EXTRACT(%s FROM {x}) AS INTEGER)", StandardParts())
	s.Time.Extract[PartSecond] = "CAST(FLOOR(EXTRACT(SECOND FROM {x})) AS INTEGER)"
	s.Time.Format = "strftime({x}, {f})"
	s.Time.ConvertTZ = "timezone({to}, timezone({from}, {x}))"
	s.Time.Add = "({x} + to_{unit}(CAST({n} AS INTEGER)))"
	s.Time.AddUnits = AddUnitNames(map[Unit]string{Second: "seconds", Minute: "minutes", Hour: "hours",
		Day: "days", Week: "weeks", Month: "months", Quarter: "months*3", Year: "years"})
	s.Aggs.Median = "median({x})"
	s.Aggs.Percentile = "quantile_cont({x}, {p})"
	// HUGEINT holds a 64-bit hash times 10^9 plus the scaled value.
	s.Aggs.SymmetricSum = SumDistinctTemplate(ScaledValue("HUGEINT"),
		"CAST(md5_number_lower(CAST({k} AS VARCHAR)) AS HUGEINT) * 1000000000",
		ScaledResult("DOUBLE"))
	return s
}
