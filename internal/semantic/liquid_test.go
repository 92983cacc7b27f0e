package semantic

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/overlookbi/overlook/internal/filterexpr"
	"github.com/overlookbi/overlook/internal/lookml"
)

const liquidModel = `
connection: "c"
view: t {
  sql_table_name: {% if _user_attributes['tenant'] == 'acme' %}acme.t{% else %}public.t{% endif %} ;;
  dimension: id { primary_key: yes type: number }
  dimension: x { sql: {{ _user_attributes['b'] }} ;; }
  dimension: region_col {}
  dimension_group: created { type: time timeframes: [raw, date] }
  filter: region { type: string }
  filter: amount { type: number }
  parameter: sort {
    type: unquoted
    allowed_value: { label: "Name" value: "name" }
    allowed_value: { label: "Age" value: "age" }
  }
  parameter: label { type: string }
  parameter: n { type: number }
  parameter: flag { type: yesno }
  dimension: shown { html: <b>{{ value }}</b> {{ rendered_value }} {{ t.shown._value }} ;; }
}
explore: t {}
`

func liquidExplore(t testing.TB) *Explore {
	t.Helper()
	proj, err := lookml.LoadProject(fstest.MapFS{"m.model.lkml": {Data: []byte(liquidModel)}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Build(proj, "m")
	if err != nil {
		t.Fatal(err)
	}
	return m.Explore("t")
}

// TestLiquid renders Looker's variables and tags into SQL: values the model
// wrote are pasted, every other value becomes a placeholder.
func TestLiquid(t *testing.T) {
	e := liquidExplore(t)
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		src     string
		filters map[string]string
		want    string
		args    []any
		err     string
	}{
		{name: "user attribute", src: `x = {{ _user_attributes['region'] }}`, want: `x = ?`, args: []any{"EU"}},
		{name: "quoted attribute loses its quotes", src: `x = '{{ _user_attributes['region'] }}'`, want: `x = ?`, args: []any{"EU"}},
		{name: "attribute in a condition", src: `{% if _user_attributes['region'] == 'EU' %}eu{% else %}other{% endif %}`, want: `eu`},
		{name: "missing attribute", src: `[{{ _user_attributes['nope'] }}]`, want: `[]`},
		{name: "filtered attribute stays bound", src: `{{ _user_attributes['region'] | downcase | append: "x" }}`, want: `?`, args: []any{"eux"}},
		{name: "whitespace control", src: "a {{- _user_attributes['region'] -}} b", want: `a?b`, args: []any{"EU"}},
		{name: "names are model text", src: `{{ _model._name }}.{{ _explore._name }}.{{ _view._name }}.{{ _dialect._name }}`, want: `m.t.t.duckdb`},
		{name: "an attribute equal to a view name is still a value", src: `{{ _user_attributes['view'] }}`, want: `?`, args: []any{"t"}},
		{name: "assigned names are values", src: `{% assign v = _view._name %}{{ v }}`, want: `?`, args: []any{"t"}},
		{name: "timezone is a value", src: `{{ _query._query_timezone }}`, want: `?`, args: []any{"Europe/Amsterdam"}},
		{name: "unquoted parameter", src: `ORDER BY {% parameter sort %}`, filters: map[string]string{"t.sort": "age"}, want: `ORDER BY age`},
		{name: "unquoted parameter, any case", src: `{% parameter t.sort %}`, filters: map[string]string{"t.sort": "NAME"}, want: `name`},
		{name: "unquoted parameter unset", src: `[{% parameter sort %}]`, want: `[]`},
		{name: "unquoted parameter outside its values", src: `{% parameter sort %}`, filters: map[string]string{"t.sort": "name; DROP TABLE t"}, err: "t.sort: the value is not one of the parameter's allowed values"},
		{name: "unquoted _parameter_value", src: `{{ t.sort._parameter_value }}`, filters: map[string]string{"t.sort": "age"}, want: `age`},
		{name: "string parameter", src: `{% parameter label %}`, filters: map[string]string{"t.label": "it's"}, want: `?`, args: []any{"it's"}},
		{name: "string _parameter_value", src: `{{ t.label._parameter_value }}`, filters: map[string]string{"t.label": "x"}, want: `?`, args: []any{"x"}},
		{name: "string parameter unset", src: `{% parameter label %}`, want: `NULL`},
		{name: "number parameter", src: `{% parameter n %}`, filters: map[string]string{"t.n": "5"}, want: `?`, args: []any{int64(5)}},
		{name: "decimal parameter", src: `{% parameter n %}`, filters: map[string]string{"t.n": "2.5"}, want: `?`, args: []any{2.5}},
		{name: "number parameter given text", src: `{% parameter n %}`, filters: map[string]string{"t.n": "1 OR 1=1"}, err: "t.n: the value is not a number"},
		{name: "yesno parameter", src: `{% parameter flag %}`, filters: map[string]string{"t.flag": "Yes"}, want: `?`, args: []any{true}},
		{name: "parameter tag on a dimension", src: `{% parameter id %}`, err: "not a parameter"},
		{name: "condition", src: `{% condition region %} t.region_col {% endcondition %}`, filters: map[string]string{"t.region": "EU"}, want: `(t.region_col) = ?`, args: []any{"EU"}},
		{name: "condition with a reference", src: `{% condition t.amount %}${id}{% endcondition %}`, filters: map[string]string{"t.amount": ">5"}, want: `(t.id) > ?`, args: []any{int64(5)}},
		{name: "condition unset", src: `{% condition region %} t.region_col {% endcondition %}`, want: `1=1`},
		{name: "condition with a bad filter", src: `{% condition amount %}x{% endcondition %}`, filters: map[string]string{"t.amount": "lots"}, err: "t.amount:"},
		{name: "date_start and date_end", src: `{% date_start created_date %}..{% date_end created_date %}`, filters: map[string]string{"t.created_date": "2024-01-01 to 2024-01-05"}, want: `?..?`, args: []any{day(1), day(5)}},
		{name: "date_start unset", src: `{% date_start created_date %}`, want: `NULL`},
		{name: "_filters", src: `{{ _filters['t.region'] }}`, filters: map[string]string{"t.region": "EU"}, want: `?`, args: []any{"EU"}},
		{name: "_is_selected and _in_query", src: `{% if t.id._is_selected %}s{% endif %}{% if t.region._in_query %}q{% endif %}{% if t.region._is_filtered %}f{% endif %}{% if t.x._in_query %}no{% endif %}`, filters: map[string]string{"t.region": "EU"}, want: `sqf`},
		{name: "values bind in text order", src: `${x} = {{ _user_attributes['region'] }}`, want: ` ?  = ?`, args: []any{"B", "EU"}},
		{name: "raw block", src: `{% raw %}{{ _user_attributes['region'] }}{% endraw %}`, want: `{{ _user_attributes['region'] }}`},
		{name: "include is refused", src: `{% include 'etc/passwd' %}`, err: "include tag is not available"},
		{name: "unknown field in a tag", src: `{% condition nope %}x{% endcondition %}`, err: `unknown field "nope"`},
		{name: "liquid syntax error", src: `{% if %}`, err: "liquid:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := &filterexpr.Args{}
			vals := &Values{
				UserAttributes: map[string]string{"region": "EU", "b": "B", "view": "t"},
				Filters:        tc.filters, Fields: []string{"t.id"}, Dialect: "duckdb", Timezone: "Europe/Amsterdam",
				Dates: filterexpr.NewDateContext(day(10), time.UTC),
			}
			got, err := e.Expand("t", Template{Text: tc.src}, Scope{Binder: args, Values: vals})
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error = %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want || !reflect.DeepEqual(args.Values, tc.args) {
				t.Errorf("got %q %#v, want %q %#v", got, args.Values, tc.want, tc.args)
			}
		})
	}
}

