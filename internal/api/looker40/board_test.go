package looker40_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/server/servertest"
	"github.com/overlookbi/overlook/internal/store"
)

// contentFixture seeds the demo content and adds a dashboard in owner's
// personal folder, which nobody else can see.
func contentFixture(t *testing.T, inst *servertest.Instance) (shared, private *store.Dashboard, look *store.Look, ownerTok, otherTok string) {
	t.Helper()
	ctx := context.Background()
	st := inst.Server.Store
	if err := content.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	dashes, err := st.Dashboards(ctx, store.ItemFilter{})
	if err != nil || len(dashes) == 0 {
		t.Fatalf("seeded dashboards: %v %d", err, len(dashes))
	}
	looks, err := st.Looks(ctx, store.ItemFilter{})
	if err != nil || len(looks) == 0 {
		t.Fatalf("seeded looks: %v %d", err, len(looks))
	}
	owner := inst.CreateUser(t, "Own", "Er", "User")
	other := inst.CreateUser(t, "Oth", "Er", "User")
	private = &store.Dashboard{Slug: "private-" + t.Name(), ContentItem: store.ContentItem{Title: "Private plans",
		FolderID: owner.PersonalFolderID, UserID: owner.ID}}
	if err := st.CreateDashboard(ctx, private); err != nil {
		t.Fatal(err)
	}
	return dashes[0], private, looks[0], inst.TokenFor(t, owner.ID), inst.TokenFor(t, other.ID)
}

