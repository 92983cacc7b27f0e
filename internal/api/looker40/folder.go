package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagFolder = "Folder"

func init() { register(registerFolder) }

// FolderIDPath names one folder.
type FolderIDPath struct {
	FolderID string `path:"folder_id" doc:"Id of folder"`
}

type folderInput struct {
	FolderIDPath
	FieldsParam
}

type folderCreateInput struct {
	Body model.Body[model.CreateFolder]
}

type folderUpdateInput struct {
	FolderIDPath
	Body model.Body[model.UpdateFolder]
}

type folderSearchInput struct {
	FieldsParam
	PageParams
	Sorts        string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	Name         string    `query:"name" doc:"Folder name pattern to match (% and _ are wildcards)"`
	ID           string    `query:"id" doc:"Folder ids to match, comma-separated"`
	ParentID     string    `query:"parent_id" doc:"Only the folders directly within this one"`
	CreatorID    string    `query:"creator_id" doc:"Only the folders this user created"`
	FilterOr     boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
	IsSharedRoot boolParam `query:"is_shared_root" doc:"Only the shared root (true) or every folder but it (false)"`
	IsUsersRoot  boolParam `query:"is_users_root" doc:"Only the users root (true) or every folder but it (false)"`
}

type folderChildrenInput struct {
	FolderIDPath
	FieldsParam
	PageParams
	Sorts string `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
}

type folderChildrenSearchInput struct {
	FolderIDPath
	FieldsParam
	Sorts string `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	Name  string `query:"name" doc:"Child folder name pattern to match (% and _ are wildcards)"`
}

func registerFolder(api huma.API, b *Backend) {
	get := func(id, path, summary string) op {
		return op{ID: id, Method: http.MethodGet, Path: path, Tag: tagFolder, Perm: access.Authenticated, Summary: summary}
	}
	handle(api, get("all_folders", "/folders", "Every folder the caller can see"), b.allFolders)
	handle(api, op{ID: "create_folder", Method: http.MethodPost, Path: "/folders", Tag: tagFolder, Perm: access.Authenticated,
		Summary: "Create a folder in a folder the caller edits"}, b.createFolder)
	handle(api, get("search_folders", "/folders/search", "Find folders by criteria"), b.searchFolders)
	handle(api, get("folder", "/folders/{folder_id}", "One folder"), b.folder)
	handle(api, op{ID: "update_folder", Method: http.MethodPatch, Path: "/folders/{folder_id}", Tag: tagFolder,
		Perm: access.Authenticated, Summary: "Rename a folder or move it to another parent"}, b.updateFolder)
	handle(api, op{ID: "delete_folder", Method: http.MethodDelete, Path: "/folders/{folder_id}", Tag: tagFolder,
		Perm: access.Authenticated, Summary: "Delete a folder with its subfolders, looks and dashboards",
		Status: http.StatusNoContent}, b.deleteFolder)
	handle(api, get("folder_ancestors", "/folders/{folder_id}/ancestors", "The folders above a folder, root first"),
		b.folderAncestors)
	handle(api, get("folder_children", "/folders/{folder_id}/children", "The folders directly within a folder"),
		b.folderChildren)
	handle(api, get("folder_children_search", "/folders/{folder_id}/children/search",
		"Find folders directly within a folder by name"), b.folderChildrenSearch)
	handle(api, get("folder_parent", "/folders/{folder_id}/parent", "The folder a folder is in"), b.folderParent)
}

func folderWire(f *content.Folder) model.Folder {
	edit := f.Level >= content.Edit
	kind := f.RootKind
	var parent *string
	if f.ParentID != 0 {
		parent = idString(f.ParentID)
	}
	return model.Folder{
		ID: idString(f.ID), Name: ptr(f.Name), ParentID: parent, ContentMetadataID: idString(f.ContentMetadataID),
		CreatedAt: timeString(f.CreatedAt), CreatorID: idString(f.CreatorID), ChildCount: ptr(int64(f.ChildCount)),
		IsEmbed: ptr(f.IsEmbed), IsEmbedSharedRoot: ptr(kind == store.RootEmbedShared),
		IsEmbedUsersRoot: ptr(kind == store.RootEmbedUsers), IsPersonal: ptr(f.IsPersonal),
		IsPersonalDescendant: ptr(f.IsPersonalDescendant), IsSharedRoot: ptr(kind == store.RootShared),
		IsUsersRoot: ptr(kind == store.RootUsers),
		Can: map[string]bool{"index": true, "show": true, "create": edit, "update": edit && kind == "" && !f.IsPersonal,
			"destroy": edit && kind == "" && !f.IsPersonal, "move_content": edit, "edit_content": edit},
	}
}

