package semantic

import (
	"fmt"
	"strings"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// Values is what Liquid sees of one query and its user. None of it is
// trusted: it reaches SQL only through the Binder, except an unquoted
// parameter's value once it matched one of the model's allowed_values.
type Values struct {
	UserAttributes map[string]string
	// Filters holds the query's filter expressions and parameter values by
	// field name ("users.state", "users.metric").
	Filters map[string]string
	// Fields lists the query's fields (for _is_selected and _in_query).
	Fields   []string
	Dialect  string // _dialect._name
	Timezone string // _query._query_timezone
	// Dates resolves date filters for {% condition %} and {% date_start %}.
	Dates filterexpr.DateContext
	// Render carries the dialect's LIKE and case choices for {% condition %}.
	Render filterexpr.RenderOptions
}

// filter returns the query's expression for a field name (any case).
func (v *Values) filter(name string) (string, bool) {
	if v == nil {
		return "", false
	}
	for k, expr := range v.Filters {
		if strings.EqualFold(k, name) {
			return expr, true
		}
	}
	return "", false
}

func (v *Values) selected(name string) bool {
	if v == nil {
		return false
	}
	for _, f := range v.Fields {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	return false
}

// ValueError is a query value the model refuses: an unquoted parameter
// given something other than an allowed_value, a number parameter given
// text, a filter expression that does not parse. It is the query's fault,
// not the model's.
type ValueError struct {
	Field string
	Msg   string
}

func (e *ValueError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Msg) }
