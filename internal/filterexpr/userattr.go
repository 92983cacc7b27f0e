package filterexpr

import (
	"fmt"
	"regexp"
)

// userAttrRef matches {{ _user_attributes['name'] }} with either quote.
var userAttrRef = regexp.MustCompile(`\{\{\s*_user_attributes\s*\[\s*(?:'([a-z0-9_]+)'|"([a-z0-9_]+)")\s*\]\s*\}\}`)

// UnknownAttributeError names a user attribute an expression refers to and
// the user does not have.
type UnknownAttributeError struct{ Name string }

func (e *UnknownAttributeError) Error() string {
	return fmt.Sprintf("filter refers to user attribute %q, which has no value", e.Name)
}

// ExpandUserAttributes replaces each {{ _user_attributes['name'] }} with the
// user's value for it, before the expression is parsed. The value is
// itself filter-expression text (an access filter's "A,B" means either),
// and like any expression it only ever reaches SQL as bound values.
func ExpandUserAttributes(expr string, lookup func(name string) (string, bool)) (string, error) {
	var missing error
	out := userAttrRef.ReplaceAllStringFunc(expr, func(ref string) string {
		m := userAttrRef.FindStringSubmatch(ref)
		name := m[1] + m[2]
		v, ok := lookup(name)
		if !ok && missing == nil {
			missing = &UnknownAttributeError{Name: name}
		}
		return v
	})
	if missing != nil {
		return "", missing
	}
	return out, nil
}
