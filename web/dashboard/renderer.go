package dashboard

import (
	"context"
	"net/http"
	"strings"
	"sync"

	"github.com/overlookbi/overlook/internal/render"
)

// Renderer draws pages in a shared browser and runs render tasks in the
// background until it is closed.
type Renderer struct {
	browser *render.Browser
	pages   *pages
	handler *handler

	mu     sync.Mutex
	origin string

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// NewRenderer returns a renderer drawing in browser.
func NewRenderer(browser *render.Browser) *Renderer {
	p := newPages()
	ctx, cancel := context.WithCancel(context.Background())
	return &Renderer{browser: browser, pages: p, handler: newHandler(p), ctx: ctx, cancel: cancel}
}

// Handler serves the page; mount it at Prefix.
func (r *Renderer) Handler() http.Handler { return r.handler }

// SetOrigin tells the renderer where the browser reaches this node (its
// own listener, so the page is served by the node that prepared it).
func (r *Renderer) SetOrigin(origin string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.origin = strings.TrimRight(origin, "/")
}

func (r *Renderer) getOrigin() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.origin
}

// Options are the output settings of a render.
type Options struct {
	Format    string // render.PNG, render.JPG or render.PDF
	PaperSize string
	Landscape bool
}

// Draw renders page in the asked format at the page's size.
func (r *Renderer) Draw(ctx context.Context, page Page, opt Options) ([]byte, error) {
	token := r.pages.put(page)
	defer r.pages.drop(token)
	return r.browser.Render(ctx, render.Request{URL: r.getOrigin() + pagePath + token, Format: opt.Format,
		Width: page.Width, Height: page.Height, PaperSize: opt.PaperSize, Landscape: opt.Landscape})
}

// Go runs fn in the background with a context that ends when the renderer
// closes; Close waits for it.
func (r *Renderer) Go(fn func(ctx context.Context)) {
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		fn(r.ctx)
	}()
}

// Close ends the background work, waits for it, and stops the browser.
func (r *Renderer) Close() error {
	r.cancel()
	r.wg.Wait()
	return r.browser.Close()
}
