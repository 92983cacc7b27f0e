package store_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestBoards(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			if err := st.EnsureRootFolders(ctx); err != nil {
				t.Fatal(err)
			}
			u := &overlook.User{FirstName: "Bo", LastName: "Ard", Locale: "en"}
			if err := st.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			b := &store.Board{Title: "Sales", Description: "weekly", UserID: u.ID}
			if err := st.CreateBoard(ctx, b); err != nil || b.ID == 0 || b.ContentMetadataID == 0 {
				t.Fatalf("create: %v %+v", err, b)
			}
			meta, err := st.ContentMetadata(ctx, b.ContentMetadataID)
			if err != nil || meta.BoardID != b.ID {
				t.Fatalf("board metadata: %v %+v", err, meta)
			}
			sec := &store.BoardSection{BoardID: b.ID, Title: "Top"}
			if err := st.CreateBoardSection(ctx, sec); err != nil {
				t.Fatal(err)
			}
			second := &store.BoardItem{BoardSectionID: sec.ID, CustomURL: "https://example.com/b", UseCustomURL: true, Position: 2}
			first := &store.BoardItem{BoardSectionID: sec.ID, CustomURL: "https://example.com/a", CustomTitle: "A", Position: 1}
			for _, it := range []*store.BoardItem{second, first} {
				if err := st.CreateBoardItem(ctx, it); err != nil {
					t.Fatal(err)
				}
			}
			items, err := st.BoardItems(ctx, []int64{sec.ID}, nil)
			if err != nil || len(items) != 2 || items[0].ID != first.ID || items[0].CustomTitle != "A" || !items[1].UseCustomURL {
				t.Fatalf("items: %v %+v", err, items)
			}
			first.Position = 3
			if err := st.UpdateBoardItem(ctx, first); err != nil {
				t.Fatal(err)
			}
			if items, _ := st.BoardItems(ctx, nil, nil); items[0].ID != second.ID {
				t.Errorf("order after moving: %+v", items)
			}
			b.Title, b.SectionOrder = "Sales board", []int64{sec.ID}
			if err := st.UpdateBoard(ctx, b); err != nil {
				t.Fatal(err)
			}
			got, err := st.Board(ctx, b.ID)
			if err != nil || got.Title != "Sales board" || len(got.SectionOrder) != 1 || got.CreatorFirstName != "Bo" {
				t.Errorf("read back: %v %+v", err, got)
			}
			if list, _ := st.Boards(ctx, store.BoardFilter{Title: "sales%", CreatorIDs: []int64{u.ID}}); len(list) != 1 {
				t.Errorf("search by title and creator: %d", len(list))
			}
			if list, _ := st.Boards(ctx, store.BoardFilter{FavoritedBy: u.ID}); len(list) != 0 {
				t.Errorf("favorited before any favorite: %d", len(list))
			}
			if err := st.CreateFavorite(ctx, &store.Favorite{UserID: u.ID, ContentMetadataID: b.ContentMetadataID}); err != nil {
				t.Fatal(err)
			}
			if list, _ := st.Boards(ctx, store.BoardFilter{FavoritedBy: u.ID}); len(list) != 1 {
				t.Errorf("favorited: %d", len(list))
			}
			if err := st.DeleteBoardSection(ctx, sec.ID); err != nil {
				t.Fatal(err)
			}
			if items, _ := st.BoardItems(ctx, nil, nil); len(items) != 0 {
				t.Errorf("items outlive their section: %d", len(items))
			}
			if err := st.DeleteBoard(ctx, b.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := st.ContentMetadata(ctx, b.ContentMetadataID); !overlook.IsNotFound(err) {
				t.Errorf("metadata outlives its board: %v", err)
			}
			if favs, _ := st.Favorites(ctx, store.FavoriteFilter{}); len(favs) != 0 {
				t.Errorf("favorites outlive their board: %d", len(favs))
			}
			if err := st.DeleteBoard(ctx, b.ID); !overlook.IsNotFound(err) {
				t.Errorf("second delete: %v", err)
			}
		})
	}
}
