// Package clickhouse is ClickHouse's SQL as data (golden text only; no
// driver yet).
package clickhouse

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "clickhouse"

// New returns ClickHouse's Spec: DefaultSpec and what differs. Its
// symmetric sum needs no hash: the distinct (key, value) pairs are
// collected and their values summed.
func New() *Spec {
	s := DefaultSpec(Name)
	s.IdentQuote = '`'
	s.True, s.False = "true", "false"
	s.Strings = Backslashes
	s.Types = map[Type]string{TypeString: "String", TypeInt: "Int64", TypeFloat: "Float64",
		TypeDecimal: "Decimal(38,9)", TypeBool: "Bool", TypeDate: "Date", TypeTimestamp: "DateTime"}
	s.Caps.Qualify, s.Caps.ILike, s.Caps.TimeZones = true, true, true
	s.Time.Trunc = Each("%s({x})", map[Unit]string{Second: "toDateTime", Minute: "toStartOfMinute",
		Hour: "toStartOfHour", Day: "toDate", Week: "toMonday", Month: "toStartOfMonth",
		Quarter: "toStartOfQuarter", Year: "toStartOfYear"})
	s.Time.Extract = Each("%s({x})", map[Part]string{PartYear: "toYear", PartQuarter: "toQuarter",
		PartMonth: "toMonth", PartDay: "toDayOfMonth", PartHour: "toHour", PartMinute: "toMinute",
		PartDayOfYear: "toDayOfYear", PartISODayOfWeek: "toDayOfWeek", PartISOWeek: "toISOWeek",
		PartSecond: "toSecond"})
	s.Time.Format = "formatDateTime({x}, {f})"
	s.Time.Codes.Minute = "%i"
	s.Time.ConvertTZ = "toTimeZone(toDateTime({x}, {from}), {to})"
	s.Time.Add = "date_add({unit}, toInt64({n}), {x})"
	s.Time.AddUnits = AddUnitNames(UpperUnits())
	s.Aggs = AggSpec{
		Median:       "median({x})",
		Percentile:   "quantile({p})({x})",
		List:         "arrayStringConcat(groupUniqArray(toString({x})), {sep})",
		SymmetricSum: "arraySum(arrayMap(t -> t.2, groupUniqArray((toString({k}), toFloat64(ifNull({x}, 0))))))",
	}
	s.Funcs = map[string]string{FnLength: "lengthUTF8({a})", FnPosition: "positionUTF8({a}, {b})",
		FnSubstring: "substringUTF8({a}, {b}, {c})", FnReplace: "replaceAll({a}, {b}, {c})", FnLn: "log({a})",
		FnLog10: "log10({a})", FnExp: "exp({a})", FnSqrt: "sqrt({a})", FnPower: "pow({a}, {b})",
		FnEpoch: "toUnixTimestamp(toDateTime({a}, 'UTC'))", FnSin: "sin({a})", FnCos: "cos({a})", FnTan: "tan({a})",
		FnAsin: "asin({a})", FnAcos: "acos({a})", FnAtan: "atan({a})"}
	return s
}
