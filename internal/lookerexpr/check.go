package lookerexpr

import "strings"

// Type is what an expression yields.
type Type int

// The types. TypeAny is a value whose type is not known (a field of an
// unusual type); it is accepted wherever a value is.
const (
	TypeAny Type = iota
	TypeNull
	TypeNumber
	TypeString
	TypeBool
	TypeDate
	// TypeList is pivot_row's list of a row's values over the pivot
	// columns: an argument of sum, mean, max, min and count only.
	TypeList
)

func (t Type) String() string {
	return [...]string{"any", "null", "number", "string", "yesno", "date", "list"}[t]
}

// FieldTypes tells the type of a referenced field; false for a name the
// query does not know.
type FieldTypes func(name string) (Type, bool)

// Check reports the type of n, or an error at the first place where a
// field is unknown, a function misused or two types do not fit. Table
// calculation functions (offset, running_total…) are accepted only when
// calc is true.
func Check(n Node, fields FieldTypes, calc bool) (Type, error) {
	c := checker{fields: fields, calc: calc}
	t, err := c.check(n)
	if err == nil && t == TypeList {
		return 0, errAt(n.Pos(), "pivot_row gives a list: use it in sum, mean, max, min or count")
	}
	return t, err
}

type checker struct {
	fields FieldTypes
	calc   bool
	// measure is set for a custom measure's expression: isMeasure tells
	// the measures, which it reads outside aggregates, from the
	// dimensions, which it reads inside them (inAgg).
	measure   bool
	isMeasure func(name string) bool
	inAgg     bool
}

// CheckMeasure checks the expression of a custom measure: measures,
// constants and row functions over them, and the aggregates sum, mean,
// max, min, count and count_distinct of expressions of dimensions.
func CheckMeasure(n Node, fields FieldTypes, isMeasure func(name string) bool) (Type, error) {
	c := checker{fields: fields, measure: true, isMeasure: isMeasure}
	t, err := c.check(n)
	if err == nil && t == TypeList {
		return 0, errAt(n.Pos(), "a measure cannot be a list")
	}
	return t, err
}

// placed checks where a field is read in a custom measure: a measure
// outside the aggregates, a dimension inside one.
func (c checker) placed(f Field) error {
	if !c.measure {
		return nil
	}
	switch m := c.isMeasure(f.Name); {
	case m && c.inAgg:
		return errAt(f.At, "an aggregate cannot read the measure %s", f.Name)
	case !m && !c.inAgg:
		return errAt(f.At, "%s is a dimension: a measure reads it inside an aggregate such as sum()", f.Name)
	}
	return nil
}

func (c checker) check(n Node) (Type, error) {
	switch n := n.(type) {
	case Number:
		return TypeNumber, nil
	case String:
		return TypeString, nil
	case Bool:
		return TypeBool, nil
	case Null:
		return TypeNull, nil
	case FilterText:
		return 0, errAt(n.At, "a filter expression in backticks goes only in matches_filter")
	case Field:
		t, ok := c.fields(n.Name)
		if !ok {
			return 0, errAt(n.At, "unknown field %s", n.Name)
		}
		return t, c.placed(n)
	case Unary:
		want := TypeNumber
		if n.Op == "NOT" {
			want = TypeBool
		}
		return want, c.want(n.X, want, n.Op)
	case Binary:
		return c.binary(n)
	case Call:
		return c.call(n)
	}
	return 0, errAt(n.Pos(), "unknown expression")
}

// want checks that x has type t (or an unknown type).
func (c checker) want(x Node, t Type, what string) error {
	got, err := c.check(x)
	if err != nil {
		return err
	}
	if got != t && got != TypeAny && got != TypeNull {
		return errAt(x.Pos(), "%s needs a %s, not a %s", what, t, got)
	}
	return nil
}

