package looker40

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagBoard = "Board"

func init() { register(registerBoard) }

// BoardIDPath names one board.
type BoardIDPath struct {
	BoardID string `path:"board_id" doc:"Id of the board"`
}

type boardSearchInput struct {
	FieldsParam
	PageParams
	Title      string    `query:"title" doc:"Title pattern to match"`
	CreatedAt  string    `query:"created_at" doc:"Creation date pattern to match (YYYY-MM-DD, % as wildcard)"`
	FirstName  string    `query:"first_name" doc:"Creator's first name pattern to match"`
	LastName   string    `query:"last_name" doc:"Creator's last name pattern to match"`
	Favorited  boolParam `query:"favorited" doc:"true: only the boards the caller favorited"`
	CreatorID  string    `query:"creator_id" doc:"Creator's user id to match"`
	Sorts      string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr   boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
	Permission string    `query:"permission" doc:"view or edit: only the boards the caller has this access to"`
}

func registerBoard(api huma.API, b *Backend) {
	handle(api, op{ID: "all_boards", Method: http.MethodGet, Path: "/boards", Tag: tagBoard, Perm: access.Authenticated,
		Summary: "Every board the caller can see"}, b.allBoards)
	handle(api, op{ID: "create_board", Method: http.MethodPost, Path: "/boards", Tag: tagBoard, Perm: access.Authenticated,
		Summary: "Create a board"}, b.createBoard)
	handle(api, op{ID: "search_boards", Method: http.MethodGet, Path: "/boards/search", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Find boards by criteria"}, b.searchBoards)
	handle(api, op{ID: "board", Method: http.MethodGet, Path: "/boards/{board_id}", Tag: tagBoard, Perm: access.Authenticated,
		Summary: "One board with its sections and items"}, b.board)
	handle(api, op{ID: "update_board", Method: http.MethodPatch, Path: "/boards/{board_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Change a board"}, b.updateBoard)
	handle(api, op{ID: "delete_board", Method: http.MethodDelete, Path: "/boards/{board_id}", Tag: tagBoard,
		Perm: access.Authenticated, Summary: "Delete a board", Status: http.StatusNoContent}, b.deleteBoard)
	registerBoardSections(api, b)
	registerBoardItems(api, b)
}

func (b *Backend) allBoards(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.Board], error) {
	p := overlook.PrincipalFrom(ctx)
	list, _, err := b.Content.SearchBoards(ctx, p, store.BoardFilter{}, 0, 0)
	if err != nil {
		return nil, err
	}
	out, err := b.boardsWire(ctx, p, list)
	if err != nil {
		return nil, err
	}
	return ok(out)
}

func (b *Backend) searchBoards(ctx context.Context, in *boardSearchInput) (*Paged[model.Board], error) {
	p := overlook.PrincipalFrom(ctx)
	f := store.BoardFilter{Title: in.Title, FirstName: in.FirstName, LastName: in.LastName, CreatedAt: in.CreatedAt,
		FilterOr: in.FilterOr.Value}
	var err error
	if f.CreatorIDs, err = searchIDs("creator_id", in.CreatorID); err != nil {
		return nil, err
	}
	if in.Favorited.Set && in.Favorited.Value {
		f.FavoritedBy = p.UserID()
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.BoardSortable); err != nil {
		return nil, err
	}
	want := content.View
	switch strings.ToLower(strings.TrimSpace(in.Permission)) {
	case "", "view":
	case "edit":
		want = content.Edit
	default:
		return nil, overlook.Invalid("permission", "invalid", "permission is view or edit")
	}
	limit, offset, err := in.Window()
	if err != nil {
		return nil, err
	}
	list, _, err := b.Content.SearchBoards(ctx, p, f, 0, 0)
	if err != nil {
		return nil, err
	}
	var kept []*store.Board
	for _, bd := range list {
		if l, err := b.Content.BoardLevel(ctx, p, bd); err != nil {
			return nil, err
		} else if l >= want {
			kept = append(kept, bd)
		}
	}
	total := len(kept)
	kept = window(kept, limit, offset)
	out, err := b.boardsWire(ctx, p, kept)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, out, in.PageParams, total), nil
}

// window cuts limit/offset (limit 0: all) out of a list.
func window[T any](list []T, limit, offset int) []T {
	if offset >= len(list) {
		return nil
	}
	list = list[offset:]
	if limit > 0 && limit < len(list) {
		list = list[:limit]
	}
	return list
}

func (b *Backend) board(ctx context.Context, in *struct {
	BoardIDPath
	FieldsParam
}) (*Out[model.Board], error) {
	return b.boardAnswer(ctx, in.BoardID, content.View, nil)
}

