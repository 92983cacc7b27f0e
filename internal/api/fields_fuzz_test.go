package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// FuzzFieldsProjection checks, for any fields string and any JSON value,
// that the projection keeps exactly the requested keys the input has, at
// every level of nesting, and leaves every kept value as it was (apart
// from the selections nested inside it).
func FuzzFieldsProjection(f *testing.F) {
	seeds := []struct{ fields, doc string }{
		{"id,title", `{"id":"1","title":"t","other":2}`},
		{"id, first_name, nope", `{"id":"1","first_name":null,"last_name":"x"}`},
		{"looks(id,title),id", `{"id":"1","looks":[{"id":"2","title":"a","x":1},{"id":"3"}]}`},
		{"a(b(c)),d", `{"a":{"b":{"c":1,"d":2},"e":3},"d":[1,2]}`},
		{"*", `{"a":1,"b":{"c":2}}`},
		{"a(*),b", `{"a":{"x":1},"b":2,"c":3}`},
		{"a()", `{"a":{"x":1}}`},
		{"id", `[{"id":1,"x":2},[{"id":3}],"s",null]`},
		{")(,,a((b", `{"a":{"b":1},"":0}`},
		{"a b , c", `{"a b":1,"c":1e400,"d":"<&>"}`},
		{"x", `"scalar"`},
	}
	for _, s := range seeds {
		f.Add(s.fields, []byte(s.doc))
	}
	f.Fuzz(func(t *testing.T, fields string, doc []byte) {
		in, err := decodeNumbers(doc)
		if err != nil {
			return // project is only ever given JSON the server made
		}
		set := parseFields(fields)
		got, err := project(doc, set)
		if err != nil {
			t.Fatalf("project(%q) failed on valid JSON %s: %v", fields, doc, err)
		}
		out, err := decodeNumbers(got)
		if err != nil {
			t.Fatalf("projection is not JSON: %s", got)
		}
		if err := checkProjection(in, out, set, "$"); err != nil {
			t.Fatalf("fields %q on %s gave %s: %v", fields, doc, got, err)
		}
	})
}

func decodeNumbers(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data")
	}
	return v, nil
}

// checkProjection is the property: out is in restricted to set.
func checkProjection(in, out any, set fieldSet, at string) error {
	if _, all := set["*"]; set == nil || (all && len(set) == 1) {
		if !reflect.DeepEqual(in, out) {
			return fmt.Errorf("%s: a whole value changed", at)
		}
		return nil
	}
	switch x := in.(type) {
	case map[string]any:
		return checkObject(x, out, set, at)
	case []any:
		o, ok := out.([]any)
		if !ok || len(o) != len(x) {
			return fmt.Errorf("%s: array became %T of another length", at, out)
		}
		for i := range x {
			if err := checkProjection(x[i], o[i], set, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
		return nil
	}
	if !reflect.DeepEqual(in, out) {
		return fmt.Errorf("%s: scalar changed", at)
	}
	return nil
}

func checkObject(in map[string]any, out any, set fieldSet, at string) error {
	o, ok := out.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: object became %T", at, out)
	}
	for k := range o {
		if _, asked := set[k]; !asked {
			return fmt.Errorf("%s: key %q was not asked for", at, k)
		}
		if _, present := in[k]; !present {
			return fmt.Errorf("%s: key %q is not in the input", at, k)
		}
	}
	for k, nested := range set {
		val, present := in[k]
		if !present {
			continue
		}
		kept, ok := o[k]
		if !ok {
			return fmt.Errorf("%s: asked-for key %q was dropped", at, k)
		}
		if err := checkProjection(val, kept, nested, at+"."+k); err != nil {
			return err
		}
	}
	return nil
}
