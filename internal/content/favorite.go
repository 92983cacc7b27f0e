package content

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// CreateFavorite makes a piece of content (by its content_metadata id) a
// favorite of userID (0: the caller). Only admins favorite for others; the
// content must be visible to the caller, else it is not found.
func (s *Service) CreateFavorite(ctx context.Context, p *overlook.Principal, userID, contentMetadataID int64) (*store.Favorite, error) {
	if userID == 0 {
		userID = p.UserID()
	}
	if userID != p.UserID() && !p.IsAdmin {
		return nil, overlook.Invalid("user_id", "invalid", "you can only add your own favorites")
	}
	if contentMetadataID == 0 {
		return nil, overlook.Invalid("content_metadata_id", "missing", "content_metadata_id is required")
	}
	if err := s.RequireMetadata(ctx, p, contentMetadataID, View); err != nil {
		return nil, overlook.NotFound()
	}
	f := &store.Favorite{UserID: userID, ContentMetadataID: contentMetadataID}
	if err := s.st.CreateFavorite(ctx, f); err != nil {
		return nil, err
	}
	return s.st.Favorite(ctx, f.ID)
}

// Favorite returns one favorite: the caller's own (any, for admins) on
// content the caller can view.
func (s *Service) Favorite(ctx context.Context, p *overlook.Principal, id int64) (*store.Favorite, error) {
	f, err := s.st.Favorite(ctx, id)
	if err != nil {
		return nil, err
	}
	if ok, err := s.favoriteVisible(ctx, p, f); err != nil || !ok {
		return nil, firstErr(err, overlook.NotFound())
	}
	return f, nil
}

// SearchFavorites returns the favorites f selects that the caller may see.
func (s *Service) SearchFavorites(ctx context.Context, p *overlook.Principal, f store.FavoriteFilter) ([]*store.Favorite, error) {
	all, err := s.st.Favorites(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]*store.Favorite, 0, len(all))
	for _, fav := range all {
		ok, err := s.favoriteVisible(ctx, p, fav)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, fav)
		}
	}
	return out, nil
}

// DeleteFavorite deletes a favorite the caller may see.
func (s *Service) DeleteFavorite(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.Favorite(ctx, p, id); err != nil {
		return err
	}
	return s.st.DeleteFavorite(ctx, id)
}

// FavoriteIDs maps content_metadata ids to the caller's favorite of each,
// for the content_favorite_id of looks, dashboards and board items.
func (s *Service) FavoriteIDs(ctx context.Context, p *overlook.Principal) (map[int64]int64, error) {
	list, err := s.st.Favorites(ctx, store.FavoriteFilter{UserIDs: []int64{p.UserID()}})
	out := make(map[int64]int64, len(list))
	for _, f := range list {
		out[f.ContentMetadataID] = f.ID
	}
	return out, err
}

func (s *Service) favoriteVisible(ctx context.Context, p *overlook.Principal, f *store.Favorite) (bool, error) {
	if f.UserID != p.UserID() && !p.IsAdmin {
		return false, nil
	}
	l, err := s.MetadataLevel(ctx, p, f.ContentMetadataID)
	return l >= View, err
}