func (c checker) binary(n Binary) (Type, error) {
	switch n.Op {
	case "AND", "OR":
		if err := c.want(n.L, TypeBool, n.Op); err != nil {
			return 0, err
		}
		return TypeBool, c.want(n.R, TypeBool, n.Op)
	case "+", "-", "*", "/":
		if err := c.want(n.L, TypeNumber, n.Op); err != nil {
			return 0, err
		}
		return TypeNumber, c.want(n.R, TypeNumber, n.Op)
	}
	l, err := c.check(n.L)
	if err != nil {
		return 0, err
	}
	r, err := c.check(n.R)
	if err != nil {
		return 0, err
	}
	if _, err := unify(n.At, n.Op, l, r); err != nil {
		return 0, err
	}
	return TypeBool, nil
}

// unify is the type two branches or operands share.
func unify(pos int, what string, a, b Type) (Type, error) {
	switch {
	case a == b || b == TypeNull || b == TypeAny:
		return a, nil
	case a == TypeNull || a == TypeAny:
		return b, nil
	}
	return 0, errAt(pos, "%s mixes a %s and a %s", what, a, b)
}

func (c checker) call(n Call) (Type, error) {
	f, ok := functions[n.Name]
	if !ok {
		return 0, errAt(n.At, "unknown function %s", n.Name)
	}
	if n.Name == "matches_filter" {
		return c.matchesFilter(n)
	}
	if n.Name == "case" {
		return c.caseCall(n)
	}
	switch {
	case f.aggregate && c.measure:
		if c.inAgg {
			return 0, errAt(n.At, "%s cannot be inside another aggregate", n.Name)
		}
		c.inAgg = true
	case f.measureOnly && !c.measure:
		return 0, errAt(n.At, "%s can be used in a custom measure only", n.Name)
	case f.calc && !c.calc:
		return 0, errAt(n.At, "%s is a table calculation function: it cannot be used here", n.Name)
	}
	if len(n.Args) < f.min || f.max >= 0 && len(n.Args) > f.max {
		return 0, errAt(n.At, "%s takes %s", n.Name, f.arity())
	}
	types := make([]Type, len(n.Args))
	for i, a := range n.Args {
		t, err := c.check(a)
		if err != nil {
			return 0, err
		}
		if t == TypeList && !f.lists {
			return 0, errAt(a.Pos(), "argument %d of %s cannot be a list", i+1, n.Name)
		}
		if want := f.arg(i); want != TypeAny && t != want && t != TypeAny && t != TypeNull && t != TypeList {
			return 0, errAt(a.Pos(), "argument %d of %s needs a %s, not a %s", i+1, n.Name, want, t)
		}
		types[i] = t
	}
	if f.literalInts != nil {
		if err := f.literalInts(n); err != nil {
			return 0, err
		}
	}
	return f.result(n, types)
}

// matchesFilter checks matches_filter(${field}, `filter expression`); the
// filter expression itself is read with the field's grammar when the
// query is compiled. It runs in SQL only.
func (c checker) matchesFilter(n Call) (Type, error) {
	if c.calc {
		return 0, errAt(n.At, "matches_filter cannot be used in a table calculation")
	}
	if c.measure && !c.inAgg {
		return 0, errAt(n.At, "in a measure, matches_filter goes inside an aggregate")
	}
	if len(n.Args) != 2 {
		return 0, errAt(n.At, "matches_filter takes a field and a filter expression in backticks")
	}
	f, ok := n.Args[0].(Field)
	if !ok {
		return 0, errAt(n.Args[0].Pos(), "the first argument of matches_filter must be a field")
	}
	if _, ok := n.Args[1].(FilterText); !ok {
		return 0, errAt(n.Args[1].Pos(), "the second argument of matches_filter must be a filter expression in backticks")
	}
	if _, known := c.fields(f.Name); !known {
		return 0, errAt(f.At, "unknown field %s", f.Name)
	}
	return TypeBool, nil
}

// function describes one function of the language.
type function struct {
	min, max int    // argument count; max -1 for any
	args     []Type // the type of each argument; the last repeats
	calc     bool   // a table calculation function (whole result)
	lists    bool   // takes pivot_row's lists (see TypeList)
	// aggregate: in a custom measure, an aggregate of the rows in SQL;
	// measureOnly: only that.
	aggregate, measureOnly bool
	result                 func(n Call, args []Type) (Type, error)
	// literalInts, when set, checks arguments that must be integer constants.
	literalInts func(n Call) error
}

