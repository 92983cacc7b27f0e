package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestFavoritesAndViews(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			if err := st.EnsureRootFolders(ctx); err != nil {
				t.Fatal(err)
			}
			u := &overlook.User{FirstName: "Fa", LastName: "Vo", Locale: "en"}
			if err := st.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			b := &store.Board{Title: "B", UserID: u.ID}
			if err := st.CreateBoard(ctx, b); err != nil {
				t.Fatal(err)
			}
			f := &store.Favorite{UserID: u.ID, ContentMetadataID: b.ContentMetadataID}
			if err := st.CreateFavorite(ctx, f); err != nil || f.ID == 0 {
				t.Fatal(err)
			}
			if err := st.CreateFavorite(ctx, &store.Favorite{UserID: u.ID, ContentMetadataID: b.ContentMetadataID}); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("second favorite: %v", err)
			}
			if err := st.CreateFavorite(ctx, &store.Favorite{UserID: u.ID, ContentMetadataID: 999999}); !overlook.IsNotFound(err) {
				t.Errorf("unknown content: %v", err)
			}
			got, err := st.Favorite(ctx, f.ID)
			if err != nil || got.BoardID != b.ID || got.LookID != 0 || got.UserID != u.ID {
				t.Fatalf("read back: %v %+v", err, got)
			}
			for _, filter := range []store.FavoriteFilter{{BoardIDs: []int64{b.ID}}, {UserIDs: []int64{u.ID}},
				{LookIDs: []int64{1}, BoardIDs: []int64{b.ID}, FilterOr: true}} {
				if list, err := st.Favorites(ctx, filter); err != nil || len(list) != 1 {
					t.Errorf("search %+v: %v %d", filter, err, len(list))
				}
			}
			if list, _ := st.Favorites(ctx, store.FavoriteFilter{LookIDs: []int64{1}, BoardIDs: []int64{b.ID}}); len(list) != 0 {
				t.Errorf("and-search matched %d", len(list))
			}
			if err := st.DeleteFavorite(ctx, f.ID); err != nil {
				t.Fatal(err)
			}
			if err := st.DeleteFavorite(ctx, f.ID); !overlook.IsNotFound(err) {
				t.Errorf("second delete: %v", err)
			}

			// Views: a Sunday and the Monday after are two weeks.
			sun := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			for _, at := range []time.Time{sun, sun.Add(time.Hour), sun.Add(24 * time.Hour)} {
				if err := st.RecordContentView(ctx, u.ID, b.ContentMetadataID, at); err != nil {
					t.Fatal(err)
				}
			}
			weeks, err := st.ContentViews(ctx, store.ContentViewFilter{UserIDs: []int64{u.ID}, Sorts: []overlook.Sort{{Field: "start_of_week_date"}}})
			if err != nil || len(weeks) != 2 || weeks[0].StartOfWeek != "2026-11-16" || weeks[0].ViewCount != 2 ||
				weeks[1].StartOfWeek != "2026-11-23" || weeks[1].ViewCount != 1 {
				t.Fatalf("weeks: %v %+v", err, weeks)
			}
			all, err := st.ContentViews(ctx, store.ContentViewFilter{AllTime: true, ContentMetadataIDs: []int64{b.ContentMetadataID}})
			if err != nil || len(all) != 1 || all[0].ViewCount != 3 || !all[0].LastViewedAt.Equal(sun.Add(24*time.Hour)) {
				t.Fatalf("all time: %v %+v", err, all)
			}
			if list, _ := st.ContentViews(ctx, store.ContentViewFilter{StartOfWeek: "2026-11-23"}); len(list) != 1 {
				t.Errorf("one week: %d", len(list))
			}
		})
	}
}
