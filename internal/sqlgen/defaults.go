package sqlgen

// DefaultSpec is where every dialect starts: standard SQL, double-quoted
// identifiers, "?" placeholders, LIMIT/OFFSET, DATE_TRUNC and EXTRACT, the
// ordered-set MEDIAN and PERCENTILE, STRING_AGG. A dialect's New changes
// only what differs, so its file reads as the list of its differences.
func DefaultSpec(name string) *Spec {
	return &Spec{
		DialectName: name,
		IdentQuote:  '"',
		Params:      QuestionMark,
		Limit:       LimitOffset,
		True:        "TRUE",
		False:       "FALSE",
		Strings:     DoubledQuotes,
		LikeEscape:  '!',
		Types: map[Type]string{TypeString: "VARCHAR", TypeInt: "BIGINT", TypeFloat: "DOUBLE",
			TypeDecimal: "DECIMAL(38,9)", TypeBool: "BOOLEAN", TypeDate: "DATE", TypeTimestamp: "TIMESTAMP"},
		Caps: Capabilities{CTE: true, NullsOrder: true, FullOuterJoin: true},
		Time: TimeSpec{
			Trunc:    Each("DATE_TRUNC('%s', {x})", UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
			Extract:  Each("EXTRACT(%s FROM {x})", StandardParts()),
			Codes:    FormatCodes{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%M", Second: "%S"},
			AddUnits: AddUnitNames(UnitNames(Second, Minute, Hour, Day, Week, Month, Quarter, Year)),
		},
		Aggs: AggSpec{
			Median:     "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {x})",
			Percentile: "PERCENTILE_CONT({p}) WITHIN GROUP (ORDER BY {x})",
			List:       "STRING_AGG(DISTINCT CAST({x} AS VARCHAR), {sep})",
		},
		Funcs: DefaultFuncs(),
	}
}

// StandardParts names the parts as PostgreSQL's EXTRACT does.
func StandardParts() map[Part]string {
	return map[Part]string{PartYear: "YEAR", PartQuarter: "QUARTER", PartMonth: "MONTH", PartDay: "DAY",
		PartHour: "HOUR", PartMinute: "MINUTE", PartDayOfYear: "DOY", PartISODayOfWeek: "ISODOW", PartISOWeek: "WEEK",
		PartSecond: "SECOND"}
}

// UpperUnits are the units spelled as SQL interval keywords (DAY, MONTH, …).
func UpperUnits() map[Unit]string {
	return map[Unit]string{Second: "SECOND", Minute: "MINUTE", Hour: "HOUR", Day: "DAY", Week: "WEEK",
		Month: "MONTH", Quarter: "QUARTER", Year: "YEAR"}
}
