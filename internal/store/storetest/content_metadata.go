package storetest

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() {
	add("ContentMetadataOfFolders", testContentMetadataOfFolders)
	add("ContentAccessGrants", testContentAccessGrants)
	add("FolderTree", testFolderTree)
}

func mustFolder(t *testing.T, st *store.Store, name string, parent int64) *store.Folder {
	t.Helper()
	f := &store.Folder{Name: name, ParentID: parent}
	if err := st.CreateFolder(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return f
}

// Roots and personal folders are closed nodes with their default grants;
// a new folder inherits from its parent's node.
func testContentMetadataOfFolders(t *testing.T, st *store.Store) {
	ctx := context.Background()
	shared, _ := st.RootFolderID(ctx, store.RootShared)
	embed, _ := st.RootFolderID(ctx, store.RootEmbedShared)
	u := mustUser(t, st, "Grace", "Hopper")
	sub := mustFolder(t, st, "Sales", shared)

	byFolder := map[int64]*store.ContentMeta{}
	all, err := st.ContentMetadatas(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		byFolder[m.FolderID] = m
	}
	if len(all) != 6 { // four roots, a personal folder, Sales
		t.Fatalf("%d nodes, want 6", len(all))
	}
	for _, tc := range []struct {
		folder   int64
		inherits bool
		parent   int64
		grant    store.ContentAccess
	}{
		{shared, false, 0, store.ContentAccess{AllUsers: true, PermissionType: store.PermView}},
		{u.PersonalFolderID, false, -1, store.ContentAccess{UserID: u.ID, PermissionType: store.PermEdit}},
		{sub.ID, true, shared, store.ContentAccess{}},
		{embed, false, 0, store.ContentAccess{}},
	} {
		m := byFolder[tc.folder]
		if m == nil || m.Inherits != tc.inherits || m.ContentType() != "space" {
			t.Fatalf("folder %d: node %+v", tc.folder, m)
		}
		if tc.parent >= 0 && m.ParentID != parentNode(byFolder, tc.parent) {
			t.Fatalf("folder %d: parent node %d", tc.folder, m.ParentID)
		}
		grants, err := st.ContentAccesses(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if tc.grant.PermissionType == "" {
			if len(grants) != 0 {
				t.Fatalf("folder %d: grants %+v", tc.folder, grants[0])
			}
			continue
		}
		g := grants[0]
		if len(grants) != 1 || g.UserID != tc.grant.UserID || g.AllUsers != tc.grant.AllUsers || g.PermissionType != tc.grant.PermissionType {
			t.Fatalf("folder %d: grants %+v", tc.folder, g)
		}
	}
	if sub.ContentMetadataID != byFolder[sub.ID].ID {
		t.Fatalf("created folder's node %d", sub.ContentMetadataID)
	}
}

func parentNode(byFolder map[int64]*store.ContentMeta, folder int64) int64 {
	if folder == 0 {
		return 0
	}
	return byFolder[folder].ID
}

func testContentAccessGrants(t *testing.T, st *store.Store) {
	ctx := context.Background()
	shared, _ := st.RootFolderID(ctx, store.RootShared)
	u := mustUser(t, st, "Alan", "Turing")
	other := mustUser(t, st, "Kurt", "Goedel")
	g := &overlook.Group{Name: "Logicians"}
	if err := st.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	if err := st.AddGroupUser(ctx, g.ID, u.ID); err != nil {
		t.Fatal(err)
	}
	f := mustFolder(t, st, "Proofs", shared)
	a := &store.ContentAccess{ContentMetadataID: f.ContentMetadataID, GroupID: g.ID, PermissionType: store.PermView}
	if err := st.CreateContentAccess(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateContentAccess(ctx, a.ID, store.PermEdit); err != nil {
		t.Fatal(err)
	}
	got, err := st.ContentAccess(ctx, a.ID)
	if err != nil || got.PermissionType != store.PermEdit || got.GroupID != g.ID {
		t.Fatalf("grant %+v, %v", got, err)
	}
	mine, _ := st.GrantsFor(ctx, u.ID)
	theirs, _ := st.GrantsFor(ctx, other.ID)
	// u: the shared and users roots (everyone), their folder, the group's grant.
	if len(mine) != 4 || len(theirs) != 3 {
		t.Fatalf("grants: %d for the member, %d for the other", len(mine), len(theirs))
	}
	if err := st.SetContentMetadataInherits(ctx, f.ContentMetadataID, false); err != nil {
		t.Fatal(err)
	}
	if m, _ := st.ContentMetadata(ctx, f.ContentMetadataID); m.Inherits {
		t.Fatal("still inherits")
	}
	if err := st.DeleteContentAccess(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.DeleteContentAccess(ctx, a.ID), overlook.ENOTFOUND)
	wantCode(t, st.UpdateContentAccess(ctx, a.ID, store.PermView), overlook.ENOTFOUND)
	wantCode(t, st.SetContentMetadataInherits(ctx, 1<<40, true), overlook.ENOTFOUND)
}

func testFolderTree(t *testing.T, st *store.Store) {
	ctx := context.Background()
	shared, _ := st.RootFolderID(ctx, store.RootShared)
	a := mustFolder(t, st, "A", shared)
	b := mustFolder(t, st, "B", a.ID)
	c := mustFolder(t, st, "C", b.ID)
	name := "B2"
	if err := st.UpdateFolder(ctx, b.ID, &name, &shared); err != nil {
		t.Fatal(err)
	}
	got, err := st.Folder(ctx, b.ID)
	if err != nil || got.Name != "B2" || got.ParentID != shared || got.ChildCount != 1 {
		t.Fatalf("moved folder %+v, %v", got, err)
	}
	chain, err := st.AccessNodeChain(ctx, c.ContentMetadataID)
	if err != nil || len(chain) != 3 { // C, B2, Shared
		t.Fatalf("chain %+v, %v", chain, err)
	}
	list, total, err := st.Folders(ctx, store.FolderFilter{Name: "b%", Within: []int64{b.ID, c.ID}})
	if err != nil || total != 1 || list[0].ID != b.ID {
		t.Fatalf("search: %d %v", total, err)
	}
	if _, total, _ := st.Folders(ctx, store.FolderFilter{Within: []int64{}}); total != 0 {
		t.Fatalf("empty Within matched %d", total)
	}
	// An OR search stays within the folders the caller may see.
	list, total, err = st.Folders(ctx, store.FolderFilter{Name: "a", CreatorID: -1, FilterOr: true, Within: []int64{c.ID}})
	if err != nil || total != 0 {
		t.Fatalf("OR search outside Within: %d %+v %v", total, list, err)
	}
	if err := st.DeleteFolder(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	wantCode(t, err2(st.Folder(ctx, c.ID)), overlook.ENOTFOUND)
	if _, err := st.ContentMetadata(ctx, c.ContentMetadataID); !overlook.IsNotFound(err) {
		t.Fatalf("node of a deleted folder: %v", err)
	}
}

func err2[T any](_ T, err error) error { return err }
