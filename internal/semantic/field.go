package semantic

import (
	"github.com/overlookbi/overlook/internal/filterexpr"
	"github.com/overlookbi/overlook/internal/lookml"
)

// Kind says what a field is.
type Kind int

// The field kinds.
const (
	Dimension Kind = iota
	Measure
	FilterOnly // a `filter:` field: no column, only a value for {% condition %}
	Parameter
)

var kindNames = [...]string{"dimension", "measure", "filter", "parameter"}

func (k Kind) String() string { return kindNames[k] }

// Field is one dimension, measure, filter or parameter of a view, or one
// timeframe or interval of a dimension_group.
type Field struct {
	Name  string // "view.field", with the view's own name (joins may alias it)
	Short string // "field"
	View  *View
	Kind  Kind
	// Type is the resolved type: a dimension's default is string; a
	// dimension_group's time fields are date_<timeframe> (date_month,
	// date_raw…) and its duration fields duration_<interval>.
	Type string
	// SQL is the raw expression with ${…} and Liquid unresolved. A dimension
	// without sql reads ${TABLE}.<name>; a timeframe field holds its group's
	// sql, to which the dialect applies Timeframe.
	SQL Template
	// SQLStart and SQLEnd bound a duration; SQLLatitude and SQLLongitude make
	// a location; SQLDistinctKey keys the *_distinct measures.
	SQLStart, SQLEnd           Template
	SQLLatitude, SQLLongitude  Template
	SQLDistinctKey             Template
	HTML                       Template
	Label, ViewLabel           string
	GroupLabel, GroupItemLabel string
	Description                string
	Hidden                     bool
	PrimaryKey                 bool
	ValueFormat                string
	ValueFormatName            string
	Group                      *Group // set for the fields of a dimension_group
	Timeframe                  string // date, month… for a type: time group
	DurationInterval           string // day, hour… for a type: duration group
	ConvertTZ                  bool   // yes unless convert_tz: no
	Datatype                   string // epoch, timestamp, datetime, date, yyyymmdd or ""
	Tiers                      []float64
	Style                      string // tier style: classic, interval, integer, relational
	Cases                      []Case // the case: parameter of a dimension
	CaseElse                   string
	Filters                    []FieldFilter // a measure's filters
	AllowedValues              []AllowedValue
	DefaultValue               string
	Percentile                 int
	ListField                  string
	Direction                  string // percent_of_total: row or column
	Precision                  int
	CaseSensitive              *bool // nil: the model's default
	Tags                       []string
	RequiredFields             []string
	RequiredAccessGrants       []string
	DrillFields                []string
	StartLocation, EndLocation string // distance
	Units                      string // distance
	Pos                        lookml.Pos
}

// Group is the dimension_group a timeframe or interval field belongs to.
type Group struct {
	Name string
	Type string // time or duration
	Pos  lookml.Pos
}

// Case is one `when` of a dimension's case.
type Case struct {
	SQL   Template
	Label string
}

// FieldFilter is one `field: "expression"` of a measure's filters (or of an
// explore's always_filter and conditionally_filter).
type FieldFilter struct {
	Field string
	Expr  string
	Pos   lookml.Pos
}

// AllowedValue is one choice of a parameter (or of a filter's suggestions).
type AllowedValue struct {
	Label string
	Value string
}

// IsTimeframe reports a field of a type: time dimension_group.
func (f *Field) IsTimeframe() bool { return f.Timeframe != "" }

// FilterKind is the filter-expression grammar for the field's values. The
// grammar of a timeframe follows what the timeframe is: a point in time
// (date, month…) filters as a date range on the underlying timestamp, a
// number (month_num) as a number, a name (day_of_week) as a string.
func (f *Field) FilterKind() filterexpr.Kind {
	if f.IsTimeframe() {
		return timeframeFilterKind(f.Timeframe)
	}
	if f.DurationInterval != "" {
		return filterexpr.KindNumber
	}
	if f.Kind == Parameter && f.Type == "unquoted" {
		return filterexpr.KindString
	}
	if k, ok := filterexpr.KindOf(f.Type); ok {
		return k
	}
	return filterexpr.KindString
}