func (f function) arg(i int) Type {
	if len(f.args) == 0 {
		return TypeAny
	}
	if i >= len(f.args) {
		return f.args[len(f.args)-1]
	}
	return f.args[i]
}

func (f function) arity() string {
	switch {
	case f.max < 0:
		return "at least " + itoa(f.min) + " arguments"
	case f.min == f.max:
		return itoa(f.min) + " arguments"
	}
	return itoa(f.min) + " to " + itoa(f.max) + " arguments"
}

func fixed(t Type) func(Call, []Type) (Type, error) {
	return func(Call, []Type) (Type, error) { return t, nil }
}

// same is the type all the arguments from the first share.
func same(from int) func(Call, []Type) (Type, error) {
	return func(n Call, ts []Type) (Type, error) {
		t := TypeNull
		for _, x := range ts[from:] {
			var err error
			if t, err = unify(n.At, n.Name, t, x); err != nil {
				return 0, err
			}
		}
		return t, nil
	}
}

func firstArg(_ Call, ts []Type) (Type, error) { return ts[0], nil }

// listElement is the type of max or min: an element of a list is of any
// type.
func listElement(_ Call, ts []Type) (Type, error) {
	if ts[0] == TypeList {
		return TypeAny, nil
	}
	return ts[0], nil
}

// intConst checks that the arguments at the positions are integer
// constants (optionally negative).
func intConst(positions ...int) func(Call) error {
	return func(n Call) error {
		for _, i := range positions {
			if i < len(n.Args) {
				if _, ok := IntConst(n.Args[i]); !ok {
					return errAt(n.Args[i].Pos(), "argument %d of %s must be a whole number", i+1, n.Name)
				}
			}
		}
		return nil
	}
}

// IntConst is the value of an integer constant node (-3, 12).
func IntConst(n Node) (int, bool) {
	sign := 1
	if u, ok := n.(Unary); ok && u.Op == "-" {
		sign, n = -1, u.X
	}
	num, ok := n.(Number)
	if !ok || num.Value != float64(int(num.Value)) || num.Value > 1e9 || strings.ContainsAny(num.Text, "eE") {
		return 0, false
	}
	return sign * int(num.Value), true
}

