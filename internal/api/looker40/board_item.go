package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// BoardItemIDPath names one board item.
type BoardItemIDPath struct {
	BoardItemID string `path:"board_item_id" doc:"Id of the board item"`
}

func registerBoardItems(api huma.API, b *Backend) {
	handle(api, op{ID: "all_board_items", Method: http.MethodGet, Path: "/board_items", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Every board item the caller can see"}, b.allBoardItems)
	handle(api, op{ID: "create_board_item", Method: http.MethodPost, Path: "/board_items", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Add an item to a board section"}, b.createBoardItem)
	handle(api, op{ID: "board_item", Method: http.MethodGet, Path: "/board_items/{board_item_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "One board item"}, b.boardItem)
	handle(api, op{ID: "update_board_item", Method: http.MethodPatch, Path: "/board_items/{board_item_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Change a board item"}, b.updateBoardItem)
	handle(api, op{ID: "delete_board_item", Method: http.MethodDelete, Path: "/board_items/{board_item_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Delete a board item", Status: http.StatusNoContent}, b.deleteBoardItem)
}

func (b *Backend) allBoardItems(ctx context.Context, in *struct {
	FieldsParam
	Sorts          string `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	BoardSectionID string `query:"board_section_id" doc:"Only the items of this section"`
}) (*Out[[]model.BoardItem], error) {
	sorts, err := ParseSorts(in.Sorts, store.BoardItemSortable)
	if err != nil {
		return nil, err
	}
	sections, err := searchIDs("board_section_id", in.BoardSectionID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	items, err := b.Content.BoardItems(ctx, p, sections, sorts)
	if err != nil {
		return nil, err
	}
	out, err := b.boardItemsWire(ctx, p, items)
	if err != nil {
		return nil, err
	}
	return ok(out)
}

func (b *Backend) boardItem(ctx context.Context, in *struct {
	BoardItemIDPath
	FieldsParam
}) (*Out[model.BoardItem], error) {
	return b.itemAnswer(ctx, in.BoardItemID, nil)
}

func (b *Backend) createBoardItem(ctx context.Context, in *struct {
	FieldsParam
	Body model.Body[model.BoardItem]
}) (*Out[model.BoardItem], error) {
	it := &store.BoardItem{}
	if err := applyBoardItem(it, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Content.SaveBoardItem(ctx, overlook.PrincipalFrom(ctx), it); err != nil {
		return nil, err
	}
	return b.itemAnswer(ctx, strconv.FormatInt(it.ID, 10), nil)
}

func (b *Backend) updateBoardItem(ctx context.Context, in *struct {
	BoardItemIDPath
	FieldsParam
	Body model.Body[model.BoardItem]
}) (*Out[model.BoardItem], error) {
	return b.itemAnswer(ctx, in.BoardItemID, func(it *store.BoardItem) error {
		if err := applyBoardItem(it, &in.Body); err != nil {
			return err
		}
		return b.Content.SaveBoardItem(ctx, overlook.PrincipalFrom(ctx), it)
	})
}

func (b *Backend) deleteBoardItem(ctx context.Context, in *BoardItemIDPath) (*Empty, error) {
	id, err := ParseID(in.BoardItemID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.DeleteBoardItem(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

// itemAnswer reads an item, applies change (if any) and answers the item
// as it is then.
func (b *Backend) itemAnswer(ctx context.Context, rawID string, change func(*store.BoardItem) error) (*Out[model.BoardItem], error) {
	return answerAfter(ctx, rawID, content.View, b.Content.BoardItem, change, b.boardItemsWire)
}

func applyBoardItem(it *store.BoardItem, body *model.Body[model.BoardItem]) error {
	v := body.Value
	ids := []struct {
		key string
		src *string
		dst *int64
	}{{"board_section_id", v.BoardSectionID, &it.BoardSectionID}, {"look_id", v.LookID, &it.LookID},
		{"dashboard_id", v.DashboardID, &it.DashboardID}}
	for _, f := range ids {
		if body.Has(f.key) {
			id, err := bodyID(f.key, f.src)
			if err != nil {
				return err
			}
			*f.dst = id
		}
	}
	texts := []struct {
		key string
		src *string
		dst *string
	}{{"lookml_dashboard_id", v.LookmlDashboardID, &it.LookmlDashboardID}, {"custom_title", v.CustomTitle, &it.CustomTitle},
		{"custom_description", v.CustomDescription, &it.CustomDescription}, {"custom_url", v.CustomURL, &it.CustomURL}}
	for _, f := range texts {
		if body.Has(f.key) {
			*f.dst = deref(f.src)
		}
	}
	flags := []struct {
		key string
		src *bool
		dst *bool
	}{{"use_custom_title", v.UseCustomTitle, &it.UseCustomTitle},
		{"use_custom_description", v.UseCustomDescription, &it.UseCustomDescription},
		{"use_custom_url", v.UseCustomURL, &it.UseCustomURL}, {"use_custom_image", v.UseCustomImage, &it.UseCustomImage}}
	for _, f := range flags {
		if body.Has(f.key) {
			*f.dst = deref(f.src)
		}
	}
	if body.Has("order") {
		it.Position = deref(v.Order)
	}
	return nil
}

// boardItemsWire describes items with what they link to and the caller's
// favorites.
func (b *Backend) boardItemsWire(ctx context.Context, p *overlook.Principal, items []*store.BoardItem) ([]model.BoardItem, error) {
	out := make([]model.BoardItem, len(items))
	if len(items) == 0 {
		return out, nil
	}
	favs, err := b.Content.FavoriteIDs(ctx, p)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		out[i] = boardItemWire(it, favs)
	}
	return out, nil
}

func boardItemWire(it *store.BoardItem, favs map[int64]int64) model.BoardItem {
	w := model.BoardItem{ID: idString(it.ID), BoardSectionID: idString(it.BoardSectionID), LookID: idString(it.LookID),
		DashboardID: idString(it.DashboardID), LookmlDashboardID: optString(it.LookmlDashboardID),
		CustomTitle: optString(it.CustomTitle), CustomDescription: optString(it.CustomDescription),
		CustomURL: optString(it.CustomURL), UseCustomTitle: ptr(it.UseCustomTitle),
		UseCustomDescription: ptr(it.UseCustomDescription), UseCustomURL: ptr(it.UseCustomURL),
		UseCustomImage: ptr(it.UseCustomImage), Order: ptr(it.Position),
		ContentMetadataID: idString(it.ContentMetadataID), ContentFavoriteID: idString(favs[it.ContentMetadataID]),
		ViewCount: ptr(it.ViewCount), FavoriteCount: ptr(it.FavoriteCount),
		ContentUpdatedAt: optTime(it.ContentUpdatedAt), ContentCreatedBy: optString(it.ContentCreatedBy),
		Can: map[string]bool{"show": true, "update": true, "destroy": true}}
	title, desc, url := it.Title, it.Description, ""
	switch {
	case it.LookID != 0:
		url = "/looks/" + strconv.FormatInt(it.LookID, 10)
		w.ImageURL = relURL("/content_thumbnail/look/" + strconv.FormatInt(it.LookID, 10))
	case it.DashboardID != 0:
		url = "/dashboards/" + strconv.FormatInt(it.DashboardID, 10)
		w.ImageURL = relURL("/content_thumbnail/dashboard/" + strconv.FormatInt(it.DashboardID, 10))
	case it.LookmlDashboardID != "":
		url = "/dashboards/" + it.LookmlDashboardID
	}
	if it.UseCustomTitle || title == "" {
		title = it.CustomTitle
	}
	if it.UseCustomDescription || desc == "" {
		desc = it.CustomDescription
	}
	if it.UseCustomURL || url == "" {
		url = it.CustomURL
	}
	w.Title, w.Description, w.URL = ptr(title), ptr(desc), ptr(url)
	return w
}
