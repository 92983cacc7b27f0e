package compiler

import (
	"encoding/json"
	"strings"

	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
)

// TableCalc is a table calculation of dynamic_fields: computed over the
// result rows after the query runs, and written after the query's columns.
type TableCalc struct {
	Name            string
	Label           string
	Expression      string // the canonical print of Expr
	Expr            lookerexpr.Node
	Type            string // number, string, yesno, date or "" when unknown
	ValueFormat     string
	ValueFormatName string
	// SortOrder, from 1, places the calculation among the query's sorts
	// on calculations (0: not sorted on). The result is sorted on them
	// after the calculations, over the rows the limit kept.
	SortOrder int
	SortDesc  bool
}

// dynamicEntry is one element of the dynamic_fields JSON array. Looker's
// UI adds more keys (_kind_hint, _type_hint…): they are ignored.
type dynamicEntry struct {
	Measure          string            `json:"measure"`
	Dimension        string            `json:"dimension"`
	TableCalculation string            `json:"table_calculation"`
	BasedOn          string            `json:"based_on"`
	Type             string            `json:"type"`
	Expression       string            `json:"expression"`
	Label            string            `json:"label"`
	ValueFormat      *string           `json:"value_format"`
	ValueFormatName  *string           `json:"value_format_name"`
	Filters          map[string]string `json:"filters"`
	FilterExpression string            `json:"filter_expression"`
	// IsDisabled marks an entry the UI keeps but turned off: it is skipped.
	IsDisabled bool `json:"is_disabled"`
}

// custom is a custom dimension or measure, as a synthetic field of the
// explore that the rest of the compiler handles like a model field.
type custom struct {
	ref   semantic.FieldRef
	label string
	expr  lookerexpr.Node   // a custom dimension's expression
	base  semantic.FieldRef // a custom measure's based_on field
	typ   lookerexpr.Type
}

// dynamic is what dynamic_fields and filter_expression add to a query.
type dynamic struct {
	customs map[string]*custom          // by lower-case name
	byField map[*semantic.Field]*custom // the same, by synthetic field
	calcs   []TableCalc
	filter  lookerexpr.Node // the filter_expression, nil when none
}

// customMeasureTypes are the aggregates a custom measure may use.
var customMeasureTypes = map[string]bool{"count": true, "count_distinct": true, "sum": true, "average": true,
	"min": true, "max": true, "list": true, "median": true}

const maxDynamicFields = 200

// readDynamic parses the query's dynamic_fields and filter_expression, and
// returns the query's fields and sorts without its table calculations
// (they are not columns of the SQL).
func (c *compiler) readDynamic(q Query) (fields, sorts []string, err error) {
	c.dyn = &dynamic{customs: map[string]*custom{}, byField: map[*semantic.Field]*custom{}}
	entries, err := parseDynamic(q.DynamicFields)
	if err != nil {
		return nil, nil, err
	}
	var calcs []dynamicEntry
	disabled := map[string]bool{}
	for _, e := range entries {
		switch {
		case e.IsDisabled:
			disabled[strings.ToLower(e.Measure+e.Dimension+e.TableCalculation)] = true
		case e.Measure != "":
			err = c.addCustomMeasure(e)
		case e.Dimension != "":
			err = c.addCustomDimension(e)
		case e.TableCalculation != "":
			calcs = append(calcs, e)
			err = c.reserveName(e.TableCalculation)
		default:
			err = overlook.Invalid("dynamic_fields", "invalid", "each dynamic field needs a measure, dimension or table_calculation name")
		}
		if err != nil {
			return nil, nil, err
		}
	}
	q.Fields, q.Sorts = withoutNames(q.Fields, disabled), withoutNames(q.Sorts, disabled)
	if err = c.checkCustomDimensions(); err != nil {
		return nil, nil, err
	}
	if err = c.readFilterExpression(q.FilterExpression); err != nil {
		return nil, nil, err
	}
	if fields, err = c.readTableCalcs(calcs, q.Fields); err != nil {
		return nil, nil, err
	}
	sorts, err = c.calcSorts(q.Sorts)
	return fields, sorts, err
}

