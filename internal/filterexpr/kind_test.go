package filterexpr

import (
	"errors"
	"testing"
	"time"
)

func TestParseByKind(t *testing.T) {
	dc := NewDateContext(time.Date(2024, 5, 15, 12, 0, 0, 0, time.UTC), nil)
	cases := []struct {
		typ, in, dump string
	}{
		{"string", "FOO", `eq("FOO")`},
		{"zipcode", "9410%", `like("9410" %)`},
		{"number", ">5", "gt(5)"},
		{"sum", "<5", "lt(5)"},
		{"date", "today", "range[2024-05-15T00:00:00Z, 2024-05-16T00:00:00Z)"},
		{"yesno", "yes", "true"},
		{"tier", "Below 0", "lt(0)"},
		{"location", "1, 2", "at(1, 2)"},
	}
	for _, c := range cases {
		k, ok := KindOf(c.typ)
		if !ok {
			t.Fatalf("no kind for %s", c.typ)
		}
		p, err := Parse(k, c.in, dc)
		if err != nil || p.String() != c.dump {
			t.Errorf("%s %q: got %v %v, want %s", c.typ, c.in, p, err, c.dump)
		}
	}
	if _, ok := KindOf("html"); ok {
		t.Error("unexpected kind for html")
	}
	if _, err := Parse(Kind(42), "x", dc); err == nil {
		t.Error("want an error for an unknown kind")
	}
}

func TestExpandUserAttributes(t *testing.T) {
	attrs := map[string]string{"region": "West,East", "id": "42"}
	lookup := func(n string) (string, bool) { v, ok := attrs[n]; return v, ok }
	cases := []struct{ in, want string }{
		{"{{ _user_attributes['region'] }}", "West,East"},
		{`{{_user_attributes["id"]}}`, "42"},
		{"FOO,{{ _user_attributes['id'] }}", "FOO,42"},
		{"no refs", "no refs"},
	}
	for _, c := range cases {
		got, err := ExpandUserAttributes(c.in, lookup)
		if err != nil || got != c.want {
			t.Errorf("%q: got %q %v, want %q", c.in, got, err, c.want)
		}
	}
	_, err := ExpandUserAttributes("{{ _user_attributes['nope'] }}", lookup)
	var ue *UnknownAttributeError
	if !errors.As(err, &ue) || ue.Name != "nope" {
		t.Errorf("want UnknownAttributeError for nope, got %v", err)
	}
}
