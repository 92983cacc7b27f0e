package warehouse

import (
	"fmt"
	"sort"
)

// CheckOptions reports the first option not in allowed, so an engine
// never hands a driver an option it has not vetted. The connection
// service applies its own allowlist earlier; this is the engine's guard.
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
			return fmt.Errorf("warehouse: %s: option %q is not allowed", dialect, k)
		}
	}
	return nil
}
