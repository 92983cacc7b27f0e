package dashboard

import (
	"embed"
	"encoding/json"
	"html"
	"io/fs"
	"net/http"
	"strings"
)

// Prefix is where the page and its assets are mounted.
const Prefix = "/render/"

// pagePath is the page itself: Prefix + "dashboard/" + token.
const pagePath = Prefix + "dashboard/"

//go:embed static
var static embed.FS

// csp lets the page run its own script and style only, load nothing else
// and send nothing anywhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// handler serves prepared pages and the static assets.
type handler struct {
	pages  *pages
	assets http.Handler
}

func newHandler(p *pages) *handler {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return &handler{pages: p, assets: http.StripPrefix(Prefix+"static/", http.FileServerFS(sub))}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch {
	case strings.HasPrefix(r.URL.Path, Prefix+"static/"):
		h.assets.ServeHTTP(w, r)
	case strings.HasPrefix(r.URL.Path, pagePath):
		h.servePage(w, r, strings.TrimPrefix(r.URL.Path, pagePath))
	default:
		http.NotFound(w, r)
	}
}

func (h *handler) servePage(w http.ResponseWriter, r *http.Request, token string) {
	w.Header().Set("Cache-Control", "no-store")
	page, ok := h.pages.take(token)
	if !ok {
		http.NotFound(w, r)
		return
	}
	data, err := json.Marshal(page) // escapes <, > and &: the data cannot end its script element
	if err != nil {
		http.Error(w, "cannot encode the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(pageHTML(page.Title, data)))
}

// pageHTML is the document: the data as JSON the script reads, no inline
// script or style.
func pageHTML(title string, data []byte) string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>` + html.EscapeString(title) + `</title>
<link rel="stylesheet" href="` + Prefix + `static/dashboard.css">
<script type="application/json" id="page-data">` + string(data) + `</script>
<script src="` + Prefix + `static/dashboard.js" defer></script>
</head><body><main id="tiles"></main></body></html>
`
}
