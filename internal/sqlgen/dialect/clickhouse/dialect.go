// Package clickhouse is ClickHouse's SQL as data (golden text only; no
// driver yet).
package clickhouse

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "clickhouse"

// New returns ClickHouse's Spec. Its symmetric sum needs no hash: the
// distinct (key, value) pairs are collected and their values summed.
func New() *Spec {
	return &Spec{
		DialectName: Name,
		IdentQuote:  '`',
		Params:      QuestionMark,
		Limit:       LimitOffset,
		True:        "true",
		False:       "false",
		Strings:     Backslashes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "String", TypeInt: "Int64", TypeFloat: "Float64",
			TypeDecimal: "Decimal(38,9)", TypeBool: "Bool", TypeDate: "Date", TypeTimestamp: "DateTime"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true, Qualify: true, ILike: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: Each("%s({x})", map[Unit]string{
				Second: "toDateTime", Minute: "toStartOfMinute", Hour: "toStartOfHour", Day: "toDate",
				Week: "toMonday", Month: "toStartOfMonth", Quarter: "toStartOfQuarter", Year: "toStartOfYear"}),
			Extract: Each("%s({x})", map[Part]string{
				PartYear: "toYear", PartQuarter: "toQuarter", PartMonth: "toMonth", PartDay: "toDayOfMonth",
				PartHour: "toHour", PartMinute: "toMinute", PartDayOfYear: "toDayOfYear",
				PartISODayOfWeek: "toDayOfWeek", PartISOWeek: "toISOWeek"}),
			Format:    "formatDateTime({x}, {f})",
			Codes:     FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%i", Second: "%S"},
			ConvertTZ: "toTimeZone(toDateTime({x}, {from}), {to})",
			Add:       "date_add({unit}, toInt64({n}), {x})",
			AddUnits: AddUnitNames(map[Unit]string{Second: "SECOND", Minute: "MINUTE", Hour: "HOUR",
				Day: "DAY", Week: "WEEK", Month: "MONTH", Quarter: "QUARTER", Year: "YEAR"}),
		},
		Aggs: AggSpec{
			Median:     "median({x})",
			Percentile: "quantile({p})({x})",
			List:       "arrayStringConcat(groupUniqArray(toString({x})), {sep})",
			SymmetricSum: "arraySum(arrayMap(t -> t.2," +
				" groupUniqArray((toString({k}), toFloat64(ifNull({x}, 0))))))",
		},
	}
}
