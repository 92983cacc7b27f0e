package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerFolderItems) }

type folderItemsInput struct {
	FolderID string `path:"folder_id" doc:"Id of folder"`
	FieldsParam
}

func registerFolderItems(api huma.API, b *Backend) {
	handle(api, op{ID: "folder_looks", Method: http.MethodGet, Path: "/folders/{folder_id}/looks", Tag: "Folder",
		Perm: permSeeLooks, Summary: "The looks in a folder"}, b.folderLooks)
	handle(api, op{ID: "folder_dashboards", Method: http.MethodGet, Path: "/folders/{folder_id}/dashboards",
		Tag: "Folder", Perm: permSeeDashboards, Summary: "The dashboards in a folder"}, b.folderDashboards)
}

// viewedFolder reads a folder id the caller must view, as a search of
// that folder's items (the trash left out).
func (b *Backend) viewedFolder(ctx context.Context, param string) (content.ItemSearch, error) {
	id, err := ParseID(param)
	if err != nil {
		return content.ItemSearch{}, err
	}
	requestinfo.SetObject(ctx, "folder", strconv.FormatInt(id, 10))
	if err := b.Content.RequireFolder(ctx, overlook.PrincipalFrom(ctx), id, content.View); err != nil {
		return content.ItemSearch{}, err
	}
	return content.ItemSearch{ItemFilter: store.ItemFilter{FolderID: id, Deleted: ptr(false)}}, nil
}

func (b *Backend) folderLooks(ctx context.Context, in *folderItemsInput) (*Out[[]model.LookWithQuery], error) {
	q, err := b.viewedFolder(ctx, in.FolderID)
	if err != nil {
		return nil, err
	}
	looks, _, err := b.Content.SearchLooks(ctx, overlook.PrincipalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	out := make([]model.LookWithQuery, 0, len(looks))
	for _, l := range looks {
		out = append(out, b.lookWire(ctx, l))
	}
	return ok(out)
}

func (b *Backend) folderDashboards(ctx context.Context, in *folderItemsInput) (*Out[[]model.Dashboard], error) {
	q, err := b.viewedFolder(ctx, in.FolderID)
	if err != nil {
		return nil, err
	}
	list, _, err := b.Content.SearchDashboards(ctx, overlook.PrincipalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	out := make([]model.Dashboard, 0, len(list))
	for _, d := range list {
		out = append(out, b.dashboardWire(ctx, d, nil))
	}
	return ok(out)
}
