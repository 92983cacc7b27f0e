package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// BoardSectionIDPath names one board section.
type BoardSectionIDPath struct {
	BoardSectionID string `path:"board_section_id" doc:"Id of the board section"`
}

func registerBoardSections(api huma.API, b *Backend) {
	handle(api, op{ID: "all_board_sections", Method: http.MethodGet, Path: "/board_sections", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Every board section the caller can see"}, b.allBoardSections)
	handle(api, op{ID: "create_board_section", Method: http.MethodPost, Path: "/board_sections", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Add a section to a board"}, b.createBoardSection)
	handle(api, op{ID: "board_section", Method: http.MethodGet, Path: "/board_sections/{board_section_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "One board section with its items"}, b.boardSection)
	handle(api, op{ID: "update_board_section", Method: http.MethodPatch, Path: "/board_sections/{board_section_id}",
		Tag: tagBoard, Perm: access.Authenticated, Summary: "Change a board section"}, b.updateBoardSection)
	handle(api, op{ID: "delete_board_section", Method: http.MethodDelete, Path: "/board_sections/{board_section_id}",
		Tag: tagBoard, Perm: access.Authenticated, Summary: "Delete a board section and its items",
		Status: http.StatusNoContent}, b.deleteBoardSection)
}

func (b *Backend) allBoardSections(ctx context.Context, in *struct {
	FieldsParam
	Sorts string `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
}) (*Out[[]model.BoardSection], error) {
	if _, err := ParseSorts(in.Sorts, func(f string) bool { return f == "id" }); err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	list, err := b.Content.BoardSections(ctx, p, nil)
	if err != nil {
		return nil, err
	}
	out, err := b.sectionsWire(ctx, p, list)
	if err != nil {
		return nil, err
	}
	return ok(out)
}

func (b *Backend) boardSection(ctx context.Context, in *struct {
	BoardSectionIDPath
	FieldsParam
}) (*Out[model.BoardSection], error) {
	return b.sectionAnswer(ctx, in.BoardSectionID, nil)
}

func (b *Backend) createBoardSection(ctx context.Context, in *struct {
	FieldsParam
	Body model.Body[model.BoardSection]
}) (*Out[model.BoardSection], error) {
	bs := &store.BoardSection{}
	if err := applyBoardSection(bs, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Content.SaveBoardSection(ctx, overlook.PrincipalFrom(ctx), bs); err != nil {
		return nil, err
	}
	return b.sectionAnswer(ctx, *idString(bs.ID), nil)
}

func (b *Backend) updateBoardSection(ctx context.Context, in *struct {
	BoardSectionIDPath
	FieldsParam
	Body model.Body[model.BoardSection]
}) (*Out[model.BoardSection], error) {
	return b.sectionAnswer(ctx, in.BoardSectionID, func(bs *store.BoardSection) error {
		if err := applyBoardSection(bs, &in.Body); err != nil {
			return err
		}
		return b.Content.SaveBoardSection(ctx, overlook.PrincipalFrom(ctx), bs)
	})
}

func (b *Backend) deleteBoardSection(ctx context.Context, in *BoardSectionIDPath) (*Empty, error) {
	id, err := ParseID(in.BoardSectionID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.DeleteBoardSection(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

// sectionAnswer reads a section, applies change (if any) and answers the
// section as it is then.
func (b *Backend) sectionAnswer(ctx context.Context, rawID string, change func(*store.BoardSection) error) (*Out[model.BoardSection], error) {
	return answerAfter(ctx, rawID, content.View, b.Content.BoardSection, change, b.sectionsWire)
}

func applyBoardSection(bs *store.BoardSection, body *model.Body[model.BoardSection]) error {
	v := body.Value
	var err error
	if body.Has("board_id") {
		if bs.BoardID, err = bodyID("board_id", v.BoardID); err != nil {
			return err
		}
	}
	if body.Has("title") {
		bs.Title = deref(v.Title)
	}
	if body.Has("description") {
		bs.Description = deref(v.Description)
	}
	if body.Has("item_order") {
		if bs.ItemOrder, err = ParseIDs("item_order", v.ItemOrder); err != nil {
			return err
		}
	}
	if body.Has("deleted_at") {
		if bs.DeletedAt, err = optInstant("deleted_at", deref(v.DeletedAt)); err != nil {
			return err
		}
	}
	return nil
}

// sectionsWire describes sections with the items the caller can see.
func (b *Backend) sectionsWire(ctx context.Context, p *overlook.Principal, list []*store.BoardSection) ([]model.BoardSection, error) {
	out := make([]model.BoardSection, len(list))
	if len(list) == 0 {
		return out, nil
	}
	ids := make([]int64, len(list))
	for i, bs := range list {
		ids[i] = bs.ID
	}
	items, err := b.Content.BoardItems(ctx, p, ids, nil)
	if err != nil {
		return nil, err
	}
	wired, err := b.boardItemsWire(ctx, p, items)
	if err != nil {
		return nil, err
	}
	bySection := map[int64][]model.BoardItem{}
	present := map[int64][]int64{}
	for i, it := range items {
		bySection[it.BoardSectionID] = append(bySection[it.BoardSectionID], wired[i])
		present[it.BoardSectionID] = append(present[it.BoardSectionID], it.ID)
	}
	levels := map[int64]content.Level{}
	for i, bs := range list {
		l, seen := levels[bs.BoardID]
		if !seen {
			bd, err := b.Content.Board(ctx, p, bs.BoardID, content.View)
			if err != nil {
				return nil, err
			}
			if l, err = b.Content.BoardLevel(ctx, p, bd); err != nil {
				return nil, err
			}
			levels[bs.BoardID] = l
		}
		its := bySection[bs.ID]
		if its == nil {
			its = []model.BoardItem{}
		}
		order := idStrings(ordered(bs.ItemOrder, present[bs.ID]))
		out[i] = model.BoardSection{ID: idString(bs.ID), BoardID: idString(bs.BoardID), Title: ptr(bs.Title),
			Description: ptr(bs.Description), BoardItems: its, ItemOrder: order, VisibleItemOrder: order,
			CreatedAt: timeString(bs.CreatedAt), UpdatedAt: timeString(bs.UpdatedAt), DeletedAt: optTime(bs.DeletedAt),
			Can: editCan(l)}
	}
	return out, nil
}
