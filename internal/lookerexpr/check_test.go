package lookerexpr

import (
	"strings"
	"testing"
)

var testTypes = map[string]Type{"users.age": TypeNumber, "users.state": TypeString,
	"users.active": TypeBool, "users.created_date": TypeDate, "users.odd": TypeAny}

func testFieldTypes(name string) (Type, bool) {
	t, ok := testTypes[name]
	return t, ok
}

func TestCheck(t *testing.T) {
	cases := []struct {
		in   string
		calc bool
		want Type
		err  string
	}{
		{in: `${users.age} + 1`, want: TypeNumber},
		{in: `${users.state} = "CA" OR ${users.active}`, want: TypeBool},
		{in: `if(${users.active}, ${users.state}, null)`, want: TypeString},
		{in: `coalesce(${users.odd}, 3)`, want: TypeNumber},
		{in: `contains(${users.state}, "A")`, want: TypeBool},
		{in: `concat(${users.state}, ${users.age})`, want: TypeString},
		{in: `round(${users.age} / 3, 2)`, want: TypeNumber},
		{in: `${users.created_date} > date(2020, 1, 1)`, want: TypeBool},
		{in: `offset(${users.state}, 1)`, calc: true, want: TypeString},
		{in: `percent_of_column_sum(${users.age}) * row()`, calc: true, want: TypeNumber},
		{in: `running_total(${users.age})`, err: "table calculation function"},
		{in: `${users.nope} + 1`, err: "unknown field users.nope"},
		{in: `${users.state} + 1`, err: "+ needs a number, not a string"},
		{in: `${users.state} = 1`, err: "mixes a string and a number"},
		{in: `${users.age} AND yes`, err: "AND needs a yesno"},
		{in: `if(1, 2, 3)`, err: "argument 1 of if needs a yesno"},
		{in: `if(yes, 2, "x")`, err: "if mixes"},
		{in: `round(1, ${users.age})`, err: "must be a whole number"},
		{in: `offset(${users.age}, 1.5)`, calc: true, err: "must be a whole number"},
		{in: `sleep(5)`, err: "unknown function sleep"},
		{in: "matches_filter(${users.state}, `CA,NY`) AND yes", want: TypeBool},
		{in: "matches_filter(${users.nope}, `CA`)", err: "unknown field users.nope"},
		{in: "matches_filter(\"CA\", `CA`)", err: "must be a field"},
		{in: "matches_filter(${users.state}, \"CA\")", err: "in backticks"},
		{in: "matches_filter(${users.state}, `CA`)", calc: true, err: "table calculation"},
		{in: "`CA` = 1", err: "only in matches_filter"},
		{in: `abs(1, 2)`, err: "abs takes 1 arguments"},
		{in: `concat()`, err: "at least 1"},
	}
	for _, c := range cases {
		n, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		got, err := Check(n, testFieldTypes, c.calc)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("Check(%q) = %v, %v; want error %q", c.in, got, err, c.err)
		case c.err == "" && err != nil:
			t.Errorf("Check(%q): %v", c.in, err)
		case c.err == "" && got != c.want:
			t.Errorf("Check(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestCheckCase(t *testing.T) {
	for _, bad := range []string{`case(1)`, `when(yes, 1)`, `case(when(yes, 1), when(no, "a"))`, `case(when(1, 1))`,
		`case(when(yes, 1), 2, when(no, 3))`, `date_time(2024, 1, 1, 0, 0, ${users.age})`} {
		n, err := Parse(bad)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Check(n, testFieldTypes, false); err == nil {
			t.Errorf("Check(%q) passed", bad)
		}
	}
}
