package content

import (
	"context"
	"encoding/json"
	"maps"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// ResultMaker is what a tile keeps of how its results are made: which
// dashboard filters it listens to and how it sorts and shows them. It is
// stored as the element's result_maker JSON.
type ResultMaker struct {
	Filterables   []Filterable   `json:"filterables,omitempty"`
	Sorts         []string       `json:"sorts,omitempty"`
	Total         *bool          `json:"total,omitempty"`
	VisConfig     map[string]any `json:"vis_config,omitempty"`
	DynamicFields string         `json:"dynamic_fields,omitempty"`
	MergeResultID string         `json:"merge_result_id,omitempty"`
	SQLQueryID    string         `json:"sql_query_id,omitempty"`
}

// Filterable is one explore of a tile that dashboard filters apply to.
type Filterable struct {
	Model  string   `json:"model,omitempty"`
	View   string   `json:"view,omitempty"`
	Name   string   `json:"name,omitempty"`
	Listen []Listen `json:"listen"`
}

// Listen maps a dashboard filter, by name, onto a field of the tile's query.
type Listen struct {
	DashboardFilterName string `json:"dashboard_filter_name"`
	Field               string `json:"field"`
}

// ParseResultMaker reads a stored result_maker; bad JSON reads as empty.
func ParseResultMaker(text string) ResultMaker {
	var rm ResultMaker
	_ = json.Unmarshal([]byte(text), &rm)
	return rm
}

// Text is the JSON stored for rm.
func (rm ResultMaker) Text() string {
	b, _ := json.Marshal(rm)
	return string(b)
}

// TileQuery is the query a tile runs once the dashboard's filters are
// merged into it.
type TileQuery struct {
	Definition queries.Definition
	// QueryID is the stored query the tile starts from.
	QueryID int64
	// Element is the tile itself.
	Element *store.DashboardElement
}

// RunElement returns the query a tile runs under the dashboard filter
// values given by filter name: the tile's query (its own, or its look's)
// with, for each filter the tile listens to, the value given or else the
// filter's default written as a filter on the listening field. Empty
// values filter nothing; names of no filter are ignored.
func (s *Service) RunElement(ctx context.Context, p *overlook.Principal, elementID int64, filterValues map[string]string) (*TileQuery, error) {
	e, err := s.DashboardElement(ctx, p, elementID)
	if err != nil {
		return nil, err
	}
	queryID := e.QueryID
	if queryID == 0 && e.LookID != 0 {
		l, err := s.Look(ctx, p, e.LookID)
		if err != nil {
			return nil, err
		}
		queryID = l.QueryID
	}
	if queryID == 0 {
		return nil, overlook.Invalid("dashboard_element_id", "invalid", "tile %d has no query to run", elementID)
	}
	q, err := queries.New(s.st).Get(ctx, queryID)
	if err != nil {
		return nil, err
	}
	filters, err := s.st.DashboardFilters(ctx, e.DashboardID)
	if err != nil {
		return nil, err
	}
	byName := map[string]*store.DashboardFilter{}
	for _, f := range filters {
		byName[f.Name] = f
	}
	d := q.Definition
	d.Filters = maps.Clone(d.Filters)
	if d.Filters == nil {
		d.Filters = map[string]string{}
	}
	for _, fa := range ParseResultMaker(e.ResultMaker).Filterables {
		for _, l := range fa.Listen {
			f, ok := byName[l.DashboardFilterName]
			if !ok || l.Field == "" {
				continue
			}
			value, given := filterValues[f.Name]
			if !given {
				value = f.DefaultValue
			}
			if value != "" {
				d.Filters[l.Field] = value
			}
		}
	}
	return &TileQuery{Definition: d, QueryID: queryID, Element: e}, nil
}