// withoutNames drops the items ("name" or "name desc") naming a disabled
// dynamic field.
func withoutNames(items []string, names map[string]bool) []string {
	if len(names) == 0 {
		return items
	}
	var out []string
	for _, it := range items {
		if w := strings.Fields(it); len(w) == 0 || !names[strings.ToLower(w[0])] {
			out = append(out, it)
		}
	}
	return out
}

func parseDynamic(text string) ([]dynamicEntry, error) {
	text = strings.TrimSpace(text)
	if text == "" || text == "null" {
		return nil, nil
	}
	var entries []dynamicEntry
	if err := json.Unmarshal([]byte(text), &entries); err != nil {
		return nil, overlook.Invalid("dynamic_fields", "invalid", "dynamic_fields must be a JSON array of custom fields: %v", jsonProblem(err))
	}
	if len(entries) > maxDynamicFields {
		return nil, overlook.Invalid("dynamic_fields", "invalid", "at most %d dynamic fields", maxDynamicFields)
	}
	return entries, nil
}

// jsonProblem describes a JSON error without echoing the input.
func jsonProblem(err error) string {
	switch e := err.(type) {
	case *json.SyntaxError:
		return "bad JSON at byte " + itoa(int(e.Offset))
	case *json.UnmarshalTypeError:
		return "a value of the wrong type at byte " + itoa(int(e.Offset))
	}
	return "bad JSON"
}

// validName accepts the names Looker gives custom fields: letters, digits
// and underscores, starting with a letter or underscore.
func validName(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		letter := ch == '_' || 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z'
		if !letter && !(i > 0 && '0' <= ch && ch <= '9') {
			return false
		}
	}
	return true
}

// reserveName checks a custom field's name: well formed, not taken by
// another custom field or by a field of the view it is added to.
func (c *compiler) reserveName(name string) error {
	if !validName(name) {
		return overlook.Invalid("dynamic_fields", "invalid", "a custom field name holds only letters, digits and _")
	}
	key := strings.ToLower(name)
	if _, taken := c.dyn.customs[key]; taken {
		return overlook.Invalid("dynamic_fields", "duplicate", "custom field %s is defined twice", name)
	}
	if _, ok := c.e.Lookup(c.e.ViewName + "." + name); ok {
		return overlook.Invalid("dynamic_fields", "duplicate", "custom field %s has the name of a field of %s", name, c.e.ViewName)
	}
	c.dyn.customs[key] = nil
	return nil
}

func (c *compiler) addCustom(cf *custom) {
	c.dyn.customs[strings.ToLower(cf.ref.Field.Short)] = cf
	c.dyn.byField[cf.ref.Field] = cf
}

func (c *compiler) addCustomMeasure(e dynamicEntry) error {
	if err := c.reserveName(e.Measure); err != nil {
		return err
	}
	if strings.TrimSpace(e.FilterExpression) != "" {
		// Refused rather than ignored: ignoring it would count rows the
		// request meant to leave out.
		return overlook.Invalid("dynamic_fields", "unsupported", "custom measure %s: filter_expression is not supported yet (use filters)", e.Measure)
	}
	if strings.TrimSpace(e.Expression) != "" {
		return c.addExpressionMeasure(e)
	}
	typ := strings.ToLower(strings.TrimSpace(e.Type))
	if !customMeasureTypes[typ] {
		return overlook.Invalid("dynamic_fields", "invalid", "custom measure %s: type must be one of count, count_distinct, sum, average, min, max, list, median", e.Measure)
	}
	base, err := c.lookup("dynamic_fields", e.BasedOn)
	if err != nil {
		return err
	}
	if base.Field.Kind != semantic.Dimension {
		return overlook.Invalid("dynamic_fields", "invalid", "custom measure %s: based_on must be a dimension", e.Measure)
	}
	f := &semantic.Field{Name: base.Alias + "." + e.Measure, Short: e.Measure, View: base.Field.View, Kind: semantic.Measure,
		Type: typ, SQL: semantic.Template{Text: "${" + base.Name() + "}"}, ListField: base.Field.Short, Label: e.Label}
	setFormat(f, e)
	for _, k := range sortedKeys(e.Filters) {
		fr, err := c.lookup("dynamic_fields", k)
		if err != nil {
			return err
		}
		f.Filters = append(f.Filters, semantic.FieldFilter{Field: fr.Name(), Expr: e.Filters[k]})
	}
	c.addCustom(&custom{ref: semantic.FieldRef{Alias: base.Alias, Field: f}, label: e.Label, base: base, typ: measureType(f)})
	return nil
}