func foldersWire(folders []*content.Folder) []model.Folder {
	out := make([]model.Folder, len(folders))
	for i, f := range folders {
		out[i] = folderWire(f)
	}
	return out
}

func (b *Backend) allFolders(ctx context.Context, _ *FieldsParam) (*Out[[]model.Folder], error) {
	folders, _, err := b.Content.SearchFolders(ctx, overlook.PrincipalFrom(ctx), store.FolderFilter{})
	if err != nil {
		return nil, err
	}
	return ok(foldersWire(folders))
}

func (b *Backend) createFolder(ctx context.Context, in *folderCreateInput) (*Out[model.Folder], error) {
	v := in.Body.Value
	parent, err := requiredBodyID("parent_id", v.ParentID)
	if err != nil {
		return nil, err
	}
	name := ""
	if v.Name != nil {
		name = *v.Name
	}
	f, err := b.Content.CreateFolder(ctx, overlook.PrincipalFrom(ctx), name, parent)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "folder", strconv.FormatInt(f.ID, 10))
	return ok(folderWire(f))
}

func (in *folderSearchInput) filter() (store.FolderFilter, error) {
	f := store.FolderFilter{Name: in.Name, FilterOr: in.FilterOr.Value, IsSharedRoot: in.IsSharedRoot.ptr(),
		IsUsersRoot: in.IsUsersRoot.ptr()}
	var err error
	if f.IDs, err = searchIDs("id", in.ID); err != nil {
		return f, err
	}
	if f.ParentID, err = bodyID("parent_id", &in.ParentID); err != nil {
		return f, err
	}
	if f.CreatorID, err = bodyID("creator_id", &in.CreatorID); err != nil {
		return f, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.FolderSortable); err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = in.Window()
	return f, err
}

func (b *Backend) searchFolders(ctx context.Context, in *folderSearchInput) (*Paged[model.Folder], error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	folders, total, err := b.Content.SearchFolders(ctx, overlook.PrincipalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, foldersWire(folders), in.PageParams, total), nil
}

func (b *Backend) folder(ctx context.Context, in *folderInput) (*Out[model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	f, err := b.Content.Folder(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(folderWire(f))
}

func (b *Backend) updateFolder(ctx context.Context, in *folderUpdateInput) (*Out[model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	v := in.Body.Value
	var parent *int64
	if in.Body.Has("parent_id") {
		p, err := requiredBodyID("parent_id", v.ParentID)
		if err != nil {
			return nil, err
		}
		parent = &p
	}
	name := v.Name
	if !in.Body.Has("name") {
		name = nil
	}
	f, err := b.Content.UpdateFolder(ctx, overlook.PrincipalFrom(ctx), id, name, parent)
	if err != nil {
		return nil, err
	}
	return ok(folderWire(f))
}

func (b *Backend) deleteFolder(ctx context.Context, in *FolderIDPath) (*Empty, error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.DeleteFolder(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

func (b *Backend) folderAncestors(ctx context.Context, in *folderInput) (*Out[[]model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	folders, err := b.Content.FolderAncestors(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(foldersWire(folders))
}

func (b *Backend) folderChildren(ctx context.Context, in *folderChildrenInput) (*Paged[model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	f := store.FolderFilter{}
	if f.Sorts, err = ParseSorts(in.Sorts, store.FolderSortable); err != nil {
		return nil, err
	}
	if f.Limit, f.Offset, err = in.Window(); err != nil {
		return nil, err
	}
	folders, total, err := b.Content.FolderChildren(ctx, overlook.PrincipalFrom(ctx), id, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, foldersWire(folders), in.PageParams, total), nil
}

func (b *Backend) folderChildrenSearch(ctx context.Context, in *folderChildrenSearchInput) (*Out[[]model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	f := store.FolderFilter{Name: in.Name}
	if f.Sorts, err = ParseSorts(in.Sorts, store.FolderSortable); err != nil {
		return nil, err
	}
	folders, _, err := b.Content.FolderChildren(ctx, overlook.PrincipalFrom(ctx), id, f)
	if err != nil {
		return nil, err
	}
	return ok(foldersWire(folders))
}

func (b *Backend) folderParent(ctx context.Context, in *folderInput) (*Out[model.Folder], error) {
	id, err := objectID(ctx, "folder", in.FolderID)
	if err != nil {
		return nil, err
	}
	f, err := b.Content.FolderParent(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(folderWire(f))
}
