package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

const tagLook = "Look"

// Permissions of content operations: reading looks and dashboards, and
// saving them. Folder access is checked by the content service.
const (
	permSeeLooks      = "see_looks"
	permSeeDashboards = "see_user_dashboards"
	permSaveContent   = "save_content"
)

func init() { register(registerLook) }

type LookIDPath struct {
	LookID string `path:"look_id" doc:"Id of look"`
}

type lookInput struct {
	LookIDPath
	FieldsParam
}

type lookCreateInput struct {
	FieldsParam
	Body model.Body[model.LookWithQuery]
}

type lookUpdateInput struct {
	LookIDPath
	FieldsParam
	Body model.Body[model.LookWithQuery]
}

type lookCopyInput struct {
	LookIDPath
	FolderID string `query:"folder_id" doc:"Folder to copy the look into (default: its own folder)"`
}

type lookMoveInput struct {
	LookIDPath
	FolderID string `query:"folder_id" required:"true" doc:"Folder to move the look to"`
}

type runLookInput struct {
	LookIDPath
	RunParams
}

// ItemSearchParams are the criteria search_looks and search_dashboards
// share.
type ItemSearchParams struct {
	FieldsParam
	PageParams
	ID                string    `query:"id" doc:"Match by id (one or several, comma-separated)"`
	Title             string    `query:"title" doc:"Title pattern to match (% and _ are wildcards)"`
	Description       string    `query:"description" doc:"Description pattern to match"`
	ContentFavoriteID string    `query:"content_favorite_id" doc:"Favorite id to match (accepted; not matched)"`
	FolderID          string    `query:"folder_id" doc:"Folder id to match"`
	UserID            string    `query:"user_id" doc:"Owner id to match"`
	ViewCount         string    `query:"view_count" doc:"View count to match (accepted; not matched)"`
	Curate            boolParam `query:"curate" doc:"Curated content only (accepted; not matched)"`
	LastViewedAt      string    `query:"last_viewed_at" doc:"Last view time to match (accepted; not matched)"`
	Sorts             string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr          boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

type lookSearchInput struct {
	ItemSearchParams
	Deleted boolParam `query:"deleted" doc:"true: looks in the trash; false (default): the others"`
	QueryID string    `query:"query_id" doc:"Query id to match"`
}

func registerLook(api huma.API, b *Backend) {
	handle(api, op{ID: "all_looks", Method: http.MethodGet, Path: "/looks", Tag: tagLook, Perm: permSeeLooks,
		Summary: "Every look the caller can see"}, b.allLooks)
	handle(api, op{ID: "create_look", Method: http.MethodPost, Path: "/looks", Tag: tagLook, Perm: permSaveContent,
		Summary: "Save a query as a look"}, b.createLook)
	handle(api, op{ID: "search_looks", Method: http.MethodGet, Path: "/looks/search", Tag: tagLook, Perm: permSeeLooks,
		Summary: "Find looks by criteria"}, b.searchLooks)
	handle(api, op{ID: "look", Method: http.MethodGet, Path: "/looks/{look_id}", Tag: tagLook, Perm: permSeeLooks,
		Summary: "One look with its query"}, b.look)
	handle(api, op{ID: "update_look", Method: http.MethodPatch, Path: "/looks/{look_id}", Tag: tagLook,
		Perm: permSaveContent, Summary: "Change a look; deleted true moves it to the trash"}, b.updateLook)
	handle(api, op{ID: "delete_look", Method: http.MethodDelete, Path: "/looks/{look_id}", Tag: tagLook,
		Perm: permSaveContent, Summary: "Delete a look for good", Status: http.StatusNoContent}, b.deleteLook)
	handle(api, op{ID: "copy_look", Method: http.MethodPost, Path: "/looks/{look_id}/copy", Tag: tagLook,
		Perm: permSaveContent, Summary: "Copy a look into a folder"}, b.copyLook)
	handle(api, op{ID: "move_look", Method: http.MethodPatch, Path: "/looks/{look_id}/move", Tag: tagLook,
		Perm: permSaveContent, Summary: "Move a look to another folder"}, b.moveLook)
	handle(api, op{ID: "run_look", Method: http.MethodGet, Path: "/looks/{look_id}/run/{result_format}", Tag: tagLook,
		Perm: permSeeLooks, Summary: "Run a look's query", Customize: resultContent}, b.runLook)
}

func (b *Backend) allLooks(ctx context.Context, in *FieldsParam) (*Out[[]model.Look], error) {
	no := false
	looks, _, err := b.Content.SearchLooks(ctx, overlook.PrincipalFrom(ctx), content.ItemSearch{
		ItemFilter: store.ItemFilter{Deleted: &no}})
	if err != nil {
		return nil, err
	}
	return ok(b.lookList(ctx, looks))
}

func (b *Backend) searchLooks(ctx context.Context, in *lookSearchInput) (*Paged[model.Look], error) {
	q, err := in.search(in.Deleted)
	if err != nil {
		return nil, err
	}
	if q.QueryID, err = bodyID("query_id", &in.QueryID); err != nil {
		return nil, err
	}
	looks, total, err := b.Content.SearchLooks(ctx, overlook.PrincipalFrom(ctx), q)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, b.lookList(ctx, looks), in.PageParams, total), nil
}

