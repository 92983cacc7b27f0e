package alerts

import (
	"errors"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
)

func rows(vals ...any) []map[string]any {
	var out []map[string]any
	for _, v := range vals {
		out = append(out, map[string]any{"orders.count": v})
	}
	return out
}

func TestEvaluateValueComparisons(t *testing.T) {
	for _, tc := range []struct {
		name       string
		comparison string
		threshold  float64
		rows       []map[string]any
		met        bool
	}{
		{"greater holds on any row", GreaterThan, 10, rows(3.0, 12.0), true},
		{"greater fails", GreaterThan, 12, rows(3.0, 12.0), false},
		{"greater or equal", GreaterThanOrEqualTo, 12, rows(12.0), true},
		{"less", LessThan, 1, rows(0.5), true},
		{"less or equal", LessThanOrEqualTo, 0.4, rows(0.5), false},
		{"equal on numeric text", EqualTo, 7, rows("7"), true},
		{"null cells are skipped", GreaterThan, 0, rows(nil), false},
		{"no rows", GreaterThan, 0, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Condition{Field: "orders.count", Comparison: tc.comparison, Threshold: tc.threshold}
			if got := Evaluate(c, Table{Rows: tc.rows}, State{}); got.Met != tc.met {
				t.Fatalf("met = %v, want %v", got.Met, tc.met)
			}
		})
	}
}

func TestEvaluateFieldFilters(t *testing.T) {
	t.Parallel()
	table := Table{Rows: []map[string]any{
		{"users.state": "Ohio", "orders.count": 50.0},
		{"users.state": "Texas", "orders.count": 5.0},
	}}
	c := Condition{Field: "orders.count", Comparison: GreaterThan, Threshold: 10,
		Filters: []FieldFilter{{Field: "users.state", Value: "Texas"}}}
	if Evaluate(c, table, State{}).Met {
		t.Fatal("the filter should keep Texas only, which has 5")
	}
	c.Filters[0].Value = "Ohio"
	if !Evaluate(c, table, State{}).Met {
		t.Fatal("Ohio has 50")
	}
}

func TestEvaluateChangeWithoutTimeSeries(t *testing.T) {
	c := Condition{Field: "orders.count", Comparison: IncreasesBy, Threshold: 5}
	first := Evaluate(c, Table{Rows: rows(10.0)}, State{})
	if first.Met || first.State.PreviousValue == nil || *first.State.PreviousValue != 10 {
		t.Fatalf("first evaluation is a baseline: %+v", first)
	}
	for _, tc := range []struct {
		comparison string
		now        float64
		met        bool
	}{
		{IncreasesBy, 15, true}, {IncreasesBy, 14, false}, {DecreasesBy, 4, true}, {DecreasesBy, 6, false},
		{ChangesBy, 4, true}, {ChangesBy, 16, true}, {ChangesBy, 12, false},
	} {
		c.Comparison = tc.comparison
		if got := Evaluate(c, Table{Rows: rows(tc.now)}, first.State); got.Met != tc.met {
			t.Errorf("%s from 10 to %v: met = %v, want %v", tc.comparison, tc.now, got.Met, tc.met)
		}
	}
}

func TestEvaluateChangeOnTimeSeries(t *testing.T) {
	c := Condition{Field: "orders.count", Comparison: IncreasesBy, Threshold: 5}
	table := Table{TimeField: "orders.created_date", Rows: []map[string]any{
		{"orders.created_date": "2026-11-25", "orders.count": 10.0},
		{"orders.created_date": "2026-11-27", "orders.count": 30.0},
		{"orders.created_date": "2026-11-26", "orders.count": 20.0},
	}}
	got := Evaluate(c, table, State{})
	if !got.Met || *got.Value != 30 || got.State.LatestTimeSeriesID != "2026-11-27" || got.State.PreviousTimeSeriesID != "2026-11-26" {
		t.Fatalf("latest two periods rose by 10: %+v", got)
	}
	if again := Evaluate(c, table, got.State); again.Met {
		t.Fatal("one period fires once")
	}
	if one := Evaluate(c, Table{TimeField: table.TimeField, Rows: table.Rows[:1]}, State{}); one.Met {
		t.Fatal("one period has no change")
	}
}

func TestStateRoundTrip(t *testing.T) {
	v := 2.5
	s := State{LatestTimeSeriesID: "b", PreviousTimeSeriesID: "a", PreviousValue: &v}
	got := ParseState(s.Text())
	if got.LatestTimeSeriesID != "b" || got.PreviousTimeSeriesID != "a" || *got.PreviousValue != 2.5 {
		t.Fatalf("round trip: %+v", got)
	}
	if ParseState("not json") != (State{}) {
		t.Fatal("malformed state is a fresh start")
	}
}

func TestValidateCondition(t *testing.T) {
	email := []Destination{{Type: DestEmail, EmailAddress: "a@example.com"}}
	for _, tc := range []struct {
		name, comparison, cron string
		dests                  []Destination
		field                  string // "" when valid
	}{
		{"valid", GreaterThan, "0 * * * *", email, ""},
		{"comparison", "BIGGER", "0 * * * *", email, "comparison_type"},
		{"cron", GreaterThan, "every day", email, "cron"},
		{"no cron", GreaterThan, " ", email, "cron"},
		{"no destination", GreaterThan, "0 * * * *", nil, "destinations"},
		{"email", GreaterThan, "0 * * * *", []Destination{{Type: DestEmail, EmailAddress: "nope"}}, "destinations.email_address"},
		{"integration", GreaterThan, "0 * * * *", []Destination{{Type: DestActionHub, IntegrationID: "slack"}},
			"destinations.action_hub_integration_id"},
		{"webhook url", GreaterThan, "0 * * * *", []Destination{{Type: DestActionHub, IntegrationID: WebhookIntegration,
			FormParamsJSON: `{"url":"ftp://x"}`}}, "destinations.action_hub_form_params_json"},
		{"webhook", GreaterThan, "0 * * * *", []Destination{{Type: DestActionHub, IntegrationID: WebhookIntegration,
			FormParamsJSON: `{"url":"https://hooks.example/a"}`}}, ""},
		{"type", GreaterThan, "0 * * * *", []Destination{{Type: "SMS"}}, "destinations.destination_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateCondition(tc.comparison, tc.cron, tc.dests, nil)
			if (err == nil) != (tc.field == "") {
				t.Fatalf("err = %v, want a problem with %q", err, tc.field)
			}
			var e *overlook.Error
			if err != nil && (!errors.As(err, &e) || e.Field != tc.field) {
				t.Fatalf("err %v does not name %s", err, tc.field)
			}
		})
	}
}
