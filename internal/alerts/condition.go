// Package alerts evaluates alerts: a condition on one field of a dashboard
// tile's query, checked on a cron. Each fire is claimed in the metadata
// database like a scheduled job, so one fire is evaluated once however
// many nodes run; a condition that holds is sent to the alert's
// destinations and followers through the scheduler's senders.
package alerts

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Comparison types of a condition.
const (
	EqualTo              = "EQUAL_TO"
	GreaterThan          = "GREATER_THAN"
	GreaterThanOrEqualTo = "GREATER_THAN_OR_EQUAL_TO"
	LessThan             = "LESS_THAN"
	LessThanOrEqualTo    = "LESS_THAN_OR_EQUAL_TO"
	IncreasesBy          = "INCREASES_BY"
	DecreasesBy          = "DECREASES_BY"
	ChangesBy            = "CHANGES_BY"
)

// ComparisonTypes lists every comparison a condition may make.
var ComparisonTypes = []string{EqualTo, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo,
	IncreasesBy, DecreasesBy, ChangesBy}

// IsChange reports a comparison of a value with an earlier one.
func IsChange(comparison string) bool {
	return comparison == IncreasesBy || comparison == DecreasesBy || comparison == ChangesBy
}

// Table is what an alert's query answered: rows keyed by field name, and
// the query's time dimension (empty when it has none).
type Table struct {
	Rows      []map[string]any
	TimeField string
}

// State is what change comparisons remember between evaluations: on a
// time series, the latest two periods seen (so one period fires once);
// otherwise the value of the previous evaluation.
type State struct {
	LatestTimeSeriesID   string   `json:"latest_time_series_id,omitempty"`
	PreviousTimeSeriesID string   `json:"previous_time_series_id,omitempty"`
	PreviousValue        *float64 `json:"previous_value,omitempty"`
}

// ParseState reads a stored state; a malformed one is a fresh start.
func ParseState(raw string) State { return fromJSON[State](raw) }

// Text is the state as stored.
func (s State) Text() string { return toJSON(s) }

// fromJSON reads raw as a T; malformed text reads as the zero T.
func fromJSON[T any](raw string) T {
	var v T
	_ = json.Unmarshal([]byte(raw), &v)
	return v
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Condition is what an alert checks.
type Condition struct {
	Field      string
	Comparison string
	Threshold  float64
	// Filters keep only the rows whose field has the value (Looker's
	// AlertField.filter).
	Filters []FieldFilter
}

// FieldFilter keeps the rows where Field equals Value.
type FieldFilter struct {
	Field string `json:"field_name"`
	Value any    `json:"field_value"`
	// FilterValue is Looker's filter_value (location fields); kept, unused.
	FilterValue string `json:"filter_value,omitempty"`
}

// Outcome is one evaluation: whether the condition holds, the value it
// was decided on (nil when there was none), and the state to keep.
type Outcome struct {
	Met   bool
	Value *float64
	State State
}

// Evaluate checks c against t. A value comparison holds when any kept row
// meets it. A change comparison looks at the two latest periods of the
// time dimension, or, without one, at the first row now and at the last
// evaluation: INCREASES_BY holds when the value rose by at least the
// threshold, DECREASES_BY when it fell by at least it, CHANGES_BY either.
func Evaluate(c Condition, t Table, prev State) Outcome {
	rows := keptRows(c, t.Rows)
	if !IsChange(c.Comparison) {
		return compareRows(c, rows, prev)
	}
	if t.TimeField != "" {
		return compareSeries(c, rows, t.TimeField, prev)
	}
	out := Outcome{State: prev}
	if len(rows) == 0 {
		return out
	}
	v, ok := number(rows[0][c.Field])
	if !ok {
		return out
	}
	out.Value, out.State.PreviousValue = &v, &v
	if prev.PreviousValue != nil {
		out.Met = changed(c, *prev.PreviousValue, v)
	}
	return out
}

func keptRows(c Condition, rows []map[string]any) []map[string]any {
	if len(c.Filters) == 0 {
		return rows
	}
	var out []map[string]any
	for _, r := range rows {
		if slices.IndexFunc(c.Filters, func(f FieldFilter) bool { return text(r[f.Field]) != text(f.Value) }) < 0 {
			out = append(out, r)
		}
	}
	return out
}

func compareRows(c Condition, rows []map[string]any, prev State) Outcome {
	out := Outcome{State: prev}
	for _, r := range rows {
		v, ok := number(r[c.Field])
		if !ok {
			continue
		}
		if out.Value == nil {
			out.Value = &v
		}
		if meets(c, v) {
			out.Met, out.Value = true, &v
			return out
		}
	}
	return out
}

func compareSeries(c Condition, rows []map[string]any, timeField string, prev State) Outcome {
	out := Outcome{State: prev}
	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b map[string]any) int { return cmp.Compare(text(b[timeField]), text(a[timeField])) })
	if len(sorted) < 2 {
		return out
	}
	latest, ok1 := number(sorted[0][c.Field])
	before, ok2 := number(sorted[1][c.Field])
	if !ok1 || !ok2 {
		return out
	}
	out.Value = &latest
	period := text(sorted[0][timeField])
	if period == prev.LatestTimeSeriesID {
		return out // this period was judged already
	}
	out.State = State{LatestTimeSeriesID: period, PreviousTimeSeriesID: text(sorted[1][timeField])}
	out.Met = changed(c, before, latest)
	return out
}

func meets(c Condition, v float64) bool {
	switch c.Comparison {
	case EqualTo:
		return v == c.Threshold
	case GreaterThan:
		return v > c.Threshold
	case GreaterThanOrEqualTo:
		return v >= c.Threshold
	case LessThan:
		return v < c.Threshold
	case LessThanOrEqualTo:
		return v <= c.Threshold
	}
	return false
}

func changed(c Condition, before, now float64) bool {
	d := now - before
	switch c.Comparison {
	case IncreasesBy:
		return d >= c.Threshold
	case DecreasesBy:
		return -d >= c.Threshold
	case ChangesBy:
		return math.Abs(d) >= c.Threshold
	}
	return false
}

// number reads a result cell as a number: JSON numbers, numeric text.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	}
	return 0, false
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
