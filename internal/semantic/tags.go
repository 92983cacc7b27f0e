package semantic

import (
	"errors"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/osteele/liquid/render"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

var errNoSession = errors.New("Looker tags need a query context")

// outputValue renders {{ expr }}. In SQL, a value is pasted only when the
// expression itself says it is model text (see pastes); anything else is
// bound. In HTML every value is escaped.
func outputValue(ctx render.Context) (string, error) {
	s := sessionOf(ctx)
	if s == nil {
		return "", errNoSession
	}
	v, err := ctx.EvaluateString(ctx.TagArgs())
	if err != nil || v == nil {
		return "", err
	}
	if s.html {
		return html.EscapeString(fmt.Sprint(v)), nil
	}
	switch v := v.(type) {
	case string:
		if s.pastes(ctx.TagArgs()) {
			return v, nil
		}
		if s.marks.holdsMarker(v) {
			// A capture that holds a bound value: writing it again would
			// bind the marker, not the value.
			return "", errors.New("a captured value that holds a bound value cannot be written again")
		}
		return s.marks.Bind(v), nil
	case bool, int, int64, float64:
		return s.marks.Bind(v), nil
	}
	return "", fmt.Errorf("cannot write a %T into SQL", v)
}

var (
	namePattern  = regexp.MustCompile(`^\s*_(model|explore|view|field|dialect)\._name\s*$`)
	paramPattern = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\._parameter_value\s*$`)
)

// pastes decides by the expression, never by the value: a name from the
// model or the server (_view._name…) and an unquoted parameter's
// _parameter_value (checked against its allowed values) are SQL text. A
// user attribute that happens to equal a view's name is still a value.
func (s *session) pastes(expr string) bool {
	if namePattern.MatchString(expr) {
		return true
	}
	m := paramPattern.FindStringSubmatch(expr)
	if m == nil {
		return false
	}
	ref, ok := s.explore.fieldNamed(s.alias, m[1]+"."+m[2])
	return ok && ref.Field.Kind == Parameter && ref.Field.Type == "unquoted"
}

// parameterTag renders {% parameter name %}: an unquoted parameter's
// allowed value as the model wrote it, any other type as a bound value.
func parameterTag(ctx render.Context) (string, error) {
	s := sessionOf(ctx)
	if s == nil {
		return "", errNoSession
	}
	ref, err := s.namedField(ctx.TagArgs())
	if err != nil {
		return "", err
	}
	if ref.Field.Kind != Parameter {
		return "", fmt.Errorf("{%% parameter %s %%}: %s is a %s, not a parameter", ctx.TagArgs(), ref.Name(), ref.Field.Kind)
	}
	v, trusted, err := parameterValue(ref, s.values)
	switch {
	case err != nil:
		return "", err
	case trusted:
		return v, nil
	case v == "":
		return "NULL", nil
	}
	typed, err := typedParameter(ref, v)
	if err != nil {
		return "", err
	}
	return s.marks.Bind(typed), nil
}

// parameterValue is the query's value for a parameter, or its default.
// trusted is set for an unquoted parameter, whose value must be one of its
// allowed values and is then returned as the model spells it.
func parameterValue(ref FieldRef, vals *Values) (v string, trusted bool, err error) {
	v, ok := vals.filter(ref.Name())
	if !ok {
		v = ref.Field.DefaultValue
	}
	if ref.Field.Type != "unquoted" {
		return v, false, nil
	}
	if v == "" {
		return "", true, nil
	}
	for _, av := range ref.Field.AllowedValues {
		if strings.EqualFold(av.Value, v) {
			return av.Value, true, nil
		}
	}
	return "", false, &ValueError{Field: ref.Name(), Msg: "the value is not one of the parameter's allowed values"}
}

// typedParameter converts a parameter's text to the Go value its type binds as.
func typedParameter(ref FieldRef, v string) (any, error) {
	switch ref.Field.Type {
	case "number":
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			return n, nil
		}
		if f, ok := parseNumber(v); ok {
			return f, nil
		}
		return nil, &ValueError{Field: ref.Name(), Msg: "the value is not a number"}
	case "yesno":
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "yes":
			return true, nil
		case "no":
			return false, nil
		}
		return nil, &ValueError{Field: ref.Name(), Msg: "the value is not yes or no"}
	}
	return v, nil
}

// conditionTag renders {% condition filter %} sql {% endcondition %}: the
// query's filter on the field, applied to sql, or 1=1 when unfiltered.
func conditionTag(ctx render.Context) (string, error) {
	s := sessionOf(ctx)
	if s == nil {
		return "", errNoSession
	}
	ref, err := s.namedField(ctx.TagArgs())
	if err != nil {
		return "", err
	}
	inner, err := ctx.InnerString()
	if err != nil {
		return "", err
	}
	pred, err := s.predicate(ref)
	if err != nil || pred == nil {
		return "1=1", err
	}
	opts := s.valuesOrEmpty().Render
	return filterexpr.RenderWith(pred, strings.TrimSpace(inner), s.marks, opts), nil
}

// dateBoundTag renders {% date_start f %} or {% date_end f %}: a bound of
// the query's date filter on f, or NULL.
func dateBoundTag(start bool) func(render.Context) (string, error) {
	return func(ctx render.Context) (string, error) {
		s := sessionOf(ctx)
		if s == nil {
			return "", errNoSession
		}
		ref, err := s.namedField(ctx.TagArgs())
		if err != nil {
			return "", err
		}
		pred, err := s.predicate(ref)
		if err != nil || pred == nil {
			return "NULL", err
		}
		r, ok := firstRange(pred)
		bound := r.End
		if start {
			bound = r.Start
		}
		if !ok || bound.IsZero() {
			return "NULL", nil
		}
		return s.marks.Bind(bound), nil
	}
}

// predicate parses the query's filter on a field; nil when there is none.
func (s *session) predicate(ref FieldRef) (filterexpr.Predicate, error) {
	expr, ok := s.values.filter(ref.Name())
	if !ok || strings.TrimSpace(expr) == "" {
		return nil, nil
	}
	p, err := filterexpr.Parse(ref.Field.FilterKind(), expr, s.valuesOrEmpty().Dates)
	if err != nil {
		return nil, &ValueError{Field: ref.Name(), Msg: err.Error()}
	}
	if _, any := p.(filterexpr.Any); any {
		return nil, nil
	}
	return p, nil
}

// firstRange finds the first date window of a predicate.
func firstRange(p filterexpr.Predicate) (filterexpr.DateRange, bool) {
	switch p := p.(type) {
	case filterexpr.DateRange:
		return p, true
	case filterexpr.Or:
		return firstOf(p.Terms)
	case filterexpr.And:
		return firstOf(p.Terms)
	}
	return filterexpr.DateRange{}, false
}

func firstOf(ps []filterexpr.Predicate) (filterexpr.DateRange, bool) {
	for _, t := range ps {
		if r, ok := firstRange(t); ok {
			return r, true
		}
	}
	return filterexpr.DateRange{}, false
}

// namedField finds the field a Looker tag names: view.field, or a field of
// the template's own view.
func (s *session) namedField(arg string) (FieldRef, error) {
	name := strings.TrimSpace(arg)
	ref, ok := s.explore.fieldNamed(s.alias, name)
	if !ok {
		return FieldRef{}, fmt.Errorf("unknown field %q", name)
	}
	return ref, nil
}
