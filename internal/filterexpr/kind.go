package filterexpr

import "fmt"

// Kind names the grammar a field's type selects.
type Kind int

// The grammars.
const (
	KindString Kind = iota
	KindNumber
	KindDate
	KindYesNo
	KindTier
	KindLocation
)

// kindOfType maps LookML dimension and measure types to their grammar.
var kindOfType = map[string]Kind{
	"string": KindString, "zipcode": KindString, "list": KindString,
	"number": KindNumber, "count": KindNumber, "count_distinct": KindNumber, "sum": KindNumber,
	"sum_distinct": KindNumber, "average": KindNumber, "average_distinct": KindNumber,
	"min": KindNumber, "max": KindNumber, "median": KindNumber, "median_distinct": KindNumber,
	"percentile": KindNumber, "percentile_distinct": KindNumber, "percent_of_total": KindNumber,
	"running_total": KindNumber, "percent_of_previous": KindNumber, "distance": KindNumber,
	"date": KindDate, "time": KindDate, "date_time": KindDate, "date_raw": KindDate,
	"yesno":    KindYesNo,
	"tier":     KindTier,
	"location": KindLocation,
}

// KindOf returns the grammar for a LookML field type; ok is false for a
// type with no filter grammar of its own.
func KindOf(fieldType string) (k Kind, ok bool) {
	k, ok = kindOfType[fieldType]
	return k, ok
}

// Parse reads expr with the grammar of kind. Only dates use dc.
func Parse(kind Kind, expr string, dc DateContext) (Predicate, error) {
	switch kind {
	case KindString:
		return ParseString(expr)
	case KindNumber:
		return ParseNumber(expr)
	case KindDate:
		return ParseDate(expr, dc)
	case KindYesNo:
		return ParseYesNo(expr)
	case KindTier:
		return ParseTier(expr)
	case KindLocation:
		return ParseLocation(expr)
	}
	return nil, fmt.Errorf("filterexpr: unknown grammar kind %d", kind)
}
