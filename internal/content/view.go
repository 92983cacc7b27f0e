package content

import (
	"context"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// RecordView counts one view of a look, dashboard or board (by its
// content_metadata id) by the caller: the week's content_view row and the
// item's view_count and last_viewed_at. Reads of looks and dashboards call
// it; a caller without a user (or content without metadata) counts nothing.
func (s *Service) RecordView(ctx context.Context, p *overlook.Principal, contentMetadataID int64) error {
	if p == nil || p.User == nil || contentMetadataID == 0 {
		return nil
	}
	return s.st.RecordContentView(ctx, p.User.ID, contentMetadataID, time.Now())
}

// SearchContentViews returns the views f selects on content the caller can
// view; users other than admins see only their own views.
func (s *Service) SearchContentViews(ctx context.Context, p *overlook.Principal, f store.ContentViewFilter) ([]*store.ContentView, error) {
	all, err := s.st.ContentViews(ctx, f)
	if err != nil {
		return nil, err
	}
	levels := map[int64]Level{}
	out := make([]*store.ContentView, 0, len(all))
	for _, v := range all {
		if v.UserID != p.UserID() && !p.IsAdmin {
			continue
		}
		l, seen := levels[v.ContentMetadataID]
		if !seen {
			if l, err = s.MetadataLevel(ctx, p, v.ContentMetadataID); err != nil {
				return nil, err
			}
			levels[v.ContentMetadataID] = l
		}
		if l >= View {
			out = append(out, v)
		}
	}
	return out, nil
}
