// Package queries holds Looker's Query objects: immutable definitions stored
// once each (an identical definition gets the existing query back), found by
// id or slug, compiled for a model and run into a result format.
package queries

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Definition is what a client chooses of a query: every writable property
// of Looker's Query but client_id.
type Definition struct {
	Model             string            `json:"model"`
	View              string            `json:"view"`
	Fields            []string          `json:"fields"`
	Pivots            []string          `json:"pivots"`
	FillFields        []string          `json:"fill_fields"`
	Filters           map[string]string `json:"filters"`
	FilterExpression  string            `json:"filter_expression"`
	Sorts             []string          `json:"sorts"`
	Limit             string            `json:"limit"`
	ColumnLimit       string            `json:"column_limit"`
	Total             bool              `json:"total"`
	RowTotal          string            `json:"row_total"`
	Subtotals         []string          `json:"subtotals"`
	VisConfig         map[string]any    `json:"vis_config"`
	FilterConfig      map[string]any    `json:"filter_config"`
	VisibleUISections string            `json:"visible_ui_sections"`
	DynamicFields     string            `json:"dynamic_fields"`
	QueryTimezone     string            `json:"query_timezone"`
}

// Query is a stored query.
type Query struct {
	Definition
	ID        int64
	Slug      string
	ClientID  string
	UserID    int64
	CreatedAt time.Time
}

// normalized returns d with nil lists and maps made empty, so that an
// absent property and an empty one are the same definition.
func (d Definition) normalized() Definition {
	for _, l := range []*[]string{&d.Fields, &d.Pivots, &d.FillFields, &d.Sorts, &d.Subtotals} {
		if *l == nil {
			*l = []string{}
		}
	}
	if d.Filters == nil {
		d.Filters = map[string]string{}
	}
	if d.VisConfig == nil {
		d.VisConfig = map[string]any{}
	}
	if d.FilterConfig == nil {
		d.FilterConfig = map[string]any{}
	}
	return d
}

// Hash identifies the definition: the SHA-256 of its canonical JSON
// (encoding/json writes map keys sorted, so equal definitions encode
// equally whatever order the client sent).
func (d Definition) Hash() string {
	b, err := json.Marshal(d.normalized())
	if err != nil {
		// vis_config came from decoded JSON, so it always encodes; a
		// failure here is a bug.
		panic("queries: definition does not encode: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
