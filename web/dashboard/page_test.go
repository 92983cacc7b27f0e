package dashboard

import (
	"bytes"
	"context"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/render/rendertest"
)

func TestLayoutFillsThePage(t *testing.T) {
	cells := []Cell{{0, 0, 8, 6}, {0, 8, 16, 6}, {6, 0, 24, 4}}
	rects := Layout(cells, 1200, 1000)
	want := []Rect{{4, 4, 392, 592}, {404, 4, 792, 592}, {4, 604, 1192, 392}}
	for i := range want {
		if rects[i] != want[i] {
			t.Errorf("cell %d: %+v, want %+v", i, rects[i], want[i])
		}
	}
	// Nonsense cells still land on the page.
	for _, r := range Layout([]Cell{{-3, 40, 0, -1}}, 300, 200) {
		if r.X < 0 || r.Y < 0 || r.X+r.W > 300 || r.Y+r.H > 200 || r.W < 1 || r.H < 1 {
			t.Errorf("off the page: %+v", r)
		}
	}
}

func TestTokensAreGoodOnce(t *testing.T) {
	p := newPages()
	tok := p.put(Page{Title: "x"})
	if _, ok := p.take("not" + tok); ok {
		t.Fatal("a wrong token found a page")
	}
	if pg, ok := p.take(tok); !ok || pg.Title != "x" {
		t.Fatal("the token did not find its page")
	}
	if _, ok := p.take(tok); ok {
		t.Fatal("a token worked twice")
	}
	for h := range p.m {
		if string(h[:]) == tok {
			t.Fatal("token held in clear")
		}
	}
}

func TestPageHeaders(t *testing.T) {
	r := NewRenderer(render.New(render.Options{}))
	defer r.Close()
	tok := r.pages.put(Page{Title: `</title><script>alert(1)</script>`, Tiles: []Tile{{Body: "</script><b>"}}})
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, pagePath+tok, nil))
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("status %d, headers %v", rec.Code, rec.Header())
	}
	if strings.Count(body, "<script") != 2 || strings.Contains(body, "</script><b>") {
		t.Fatalf("page data escaped its element: %s", body)
	}
	rec = httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, pagePath+tok, nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("second use: %d", rec.Code)
	}
}

// samplePage has a tile of each kind.
func samplePage(width, height int64) Page {
	cells := []Cell{{0, 0, 12, 6}, {0, 12, 12, 6}, {6, 0, 8, 4}, {6, 8, 8, 4}, {6, 16, 8, 4}, {10, 0, 24, 4}}
	rects := Layout(cells, width, height)
	fields := []Field{{Name: "p.category", Label: "Category"}, {Name: "o.count", Label: "Count", Measure: true},
		{Name: "o.total", Label: "Total", Measure: true}}
	rows := [][]any{{"Jeans", 120.0, 3400.5}, {"Tops", 80.0, 1200.0}, {"Socks", 30.0, 90.0}, {nil, 5.0, 1.0}}
	vis := []string{"looker_column", "looker_line", "looker_pie", "single_value", "looker_bar", "table"}
	p := Page{Title: "Sample", Width: width, Height: height}
	for i, v := range vis {
		p.Tiles = append(p.Tiles, Tile{ID: v, Title: v, Kind: KindVis, Vis: v, Rect: rects[i], Fields: fields, Rows: rows})
	}
	p.Tiles[5].Kind, p.Tiles[5].Body = KindText, "Some words\nand more words"
	return p
}

// pageServer serves the renderer's page like a node does.
func pageServer(t *testing.T, r *Renderer) {
	srv := httptest.NewServer(r.Handler())
	t.Cleanup(srv.Close)
	r.SetOrigin(srv.URL)
}

func TestDrawSamplePage(t *testing.T) {
	rendertest.RequireBrowser(t)
	r := NewRenderer(render.New(render.Options{}))
	defer r.Close()
	pageServer(t, r)
	ctx := context.Background()
	for _, size := range [][2]int64{{1000, 700}, {640, 1100}} {
		page := samplePage(size[0], size[1])
		data, err := r.Draw(ctx, page, Options{Format: render.PNG})
		if err != nil {
			t.Fatal(err)
		}
		var rects []Rect
		for _, tile := range page.Tiles {
			rects = append(rects, tile.Rect)
		}
		CheckPNG(t, data, size[0], size[1], rects)
		saveArtifact(t, "sample", size, data)
	}
	data, err := r.Draw(ctx, samplePage(500, 400), Options{Format: render.JPG})
	if err != nil {
		t.Fatal(err)
	}
	if img, err := jpeg.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() != 500 || img.Bounds().Dy() != 400 {
		t.Fatalf("jpeg: %v %v", err, img)
	}
	data, err = r.Draw(ctx, samplePage(800, 600), Options{Format: render.PDF, PaperSize: "a4", Landscape: true})
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("pdf: %v %.20q", err, data)
	}
}

// saveArtifact keeps a rendered image under testdata/out (git-ignored) for
// people to look at.
func saveArtifact(t *testing.T, name string, size [2]int64, data []byte) {
	dir := filepath.Join("testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Log(err)
		return
	}
	file := filepath.Join(dir, name+"-"+itoa(size[0])+"x"+itoa(size[1])+".png")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Log(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
