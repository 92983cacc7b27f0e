package results

import "time"

// Kind says what a column is in the query.
type Kind string

// The kinds of column.
const (
	Dimension        Kind = "dimension"
	Measure          Kind = "measure"
	TableCalculation Kind = "table_calculation"
)

// Column describes one column of a result, in the order of the row values.
type Column struct {
	Name       string // "users.city": json keys
	Label      string // "Users City": csv/txt/html/md/xlsx headers and json_label keys
	LabelShort string // "City"
	Kind       Kind
	// Type is the field's LookML type (string, number, yesno, date,
	// date_time, date_month…); it decides how dates, times and yesno
	// values are written.
	Type string
	// ValueFormat is an Excel-style format ("$#,##0.00"); when empty,
	// ValueFormatName names one of Looker's built-in formats (usd,
	// decimal_2…). A model's own named_value_format is resolved by the
	// caller into ValueFormat.
	ValueFormat     string
	ValueFormatName string

	// Metadata for json_detail and json_bi.
	View, ViewLabel   string
	Description       string
	SQL               string
	DimensionGroup    string
	FieldGroupLabel   string
	FieldGroupVariant string
	Hidden            bool
	Expression        string // a table calculation's expression
}

// Rows is the row source: *warehouse.RowScanner satisfies it. Row returns
// the current row's values in column order; values are those of
// warehouse.Normalize (nil, bool, int64, float64, string, json.Number,
// time.Time, []any, map[string]any).
type Rows interface {
	Next() bool
	Row() ([]any, error)
	Err() error
}

// Options are a run's parameters and the metadata some formats carry.
type Options struct {
	ApplyFormatting bool // render values with their value formats
	ApplyVis        bool // honour Vis (hidden columns, label overrides)
	Vis             Vis
	Limit           int // at most this many rows; 0 for no limit

	// Metadata for json_detail and json_bi (and the sql format's text).
	SQL               string
	QueryID           string
	Timezone          string
	NullSortTreatment string // "low" unless set
	Filters           map[string]string
	FilterExpression  string
	// Totals, when not nil, is the totals row (in column order).
	Totals []any
	RanAt  time.Time // when the query started; also the start of runtime
	// Now tells the time (tests pin it); time.Now when nil.
	Now func() time.Time
}

// Vis is the part of a query's vis_config the writers apply with
// apply_vis: hidden columns and label overrides, both keyed by field name.
type Vis struct {
	HiddenFields []string
	SeriesLabels map[string]string
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}
