package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerContentFavorite) }

// ContentFavoriteIDPath names one favorite.
type ContentFavoriteIDPath struct {
	ContentFavoriteID string `path:"content_favorite_id" doc:"Id of the favorite"`
}

type favoriteSearchInput struct {
	FieldsParam
	SearchWindow
	ID                string    `query:"id" doc:"Favorite id to match"`
	UserID            string    `query:"user_id" doc:"User id to match"`
	ContentMetadataID string    `query:"content_metadata_id" doc:"Content metadata id to match"`
	DashboardID       string    `query:"dashboard_id" doc:"Dashboard id to match"`
	LookID            string    `query:"look_id" doc:"Look id to match"`
	BoardID           string    `query:"board_id" doc:"Board id to match"`
	LookmlDashboardID string    `query:"lookml_dashboard_id" doc:"LookML dashboard id to match"`
	IncludeBoardItems boolParam `query:"include_board_items" doc:"Accepted for compatibility; board favorites are always included"`
	Sorts             string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr          boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

func registerContentFavorite(api huma.API, b *Backend) {
	handle(api, op{ID: "create_content_favorite", Method: http.MethodPost, Path: "/content_favorite", Tag: tagContent,
		Perm: access.Authenticated, Summary: "Make a look, dashboard or board a favorite"}, b.createContentFavorite)
	handle(api, op{ID: "search_content_favorites", Method: http.MethodGet, Path: "/content_favorite/search",
		Tag: tagContent, Perm: access.Authenticated, Summary: "Find favorites by criteria"}, b.searchContentFavorites)
	handle(api, op{ID: "content_favorite", Method: http.MethodGet, Path: "/content_favorite/{content_favorite_id}",
		Tag: tagContent, Perm: access.Authenticated, Summary: "One favorite"}, b.contentFavorite)
	handle(api, op{ID: "delete_content_favorite", Method: http.MethodDelete, Path: "/content_favorite/{content_favorite_id}",
		Tag: tagContent, Perm: access.Authenticated, Summary: "Remove a favorite", Status: http.StatusNoContent},
		b.deleteContentFavorite)
}

func (b *Backend) createContentFavorite(ctx context.Context, in *struct {
	Body model.Body[model.ContentFavorite]
}) (*Out[model.ContentFavorite], error) {
	v := in.Body.Value
	user, err := bodyID("user_id", v.UserID)
	if err != nil {
		return nil, err
	}
	meta, err := requiredBodyID("content_metadata_id", v.ContentMetadataID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	f, err := b.Content.CreateFavorite(ctx, p, user, meta)
	if err != nil {
		return nil, err
	}
	return ok(b.favoriteWire(ctx, f))
}

func (b *Backend) searchContentFavorites(ctx context.Context, in *favoriteSearchInput) (*Paged[model.ContentFavorite], error) {
	f := store.FavoriteFilter{FilterOr: in.FilterOr.Value}
	lists := []struct {
		field, raw string
		dst        *[]int64
	}{{"id", in.ID, &f.IDs}, {"user_id", in.UserID, &f.UserIDs}, {"content_metadata_id", in.ContentMetadataID,
		&f.ContentMetadataIDs}, {"dashboard_id", in.DashboardID, &f.DashboardIDs}, {"look_id", in.LookID, &f.LookIDs},
		{"board_id", in.BoardID, &f.BoardIDs}}
	for _, l := range lists {
		ids, err := searchIDs(l.field, l.raw)
		if err != nil {
			return nil, err
		}
		*l.dst = ids
	}
	var err error
	if f.Sorts, err = ParseSorts(in.Sorts, store.FavoriteSortable); err != nil {
		return nil, err
	}
	limit, offset, err := in.pageParams().Window()
	if err != nil {
		return nil, err
	}
	list, err := b.Content.SearchFavorites(ctx, overlook.PrincipalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	if in.LookmlDashboardID != "" {
		list = nil // LookML dashboards are not favorited here
	}
	total := len(list)
	list = window(list, limit, offset)
	out := make([]model.ContentFavorite, len(list))
	for i, fav := range list {
		out[i] = b.favoriteWire(ctx, fav)
	}
	return page(ctx, b, out, in.pageParams(), total), nil
}

func (b *Backend) contentFavorite(ctx context.Context, in *struct {
	ContentFavoriteIDPath
	FieldsParam
}) (*Out[model.ContentFavorite], error) {
	id, err := ParseID(in.ContentFavoriteID)
	if err != nil {
		return nil, err
	}
	f, err := b.Content.Favorite(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(b.favoriteWire(ctx, f))
}

func (b *Backend) deleteContentFavorite(ctx context.Context, in *ContentFavoriteIDPath) (*Empty, error) {
	id, err := ParseID(in.ContentFavoriteID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.DeleteFavorite(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

// favoriteWire describes a favorite with a short form of its look or
// dashboard (the caller can view it: the service checked).
func (b *Backend) favoriteWire(ctx context.Context, f *store.Favorite) model.ContentFavorite {
	w := model.ContentFavorite{ID: idString(f.ID), UserID: idString(f.UserID),
		ContentMetadataID: idString(f.ContentMetadataID), LookID: idString(f.LookID),
		DashboardID: idString(f.DashboardID), BoardID: idString(f.BoardID)}
	if f.LookID != 0 {
		if l, err := b.Store.Look(ctx, f.LookID); err == nil {
			w.Look = &model.LookBasic{ID: idString(l.ID), Title: ptr(l.Title), UserID: idString(l.UserID),
				ContentMetadataID: idString(l.ContentMetadataID), Can: map[string]bool{"show": true}}
		}
	}
	if f.DashboardID != 0 {
		if d, err := b.Store.Dashboard(ctx, f.DashboardID); err == nil {
			w.Dashboard = &model.DashboardBase{ID: idString(d.ID), Title: ptr(d.Title), UserID: idString(d.UserID),
				Description: ptr(d.Description), ContentMetadataID: idString(d.ContentMetadataID),
				ContentFavoriteID: idString(f.ID), Hidden: ptr(d.Hidden), Can: map[string]bool{"show": true}}
		}
	}
	return w
}
