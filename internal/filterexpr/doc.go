// Package filterexpr parses Looker filter expressions — the small grammars
// users type into a field's filter ("FOO%,-FOOD", ">=5 AND <10",
// "3 days ago for 2 days", "yes", "40 miles from 36.97, -122.03") — into a
// predicate tree, and renders such a tree over a trusted SQL expression.
//
// The package never writes a user value into SQL text: every value in the
// tree is typed (string, int64, float64, time.Time) and reaches the query
// only through Binder.Bind, which returns a placeholder. Date expressions are
// resolved at parse time against an injected clock and time zone into
// concrete [start, end) instants, so the tree carries no "now".
//
// Which grammar applies depends on the field type: see Kind and Parse.
package filterexpr