// search reads the shared criteria; deleted absent means "not in the
// trash".
func (in *ItemSearchParams) search(deleted boolParam) (content.ItemSearch, error) {
	q := content.ItemSearch{ItemFilter: store.ItemFilter{Title: in.Title, Description: in.Description,
		FilterOr: in.FilterOr.Value}}
	q.Deleted = ptr(deleted.Set && deleted.Value)
	var err error
	if q.IDs, err = searchIDs("id", in.ID); err != nil {
		return q, err
	}
	if q.FolderID, err = bodyID("folder_id", &in.FolderID); err != nil {
		return q, err
	}
	if q.UserID, err = bodyID("user_id", &in.UserID); err != nil {
		return q, err
	}
	if q.Sorts, err = ParseSorts(in.Sorts, store.ItemSortable); err != nil {
		return q, err
	}
	q.Limit, q.Offset, err = in.PageParams.Window()
	return q, err
}

// optBodyID reads an id property of a body; nil when absent, null or
// empty.
func optBodyID(field string, s *string) (*int64, error) {
	id, err := bodyID(field, s)
	if err != nil || id == 0 {
		return nil, err
	}
	return &id, nil
}

func (b *Backend) look(ctx context.Context, in *lookInput) (*Out[model.LookWithQuery], error) {
	l, err := b.lookParam(ctx, in.LookID)
	if err != nil {
		return nil, err
	}
	b.recordView(ctx, l.ContentMetadataID)
	return ok(b.lookWire(ctx, l))
}

// lookParam finds a look the caller views by its path id.
func (b *Backend) lookParam(ctx context.Context, param string) (*store.Look, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "look", strconv.FormatInt(id, 10))
	return b.Content.Look(ctx, overlook.PrincipalFrom(ctx), id)
}

func (b *Backend) createLook(ctx context.Context, in *lookCreateInput) (*Out[model.LookWithQuery], error) {
	c, err := b.lookChange(ctx, in.Body.Value)
	if err != nil {
		return nil, err
	}
	l, err := b.Content.CreateLook(ctx, overlook.PrincipalFrom(ctx), c)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "look", strconv.FormatInt(l.ID, 10))
	return ok(b.lookWire(ctx, l))
}

// lookChange reads the writable properties of a look body. A body with a
// query and no query_id saves that query first.
func (b *Backend) lookChange(ctx context.Context, v model.LookWithQuery) (content.LookChange, error) {
	c := content.LookChange{ItemChange: content.ItemChange{Title: v.Title, Description: v.Description,
		Deleted: v.Deleted}, IsRunOnLoad: v.IsRunOnLoad, Public: v.Public}
	var err error
	if c.FolderID, err = optBodyID("folder_id", v.FolderID); err != nil {
		return c, err
	}
	if c.QueryID, err = optBodyID("query_id", v.QueryID); err != nil {
		return c, err
	}
	if c.QueryID == nil && v.Query != nil && v.Query.Model != nil {
		d := queryDefinition(*v.Query)
		if _, err := b.compileQuery(ctx, d, false); err != nil {
			return c, err
		}
		q, err := queries.New(b.Store).Create(ctx, d, "", overlook.PrincipalFrom(ctx).UserID())
		if err != nil {
			return c, err
		}
		c.QueryID = &q.ID
	}
	return c, nil
}

func (b *Backend) updateLook(ctx context.Context, in *lookUpdateInput) (*Out[model.LookWithQuery], error) {
	id, err := ParseID(in.LookID)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "look", strconv.FormatInt(id, 10))
	c, err := b.lookChange(ctx, in.Body.Value)
	if err != nil {
		return nil, err
	}
	l, err := b.Content.UpdateLook(ctx, overlook.PrincipalFrom(ctx), id, c)
	if err != nil {
		return nil, err
	}
	return ok(b.lookWire(ctx, l))
}

func (b *Backend) deleteLook(ctx context.Context, in *LookIDPath) (*Empty, error) {
	id, err := ParseID(in.LookID)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "look", strconv.FormatInt(id, 10))
	return nil, b.Content.DeleteLook(ctx, overlook.PrincipalFrom(ctx), id)
}

func (b *Backend) copyLook(ctx context.Context, in *lookCopyInput) (*Out[model.LookWithQuery], error) {
	l, err := toFolder(ctx, in.LookID, in.FolderID, b.Content.CopyLook)
	if err != nil {
		return nil, err
	}
	return ok(b.lookWire(ctx, l))
}

func (b *Backend) moveLook(ctx context.Context, in *lookMoveInput) (*Out[model.LookWithQuery], error) {
	l, err := toFolder(ctx, in.LookID, in.FolderID, b.Content.MoveLook)
	if err != nil {
		return nil, err
	}
	return ok(b.lookWire(ctx, l))
}