// addExpressionMeasure adds a custom measure computed by an expression
// over measures and aggregates of dimensions; it is checked with the
// custom dimensions, once every custom field is known.
func (c *compiler) addExpressionMeasure(e dynamicEntry) error {
	if strings.TrimSpace(e.BasedOn) != "" || len(e.Filters) > 0 {
		return overlook.Invalid("dynamic_fields", "invalid", "custom measure %s: an expression measure takes no based_on or filters", e.Measure)
	}
	if typ := strings.ToLower(strings.TrimSpace(e.Type)); typ != "" && typ != "number" {
		return overlook.Invalid("dynamic_fields", "invalid", "custom measure %s: an expression measure is of type number", e.Measure)
	}
	return c.addExpressionField(e, e.Measure, semantic.Measure)
}

func setFormat(f *semantic.Field, e dynamicEntry) {
	if e.ValueFormat != nil {
		f.ValueFormat = *e.ValueFormat
	}
	if e.ValueFormatName != nil {
		f.ValueFormatName = *e.ValueFormatName
	}
}

// addCustomDimension parses the expression now; it is checked once every
// custom field is known (custom dimensions may refer to each other).
func (c *compiler) addCustomDimension(e dynamicEntry) error {
	if err := c.reserveName(e.Dimension); err != nil {
		return err
	}
	return c.addExpressionField(e, e.Dimension, semantic.Dimension)
}

// addExpressionField adds a custom dimension or measure computed by its
// expression, a field of the explore's base view.
func (c *compiler) addExpressionField(e dynamicEntry, name string, kind semantic.Kind) error {
	n, err := lookerexpr.Parse(e.Expression)
	if err != nil {
		return exprErr("dynamic_fields", name, err)
	}
	f := &semantic.Field{Name: c.e.ViewName + "." + name, Short: name, View: c.e.Base, Kind: kind,
		SQL: semantic.Template{Text: lookerexpr.Format(n)}, Label: e.Label}
	setFormat(f, e)
	c.addCustom(&custom{ref: semantic.FieldRef{Alias: c.e.ViewName, Field: f}, label: e.Label, expr: n})
	return nil
}

