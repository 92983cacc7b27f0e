package looker40

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDelimList checks that the three shapes the SDKs send an array
// parameter in (a,b  "a,b"  ["a","b"]) decode to the same list, for any
// items that could be written all three ways; and that any input at all
// decodes without panicking to items that are neither empty nor padded.
// The fuzzer's string is split on "|" into the items.
func FuzzDelimList(f *testing.F) {
	for _, s := range []string{"a|b|c", "1|2", "", "x", "a b|c d", "null|true|1e5", `a\b|<&>`, "é|日本",
		`"a,b"`, `["a", 1, true, null, {}]`, `[`, `"`, " , ,", "a\tb|c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAnyInput(t, s)
		items := strings.Split(s, "|")
		if !writableAllWays(items) {
			return
		}
		if len(items) == 1 && items[0] == "" {
			items = nil
		}
		array, _ := json.Marshal(items)
		if items == nil {
			array = []byte("[]")
		}
		plain := strings.Join(items, ",")
		for _, shape := range []string{plain, `"` + plain + `"`, string(array)} {
			got, err := ParseDelimList(shape)
			if err != nil || !reflect.DeepEqual(got, items) {
				t.Fatalf("%q decoded to %q (%v), want %q", shape, got, err, items)
			}
		}
	})
}

// checkAnyInput: no panic, and what comes out is neither empty nor padded.
func checkAnyInput(t *testing.T, s string) {
	got, err := ParseDelimList(s)
	if err != nil {
		return
	}
	for _, item := range got {
		if item == "" || item != strings.TrimSpace(item) {
			t.Fatalf("%q gave item %q", s, item)
		}
	}
}

// writableAllWays: no commas, quotes or brackets, no surrounding space,
// valid UTF-8 (JSON can carry nothing else), and not empty (empty items
// are dropped) unless it is the only one.
func writableAllWays(items []string) bool {
	for _, it := range items {
		if it == "" && len(items) > 1 {
			return false
		}
		if strings.ContainsAny(it, `,"[]`) || it != strings.TrimSpace(it) || !utf8.ValidString(it) {
			return false
		}
	}
	return true
}
