package api

import (
	"encoding/json"
	"strings"
)

// fieldSet is a parsed fields parameter: names to keep, each with an
// optional nested selection ("looks(id,title)"). A nil nested set keeps the
// whole value; "*" keeps every key.
type fieldSet map[string]fieldSet

// parseFields reads "a, b(c,d), e". Spaces around names are ignored, as
// the SDKs send "id, title". Unbalanced parentheses close at the end.
func parseFields(s string) fieldSet {
	set, _ := parseFieldList(s, 0)
	return set
}

func parseFieldList(s string, i int) (fieldSet, int) {
	set := fieldSet{}
	name := strings.Builder{}
	flush := func(nested fieldSet) {
		if n := strings.TrimSpace(name.String()); n != "" {
			set[n] = nested
		}
		name.Reset()
	}
	for i < len(s) {
		switch c := s[i]; c {
		case ',':
			flush(nil)
			i++
		case '(':
			nested, next := parseFieldList(s, i+1)
			flush(nested)
			i = next
			// skip to the next separator
			for i < len(s) && s[i] != ',' && s[i] != ')' {
				i++
			}
		case ')':
			flush(nil)
			return set, i + 1
		default:
			name.WriteByte(c)
			i++
		}
	}
	flush(nil)
	return set, i
}

// project keeps only the requested keys of a JSON object, or of each
// object of a JSON array. Requested keys the object lacks are absent;
// requested keys whose value is null stay, as null.
func project(doc []byte, set fieldSet) ([]byte, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(doc)))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(projectValue(v, set))
}

func projectValue(v any, set fieldSet) any {
	if set == nil {
		return v
	}
	if _, all := set["*"]; all && len(set) == 1 {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(set))
		for k, nested := range set {
			if val, ok := x[k]; ok {
				out[k] = projectValue(val, nested)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = projectValue(item, set)
		}
		return out
	}
	return v
}
