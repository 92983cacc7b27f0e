package render

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Formats a page renders to.
const (
	PNG = "png"
	JPG = "jpg"
	PDF = "pdf"
)

// Size limits of a render, in CSS pixels.
const (
	MinSize = 10
	MaxSize = 8000
)

// ReadyAttr is the attribute of <body> a page sets once it has drawn
// everything: "ok", or "error" when it could not.
const ReadyAttr = "data-ready"

// Request is one page to draw.
type Request struct {
	// URL is the page; the browser may load its origin only.
	URL           string
	Format        string
	Width, Height int64
	// PDF settings: a named paper size (letter, legal, tabloid, a0…a5;
	// empty prints one page of the page's own size) and orientation.
	PaperSize string
	Landscape bool
}

// Render loads req.URL at req.Width × req.Height (device scale 1), waits
// until the page says it is ready, and returns it as req.Format.
func (b *Browser) Render(ctx context.Context, req Request) ([]byte, error) {
	origin, err := originOf(req.URL)
	if err != nil {
		return nil, err
	}
	if req.Width < MinSize || req.Width > MaxSize || req.Height < MinSize || req.Height > MaxSize {
		return nil, fmt.Errorf("render: size %d×%d out of range", req.Width, req.Height)
	}
	ctx, cancel := context.WithTimeout(ctx, b.opts.Timeout)
	defer cancel()
	select {
	case b.slots <- struct{}{}:
		defer func() { <-b.slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	browserCtx, err := b.browser()
	if err != nil {
		return nil, err
	}
	tab, closeTab := chromedp.NewContext(browserCtx)
	defer closeTab()
	stop := context.AfterFunc(ctx, closeTab)
	defer stop()
	return chromedp.Run(tab, func(tctx context.Context, t *chromedp.Target) ([]byte, error) {
		if err := guard(tctx, t, origin); err != nil {
			return nil, err
		}
		if err := chromedp.Do(tctx, chromedp.EmulateViewport(req.Width, req.Height),
			chromedp.Navigate(req.URL), waitReady(t, b.opts.Timeout)); err != nil {
			return nil, err
		}
		return capture(tctx, t, req)
	})
}

// originOf is the scheme://host:port of a page URL.
func originOf(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("render: %q is not an http(s) URL", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// guard pauses every request of the tab and lets through only those to
// origin; anything else fails as blocked, so nothing reaches the network.
func guard(ctx context.Context, t *chromedp.Target, origin string) error {
	paused := cdp.Events(ctx, t, fetch.RequestPaused)
	if _, err := cdp.Call(ctx, t, fetch.Enable, fetch.EnableParams{}); err != nil {
		return err
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if sameOrigin(ev.Request.URL, origin) {
				_, _ = cdp.Call(ctx, t, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			_, _ = cdp.Call(ctx, t, fetch.FailRequest,
				fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	return nil
}

// sameOrigin reports whether raw is a URL of origin (and not, say, of
// origin.evil.example).
func sameOrigin(raw, origin string) bool {
	o, err := originOf(raw)
	return err == nil && strings.EqualFold(o, origin)
}

// waitReady waits until the page marks <body> ready, and fails if it
// marked it as an error.
func waitReady(t *chromedp.Target, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		state, err := chromedp.Poll[string](`document.body && document.body.getAttribute("`+ReadyAttr+`")`,
			chromedp.WithPollingTimeout(timeout))(ctx, t)
		if err != nil {
			return err
		}
		if state != "ok" {
			return errors.New("render: the page could not draw itself")
		}
		return nil
	})
}

// capture takes the viewport as an image, or prints the page.
func capture(ctx context.Context, t *chromedp.Target, req Request) ([]byte, error) {
	switch req.Format {
	case PNG, JPG:
		p := page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng, FromSurface: ptr(true),
			Clip: &page.Viewport{Width: float64(req.Width), Height: float64(req.Height), Scale: 1}}
		if req.Format == JPG {
			p.Format, p.Quality = page.CaptureScreenshotFormatJpeg, ptr(int64(90))
		}
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, p)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	case PDF:
		r, err := cdp.Call(ctx, t, page.PrintToPDF, pdfParams(req))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
	return nil, fmt.Errorf("render: unknown format %q", req.Format)
}

// paperSizes are the named sizes of pdf_paper_size, in inches (portrait).
var paperSizes = map[string][2]float64{
	"letter": {8.5, 11}, "legal": {8.5, 14}, "tabloid": {11, 17},
	"a0": {33.11, 46.81}, "a1": {23.39, 33.11}, "a2": {16.54, 23.39}, "a3": {11.69, 16.54},
	"a4": {8.27, 11.69}, "a5": {5.83, 8.27},
}

// PaperSize reports whether name is a paper size a PDF can be printed on.
func PaperSize(name string) bool {
	_, ok := paperSizes[strings.ToLower(name)]
	return ok
}

// pdfParams prints on the named paper, or else on one sheet the size of
// the page (96 CSS pixels to the inch), with backgrounds and no margins.
func pdfParams(req Request) page.PrintToPDFParams {
	zero := 0.0
	p := page.PrintToPDFParams{PrintBackground: ptr(true), MarginTop: &zero, MarginBottom: &zero, MarginLeft: &zero,
		MarginRight: &zero, Landscape: ptr(req.Landscape),
		PaperWidth: float64(req.Width) / 96, PaperHeight: float64(req.Height) / 96}
	if size, ok := paperSizes[strings.ToLower(req.PaperSize)]; ok {
		p.PaperWidth, p.PaperHeight = size[0], size[1]
	}
	return p
}

func ptr[T any](v T) *T { return &v }
