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

const tagContent = "Content"

func init() { register(registerContentMetadata) }

// ContentMetadataIDPath names one content_metadata node.
type ContentMetadataIDPath struct {
	ContentMetadataID string `path:"content_metadata_id" doc:"Id of content metadata"`
}

// ContentMetadataAccessIDPath names one grant.
type ContentMetadataAccessIDPath struct {
	ContentMetadataAccessID string `path:"content_metadata_access_id" doc:"The grant (content_metadata_access) to act on"`
}

type contentMetadatasInput struct {
	FieldsParam
	ParentID string `query:"parent_id" required:"true" doc:"Id of the parent content metadata"`
}

type contentMetadataInput struct {
	ContentMetadataIDPath
	FieldsParam
}

type contentMetadataUpdateInput struct {
	ContentMetadataIDPath
	Body model.Body[model.ContentMeta]
}

type contentAccessesInput struct {
	FieldsParam
	ContentMetadataID string `query:"content_metadata_id" required:"true" doc:"Id of the content metadata"`
}

type contentAccessCreateInput struct {
	SendBoardsNotificationEmail bool `query:"send_boards_notification_email" doc:"Overlook sends no mail for boards; accepted and ignored"`
	Body                        model.Body[model.ContentMetaGroupUser]
}

type searchContentInput struct {
	FieldsParam
	PageParams
	Terms string `path:"terms" doc:"Words to find in titles and descriptions (% and _ are wildcards)"`
	Types string `query:"types" doc:"Content types to search, comma-separated: dashboard, look, folder, board"`
}

type contentAccessUpdateInput struct {
	ContentMetadataAccessIDPath
	Body model.Body[model.ContentMetaGroupUser]
}

func registerContentMetadata(api huma.API, b *Backend) {
	o := func(id, method, path, summary string) op {
		return op{ID: id, Method: method, Path: path, Tag: tagContent, Perm: access.Authenticated, Summary: summary}
	}
	handle(api, o("all_content_metadatas", http.MethodGet, "/content_metadata",
		"The content metadata directly below a node"), b.allContentMetadatas)
	handle(api, o("content_metadata", http.MethodGet, "/content_metadata/{content_metadata_id}",
		"One content metadata node"), b.contentMetadata)
	handle(api, o("update_content_metadata", http.MethodPatch, "/content_metadata/{content_metadata_id}",
		"Open or close a node (whether it inherits its parent's access)"), b.updateContentMetadata)
	handle(api, o("all_content_metadata_accesses", http.MethodGet, "/content_metadata_access",
		"The grants on a node"), b.allContentMetadataAccesses)
	handle(api, o("create_content_metadata_access", http.MethodPost, "/content_metadata_access",
		"Give a user or group view or edit access to a node"), b.createContentMetadataAccess)
	del := o("delete_content_metadata_access", http.MethodDelete, "/content_metadata_access/{content_metadata_access_id}",
		"Remove a grant")
	del.Status = http.StatusNoContent
	handle(api, o("update_content_metadata_access", http.MethodPut, "/content_metadata_access/{content_metadata_access_id}",
		"Change a grant between view and edit"), b.updateContentMetadataAccess)
	handle(api, del, b.deleteContentMetadataAccess)
	handle(api, o("search_content", http.MethodGet, "/content/{terms}",
		"Find looks, dashboards, folders and boards the caller can see by title or description"), b.searchContent)
}

func contentMetaWire(n *content.Node) model.ContentMeta {
	return model.ContentMeta{
		ID: idString(n.ID), Name: ptr(n.Name), ParentID: idString(n.ParentID), FolderID: idString(n.FolderID),
		LookID: idString(n.LookID), DashboardID: idString(n.DashboardID), ContentType: ptr(n.ContentType()),
		Inherits: ptr(n.Inherits), InheritingID: idString(n.InheritingID()),
		Can: map[string]bool{"index": true, "show": true, "update": n.CanManage},
	}
}

func contentAccessWire(a *store.ContentAccess, manage bool) model.ContentMetaGroupUser {
	return model.ContentMetaGroupUser{
		ID: idString(a.ID), ContentMetadataID: idString(a.ContentMetadataID), PermissionType: ptr(a.PermissionType),
		UserID: idString(a.UserID), GroupID: idString(a.GroupID),
		Can: map[string]bool{"index": true, "show": true, "create": manage, "update": manage, "destroy": manage},
	}
}

func (b *Backend) allContentMetadatas(ctx context.Context, in *contentMetadatasInput) (*Out[[]model.ContentMeta], error) {
	parent, err := requiredBodyID("parent_id", &in.ParentID)
	if err != nil {
		return nil, err
	}
	nodes, err := b.Content.ContentMetadataChildren(ctx, overlook.PrincipalFrom(ctx), parent)
	if err != nil {
		return nil, err
	}
	out := make([]model.ContentMeta, len(nodes))
	for i, n := range nodes {
		out[i] = contentMetaWire(n)
	}
	return ok(out)
}

