package render_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/render/rendertest"
)

// TestOnlyTheOriginIsLoaded renders a page that reaches for another origin
// in every way it can; that origin must see no request at all, while the
// page's own origin serves its script.
func TestOnlyTheOriginIsLoaded(t *testing.T) {
	rendertest.RequireBrowser(t)
	var outside atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { outside.Add(1) }))
	defer other.Close()
	var own atomic.Int64
	page := fmt.Sprintf(`<!doctype html><html><head>
<link rel="stylesheet" href="%[1]s/style.css"><script src="/ready.js"></script></head>
<body style="background:#000"><img src="%[1]s/pixel.png"><iframe src="%[1]s/frame"></iframe>
<script src="%[1]s/evil.js"></script></body></html>`, other.URL)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		own.Add(1)
		switch r.URL.Path {
		case "/ready.js":
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprintf(w, `fetch(%q).catch(()=>{}); new Image().src=%q;
addEventListener("load", () => setTimeout(() => document.body.setAttribute("data-ready", "ok"), 200));`,
				other.URL+"/fetch", other.URL+"/img2")
		default:
			fmt.Fprint(w, page)
		}
	}))
	defer srv.Close()
	b := render.New(render.Options{})
	defer b.Close()
	data, err := b.Render(context.Background(), render.Request{URL: srv.URL + "/page", Format: render.PNG, Width: 300, Height: 200})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != 300 || img.Bounds().Dy() != 200 {
		t.Fatalf("png: %v", err)
	}
	if n := outside.Load(); n != 0 {
		t.Fatalf("another origin got %d requests", n)
	}
	if own.Load() < 2 {
		t.Fatalf("own origin served %d requests", own.Load())
	}
}

func TestRefusals(t *testing.T) {
	b := render.New(render.Options{ExecPath: "/nonexistent/chromium"})
	defer b.Close()
	for _, req := range []render.Request{
		{URL: "file:///etc/passwd", Format: render.PNG, Width: 100, Height: 100},
		{URL: "http://127.0.0.1:1/x", Format: render.PNG, Width: 5, Height: 100},
		{URL: "http://127.0.0.1:1/x", Format: render.PNG, Width: 100, Height: render.MaxSize + 1},
	} {
		if _, err := b.Render(context.Background(), req); err == nil {
			t.Errorf("%+v rendered", req)
		}
	}
	if b.Started() {
		t.Fatal("a refused request started the browser")
	}
}