// toFolder reads the item and folder_id parameters of a copy or move and
// applies it.
func toFolder[T any](ctx context.Context, itemParam, folderParam string,
	apply func(context.Context, *overlook.Principal, int64, int64) (T, error)) (T, error) {
	var zero T
	id, err := ParseID(itemParam)
	if err != nil {
		return zero, err
	}
	folder, err := bodyID("folder_id", &folderParam)
	if err != nil {
		return zero, err
	}
	return apply(ctx, overlook.PrincipalFrom(ctx), id, folder)
}

func (b *Backend) runLook(ctx context.Context, in *runLookInput) (*huma.StreamResponse, error) {
	l, err := b.lookParam(ctx, in.LookID)
	if err != nil {
		return nil, err
	}
	q, err := b.visibleQuery(ctx, strconv.FormatInt(l.QueryID, 10))
	if err != nil {
		return nil, err
	}
	b.recordView(ctx, l.ContentMetadataID)
	return b.run(ctx, q.Definition, q.ID, in.RunParams)
}

// lookWire answers a look with its query and folder.
func (b *Backend) lookWire(ctx context.Context, l *store.Look) model.LookWithQuery {
	p := overlook.PrincipalFrom(ctx)
	level, _ := b.Content.FolderLevel(ctx, p, l.FolderID)
	w := model.LookWithQuery{ID: idString(l.ID), Title: ptr(l.Title), Description: ptr(l.Description),
		UserID: idString(l.UserID), ContentMetadataID: idString(l.ContentMetadataID), FolderID: idString(l.FolderID),
		QueryID: idString(l.QueryID), IsRunOnLoad: ptr(l.IsRunOnLoad), Public: ptr(l.Public), Deleted: ptr(l.Deleted),
		DeletedAt: optTime(l.DeletedAt), DeleterID: idString(l.DeleterID), LastUpdaterID: idString(l.LastUpdaterID),
		CreatedAt: timeString(l.CreatedAt), UpdatedAt: timeString(l.UpdatedAt), LastViewedAt: optTime(l.LastViewedAt),
		LastAccessedAt: optTime(l.LastViewedAt), ViewCount: ptr(l.ViewCount), FavoriteCount: ptr(l.FavoriteCount),
		UsageCount: ptr(l.ViewCount), IsOwnerDisabled: ptr(false), Folder: b.itemFolder(ctx, l.FolderID),
		URL: ptr("/looks/" + strconv.FormatInt(l.ID, 10)), ShortURL: ptr("/looks/" + strconv.FormatInt(l.ID, 10)),
		EmbedURL: ptr(b.origin(ctx) + "/embed/looks/" + strconv.FormatInt(l.ID, 10)),
		Can:      itemCan(level, p.Can(permSaveContent))}
	w.CertificationMetadata = b.certificationWire(ctx, l.ID)
	if q, err := queries.New(b.Store).Get(ctx, l.QueryID); err == nil {
		qw := b.queryWire(ctx, q)
		w.Query = &qw
		w.Model = b.lookModel(q.Model)
	}
	return w
}

// lookList answers looks without their queries.
func (b *Backend) lookList(ctx context.Context, looks []*store.Look) []model.Look {
	out := make([]model.Look, 0, len(looks))
	for _, l := range looks {
		w := b.lookWire(ctx, l)
		w.Query, w.URL = nil, nil
		var short model.Look
		if raw, err := json.Marshal(w); err == nil && json.Unmarshal(raw, &short) == nil {
			out = append(out, short)
		}
	}
	return out
}

// lookModel names the LookML model of a look or dashboard.
func (b *Backend) lookModel(name string) *model.LookModel {
	label := name
	if m, served := b.Catalog.Model(name); served && m.Label != "" {
		label = m.Label
	}
	return &model.LookModel{ID: ptr(name), Label: ptr(label)}
}

// itemCan is what the caller may do with a look or dashboard at access
// level to its folder.
func itemCan(level content.Level, saves bool) map[string]bool {
	edit := level >= content.Edit && saves
	return map[string]bool{"index": true, "show": level >= content.View, "copy": saves, "run": true,
		"update": edit, "destroy": edit, "move": edit, "find_and_replace": edit, "show_history": true,
		"download": true, "favorite": true, "schedule": true}
}

// itemFolder is the folder of a look or dashboard, in brief.
func (b *Backend) itemFolder(ctx context.Context, folderID int64) *model.FolderBase {
	f, err := b.Store.Folder(ctx, folderID)
	if err != nil {
		return nil
	}
	return &model.FolderBase{ID: idString(f.ID), Name: ptr(f.Name), ParentID: idString(f.ParentID),
		ContentMetadataID: idString(f.ContentMetadataID), CreatorID: idString(f.CreatorID),
		CreatedAt: timeString(f.CreatedAt), IsPersonal: ptr(f.IsPersonal), ChildCount: ptr(int64(f.ChildCount)),
		IsSharedRoot: ptr(f.RootKind == store.RootShared), IsUsersRoot: ptr(f.RootKind == store.RootUsers),
		IsEmbedSharedRoot: ptr(f.RootKind == store.RootEmbedShared), IsEmbedUsersRoot: ptr(f.RootKind == store.RootEmbedUsers),
		IsEmbed: ptr(false), IsPersonalDescendant: ptr(false), Can: map[string]bool{"show": true}}
}
