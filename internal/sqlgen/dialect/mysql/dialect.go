// Package mysql is the SQL of MySQL 8 and MariaDB 10.5+ as data.
package mysql

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "mysql"

// New returns MySQL's Spec: DefaultSpec and what differs. Named time zones
// need the server's time-zone tables (mysql_tzinfo_to_sql); there is no
// MEDIAN or PERCENTILE aggregate, no FULL OUTER JOIN and no NULLS LAST
// (the renderer emulates it).
func New() *Spec {
	s := DefaultSpec(Name)
	s.IdentQuote = '`'
	s.OffsetOnlyLimit = "18446744073709551615"
	s.Strings = DoubledQuotesEscapedBackslashes
	s.Types = map[Type]string{TypeString: "CHAR", TypeInt: "SIGNED", TypeFloat: "DOUBLE",
		TypeDecimal: "DECIMAL(65,10)", TypeBool: "SIGNED", TypeDate: "DATE", TypeTimestamp: "DATETIME"}
	s.Caps = Capabilities{CTE: true, TimeZones: true}
	s.Time.Trunc = map[Unit]string{
		Second:  "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:%i:%s'))",
		Minute:  "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:%i:00'))",
		Hour:    "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:00:00'))",
		Day:     "DATE({x})",
		Week:    "DATE_SUB(DATE({x}), INTERVAL WEEKDAY({x}) DAY)",
		Month:   "DATE(DATE_FORMAT({x}, '%Y-%m-01'))",
		Quarter: "(MAKEDATE(YEAR({x}), 1) + INTERVAL (QUARTER({x}) - 1) QUARTER)",
		Year:    "MAKEDATE(YEAR({x}), 1)",
	}
	s.Time.Extract = map[Part]string{PartYear: "YEAR({x})", PartQuarter: "QUARTER({x})", PartMonth: "MONTH({x})",
		PartDay: "DAYOFMONTH({x})", PartHour: "HOUR({x})", PartMinute: "MINUTE({x})", PartDayOfYear: "DAYOFYEAR({x})",
		PartISODayOfWeek: "(WEEKDAY({x}) + 1)", PartISOWeek: "WEEK({x}, 3)", PartSecond: "SECOND({x})"}
	s.Time.Format = "DATE_FORMAT({x}, {f})"
	s.Time.Codes.Minute, s.Time.Codes.Second = "%i", "%s"
	s.Time.ConvertTZ = "CONVERT_TZ({x}, {from}, {to})"
	s.Time.Add = "DATE_ADD({x}, INTERVAL ({n}) {unit})"
	s.Time.AddUnits = AddUnitNames(UpperUnits())
	s.Aggs = AggSpec{
		List: "GROUP_CONCAT(DISTINCT {x} SEPARATOR {sep})",
		SymmetricSum: SumDistinctTemplate(ScaledValue("DECIMAL(65,0)"),
			"CAST(CONV(SUBSTR(MD5({k}), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616"+
				" + CAST(CONV(SUBSTR(MD5({k}), 17, 16), 16, 10) AS DECIMAL(65,0))",
			ScaledResult("DOUBLE")),
	}
	// LENGTH counts bytes; times before 1970 have no UNIX_TIMESTAMP.
	s.Funcs[FnLength] = "CHAR_LENGTH({a})"
	s.Funcs[FnPosition] = "LOCATE({b}, {a})"
	s.Funcs[FnEpoch] = "TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', {a})"
	return s
}
