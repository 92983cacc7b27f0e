package looker40

import (
	"context"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/api/requestinfo"
)

// Paged is a list answer with Looker's paging headers.
type Paged[T any] struct {
	Link       string `header:"Link"`
	TotalCount string `header:"X-Total-Count"`
	Body       []T
}

// page builds a list answer. When the request asked for a page (limit or
// per_page), it carries absolute first/prev/next/last links that keep every
// other query parameter, and the total count.
func page[T any](ctx context.Context, b *Backend, items []T, p PageParams, total int) *Paged[T] {
	out := &Paged[T]{Body: items}
	if out.Body == nil {
		out.Body = []T{}
	}
	limit, offset, _ := p.Window()
	out.TotalCount = strconv.Itoa(total)
	if limit > 0 {
		out.Link = b.links(ctx, limit, offset, total)
	}
	return out
}

func (b *Backend) links(ctx context.Context, limit, offset, total int) string {
	info := requestinfo.From(ctx)
	if info.URL == nil {
		return ""
	}
	origin := b.PublicURL
	if origin == "" {
		origin = "http://" + info.Host
	}
	link := func(off int, rel string) string {
		q := info.URL.Query()
		q.Del("page")
		q.Del("per_page")
		q.Set("limit", strconv.Itoa(limit))
		q.Set("offset", strconv.Itoa(off))
		// Encode escapes commas as %2C: the TypeScript pager splits the
		// header on raw commas.
		return "<" + origin + info.URL.Path + "?" + q.Encode() + `>; rel="` + rel + `"`
	}
	rels := []string{link(0, "first")}
	if offset > 0 {
		rels = append(rels, link(max(offset-limit, 0), "prev"))
	}
	if offset+limit < total {
		rels = append(rels, link(offset+limit, "next"))
	}
	last := 0
	if total > 0 {
		last = (total - 1) / limit * limit
	}
	rels = append(rels, link(last, "last"))
	return strings.Join(rels, ",")
}
