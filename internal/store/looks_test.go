package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// contentFixture opens a store with root folders, one user and one query.
func contentFixture(t *testing.T, open func(*testing.T) *store.Store) (*store.Store, *overlook.User, int64, int64) {
	t.Helper()
	ctx := context.Background()
	st := open(t)
	if err := st.EnsureRootFolders(ctx); err != nil {
		t.Fatal(err)
	}
	u := &overlook.User{FirstName: "Owner"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	q := &store.Query{Slug: "s1", Hash: "h1", Model: "thelook", View: "orders", Fields: "[]", Pivots: "[]",
		FillFields: "[]", Filters: "{}", Sorts: "[]", Subtotals: "[]", VisConfig: "{}", FilterConfig: "{}"}
	if err := st.CreateQuery(ctx, q); err != nil {
		t.Fatal(err)
	}
	shared, err := st.RootFolderID(ctx, store.RootShared)
	if err != nil {
		t.Fatal(err)
	}
	return st, u, q.ID, shared
}

func TestLooks(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, u, queryID, shared := contentFixture(t, open)
			l := &store.Look{QueryID: queryID, IsRunOnLoad: true,
				ContentItem: store.ContentItem{Title: "Orders", Description: "all of them", FolderID: shared, UserID: u.ID}}
			if err := st.CreateLook(ctx, l); err != nil || l.ID == 0 || l.ContentMetadataID == 0 || l.CreatedAt.IsZero() {
				t.Fatalf("create: %v %+v", err, l)
			}
			meta, err := st.ContentMetadata(ctx, l.ContentMetadataID)
			if err != nil || meta.LookID != l.ID {
				t.Fatalf("content metadata: %v %+v", err, meta)
			}
			got, err := st.Look(ctx, l.ID)
			if err != nil || got.Title != "Orders" || got.QueryID != queryID || !got.IsRunOnLoad || got.UserID != u.ID ||
				got.LastUpdaterID != u.ID {
				t.Fatalf("read back: %v %+v", err, got)
			}
			when := time.UnixMilli(time.Now().UnixMilli()).UTC()
			got.Deleted, got.DeletedAt, got.DeleterID, got.Title = true, &when, u.ID, "Trashed"
			if err := st.UpdateLook(ctx, got); err != nil {
				t.Fatal(err)
			}
			yes, no := true, false
			trash, _ := st.Looks(ctx, store.ItemFilter{Deleted: &yes})
			live, _ := st.Looks(ctx, store.ItemFilter{Deleted: &no})
			if len(trash) != 1 || len(live) != 0 || !trash[0].DeletedAt.Equal(when) || trash[0].DeleterID != u.ID {
				t.Fatalf("trash %+v live %+v", trash, live)
			}
			byTitle, _ := st.Looks(ctx, store.ItemFilter{Title: "trash%", QueryID: queryID})
			if len(byTitle) != 1 {
				t.Fatalf("search by title: %+v", byTitle)
			}
			if err := st.MoveLook(ctx, l.ID, u.PersonalFolderID); err != nil {
				t.Fatal(err)
			}
			moved, _ := st.Look(ctx, l.ID)
			folderMeta, _ := st.Folder(ctx, u.PersonalFolderID)
			meta, _ = st.ContentMetadata(ctx, l.ContentMetadataID)
			if moved.FolderID != u.PersonalFolderID || meta.ParentID != folderMeta.ContentMetadataID {
				t.Fatalf("moved %+v, metadata %+v under %+v", moved, meta, folderMeta)
			}
			if err := st.DeleteLook(ctx, l.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Look(ctx, l.ID); !overlook.IsNotFound(err) {
				t.Errorf("after delete: %v", err)
			}
			if _, err := st.ContentMetadata(ctx, l.ContentMetadataID); !overlook.IsNotFound(err) {
				t.Errorf("metadata after delete: %v", err)
			}
			if err := st.DeleteLook(ctx, l.ID); !overlook.IsNotFound(err) {
				t.Errorf("second delete: %v", err)
			}
		})
	}
}
