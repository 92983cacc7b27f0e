package model

import (
	"encoding/json"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
)

func TestDecodeLenient(t *testing.T) {
	cases := []struct {
		name, body string
		check      func(t *testing.T, b *Body[Query])
	}{
		{"number where a string is declared", `{"limit": 100, "model": "m"}`, func(t *testing.T, b *Body[Query]) {
			if *b.Value.Limit != "100" || *b.Value.Model != "m" {
				t.Errorf("limit %q", *b.Value.Limit)
			}
		}},
		{"empty array where an object is declared", `{"filters": [], "vis_config": []}`, func(t *testing.T, b *Body[Query]) {
			if b.Value.Filters != nil || b.Value.VisConfig != nil || !b.Has("filters") {
				t.Errorf("filters %v", b.Value.Filters)
			}
		}},
		{"null clears and is remembered", `{"view": null}`, func(t *testing.T, b *Body[Query]) {
			if b.Value.View != nil || !b.Has("view") || b.Has("model") {
				t.Errorf("view %v keys %v", b.Value.View, b.Keys)
			}
		}},
		{"unknown and read-only keys are accepted", `{"nope": {"x": 1}, "id": 42, "can": {"run": true}}`, func(t *testing.T, b *Body[Query]) {
			if *b.Value.ID != "42" {
				t.Errorf("id %v", b.Value.ID)
			}
		}},
		{"strings where numbers and booleans are declared", `{"column_limit": "5", "total": "true", "row_total": 1}`, func(t *testing.T, b *Body[Query]) {
			if *b.Value.Total != true || *b.Value.RowTotal != "1" {
				t.Errorf("total %v row_total %v", *b.Value.Total, *b.Value.RowTotal)
			}
		}},
		{"nested objects and arrays", `{"fields": ["a.b", 7], "filters": {"a.b": 5}}`, func(t *testing.T, b *Body[Query]) {
			if b.Value.Fields[1] != "7" || b.Value.Filters["a.b"] != "5" {
				t.Errorf("fields %v filters %v", b.Value.Fields, b.Value.Filters)
			}
		}},
		{"empty body", ``, func(t *testing.T, b *Body[Query]) {
			if b.Value.Model != nil {
				t.Error("model set")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b Body[Query]
			if c.body != "" {
				if err := json.Unmarshal([]byte(c.body), &b); err != nil {
					t.Fatal(err)
				}
			}
			c.check(t, &b)
		})
	}
}

func TestDecodeRejectsWrongShapesNamingTheField(t *testing.T) {
	cases := map[string]string{
		`{"fields": "a.b"}`:            "fields",
		`{"total": "maybe"}`:           "total",
		`{"filters": {"a": {"b": 1}}}`: "filters.a",
		`{"model": {"x": 1}}`:          "model",
		`[1, 2]`:                       "body",
	}
	for body, field := range cases {
		var b Body[Query]
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			t.Fatalf("%s: UnmarshalJSON must keep the error, not return it: %v", body, err)
		}
		err := b.DecodeErr()
		var oe *overlook.Error
		if !asError(err, &oe) || oe.Code != overlook.EINVALID || oe.Details[0].Field != field {
			t.Errorf("%s: %v, want a validation error on %s", body, err, field)
		}
	}
}

func asError(err error, target **overlook.Error) bool {
	e, ok := err.(*overlook.Error)
	*target = e
	return ok
}
