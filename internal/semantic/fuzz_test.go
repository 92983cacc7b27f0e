package semantic

import (
	"errors"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"testing/quick"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// shapeTemplates write a user value into SQL in every way Liquid offers;
// the SQL text they give must not depend on the value at all.
var shapeTemplates = []string{
	`x = {{ _user_attributes['h'] }}`,
	`x = '{{ _user_attributes['h'] }}'`,
	`x = "{{ _user_attributes['h'] }}"`,
	`x = {{ _user_attributes['h'] | upcase | append: "'" | prepend: ";" }}`,
	`x = {{ _user_attributes['h'] | split: "'" | join: "-" }}`,
	`{% assign v = _user_attributes['h'] %}x = {{ v }} -- {{ v }}`,
	`x = {% parameter label %}`,
	`x = {{ t.label._parameter_value }}`,
	`x = {{ _filters['t.region'] }}`,
	`x = {{ _query._query_timezone }}`,
	`/* {{ _user_attributes['h'] }} */ {{ t.region._filter_value }}`,
}

// conditionTemplates render a filter on a value: the SQL's shape may follow
// the expression's grammar, but the value itself must only be bound.
var conditionTemplates = []string{
	`{% condition region %} t.region_col {% endcondition %}`,
	`{% condition t.amount %} t.id {% endcondition %}`,
	`{% date_start created_date %}`,
}

func valuesWith(v string) *Values {
	return &Values{
		UserAttributes: map[string]string{"h": v},
		Filters:        map[string]string{"t.label": v, "t.region": v, "t.amount": v, "t.created_date": v, "t.sort": v},
		Timezone:       v,
	}
}

func renderWith(e *Explore, src string, v string) (string, []any, error) {
	args := &filterexpr.Args{}
	sql, err := e.Expand("t", Template{Text: src}, Scope{Binder: args, Values: valuesWith(v)})
	return sql, args.Values, err
}

// checkHostile is the property: a hostile value never appears in SQL text.
func checkHostile(t *testing.T, e *Explore, v string) {
	const benign = "BENIGN"
	if v == "" {
		return // an unset value renders NULL or nothing: not hostile
	}
	for _, src := range shapeTemplates {
		want, _, err := renderWith(e, src, benign)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		got, args, err := renderWith(e, src, v)
		if err != nil {
			t.Fatalf("%s with %q: %v", src, v, err)
		}
		if got != want {
			t.Fatalf("%s: the SQL depends on the value %q:\n%s\nvs\n%s", src, v, got, want)
		}
		if len(args) == 0 {
			t.Fatalf("%s: nothing bound", src)
		}
	}
	for _, src := range conditionTemplates {
		got, _, err := renderWith(e, src, v)
		if err != nil {
			continue // the value is not a valid filter: nothing is rendered
		}
		base, _, _ := renderWith(e, src, benign)
		if dangerous(v) && strings.Contains(got, v) && !strings.Contains(base, v) {
			t.Fatalf("%s: value %q appears in %q", src, v, got)
		}
	}
	_, _, err := renderWith(e, `{% parameter sort %}`, v)
	var ve *ValueError
	if !strings.EqualFold(v, "name") && !strings.EqualFold(v, "age") && v != "" && !errors.As(err, &ve) {
		t.Fatalf("unquoted parameter accepted %q (err %v)", v, err)
	}
}

// dangerous reports a value that could change SQL if pasted (grammar
// keywords such as NULL legitimately shape a filter's SQL).
func dangerous(v string) bool {
	return strings.ContainsAny(v, `'";\`) || strings.Contains(v, "--") || strings.Contains(v, "/*") ||
		strings.Contains(v, "{{") || strings.Contains(v, "{%")
}

// FuzzLiquidValues feeds hostile user attributes, parameter values and
// filter values to every way Liquid writes a value into SQL.
func FuzzLiquidValues(f *testing.F) {
	for _, s := range []string{
		"'", `'; DROP TABLE users; --`, "{{ _user_attributes['h'] }}", "{% parameter sort %}", "/* x */",
		"%}", "}}", "name'", "a,b", "-x", ">5", "7 days", "\x00", "\x000\x00", `\'`, "${TABLE}", "NULL", "age",
	} {
		f.Add(s)
	}
	e := liquidExplore(f)
	f.Fuzz(func(t *testing.T, v string) { checkHostile(t, e, v) })
}

// hostile builds values from the pieces injections are made of.
type hostile string

func (hostile) Generate(r *rand.Rand, size int) reflect.Value {
	pieces := []string{"'", `"`, ";", "--", "/*", "*/", "{{", "}}", "{%", "%}", "\\", "\x00", "$1", "?",
		" OR 1=1", "DROP TABLE t", "${TABLE}", "name", "%", ",", "-", "\n", "é"}
	var b strings.Builder
	for i := r.Intn(size + 1); i >= 0; i-- {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	return reflect.ValueOf(hostile(b.String()))
}

func TestLiquidValuesQuick(t *testing.T) {
	e := liquidExplore(t)
	prop := func(v hostile) bool {
		checkHostile(t, e, string(v))
		return !t.Failed()
	}
	if err := quick.Check(prop, &quick.Config{MaxCount: 300}); err != nil {
		t.Fatal(err)
	}
}
