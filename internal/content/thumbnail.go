package content

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Sketch is what a thumbnail shows: a title bar and tiles in a grid.
type Sketch struct {
	Title string
	Tiles []SketchTile
}

// SketchTile is one tile: its title and type (text, vis, data, look…).
type SketchTile struct {
	Title string
	Type  string
}

// Thumbnail sizes: the default, and the bounds a request may ask for.
const (
	ThumbnailWidth  = 320
	ThumbnailHeight = 200
	thumbnailMin    = 16
	thumbnailMax    = 2048
)

// ThumbnailSketch describes the look or dashboard kind/id ("look" or
// "dashboard"; the plural forms too) for a thumbnail; content the caller
// cannot view is not found.
func (s *Service) ThumbnailSketch(ctx context.Context, p *overlook.Principal, kind string, id int64) (*Sketch, error) {
	switch strings.TrimSuffix(strings.ToLower(kind), "s") {
	case "look":
		l, err := s.Look(ctx, p, id)
		if err != nil {
			return nil, err
		}
		return &Sketch{Title: l.Title, Tiles: []SketchTile{{Title: l.Title, Type: "look"}}}, nil
	case "dashboard":
		d, err := s.Dashboard(ctx, p, id)
		if err != nil {
			return nil, err
		}
		elements, err := s.st.DashboardElements(ctx, store.ElementFilter{DashboardID: d.ID})
		if err != nil {
			return nil, err
		}
		sk := &Sketch{Title: d.Title}
		for _, e := range elements {
			sk.Tiles = append(sk.Tiles, SketchTile{Title: e.Title, Type: e.Type})
		}
		return sk, nil
	}
	return nil, overlook.Invalid("type", "invalid", "type is look or dashboard")
}

// ThumbnailSize checks a requested size; 0 takes the default.
func ThumbnailSize(width, height int64) (int, int, error) {
	if width == 0 {
		width = ThumbnailWidth
	}
	if height == 0 {
		height = ThumbnailHeight
	}
	for _, d := range []struct {
		field string
		v     int64
	}{{"width", width}, {"height", height}} {
		if d.v < thumbnailMin || d.v > thumbnailMax {
			return 0, 0, overlook.Invalid(d.field, "invalid", "%s must be between %d and %d", d.field, thumbnailMin, thumbnailMax)
		}
	}
	return int(width), int(height), nil
}

// box is a rectangle of the picture with its fill.
type box struct {
	x, y, w, h int
	fill       string
}

// layout places the title bar and tiles: two columns, text tiles short.
func (sk *Sketch) layout(w, h int) []box {
	pad := max(w/40, 2)
	bar := max(h/8, 4)
	boxes := []box{{0, 0, w, h, "#F4F6F8"}, {0, 0, w, bar, "#1F2933"}}
	n := max(len(sk.Tiles), 1)
	rows := (n + 1) / 2
	rowH := max((h-bar-pad*(rows+1))/rows, 2)
	colW := (w - pad*3) / 2
	palette := standardCollections[0].Categorical[0].Colors
	for i := range n {
		col, row := i%2, i/2
		tw := colW
		if n%2 == 1 && i == n-1 {
			tw = w - pad*2 // a last tile alone spans both columns
		}
		x, y := pad+col*(colW+pad), bar+pad+row*(rowH+pad)
		boxes = append(boxes, box{x, y, tw, rowH, "#FFFFFF"})
		accent := palette[i%len(palette)]
		if i < len(sk.Tiles) && sk.Tiles[i].Type == "text" {
			boxes = append(boxes, box{x + pad, y + rowH/3, tw * 2 / 3, max(rowH/8, 1), "#9AA5B1"})
			continue
		}
		// A little bar chart inside the tile.
		for b := range 4 {
			bh := max(rowH*(b+2)/8, 1)
			bw := max((tw-pad*2)/6, 1)
			boxes = append(boxes, box{x + pad + b*(bw+bw/2), y + rowH - pad/2 - bh, bw, bh, accent})
		}
	}
	return boxes
}

// PNG draws the sketch as a w×h PNG.
func (sk *Sketch) PNG(w, h int) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for _, b := range sk.layout(w, h) {
		draw.Draw(img, image.Rect(b.x, b.y, b.x+b.w, b.y+b.h), &image.Uniform{hexRGBA(b.fill)}, image.Point{}, draw.Src)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// SVG draws the sketch as a w×h SVG document.
func (sk *Sketch) SVG(w, h int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"+
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n", w, h, w, h)
	fmt.Fprintf(&sb, "<title>%s</title>\n", html.EscapeString(sk.Title))
	for _, b := range sk.layout(w, h) {
		fmt.Fprintf(&sb, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", b.x, b.y, b.w, b.h, b.fill)
	}
	fmt.Fprintf(&sb, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"%d\" fill=\"#FFFFFF\">%s</text>\n",
		max(w/40, 2), max(h/8, 4)*3/4, max(h/16, 6), html.EscapeString(sk.Title))
	sb.WriteString("</svg>\n")
	return sb.String()
}

// hexRGBA reads #RRGGBB.
func hexRGBA(s string) color.RGBA {
	v, _ := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}