// functions is the language: the table below, and the date functions of
// dateFunctions.
var functions = withDateFunctions(map[string]function{
	"if":          {min: 3, max: 3, args: []Type{TypeBool, TypeAny}, result: same(1)},
	"coalesce":    {min: 1, max: -1, result: same(0)},
	"is_null":     {min: 1, max: 1, result: fixed(TypeBool)},
	"contains":    {min: 2, max: 2, args: []Type{TypeString}, result: fixed(TypeBool)},
	"starts_with": {min: 2, max: 2, args: []Type{TypeString}, result: fixed(TypeBool)},
	"ends_with":   {min: 2, max: 2, args: []Type{TypeString}, result: fixed(TypeBool)},
	"concat":      {min: 1, max: -1, result: fixed(TypeString)},
	"lower":       {min: 1, max: 1, args: []Type{TypeString}, result: fixed(TypeString)},
	"upper":       {min: 1, max: 1, args: []Type{TypeString}, result: fixed(TypeString)},
	"round":       {min: 1, max: 2, args: []Type{TypeNumber}, result: fixed(TypeNumber), literalInts: intConst(1)},
	"abs":         {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"floor":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"ceiling":     {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"mod":         {min: 2, max: 2, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"date":        {min: 3, max: 3, args: []Type{TypeNumber}, result: fixed(TypeDate), literalInts: intConst(0, 1, 2)},
	"now":         {min: 0, max: 0, result: fixed(TypeDate)},
	"date_time":   {min: 6, max: 6, args: []Type{TypeNumber}, result: fixed(TypeDate), literalInts: intConst(0, 1, 2, 3, 4, 5)},
	"choose":      {min: 2, max: -1, args: []Type{TypeNumber, TypeAny}, result: same(1)},
	// case is checked by checker.caseCall.
	"case":      {min: 1, max: -1},
	"length":    {min: 1, max: 1, args: []Type{TypeString}, result: fixed(TypeNumber)},
	"position":  {min: 2, max: 2, args: []Type{TypeString}, result: fixed(TypeNumber)},
	"substring": {min: 3, max: 3, args: []Type{TypeString, TypeNumber}, result: fixed(TypeString)},
	"replace":   {min: 3, max: 3, args: []Type{TypeString}, result: fixed(TypeString)},
	"exp":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"ln":        {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"log":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"sqrt":      {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"power":     {min: 2, max: 2, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"sin":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"cos":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"tan":       {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"asin":      {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"acos":      {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	"atan":      {min: 1, max: 1, args: []Type{TypeNumber}, result: fixed(TypeNumber)},
	// matches_filter is checked by checker.matchesFilter.
	"matches_filter": {min: 2, max: 2},

	"offset":                {min: 2, max: 2, args: []Type{TypeAny, TypeNumber}, calc: true, result: firstArg, literalInts: intConst(1)},
	"running_total":         {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"percent_of_column_sum": {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"sum":                   {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, aggregate: true, lists: true, result: fixed(TypeNumber)},
	"mean":                  {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, aggregate: true, lists: true, result: fixed(TypeNumber)},
	"max":                   {min: 1, max: 1, calc: true, aggregate: true, lists: true, result: listElement},
	"min":                   {min: 1, max: 1, calc: true, aggregate: true, lists: true, result: listElement},
	"count":                 {min: 1, max: 1, calc: true, aggregate: true, lists: true, result: fixed(TypeNumber)},
	"count_distinct":        {min: 1, max: 1, calc: true, aggregate: true, lists: true, result: fixed(TypeNumber)},
	"median":                {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	"percentile":            {min: 2, max: 2, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	"stddev_pop":            {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	"stddev_samp":           {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	"var_pop":               {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	"var_samp":              {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, lists: true, result: fixed(TypeNumber)},
	// Positional functions read other rows of the column.
	"index":                        {min: 2, max: 2, args: []Type{TypeAny, TypeNumber}, calc: true, result: firstArg},
	"lookup":                       {min: 3, max: 3, calc: true, result: func(_ Call, ts []Type) (Type, error) { return ts[2], nil }},
	"offset_list":                  {min: 3, max: 3, args: []Type{TypeAny, TypeNumber}, calc: true, result: fixed(TypeList), literalInts: intConst(1, 2)},
	"list":                         {min: 1, max: -1, calc: true, result: fixed(TypeList)},
	"percent_of_previous":          {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"percent_change_from_previous": {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"rank":                         {min: 2, max: 2, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"running_product":              {min: 1, max: 1, args: []Type{TypeNumber}, calc: true, result: fixed(TypeNumber)},
	"pivot_offset_list":            {min: 3, max: 3, args: []Type{TypeAny, TypeNumber}, calc: true, result: fixed(TypeList), literalInts: intConst(1, 2)},
	// The pivot functions read the other pivot columns of a row.
	"pivot_row":    {min: 1, max: 1, calc: true, result: fixed(TypeList)},
	"pivot_index":  {min: 2, max: 2, args: []Type{TypeAny, TypeNumber}, calc: true, result: firstArg, literalInts: intConst(1)},
	"pivot_offset": {min: 2, max: 2, args: []Type{TypeAny, TypeNumber}, calc: true, result: firstArg, literalInts: intConst(1)},
	"pivot_column": {min: 0, max: 0, calc: true, result: fixed(TypeNumber)},
	"pivot_where":  {min: 2, max: 2, args: []Type{TypeBool, TypeAny}, calc: true, result: same(1)},
	"row":          {min: 0, max: 0, calc: true, result: fixed(TypeNumber)},
})
