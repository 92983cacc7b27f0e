package compiler

import (
	"slices"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// SuggestLimit is how many values a suggestion query returns at most.
const SuggestLimit = 100

// SuggestQuery asks for the values of one dimension of an explore.
type SuggestQuery struct {
	Explore string
	Field   string
	// Term keeps the values that contain it, ignoring case.
	Term string
	// Filters narrow the rows as a query's filters do.
	Filters map[string]string
}

// Suggestions are either values the model lists (Static) or a query that
// finds them (Query, whose one column holds the values; it asks for one
// row more than SuggestLimit so that the caller can tell hit_limit).
type Suggestions struct {
	Static []string
	Query  *Compiled
}

// Suggest builds the suggestion query of a dimension: SELECT DISTINCT the
// field WHERE it contains the term, with the filters and the explore's
// access filters, ordered, limited. A field whose model lists its values
// (allowed_value) is answered from the model.
func Suggest(m *semantic.Model, sq SuggestQuery, dialectName string, ctx Context) (*Suggestions, error) {
	c, err := newCompiler(m, sq.Explore, dialectName, ctx)
	if err != nil {
		return nil, err
	}
	ref, err := c.lookup("field_name", sq.Field)
	if err != nil {
		return nil, err
	}
	if vals := staticSuggestions(ref.Field, sq.Term); vals != nil {
		return &Suggestions{Static: vals}, nil
	}
	if ref.Field.Kind != semantic.Dimension {
		return nil, overlook.Invalid("field_name", "not_a_dimension", "%s is a %s; only dimensions have suggestions", ref.Name(), ref.Field.Kind)
	}
	c.q = Query{View: sq.Explore, Fields: []string{ref.Name()}, Filters: sq.Filters, Limit: "1"}
	p, err := c.plan()
	if err != nil {
		return nil, err
	}
	p.limit, p.distinct = SuggestLimit+1, true
	cq, err := c.buildSuggest(p, ref, sq.Term)
	if err != nil {
		return nil, err
	}
	return &Suggestions{Query: cq}, nil
}

// buildSuggest is build with the term's condition and without NULLs.
func (c *compiler) buildSuggest(p *plan, ref semantic.FieldRef, term string) (*Compiled, error) {
	c.building = true
	s := &sqlgen.Select{Limit: p.limit, Distinct: true}
	cols, _, err := c.columns(p, s)
	if err != nil {
		return nil, err
	}
	s.Columns, cols = s.Columns[:1], cols[:1] // no sort companion: values sort as text
	where, having, err := c.wherePredicates(p)
	if err != nil {
		return nil, err
	}
	value := s.Columns[0].Expr
	where = append(where, sqlgen.IsNull{X: value, Not: true})
	if term = strings.TrimSpace(term); term != "" {
		pattern := "%" + sqlgen.EscapeLike(c.d, term) + "%"
		where = append(where, sqlgen.Like{X: sqlgen.Cast{X: value, Type: sqlgen.TypeString}, Pattern: sqlgen.Param{Value: pattern}, Fold: true})
	}
	s.Where, s.Having = optional(where), optional(having)
	if err = c.from(s); err != nil {
		return nil, err
	}
	// NULLs are filtered out, so the plain ORDER BY sorts alike everywhere
	// (and MySQL takes it with DISTINCT, unlike its NULLS LAST emulation).
	s.OrderBy = []sqlgen.Order{{Expr: sqlgen.Ordinal{N: 1}}}
	return c.finish(s, cols, p.limit, []string{ref.Name()})
}

// staticSuggestions are the values the model lists for a field, kept when
// they contain the term; nil when the model lists none.
func staticSuggestions(f *semantic.Field, term string) []string {
	if len(f.AllowedValues) == 0 {
		return nil
	}
	term = strings.ToLower(strings.TrimSpace(term))
	out := []string{}
	for _, av := range f.AllowedValues {
		if strings.Contains(strings.ToLower(av.Value), term) && !slices.Contains(out, av.Value) {
			out = append(out, av.Value)
		}
	}
	return out
}
