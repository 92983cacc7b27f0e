package warehouse

import (
	"fmt"
	"sort"
)

// OptionError is a connection option an engine refuses; the connection
// service turns it into a 422 naming Option.
type OptionError struct {
	Dialect string
	Option  string
	Reason  string // e.g. "is not allowed", "must be a whole number from 1 to 256"
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("warehouse: %s: option %q %s", e.Dialect, e.Option, e.Reason)
}

// CheckOptions reports the first option (in name order) not in allowed, so
// an engine never hands a driver an option it has not vetted. The
// connection service applies its own allowlist earlier; this is the
// engine's guard.
func CheckOptions(dialect string, opts map[string]string, allowed ...string) error {
	ok := make(map[string]bool, len(allowed))
	for _, a := range allowed {
		ok[a] = true
	}
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !ok[k] {
			return &OptionError{Dialect: dialect, Option: k, Reason: "is not allowed"}
		}
	}
	return nil
}