func (b *Backend) contentMetadata(ctx context.Context, in *contentMetadataInput) (*Out[model.ContentMeta], error) {
	id, err := objectID(ctx, "content_metadata", in.ContentMetadataID)
	if err != nil {
		return nil, err
	}
	n, err := b.Content.ContentMetadata(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(contentMetaWire(n))
}

func (b *Backend) updateContentMetadata(ctx context.Context, in *contentMetadataUpdateInput) (*Out[model.ContentMeta], error) {
	id, err := objectID(ctx, "content_metadata", in.ContentMetadataID)
	if err != nil {
		return nil, err
	}
	inherits := in.Body.Value.Inherits
	if !in.Body.Has("inherits") {
		inherits = nil
	}
	n, err := b.Content.UpdateContentMetadata(ctx, overlook.PrincipalFrom(ctx), id, inherits)
	if err != nil {
		return nil, err
	}
	return ok(contentMetaWire(n))
}

func (b *Backend) allContentMetadataAccesses(ctx context.Context, in *contentAccessesInput) (*Out[[]model.ContentMetaGroupUser], error) {
	id, err := requiredBodyID("content_metadata_id", &in.ContentMetadataID)
	if err != nil {
		return nil, err
	}
	grants, n, err := b.Content.Accesses(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	out := make([]model.ContentMetaGroupUser, len(grants))
	for i, a := range grants {
		out[i] = contentAccessWire(a, n.CanManage)
	}
	return ok(out)
}

func (b *Backend) createContentMetadataAccess(ctx context.Context, in *contentAccessCreateInput) (*Out[model.ContentMetaGroupUser], error) {
	v := in.Body.Value
	a := &store.ContentAccess{}
	var err error
	if a.ContentMetadataID, err = bodyID("content_metadata_id", v.ContentMetadataID); err != nil {
		return nil, err
	}
	if a.UserID, err = bodyID("user_id", v.UserID); err != nil {
		return nil, err
	}
	if a.GroupID, err = bodyID("group_id", v.GroupID); err != nil {
		return nil, err
	}
	if v.PermissionType != nil {
		a.PermissionType = *v.PermissionType
	}
	if err := b.Content.Grant(ctx, overlook.PrincipalFrom(ctx), a); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "content_metadata_access", strconv.FormatInt(a.ID, 10))
	return ok(contentAccessWire(a, true))
}

func (b *Backend) updateContentMetadataAccess(ctx context.Context, in *contentAccessUpdateInput) (*Out[model.ContentMetaGroupUser], error) {
	id, err := objectID(ctx, "content_metadata_access", in.ContentMetadataAccessID)
	if err != nil {
		return nil, err
	}
	perm := ""
	if v := in.Body.Value.PermissionType; v != nil {
		perm = *v
	}
	a, err := b.Content.UpdateGrant(ctx, overlook.PrincipalFrom(ctx), id, perm)
	if err != nil {
		return nil, err
	}
	return ok(contentAccessWire(a, true))
}

func (b *Backend) deleteContentMetadataAccess(ctx context.Context, in *ContentMetadataAccessIDPath) (*Empty, error) {
	id, err := objectID(ctx, "content_metadata_access", in.ContentMetadataAccessID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.Revoke(ctx, overlook.PrincipalFrom(ctx), id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

func (b *Backend) searchContent(ctx context.Context, in *searchContentInput) (*Paged[model.ContentSearch], error) {
	types, err := ParseDelimList(in.Types)
	if err != nil {
		return nil, overlook.Invalid("types", "invalid", "types is a comma-separated list")
	}
	limit, offset, err := in.Window()
	if err != nil {
		return nil, err
	}
	hits, total, err := b.Content.SearchContent(ctx, overlook.PrincipalFrom(ctx), in.Terms, types, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([]model.ContentSearch, len(hits))
	for i, h := range hits {
		out[i] = model.ContentSearch{ContentID: idString(h.ID), Type: ptr(h.Type), Title: ptr(h.Title),
			Description: ptr(h.Description), FolderID: idString(h.FolderID), FolderName: optString(h.FolderName),
			ParentFolderName: optString(h.ParentFolderName), ViewCount: ptr(h.ViewCount),
			CreatedByID: optInt64(h.CreatorID), PreferredViewer: ptr(""),
			Can: map[string]bool{"show": true, "update": h.Level >= content.Edit}}
	}
	return page(ctx, b, out, in.PageParams, total), nil
}

func optInt64(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}
