// Package postgres is PostgreSQL's SQL as data.
package postgres

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "postgres"

// New returns PostgreSQL's Spec: DefaultSpec and what differs.
func New() *Spec {
	s := DefaultSpec(Name)
	s.ConcatOperator = "||"
	s.Params = DollarNumber
	s.Types[TypeFloat] = "DOUBLE PRECISION"
	s.Caps.ILike, s.Caps.TimeZones = true, true
	s.Time.Extract = Each("CAST(EXTRACT(%s FROM {x}) AS INTEGER)", StandardParts())
	s.Time.Extract[PartSecond] = "CAST(FLOOR(EXTRACT(SECOND FROM {x})) AS INTEGER)"
	s.Time.Format = "TO_CHAR({x}, {f})"
	s.Time.Codes = FormatCodes{Year: "YYYY", Month: "MM", Day: "DD", Hour: "HH24", Minute: "MI", Second: "SS"}
	s.Time.ConvertTZ = "(({x}) AT TIME ZONE {from}) AT TIME ZONE {to}"
	s.Time.Add = "({x} + CAST({n} AS INTEGER) * INTERVAL '1 {unit}')"
	s.Time.AddUnits[Quarter] = AddUnit{Name: "month", Factor: 3}
	// SUBSTRING takes INTEGER positions, not BIGINT.
	s.Funcs[FnSubstring] = "SUBSTRING({a}, CAST({b} AS INTEGER), CAST({c} AS INTEGER))"
	// The MD5 of the key read as two 64-bit halves: a 128-bit number.
	s.Aggs.SymmetricSum = SumDistinctTemplate(ScaledValue("DECIMAL(65,0)"),
		"('x' || MD5(CAST({k} AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616"+
			" + ('x' || SUBSTR(MD5(CAST({k} AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0)",
		ScaledResult("DOUBLE PRECISION"))
	return s
}