// TestParameterValueError: a refused value is the query's fault, a
// ValueError the API can turn into a 4xx.
func TestParameterValueError(t *testing.T) {
	e := liquidExplore(t)
	_, err := e.Expand("t", Template{Text: "{% parameter sort %}"}, Scope{Values: &Values{Filters: map[string]string{"t.sort": "x"}}})
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Field != "t.sort" {
		t.Fatalf("error = %#v, want a ValueError on t.sort", err)
	}
}

func TestTableSQLLiquid(t *testing.T) {
	e := liquidExplore(t)
	for attr, want := range map[string]string{"acme": "acme.t", "other": "public.t"} {
		got, err := e.TableSQL("t", Scope{Values: &Values{UserAttributes: map[string]string{"tenant": attr}}})
		if err != nil || got != want {
			t.Errorf("tenant %s: got %q, %v; want %q", attr, got, err, want)
		}
	}
}

func TestNoBinder(t *testing.T) {
	e := liquidExplore(t)
	_, err := e.Expand("t", Template{Text: "{{ _user_attributes['region'] }}"}, Scope{Values: &Values{UserAttributes: map[string]string{"region": "x"}}})
	if err == nil || !strings.Contains(err.Error(), "no Binder") {
		t.Fatalf("error = %v", err)
	}
}

// TestFieldHTML: html sees the cell's values, escaped.
func TestFieldHTML(t *testing.T) {
	e := liquidExplore(t)
	got, err := e.FieldHTML("t.shown", Cell{Value: "<script>", Rendered: "a&b"}, Scope{})
	want := " <b>&lt;script&gt;</b> a&amp;b &lt;script&gt; "
	if err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

// TestWrap: the compiler's Wrap decides what a referenced measure stands
// for, and may bind values of its own in text order.
func TestWrap(t *testing.T) {
	m := loadThelook(t)
	e := m.Explore("order_items")
	args := &filterexpr.Args{}
	wrap := func(ref FieldRef, sql string, b filterexpr.Binder) (string, error) {
		if ref.Field.Kind != Measure {
			return sql, nil
		}
		return "AGG_" + ref.Field.Type + "(" + strings.TrimSpace(sql) + ", " + b.Bind(ref.Name()) + ")", nil
	}
	got, err := e.FieldSQL("orders.completion_rate", Scope{Binder: args, Wrap: wrap})
	if err != nil {
		t.Fatal(err)
	}
	want := " AGG_count(, ?) * 1.0 / NULLIF(AGG_count(, ?), 0) "
	if got != want || !reflect.DeepEqual(args.Values, []any{"orders.complete_count", "orders.count"}) {
		t.Errorf("got %q %v", got, args.Values)
	}
}

func TestFieldSQLErrors(t *testing.T) {
	m := loadThelook(t)
	if _, err := m.FieldSQL("nope", "users.id", Scope{}); err == nil {
		t.Error("unknown explore accepted")
	}
	if _, err := m.FieldSQL("users", "users.nope", Scope{}); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := m.FieldSQL("users", "order_items.distinct_median", Scope{}); err != nil {
		t.Errorf("a measure's own expression needs no aggregate: %v", err)
	}
}
