package scheduler

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// PlanFilters reads a plan's filters_string, Looker's URL form of filter
// values (`?f[users.state]=California&f[users.age]=>20`): field name to
// filter expression, applied over the delivered query's own filters.
func PlanFilters(p *store.ScheduledPlan) (map[string]string, error) {
	var opts struct {
		FiltersString *string `json:"filters_string"`
	}
	if p.Options != "" {
		_ = json.Unmarshal([]byte(p.Options), &opts)
	}
	if opts.FiltersString == nil {
		return nil, nil
	}
	return parseFiltersString(*opts.FiltersString, p.DashboardID != 0)
}

// parseFiltersString reads f[field]=value pairs, or, for a dashboard, its
// filters by name (Brand=Levi%27s).
func parseFiltersString(s string, dashboard bool) (map[string]string, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "?")
	if s == "" {
		return nil, nil
	}
	values, err := url.ParseQuery(s)
	if err != nil {
		return nil, overlook.Invalid("filters_string", "invalid", "filters_string is not a URL query: %v", err)
	}
	out := map[string]string{}
	for key, vals := range values {
		if dashboard {
			out[key] = vals[len(vals)-1]
			continue
		}
		field, ok := strings.CutPrefix(key, "f[")
		if field, ok = strings.CutSuffix(field, "]"); !ok || field == "" {
			return nil, overlook.Invalid("filters_string", "invalid", "filters_string keys are f[view.field], not %q", key)
		}
		out[field] = vals[len(vals)-1]
	}
	return out, nil
}