func (b *Backend) createBoard(ctx context.Context, in *struct {
	FieldsParam
	Body model.Body[model.Board]
}) (*Out[model.Board], error) {
	p := overlook.PrincipalFrom(ctx)
	bd := &store.Board{}
	if err := applyBoard(bd, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Content.CreateBoard(ctx, p, bd); err != nil {
		return nil, err
	}
	return b.boardAnswer(ctx, strconv.FormatInt(bd.ID, 10), content.View, nil)
}

func (b *Backend) updateBoard(ctx context.Context, in *struct {
	BoardIDPath
	FieldsParam
	Body model.Body[model.Board]
}) (*Out[model.Board], error) {
	return b.boardAnswer(ctx, in.BoardID, content.Edit, func(bd *store.Board) error {
		if err := applyBoard(bd, &in.Body); err != nil {
			return err
		}
		return b.Content.UpdateBoard(ctx, overlook.PrincipalFrom(ctx), bd)
	})
}

func (b *Backend) deleteBoard(ctx context.Context, in *BoardIDPath) (*Empty, error) {
	id, err := ParseID(in.BoardID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.DeleteBoard(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

// boardAnswer reads a board at level want, applies change (if any), and
// answers the board as it is then.
func (b *Backend) boardAnswer(ctx context.Context, rawID string, want content.Level, change func(*store.Board) error) (*Out[model.Board], error) {
	return answerAfter(ctx, rawID, want, b.Content.Board, change, b.boardsWire)
}

// answerAfter reads an object at level want, applies change (if any),
// reads it again and answers its wire form.
func answerAfter[T, W any](ctx context.Context, rawID string, want content.Level,
	read func(context.Context, *overlook.Principal, int64, content.Level) (T, error), change func(T) error,
	wire func(context.Context, *overlook.Principal, []T) ([]W, error)) (*Out[W], error) {
	id, err := ParseID(rawID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	v, err := read(ctx, p, id, want)
	if err != nil {
		return nil, err
	}
	if change != nil {
		if err := change(v); err != nil {
			return nil, err
		}
		if v, err = read(ctx, p, id, content.View); err != nil {
			return nil, err
		}
	}
	out, err := wire(ctx, p, []T{v})
	if err != nil {
		return nil, err
	}
	return ok(out[0])
}

func applyBoard(bd *store.Board, body *model.Body[model.Board]) error {
	v := body.Value
	if body.Has("title") {
		bd.Title = deref(v.Title)
	}
	if body.Has("description") {
		bd.Description = deref(v.Description)
	}
	if body.Has("section_order") {
		ids, err := ParseIDs("section_order", v.SectionOrder)
		if err != nil {
			return err
		}
		bd.SectionOrder = ids
	}
	if body.Has("deleted_at") {
		t, err := optInstant("deleted_at", deref(v.DeletedAt))
		if err != nil {
			return err
		}
		bd.DeletedAt = t
	}
	return nil
}

// boardsWire describes boards with their sections and the items the caller
// can see.
func (b *Backend) boardsWire(ctx context.Context, p *overlook.Principal, list []*store.Board) ([]model.Board, error) {
	out := make([]model.Board, len(list))
	if len(list) == 0 {
		return out, nil
	}
	ids := make([]int64, len(list))
	for i, bd := range list {
		ids[i] = bd.ID
	}
	sections, err := b.Content.BoardSections(ctx, p, ids)
	if err != nil {
		return nil, err
	}
	wired, err := b.sectionsWire(ctx, p, sections)
	if err != nil {
		return nil, err
	}
	byBoard := map[int64][]model.BoardSection{}
	for i, bs := range sections {
		byBoard[bs.BoardID] = append(byBoard[bs.BoardID], wired[i])
	}
	for i, bd := range list {
		l, err := b.Content.BoardLevel(ctx, p, bd)
		if err != nil {
			return nil, err
		}
		secs := byBoard[bd.ID]
		if secs == nil {
			secs = []model.BoardSection{}
		}
		present := make([]int64, len(secs))
		for j, s := range secs {
			present[j], _ = strconv.ParseInt(deref(s.ID), 10, 64)
		}
		out[i] = model.Board{ID: idString(bd.ID), Title: ptr(bd.Title), Description: ptr(bd.Description),
			UserID: idString(bd.UserID), ContentMetadataID: idString(bd.ContentMetadataID), BoardSections: secs,
			SectionOrder: idStrings(ordered(bd.SectionOrder, present)), PrimaryHomepage: ptr(bd.PrimaryHomepage),
			CreatedAt: timeString(bd.CreatedAt), UpdatedAt: timeString(bd.UpdatedAt), DeletedAt: optTime(bd.DeletedAt),
			Can: editCan(l)}
	}
	return out, nil
}

// ordered lists present ids in the chosen order first, then the rest as
// they come.
func ordered(chosen, present []int64) []int64 {
	has := map[int64]bool{}
	for _, id := range present {
		has[id] = true
	}
	out := make([]int64, 0, len(present))
	used := map[int64]bool{}
	for _, id := range chosen {
		if has[id] && !used[id] {
			out, used[id] = append(out, id), true
		}
	}
	for _, id := range present {
		if !used[id] {
			out, used[id] = append(out, id), true
		}
	}
	return out
}

func editCan(l content.Level) map[string]bool {
	edit := l >= content.Edit
	return map[string]bool{"show": l >= content.View, "index": true, "create": true, "update": edit, "destroy": edit}
}
