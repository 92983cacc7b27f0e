package filterexpr

import "strconv"

// Binder records one bound value and returns its placeholder ("?" or "$3").
// The SQL dialect package implements it; Args is a ready-made one.
type Binder interface {
	Bind(v any) string
}

// Args is a Binder that collects values in order. With Dollar set it writes
// PostgreSQL placeholders ($1, $2, …), numbered after any values already
// held; otherwise it writes "?".
type Args struct {
	Dollar bool
	Values []any
}

// Bind appends v and returns its placeholder.
func (a *Args) Bind(v any) string {
	a.Values = append(a.Values, v)
	if a.Dollar {
		return "$" + strconv.Itoa(len(a.Values))
	}
	return "?"
}
