package results

import (
	"encoding/json"
	"errors"
	"time"
)

// sliceRows is a Rows over values in memory; failAt > 0 makes the
// failAt-th call to Next fail.
type sliceRows struct {
	rows   [][]any
	i      int
	failAt int
	err    error
}

func (s *sliceRows) Next() bool {
	s.i++
	if s.failAt > 0 && s.i == s.failAt {
		s.err = errors.New("database went away")
		return false
	}
	return s.i <= len(s.rows)
}

func (s *sliceRows) Row() ([]any, error) { return s.rows[s.i-1], nil }
func (s *sliceRows) Err() error          { return s.err }

var fixtureCols = []Column{
	{Name: "users.city", Label: "Users City", LabelShort: "City", Kind: Dimension, Type: "string", View: "users", ViewLabel: "Users", SQL: "${TABLE}.city"},
	{Name: "users.age", Label: "Users Age", LabelShort: "Age", Kind: Dimension, Type: "number", View: "users", ViewLabel: "Users"},
	{Name: "users.is_active", Label: "Users Is Active (Yes / No)", LabelShort: "Is Active (Yes / No)", Kind: Dimension, Type: "yesno", View: "users", ViewLabel: "Users"},
	{Name: "orders.created_date", Label: "Orders Created Date", LabelShort: "Created Date", Kind: Dimension, Type: "date_date", View: "orders", ViewLabel: "Orders", DimensionGroup: "orders.created"},
	{Name: "orders.created_time", Label: "Orders Created Time", LabelShort: "Created Time", Kind: Dimension, Type: "date_time", View: "orders", ViewLabel: "Orders", DimensionGroup: "orders.created"},
	{Name: "orders.total_amount", Label: "Orders Total Amount", LabelShort: "Total Amount", Kind: Measure, Type: "sum", ValueFormatName: "usd", View: "orders", ViewLabel: "Orders"},
	{Name: "orders.count", Label: "Orders Count", LabelShort: "Count", Kind: Measure, Type: "count", ValueFormat: "#,##0", View: "orders", ViewLabel: "Orders"},
	{Name: "share", Label: "Share", LabelShort: "Share", Kind: TableCalculation, Type: "number", ValueFormat: "0.00%", Expression: "${orders.count} / sum(${orders.count})"},
	{Name: "users.notes", Label: "Users Notes", LabelShort: "Notes", Kind: Dimension, Type: "string", View: "users", ViewLabel: "Users", Description: "free text"},
}

func fixtureRows() [][]any {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	at := time.Date(2024, 5, 1, 12, 34, 56, 0, time.UTC)
	return [][]any{
		{"São Paulo", int64(34), true, day, at, 1234.5, int64(1234567), 0.1234, `He said "hi", then left`},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil},
		{"<script>alert(1)</script>", int64(0), false, "2023-12-31", "2023-12-31 23:59:59", -0.005, int64(0), 1.0, "a|b|c\nline2\r\nline3"},
		{"Tōkyō, 東京", json.Number("12345678901234567890"), int64(1), day, at, 1e21, int64(-42), -0.5, "  leading space\tand tab & *stars* `code`"},
	}
}

var fixtureTotals = []any{nil, nil, nil, nil, nil, 1234.495, int64(1234525), 1.0, nil}

func fixtureOptions() Options {
	ran := time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)
	return Options{
		SQL:      "SELECT users.city AS \"users.city\"\nFROM users\nLIMIT 500",
		QueryID:  "42",
		Timezone: "UTC",
		Filters:  map[string]string{"users.city": "-NULL"},
		RanAt:    ran,
		Now:      func() time.Time { return ran.Add(1234 * time.Millisecond) },
		Totals:   fixtureTotals,
		Vis:      Vis{HiddenFields: []string{"users.notes"}, SeriesLabels: map[string]string{"orders.count": "Number of Orders"}},
	}
}
