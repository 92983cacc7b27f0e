package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

// decodeBoth decodes body through encoding/json (which calls
// UnmarshalJSON) and through DecodeObject.
func decodeBoth(t *testing.T, body string) (viaJSON, direct Body[Query], took bool) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), &viaJSON); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	took = DecodeObject([]byte(body), &direct)
	return viaJSON, direct, took
}

// TestDecodeObjectMatchesUnmarshal: the direct path decodes every object
// as encoding/json plus UnmarshalJSON does: values, keys and errors.
func TestDecodeObjectMatchesUnmarshal(t *testing.T) {
	for _, body := range []string{
		`{"model":"thelook","view":"products","fields":["products.brand","products.count"],"limit":"500"}`,
		` { "model" : "m" , "limit" : 10 , "fields" : [ "a.b" , 7 ] } `,
		`{"filters": {"a.b": "x,\"y\"", "c\u00e9": "caf\u00e9"}, "sorts": []}`,
		`{"vis_config": {"type": "table", "nested": {"deep": [1, {"x": "}]"}]}}, "total": "true"}`,
		`{"model": "first", "model": "second"}`,
		`{"m\u006fdel": "escaped key", "view": null}`,
		`{"limit": {"not": "a string"}}`,
		`{"fields": "not an array"}`,
		`{"dynamic_fields": "[{\"table_calculation\":\"x\"}]", "query_timezone": "Europe/Paris"}`,
		`{}`,
	} {
		viaJSON, direct, took := decodeBoth(t, body)
		if !took {
			t.Errorf("%s: not decoded directly", body)
			continue
		}
		if !reflect.DeepEqual(viaJSON.Value, direct.Value) || !reflect.DeepEqual(viaJSON.Keys, direct.Keys) ||
			!reflect.DeepEqual(viaJSON.err, direct.err) {
			t.Errorf("%s:\n json   %+v %v %v\n direct %+v %v %v", body, viaJSON.Value, viaJSON.Keys, viaJSON.err,
				direct.Value, direct.Keys, direct.err)
		}
	}
}

// TestDecodeObjectLeavesTheRest: what is not a valid object, and types
// that embed a Body (their own UnmarshalJSON runs), are left to
// encoding/json.
func TestDecodeObjectLeavesTheRest(t *testing.T) {
	for _, body := range []string{``, `null`, `[]`, `"s"`, `{"model": }`, `{"model": "m"`} {
		var b Body[Query]
		if DecodeObject([]byte(body), &b) {
			t.Errorf("%q: decoded directly", body)
		}
	}
	var embedded struct{ Body[Query] }
	if DecodeObject([]byte(`{"model": "m"}`), &embedded) {
		t.Error("a type embedding Body: decoded directly")
	}
}

var benchBody = []byte(`{"model":"thelook","view":"products","fields":["products.brand","products.count"],` +
	`"filters":{"products.category":"Jeans"},"sorts":["products.count desc"],"limit":"500"}`)

func BenchmarkBodyDecode(b *testing.B) {
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var q Body[Query]
			_ = json.Unmarshal(benchBody, &q)
		}
	})
	b.Run("direct", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var q Body[Query]
			DecodeObject(benchBody, &q)
		}
	})
}