// checkCustomDimensions types every custom dimension and expression
// measure; a custom dimension may not read measures, and neither may read
// itself through others.
func (c *compiler) checkCustomDimensions() error {
	for _, cf := range c.dyn.customs {
		if cf == nil || cf.expr == nil {
			continue
		}
		if _, err := c.customType(cf, map[*custom]bool{}); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) customType(cf *custom, visiting map[*custom]bool) (lookerexpr.Type, error) {
	if cf.expr == nil || cf.ref.Field.Type != "" {
		return cf.typ, nil
	}
	if visiting[cf] {
		return 0, overlook.Invalid("dynamic_fields", "invalid", "custom field %s refers to itself", cf.ref.Field.Short)
	}
	visiting[cf] = true
	var inner error
	isMeasure := cf.ref.Field.Kind == semantic.Measure
	types := func(name string) (lookerexpr.Type, bool) {
		ref, ok := c.exprRef(name)
		if !ok {
			return 0, false
		}
		if ref.Field.Kind == semantic.Measure && !isMeasure {
			inner = overlook.Invalid("dynamic_fields", "invalid", "custom dimension %s: %s is a measure", cf.ref.Field.Short, name)
			return 0, false
		}
		if other := c.dyn.byField[ref.Field]; other != nil {
			t, err := c.customType(other, visiting)
			if err != nil && inner == nil {
				inner = err
			}
			return t, err == nil
		}
		return fieldType(ref.Field), true
	}
	var t lookerexpr.Type
	var err error
	if isMeasure {
		t, err = lookerexpr.CheckMeasure(cf.expr, types, func(name string) bool {
			ref, ok := c.exprRef(name)
			return ok && ref.Field.Kind == semantic.Measure
		})
	} else {
		t, err = lookerexpr.Check(cf.expr, types, false)
	}
	if inner != nil {
		return 0, inner
	}
	if err != nil {
		return 0, exprErr("dynamic_fields", cf.ref.Field.Short, err)
	}
	cf.typ = t
	cf.ref.Field.Type = dimensionType(t)
	return t, nil
}

// exprRef resolves a ${name} of an expression: a custom field, or an
// exposed field of the explore.
func (c *compiler) exprRef(name string) (semantic.FieldRef, bool) {
	if cf := c.dyn.customs[strings.ToLower(name)]; cf != nil {
		return cf.ref, true
	}
	if !strings.Contains(name, ".") {
		return semantic.FieldRef{}, false
	}
	ref, err := c.lookup("fields", name)
	return ref, err == nil
}

// customRef finds a custom field by the name a request gives, or by the
// view-qualified name the compiler gives it (side queries use that one).
func (c *compiler) customRef(name string) (semantic.FieldRef, bool) {
	if c.dyn == nil {
		return semantic.FieldRef{}, false
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if cf := c.dyn.customs[name]; cf != nil {
		return cf.ref, true
	}
	for _, cf := range c.dyn.byField {
		if strings.ToLower(cf.ref.Name()) == name {
			return cf.ref, true
		}
	}
	return semantic.FieldRef{}, false
}

// withoutTableCalcs is dynamic_fields without its table calculations, for
// the side queries of totals (calculations run over the main result only).
func withoutTableCalcs(text string) string {
	var entries []map[string]any
	if json.Unmarshal([]byte(text), &entries) != nil {
		return text
	}
	kept := entries[:0]
	for _, e := range entries {
		if _, calc := e["table_calculation"]; !calc {
			kept = append(kept, e)
		}
	}
	out, err := json.Marshal(kept)
	if err != nil {
		return text
	}
	return string(out)
}

// exprErr is a parse or type error of an expression, as a 422 on param.
func exprErr(param, name string, err error) error {
	if e, ok := err.(*lookerexpr.Error); ok {
		if name == "" {
			return overlook.Invalid(param, "invalid", "%s at character %d", e.Msg, e.Pos+1)
		}
		return overlook.Invalid(param, "invalid", "%s: %s at character %d", name, e.Msg, e.Pos+1)
	}
	return overlook.Invalid(param, "invalid", "%s: %v", name, err)
}

// fieldType is the expression type of a model field's values.
func fieldType(f *semantic.Field) lookerexpr.Type {
	if f.Kind == semantic.Measure {
		return measureType(f)
	}
	if f.IsTimeframe() {
		return lookerexpr.TypeAny
	}
	switch f.Type {
	case "number", "tier_number":
		return lookerexpr.TypeNumber
	case "string", "zipcode", "tier", "bin", "location":
		return lookerexpr.TypeString
	case "yesno":
		return lookerexpr.TypeBool
	case "date", "date_time":
		return lookerexpr.TypeDate
	}
	return lookerexpr.TypeAny
}

func measureType(f *semantic.Field) lookerexpr.Type {
	switch f.Type {
	case "string", "list":
		return lookerexpr.TypeString
	case "yesno":
		return lookerexpr.TypeBool
	case "date":
		return lookerexpr.TypeDate
	case "min", "max", "median":
		return lookerexpr.TypeAny
	}
	return lookerexpr.TypeNumber
}

func dimensionType(t lookerexpr.Type) string {
	switch t {
	case lookerexpr.TypeNumber:
		return "number"
	case lookerexpr.TypeBool:
		return "yesno"
	case lookerexpr.TypeDate:
		return "date"
	}
	return "string"
}

func calcType(t lookerexpr.Type) string {
	if t == lookerexpr.TypeAny || t == lookerexpr.TypeNull {
		return ""
	}
	return dimensionType(t)
}
