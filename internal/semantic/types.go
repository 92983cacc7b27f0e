package semantic

import "strings"

// The field types LookML accepts, by kind. A dimension may also be one
// timeframe (date_month) or one interval (duration_day): see dimensionType.
var (
	dimensionTypes = set("string", "number", "zipcode", "yesno", "tier", "bin",
		"date", "date_time", "time", "location", "distance", "duration")
	measureTypes = set("count", "count_distinct", "sum", "average", "min", "max",
		"median", "percentile", "sum_distinct", "average_distinct", "median_distinct",
		"percentile_distinct", "list", "number", "date", "yesno", "string",
		"running_total", "percent_of_total", "percent_of_previous", "period_over_period")
	filterTypes    = set("string", "number", "date", "date_time", "yesno", "zipcode", "tier", "location")
	parameterTypes = set("unquoted", "string", "number", "date", "date_time", "yesno")
	joinTypes      = set("left_outer", "inner", "full_outer", "cross")
	relationships  = set("many_to_one", "one_to_one", "one_to_many", "many_to_many")
	groupTypes     = set("time", "duration")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// dimensionType accepts the plain dimension types, date_<timeframe> and
// duration_<interval>.
func dimensionType(t string) bool {
	if dimensionTypes[t] {
		return true
	}
	if tf, ok := strings.CutPrefix(t, "date_"); ok {
		_, known := timeframeKinds[tf]
		return known
	}
	if iv, ok := strings.CutPrefix(t, "duration_"); ok {
		return isDurationInterval(iv)
	}
	return false
}

// validType reports whether t is a type of the kind.
func validType(k Kind, t string) bool {
	switch k {
	case Dimension:
		return dimensionType(t)
	case Measure:
		return measureTypes[t]
	case FilterOnly:
		return filterTypes[t]
	default:
		return parameterTypes[t]
	}
}
