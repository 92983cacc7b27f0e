// Package dashboard serves the page Overlook's renderer draws: a
// dashboard's tiles, placed from its layout and scaled to the asked size,
// each a chart (chart.js, bundled offline), a single value, a table or
// text. The data is gathered as the rendering user before the page is
// asked for, and handed to the page once, behind a short-lived token.
package dashboard

import (
	"encoding/json"
	"fmt"
)

// Page is one render: a title and tiles placed in Width × Height pixels.
type Page struct {
	Title  string `json:"title"`
	Width  int64  `json:"width"`
	Height int64  `json:"height"`
	Tiles  []Tile `json:"tiles"`
}

// Kinds of tile.
const (
	KindVis  = "vis"
	KindText = "text"
)

// Tile is one tile: a chart of rows (Vis is a Looker vis type such as
// looker_column), or text.
type Tile struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Kind   string  `json:"kind"`
	Vis    string  `json:"vis,omitempty"`
	Rect   Rect    `json:"rect"`
	Body   string  `json:"body,omitempty"`
	Fields []Field `json:"fields,omitempty"`
	Rows   [][]any `json:"rows,omitempty"`
	// Error says why the tile has no data (its query failed).
	Error string `json:"error,omitempty"`
}

// Field is a column of a tile's rows.
type Field struct {
	Name    string `json:"name"`
	Label   string `json:"label"`
	Measure bool   `json:"measure"`
}

// MaxRows caps the rows a tile draws.
const MaxRows = 500

// detail is the part of a json_detail result a tile reads.
type detail struct {
	Fields struct {
		Dimensions []detailField `json:"dimensions"`
		Measures   []detailField `json:"measures"`
	} `json:"fields"`
	Data []map[string]json.RawMessage `json:"data"`
}

type detailField struct {
	Name       string `json:"name"`
	Label      string `json:"label"`
	LabelShort string `json:"label_short"`
}

// SetDetail fills the tile's fields and rows (at most MaxRows) from a
// json_detail result: dimensions first, then measures.
func (t *Tile) SetDetail(raw []byte) error {
	var d detail
	if err := json.Unmarshal(raw, &d); err != nil {
		return fmt.Errorf("tile %s: results: %w", t.ID, err)
	}
	t.Fields = t.Fields[:0]
	for i, group := range [][]detailField{d.Fields.Dimensions, d.Fields.Measures} {
		for _, f := range group {
			label := f.LabelShort
			if label == "" {
				label = f.Label
			}
			t.Fields = append(t.Fields, Field{Name: f.Name, Label: label, Measure: i == 1})
		}
	}
	t.Rows = t.Rows[:0]
	for _, row := range d.Data[:min(len(d.Data), MaxRows)] {
		vals := make([]any, len(t.Fields))
		for i, f := range t.Fields {
			vals[i] = cellValue(row[f.Name])
		}
		t.Rows = append(t.Rows, vals)
	}
	return nil
}

// cellValue is the raw value of a json_detail cell ({"value": …}); a
// pivoted cell or anything else reads as null.
func cellValue(raw json.RawMessage) any {
	var c struct {
		Value any `json:"value"`
	}
	if json.Unmarshal(raw, &c) != nil {
		return nil
	}
	switch c.Value.(type) {
	case string, float64, bool, nil:
		return c.Value
	}
	return nil
}