func TestBoards(t *testing.T) {
	inst := servertest.Start(t)
	shared, private, look, ownerTok, otherTok := contentFixture(t, inst)

	var board model.Board
	res := inst.Do(t, "POST", "/api/4.0/boards", ownerTok, map[string]any{"title": "Team board", "description": "links"})
	res.JSON(t, &board)
	if res.Status != 200 || board.ContentMetadataID == nil || !board.Can["update"] || len(board.BoardSections) != 0 {
		t.Fatalf("create board: %d %s", res.Status, res.Body)
	}
	bid := textOf(board.ID)
	if res := inst.Do(t, "POST", "/api/4.0/boards", ownerTok, map[string]any{"description": "no title"}); res.Status != 422 {
		t.Errorf("board without a title: %d", res.Status)
	}
	var sec model.BoardSection
	res = inst.Do(t, "POST", "/api/4.0/board_sections", ownerTok, map[string]any{"board_id": bid, "title": "Top"})
	res.JSON(t, &sec)
	if res.Status != 200 || textOf(sec.BoardID) != bid {
		t.Fatalf("create section: %d %s", res.Status, res.Body)
	}
	sid := textOf(sec.ID)
	items := []map[string]any{
		{"board_section_id": sid, "dashboard_id": idText(shared.ID), "order": 1},
		{"board_section_id": sid, "dashboard_id": idText(private.ID), "order": 2},
		{"board_section_id": sid, "look_id": idText(look.ID), "order": 3, "use_custom_title": true, "custom_title": "My look"},
		{"board_section_id": sid, "custom_url": "https://example.com/wiki", "custom_title": "Wiki", "order": 4},
	}
	var itemIDs []string
	for _, body := range items {
		var it model.BoardItem
		res := inst.Do(t, "POST", "/api/4.0/board_items", ownerTok, body)
		res.JSON(t, &it)
		if res.Status != 200 {
			t.Fatalf("create item %v: %d %s", body, res.Status, res.Body)
		}
		itemIDs = append(itemIDs, textOf(it.ID))
	}
	bad := []map[string]any{
		{"board_section_id": sid},
		{"board_section_id": sid, "look_id": idText(look.ID), "dashboard_id": idText(shared.ID)},
		{"board_section_id": "999999", "custom_url": "https://example.com"},
		{"board_section_id": sid, "custom_url": "javascript:alert(1)"},
		{"board_section_id": sid, "dashboard_id": "999999"},
	}
	for _, body := range bad {
		if res := inst.Do(t, "POST", "/api/4.0/board_items", ownerTok, body); res.Status != 422 {
			t.Errorf("bad item %v: %d %s", body, res.Status, res.Body)
		}
	}

	// The owner sees all four items; the other user sees the board but not
	// the private dashboard's item, and cannot change anything.
	for _, c := range []struct {
		who   string
		tok   string
		items int
		edit  bool
	}{{"owner", ownerTok, 4, true}, {"other", otherTok, 3, false}} {
		var got model.Board
		res := inst.Do(t, "GET", "/api/4.0/boards/"+bid, c.tok, nil)
		res.JSON(t, &got)
		if res.Status != 200 || len(got.BoardSections) != 1 || len(got.BoardSections[0].BoardItems) != c.items ||
			got.Can["update"] != c.edit {
			t.Errorf("%s reads the board: %d %s", c.who, res.Status, res.Body)
			continue
		}
		first := got.BoardSections[0].BoardItems[0]
		if textOf(first.Title) != shared.Title || textOf(first.URL) != "/dashboards/"+idText(shared.ID) {
			t.Errorf("%s: first item %+v", c.who, first)
		}
	}
	if res := inst.Do(t, "GET", "/api/4.0/board_items/"+itemIDs[1], otherTok, nil); res.Status != 404 {
		t.Errorf("hidden item by id: %d", res.Status)
	}
	var all []model.BoardItem
	inst.Do(t, "GET", "/api/4.0/board_items?board_section_id="+sid, otherTok, nil).JSON(t, &all)
	if len(all) != 3 {
		t.Errorf("all_board_items for the other user: %d", len(all))
	}
	if res := inst.Do(t, "PATCH", "/api/4.0/boards/"+bid, otherTok, map[string]any{"title": "mine"}); res.Status != 403 {
		t.Errorf("other user renames: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/board_items/"+itemIDs[0], otherTok, nil); res.Status != 403 {
		t.Errorf("other user deletes an item: %d", res.Status)
	}
	if res := inst.Do(t, "POST", "/api/4.0/board_sections", otherTok, map[string]any{"board_id": bid, "title": "x"}); res.Status != 403 {
		t.Errorf("other user adds a section: %d %s", res.Status, res.Body)
	}

	var item model.BoardItem
	res = inst.Do(t, "PATCH", "/api/4.0/board_items/"+itemIDs[2], ownerTok, map[string]any{"use_custom_title": false})
	res.JSON(t, &item)
	if res.Status != 200 || textOf(item.Title) != look.Title {
		t.Errorf("update item: %d %s", res.Status, res.Body)
	}
	res = inst.Do(t, "PATCH", "/api/4.0/boards/"+bid, ownerTok, map[string]any{"title": "Renamed", "section_order": []string{sid}})
	res.JSON(t, &board)
	if res.Status != 200 || textOf(board.Title) != "Renamed" || len(board.SectionOrder) != 1 {
		t.Errorf("update board: %d %s", res.Status, res.Body)
	}
	var found []model.Board
	res = inst.Do(t, "GET", "/api/4.0/boards/search?title=ren%25&limit=10", otherTok, nil)
	res.JSON(t, &found)
	if res.Status != 200 || len(found) != 1 || res.Header.Get("X-Total-Count") != "1" {
		t.Errorf("search: %d %s", res.Status, res.Body)
	}
	inst.Do(t, "GET", "/api/4.0/boards/search?permission=edit", otherTok, nil).JSON(t, &found)
	if len(found) != 0 {
		t.Errorf("boards the other user edits: %d", len(found))
	}
	var sections []model.BoardSection
	inst.Do(t, "GET", "/api/4.0/board_sections", otherTok, nil).JSON(t, &sections)
	if len(sections) != 1 {
		t.Errorf("all_board_sections: %d", len(sections))
	}
	if res := inst.Do(t, "PATCH", "/api/4.0/board_sections/"+sid, ownerTok, map[string]any{"title": "Links"}); res.Status != 200 {
		t.Errorf("update section: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/board_sections/"+sid, ownerTok, nil); res.Status != 204 {
		t.Errorf("delete section: %d", res.Status)
	}
	if res := inst.Do(t, "GET", "/api/4.0/board_items/"+itemIDs[0], ownerTok, nil); res.Status != 404 {
		t.Errorf("item of a deleted section: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/boards/"+bid, otherTok, nil); res.Status != 403 {
		t.Errorf("other user deletes the board: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/boards/"+bid, ownerTok, nil); res.Status != 204 {
		t.Errorf("delete board: %d", res.Status)
	}
	if res := inst.Do(t, "GET", "/api/4.0/boards/"+bid, ownerTok, nil); res.Status != 404 {
		t.Errorf("deleted board: %d", res.Status)
	}
	var boards []model.Board
	inst.Do(t, "GET", "/api/4.0/boards", ownerTok, nil).JSON(t, &boards)
	if len(boards) != 0 {
		t.Errorf("all_boards after delete: %d", len(boards))
	}
}
