package compiler

import (
	"time"

	"github.com/overlookbi/overlook/internal/semantic"
)

// Query is a Looker Query as the compiler reads it (api-contract §3.1).
type Query struct {
	Model string
	// View is the explore (Looker's historical name).
	View    string
	Fields  []string
	Filters map[string]string
	// FilterExpression is a yes/no Looker expression ANDed into WHERE, or
	// HAVING when it reads a measure.
	FilterExpression string
	// Sorts are "view.field", "view.field desc" or "__UNSORTED__".
	Sorts []string
	// Limit is Looker's string limit: "" means 500, "-1" unlimited (when
	// the Context allows it, else the cap).
	Limit string
	// Pivots are selected as dimensions (added when Fields lacks them)
	// and turn the statement into its ranked pivot form (see pivot.go);
	// reshaping the rows into pivot columns is the caller's.
	Pivots []string
	// ColumnLimit caps the pivot values: "" is DefaultColumnLimit.
	ColumnLimit string
	// Total asks for the column totals query, RowTotal ("right") for the
	// row totals query of a pivoted query (see Compiled).
	Total    bool
	RowTotal string
	// QueryTimezone is an IANA zone name; "" means the database's.
	QueryTimezone string
	// DynamicFields is the JSON array of custom dimensions and measures
	// (selectable, sortable and filterable by name) and table calculations.
	DynamicFields string
}

// Context is who runs the query and when.
type Context struct {
	// UserAttributes are the caller's resolved attribute values, by name:
	// for access filters and Liquid.
	UserAttributes map[string]string
	// Now anchors relative date filters ("7 days"); zero means time.Now().
	Now time.Time
	// DBTimezone is the zone the warehouse stores timestamps in; "" is UTC.
	DBTimezone string
	// MaxLimit caps the row limit; 0 means DefaultMaxLimit.
	MaxLimit int
	// Unlimited lets limit "-1" mean no limit (downloads, streaming).
	Unlimited bool
}

// Row limits (lookml-semantics §5.4).
const (
	DefaultLimit    = 500
	DefaultMaxLimit = 5000
)

// Kind says whether a column is a dimension or a measure.
type Kind string

// Column kinds.
const (
	KindDimension Kind = "dimension"
	KindMeasure   Kind = "measure"
)

// Column describes one column of the compiled SELECT, in order.
type Column struct {
	Name       string // "view.field", the SQL alias
	Label      string // view label + field label
	LabelShort string
	ViewLabel  string
	Kind       Kind
	Type       string // the LookML type: string, number, date_month, count…
	// ValueFormat is the field's value_format, or its value_format_name.
	ValueFormat string
	// Hidden marks a helper column (a tier's __sort_ companion) to drop
	// from results.
	Hidden bool
	// Field is the model's field; nil for helper columns.
	Field *semantic.Field
}

// Compiled is a query ready to run.
type Compiled struct {
	SQL     string
	Args    []any
	Dialect string
	Columns []Column
	// Limit is the row limit written in the SQL; 0 means none.
	Limit int
	// Sorts are the ORDER BY the compiler chose, as "view.field [desc]".
	Sorts []string

	// Pivots name the pivoted columns, in the query's order; empty when
	// the query pivots nothing. A pivoted statement returns one row per
	// row group and pivot value, ordered by the hidden PivotRowRank and
	// PivotColRank columns, at most ColumnLimit pivot values.
	Pivots      []string
	ColumnLimit int
	// Totals is the column totals query (total: true): the measures over
	// every row the filters keep, grouped by the pivots.
	Totals *Compiled
	// RowTotals is the row totals query of a pivoted query (row_total):
	// the measures grouped by the row dimensions, across pivot values.
	RowTotals *Compiled
	// GrandTotals is the measures with no grouping, for the row total
	// cell of the totals (a pivoted query with total and row_total).
	GrandTotals *Compiled
	// TableCalcs are computed over the result rows, in this order, and
	// written after the columns.
	TableCalcs []TableCalc
}
