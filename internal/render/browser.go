// Package render draws Overlook's own pages to PNG, JPEG or PDF in one
// shared headless Chromium. The browser starts on the first render, renders
// a few pages at a time, and may load nothing but the origin of the page it
// was sent to: every other request is refused before it leaves the browser.
package render

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// Defaults of Options.
const (
	DefaultConcurrency = 2
	DefaultTimeout     = 60 * time.Second
)

// ErrNoBrowser is the failure of a render on a machine without Chromium.
var ErrNoBrowser = errors.New("render: no Chromium browser found (install the chromium package)")

// Options configure a Browser.
type Options struct {
	// ExecPath is Chromium's executable; empty finds it on the PATH.
	ExecPath string
	// Concurrency caps the pages rendered at once.
	Concurrency int
	// Timeout bounds one render, from the wait for a slot to the last byte.
	Timeout time.Duration
}

// Browser is one shared Chromium, started on first use.
type Browser struct {
	opts  Options
	slots chan struct{}

	mu      sync.Mutex
	ctx     context.Context // the browser's chromedp context; nil until started
	cancel  context.CancelFunc
	closed  bool
	started bool
}

// New returns a browser that starts when it is first asked to render.
func New(opts Options) *Browser {
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	return &Browser{opts: opts, slots: make(chan struct{}, opts.Concurrency)}
}

// FindChromium returns the path of a Chromium executable, or "" if none is
// installed.
func FindChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser returns the running browser's context, starting it if needed
// (again, after a crash).
func (b *Browser) browser() (context.Context, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, errors.New("render: browser closed")
	}
	if b.ctx != nil && b.ctx.Err() == nil {
		return b.ctx, nil
	}
	path := b.opts.ExecPath
	if path == "" {
		path = FindChromium()
	}
	if path == "" {
		return nil, ErrNoBrowser
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("no-proxy-server", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		return nil, fmt.Errorf("render: start chromium: %w", err)
	}
	b.ctx, b.started = ctx, true
	b.cancel = func() { cancelCtx(); cancelAlloc() }
	return ctx, nil
}

// Started reports whether the browser was ever started.
func (b *Browser) Started() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.started
}

// Close stops the browser, if it runs; renders after it fail.
func (b *Browser) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	if b.cancel != nil {
		b.cancel()
		b.cancel, b.ctx = nil, nil
	}
	return nil
}
