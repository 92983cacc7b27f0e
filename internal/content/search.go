package content

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// ContentTypes are the types search_content looks through.
var ContentTypes = []string{"dashboard", "look", "folder", "board"}

// Hit is one result of a content search with the caller's level on it.
type Hit struct {
	*store.ContentHit
	Level Level
}

// typePermission is the permission a caller needs to see a type at all.
var typePermission = map[string]string{"look": "see_looks", "dashboard": "see_user_dashboards"}

// SearchContent finds the content whose title or description holds terms
// (% and _ are wildcards), among what the caller can see: most viewed
// first. limit 0 means no limit. It also returns how many match.
func (s *Service) SearchContent(ctx context.Context, p *overlook.Principal, terms string, types []string, limit, offset int) ([]*Hit, int, error) {
	if len(types) == 0 {
		types = ContentTypes
	}
	for _, t := range types {
		if !slices.Contains(ContentTypes, t) {
			return nil, 0, overlook.Invalid("types", "invalid", "%q is not a content type", t)
		}
	}
	v, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	found, err := s.st.SearchContent(ctx, "%"+strings.TrimSpace(terms)+"%", types)
	if err != nil {
		return nil, 0, err
	}
	var hits []*Hit
	for _, h := range found {
		l, err := s.hitLevel(ctx, p, v, h)
		if err != nil {
			return nil, 0, err
		}
		if l > NoAccess {
			hits = append(hits, &Hit{ContentHit: h, Level: l})
		}
	}
	slices.SortStableFunc(hits, func(a, b *Hit) int {
		return cmp.Or(cmp.Compare(b.ViewCount, a.ViewCount), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	total := len(hits)
	hits = hits[min(offset, total):]
	if limit > 0 && limit < len(hits) {
		hits = hits[:limit]
	}
	return hits, total, nil
}

func (s *Service) hitLevel(ctx context.Context, p *overlook.Principal, v Visibility, h *store.ContentHit) (Level, error) {
	if perm, ok := typePermission[h.Type]; ok && !p.IsAdmin && !p.Permissions[perm] {
		return NoAccess, nil
	}
	if p.IsAdmin {
		return Edit, nil
	}
	if h.Type == "board" {
		return s.MetadataLevel(ctx, p, h.ContentMetadataID)
	}
	return v.Level(h.FolderID), nil
}
