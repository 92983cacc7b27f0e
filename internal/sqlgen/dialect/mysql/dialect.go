// Package mysql is the SQL of MySQL 8 and MariaDB 10.5+ as data.
package mysql

// The dot import keeps this file a table of data.
import . "github.com/overlookbi/overlook/internal/sqlgen"

// Name is the dialect's registered name.
const Name = "mysql"

// New returns MySQL's Spec. Named time zones need the server's time-zone
// tables loaded (mysql_tzinfo_to_sql); MEDIAN and PERCENTILE have no
// aggregate form here.
func New() *Spec {
	return &Spec{
		DialectName:     Name,
		IdentQuote:      '`',
		Params:          QuestionMark,
		Limit:           LimitOffset,
		OffsetOnlyLimit: "18446744073709551615",
		True:            "TRUE",
		False:           "FALSE",
		Strings:         Backslashes,
		LikeEscape:      '!',
		Types: map[Type]string{TypeString: "CHAR", TypeInt: "SIGNED", TypeFloat: "DOUBLE",
			TypeDecimal: "DECIMAL(65,10)", TypeBool: "SIGNED", TypeDate: "DATE", TypeTimestamp: "DATETIME"},
		Caps: Capabilities{CTE: true, TimeZones: true},
		Time: TimeSpec{
			Trunc: map[Unit]string{
				Second:  "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:%i:%s'))",
				Minute:  "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:%i:00'))",
				Hour:    "TIMESTAMP(DATE_FORMAT({x}, '%Y-%m-%d %H:00:00'))",
				Day:     "DATE({x})",
				Week:    "DATE_SUB(DATE({x}), INTERVAL WEEKDAY({x}) DAY)",
				Month:   "DATE(DATE_FORMAT({x}, '%Y-%m-01'))",
				Quarter: "(MAKEDATE(YEAR({x}), 1) + INTERVAL (QUARTER({x}) - 1) QUARTER)",
				Year:    "MAKEDATE(YEAR({x}), 1)",
			},
			Extract: Each("%s", map[Part]string{
				PartYear: "YEAR({x})", PartQuarter: "QUARTER({x})", PartMonth: "MONTH({x})",
				PartDay: "DAYOFMONTH({x})", PartHour: "HOUR({x})", PartMinute: "MINUTE({x})",
				PartDayOfYear: "DAYOFYEAR({x})", PartISODayOfWeek: "(WEEKDAY({x}) + 1)", PartISOWeek: "WEEK({x}, 3)"}),
			Format:    "DATE_FORMAT({x}, {f})",
			Codes:     FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%i", Second: "%s"},
			ConvertTZ: "CONVERT_TZ({x}, {from}, {to})",
			Add:       "DATE_ADD({x}, INTERVAL ({n}) {unit})",
			AddUnits: AddUnitNames(map[Unit]string{Second: "SECOND", Minute: "MINUTE", Hour: "HOUR",
				Day: "DAY", Week: "WEEK", Month: "MONTH", Quarter: "QUARTER", Year: "YEAR"}),
		},
		Aggs: AggSpec{
			List: "GROUP_CONCAT(DISTINCT {x} SEPARATOR {sep})",
			SymmetricSum: SumDistinctTemplate(
				"CAST(FLOOR(COALESCE({x}, 0) * (1000000 * 1.0)) AS DECIMAL(65,0))",
				"CAST(CONV(SUBSTR(MD5({k}), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616"+
					" + CAST(CONV(SUBSTR(MD5({k}), 17, 16), 16, 10) AS DECIMAL(65,0))",
				"COALESCE(({sum}) / (1000000 * 1.0), 0)"),
		},
	}
}
