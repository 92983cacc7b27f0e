package looker40

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/web/dashboard"
)

// What a render page is built from: the tiles' data, run as the task's
// user (the principal in ctx) before the browser asks for the page.

// queryPage is one chart of a stored query filling the page.
func (b *Backend) queryPage(title string, queryID int64) pageBuilder {
	return func(ctx context.Context, width, height int64) (dashboard.Page, error) {
		q, err := queries.New(b.Store).Get(ctx, queryID)
		if err != nil {
			return dashboard.Page{}, err
		}
		tile := b.queryTile(ctx, idText(queryID), title, q.Definition, queryID, nil)
		return onePage(title, width, height, tile), nil
	}
}

// elementPage is one dashboard tile filling the page, its filters at their
// defaults.
func (b *Backend) elementPage(e *store.DashboardElement) pageBuilder {
	return func(ctx context.Context, width, height int64) (dashboard.Page, error) {
		tile, err := b.elementTile(ctx, e, map[string]string{})
		if err != nil {
			return dashboard.Page{}, err
		}
		return onePage(tile.Title, width, height, tile), nil
	}
}

func onePage(title string, width, height int64, tile dashboard.Tile) dashboard.Page {
	tile.Rect = dashboard.Layout(dashboard.Whole, width, height)[0]
	return dashboard.Page{Title: title, Width: width, Height: height, Tiles: []dashboard.Tile{tile}}
}

// dashboardPage is every tile of d placed from its active layout (or, for
// tiles the layout misses, two to a row; one to a row when singleColumn),
// under the given filter values.
func (b *Backend) dashboardPage(d *store.Dashboard, filters map[string]string, singleColumn bool) pageBuilder {
	return func(ctx context.Context, width, height int64) (dashboard.Page, error) {
		parts, err := b.Content.Parts(ctx, d.ID)
		if err != nil {
			return dashboard.Page{}, err
		}
		cells := tileCells(parts, singleColumn)
		rects := dashboard.Layout(cells, width, height)
		page := dashboard.Page{Title: d.Title, Width: width, Height: height}
		for i, e := range parts.Elements {
			tile, err := b.elementTile(ctx, e, filters)
			if err != nil {
				return dashboard.Page{}, err
			}
			tile.Rect = rects[i]
			page.Tiles = append(page.Tiles, tile)
		}
		return page, nil
	}
}

// tileCells places each element: from the active layout when it places
// them all, else in an automatic grid.
func tileCells(parts *content.DashboardParts, singleColumn bool) []dashboard.Cell {
	n := len(parts.Elements)
	if singleColumn {
		cells := make([]dashboard.Cell, n)
		for i := range cells {
			cells[i] = dashboard.Cell{Row: int64(i) * 6, Width: dashboard.GridColumns, Height: 6}
		}
		return cells
	}
	byElement := map[int64]dashboard.Cell{}
	for _, l := range parts.Layouts {
		if !l.Active {
			continue
		}
		for _, c := range parts.Components[l.ID] {
			if !c.Deleted {
				byElement[c.ElementID] = dashboard.Cell{Row: c.Row, Column: c.Column, Width: c.Width, Height: c.Height}
			}
		}
	}
	cells := make([]dashboard.Cell, 0, n)
	for _, e := range parts.Elements {
		c, ok := byElement[e.ID]
		if !ok {
			return dashboard.AutoCells(n)
		}
		cells = append(cells, c)
	}
	return cells
}

// elementTile is a tile's text, or its query run under the filters.
func (b *Backend) elementTile(ctx context.Context, e *store.DashboardElement, filters map[string]string) (dashboard.Tile, error) {
	var texts struct {
		Title string `json:"title_text"`
		Body  string `json:"body_text"`
	}
	_ = json.Unmarshal([]byte(e.Texts), &texts)
	title := e.Title
	if title == "" {
		title = texts.Title
	}
	id := idText(e.ID)
	if e.QueryID == 0 && e.LookID == 0 {
		return dashboard.Tile{ID: id, Title: title, Kind: dashboard.KindText, Body: texts.Body}, nil
	}
	tq, err := b.Content.RunElement(ctx, overlook.PrincipalFrom(ctx), e.ID, filters)
	if err != nil {
		return dashboard.Tile{}, err
	}
	rm := content.ParseResultMaker(e.ResultMaker)
	return b.queryTile(ctx, id, title, tq.Definition, tq.QueryID, rm.VisConfig), nil
}

// queryTile runs d and keeps its rows; a query that fails shows its error
// in the tile rather than failing the whole render. vis, when it names a
// type, overrides the query's own.
func (b *Backend) queryTile(ctx context.Context, id, title string, d queries.Definition, queryID int64, vis map[string]any) dashboard.Tile {
	tile := dashboard.Tile{ID: id, Title: title, Kind: dashboard.KindVis, Vis: visType(d.VisConfig)}
	if v := visType(vis); v != "" {
		tile.Vis = v
	}
	raw, err := b.tileResults(ctx, d, queryID)
	if err == nil {
		err = tile.SetDetail(raw)
	}
	if err != nil {
		tile.Error = err.Error()
	}
	return tile
}

func visType(cfg map[string]any) string {
	s, _ := cfg["type"].(string)
	return s
}

// tileResults runs d as json_detail, through the results cache, at most
// dashboard.MaxRows rows.
func (b *Backend) tileResults(ctx context.Context, d queries.Definition, queryID int64) ([]byte, error) {
	f, err := results.Resolve("json_detail")
	if err != nil {
		return nil, err
	}
	p := TaskRunParams{}
	if n, ok := queryLimit(d.Limit); !ok || n > dashboard.MaxRows {
		p.Limit = dashboard.MaxRows
	}
	job, err := b.taskJob(ctx, &queries.Query{ID: queryID, Definition: d}, f, p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := job.Run(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// queryLimit reads a query's limit; ok is false when it has none.
func queryLimit(limit string) (int64, bool) {
	var n int64
	if err := json.Unmarshal([]byte(limit), &n); err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// Size of a run's image when image_width or image_height is not given.
const (
	defaultImageWidth  = 800
	defaultImageHeight = 600
)

func isImageFormat(format string) bool { return format == render.PNG || format == render.JPG }

// runImage answers a run in png or jpg: the query's chart drawn as the
// caller, image_width × image_height, while the client waits.
func (b *Backend) runImage(ctx context.Context, d queries.Definition, queryID int64, p RunParams) (*huma.StreamResponse, error) {
	width, height := cmp.Or(p.ImageWidth, defaultImageWidth), cmp.Or(p.ImageHeight, defaultImageHeight)
	if err := checkRenderSize("image_width", width); err != nil {
		return nil, err
	}
	if err := checkRenderSize("image_height", height); err != nil {
		return nil, err
	}
	if b.Render == nil {
		return nil, overlook.Errorf(overlook.EINTERNAL, "this node does not render")
	}
	if p.Limit != 0 {
		d.Limit = strconv.FormatInt(p.Limit, 10)
	}
	if _, err := b.compileQuery(ctx, d, true); err != nil {
		return nil, err // the caller's mistakes are answered as 4xx, before anything is drawn
	}
	tile := b.queryTile(ctx, idText(queryID), "", d, queryID, nil)
	data, err := b.Render.Draw(ctx, onePage("", width, height, tile), dashboard.Options{Format: p.ResultFormat})
	if err != nil {
		return nil, err
	}
	return bodyResponse(http.StatusOK, renderContentTypes[p.ResultFormat], data), nil
}
