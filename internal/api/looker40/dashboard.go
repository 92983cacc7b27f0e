package looker40

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagDashboard = "Dashboard"

func init() { register(registerDashboard) }

type DashboardIDPath struct {
	DashboardID string `path:"dashboard_id" doc:"Id of dashboard"`
}

type dashboardInput struct {
	DashboardIDPath
	FieldsParam
}

type dashboardCreateInput struct {
	FieldsParam
	Body model.Body[model.Dashboard]
}

type dashboardUpdateInput struct {
	DashboardIDPath
	FieldsParam
	Body model.Body[model.Dashboard]
}

type dashboardCopyInput struct {
	DashboardIDPath
	FolderID string `query:"folder_id" doc:"Folder to copy the dashboard into (default: its own folder)"`
}

type dashboardMoveInput struct {
	DashboardIDPath
	FolderID string `query:"folder_id" required:"true" doc:"Folder to move the dashboard to"`
}

type dashboardSearchInput struct {
	ItemSearchParams
	Slug              string `query:"slug" doc:"Slug to match"`
	Deleted           string `query:"deleted" doc:"true: dashboards in the trash; false (default): the others"`
	ContentMetadataID string `query:"content_metadata_id" doc:"Content metadata id to match (accepted; not matched)"`
	NotOwnedBy        bool   `query:"not_owned_by" doc:"Exclude the caller's own dashboards"`
}

func registerDashboard(api huma.API, b *Backend) {
	handle(api, op{ID: "all_dashboards", Method: http.MethodGet, Path: "/dashboards", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "Every dashboard the caller can see, in brief"}, b.allDashboards)
	handle(api, op{ID: "create_dashboard", Method: http.MethodPost, Path: "/dashboards", Tag: tagDashboard,
		Perm: permSaveContent, Summary: "Create a dashboard"}, b.createDashboard)
	handle(api, op{ID: "search_dashboards", Method: http.MethodGet, Path: "/dashboards/search", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "Find dashboards by criteria"}, b.searchDashboards)
	handle(api, op{ID: "dashboard", Method: http.MethodGet, Path: "/dashboards/{dashboard_id}", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "One dashboard with its tiles, filters and layouts"}, b.dashboard)
	handle(api, op{ID: "update_dashboard", Method: http.MethodPatch, Path: "/dashboards/{dashboard_id}",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Change a dashboard; deleted true moves it to the trash"},
		b.updateDashboard)
	handle(api, op{ID: "delete_dashboard", Method: http.MethodDelete, Path: "/dashboards/{dashboard_id}",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Delete a dashboard for good", Status: http.StatusNoContent},
		b.deleteDashboard)
	handle(api, op{ID: "copy_dashboard", Method: http.MethodPost, Path: "/dashboards/{dashboard_id}/copy",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Copy a dashboard into a folder"}, b.copyDashboard)
	handle(api, op{ID: "move_dashboard", Method: http.MethodPatch, Path: "/dashboards/{dashboard_id}/move",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Move a dashboard to another folder"}, b.moveDashboard)
	handle(api, op{ID: "dashboard_dashboard_elements", Method: http.MethodGet,
		Path: "/dashboards/{dashboard_id}/dashboard_elements", Tag: tagDashboard, Perm: permSeeDashboards,
		Summary: "The tiles of a dashboard"}, b.dashboardDashboardElements)
	handle(api, op{ID: "dashboard_dashboard_filters", Method: http.MethodGet,
		Path: "/dashboards/{dashboard_id}/dashboard_filters", Tag: tagDashboard, Perm: permSeeDashboards,
		Summary: "The filters of a dashboard"}, b.dashboardDashboardFilters)
	handle(api, op{ID: "dashboard_dashboard_layouts", Method: http.MethodGet,
		Path: "/dashboards/{dashboard_id}/dashboard_layouts", Tag: tagDashboard, Perm: permSeeDashboards,
		Summary: "The layouts of a dashboard"}, b.dashboardDashboardLayouts)
	registerDashboardElements(api, b)
	registerDashboardFilters(api, b)
	registerDashboardLayouts(api, b)
}

func (b *Backend) allDashboards(ctx context.Context, in *FieldsParam) (*Out[[]model.DashboardBase], error) {
	no := false
	list, _, err := b.Content.SearchDashboards(ctx, overlook.PrincipalFrom(ctx), content.ItemSearch{
		ItemFilter: store.ItemFilter{Deleted: &no}})
	if err != nil {
		return nil, err
	}
	out := make([]model.DashboardBase, 0, len(list))
	for _, d := range list {
		out = append(out, b.dashboardBase(ctx, d))
	}
	return ok(out)
}

func (b *Backend) searchDashboards(ctx context.Context, in *dashboardSearchInput) (*Paged[model.Dashboard], error) {
	deleted := boolParam{}
	if in.Deleted != "" {
		v, err := strconv.ParseBool(in.Deleted)
		if err != nil {
			return nil, overlook.Invalid("deleted", "invalid", "deleted must be true or false")
		}
		deleted = boolParam{Value: v, Set: true}
	}
	q, err := in.search(deleted)
	if err != nil {
		return nil, err
	}
	q.Slug = in.Slug
	p := overlook.PrincipalFrom(ctx)
	list, total, err := b.Content.SearchDashboards(ctx, p, q)
	if err != nil {
		return nil, err
	}
	out := make([]model.Dashboard, 0, len(list))
	for _, d := range list {
		if in.NotOwnedBy && d.UserID == p.UserID() {
			total--
			continue
		}
		out = append(out, b.dashboardWire(ctx, d, nil))
	}
	return page(ctx, b, out, in.PageParams, total), nil
}

// dashboardParam finds a dashboard the caller views by its path id.
func (b *Backend) dashboardParam(ctx context.Context, param string) (*store.Dashboard, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard", strconv.FormatInt(id, 10))
	return b.Content.Dashboard(ctx, overlook.PrincipalFrom(ctx), id)
}

func (b *Backend) dashboard(ctx context.Context, in *dashboardInput) (*Out[model.Dashboard], error) {
	d, err := b.dashboardParam(ctx, in.DashboardID)
	if err != nil {
		return nil, err
	}
	b.recordView(ctx, d.ContentMetadataID)
	return b.fullDashboard(ctx, d)
}

// fullDashboard answers a dashboard with its tiles, filters and layouts.
func (b *Backend) fullDashboard(ctx context.Context, d *store.Dashboard) (*Out[model.Dashboard], error) {
	parts, err := b.Content.Parts(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	return ok(b.dashboardWire(ctx, d, parts))
}

// dashboardSettingKeys are the presentation properties of a dashboard,
// stored as the client sends them.
var dashboardSettingKeys = []string{"background_color", "text_tile_text_color", "tile_background_color",
	"tile_text_color", "title_color", "show_filters_bar", "show_title", "load_configuration", "lookml_link_id",
	"preferred_viewer", "filters_bar_collapsed", "filters_location_top", "crossfilter_enabled",
	"enable_viz_full_screen", "alert_sync_with_dashboard_filter_enabled", "chat_enabled", "preserve_desktop_layout",
	"appearance", "download_settings"}

// sentProperties returns the keys of v the client sent, as JSON values.
func sentProperties(v any, sent func(string) bool, keys []string) map[string]any {
	raw, _ := json.Marshal(v)
	var all map[string]any
	_ = json.Unmarshal(raw, &all)
	out := map[string]any{}
	for _, k := range keys {
		if sent(k) {
			out[k] = all[k]
		}
	}
	return out
}

func (b *Backend) dashboardChange(body *model.Body[model.Dashboard]) (content.DashboardChange, error) {
	v := body.Value
	c := content.DashboardChange{ItemChange: content.ItemChange{Title: v.Title, Description: v.Description,
		Deleted: v.Deleted}, Hidden: v.Hidden, RefreshInterval: v.RefreshInterval, QueryTimezone: v.QueryTimezone,
		Slug: v.Slug, Settings: sentProperties(v, body.Has, dashboardSettingKeys)}
	var err error
	c.FolderID, err = optBodyID("folder_id", v.FolderID)
	if c.FolderID == nil && v.Folder != nil && err == nil {
		c.FolderID, err = optBodyID("folder_id", v.Folder.ID)
	}
	return c, err
}

func (b *Backend) createDashboard(ctx context.Context, in *dashboardCreateInput) (*Out[model.Dashboard], error) {
	c, err := b.dashboardChange(&in.Body)
	if err != nil {
		return nil, err
	}
	d, err := b.Content.CreateDashboard(ctx, overlook.PrincipalFrom(ctx), c)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard", strconv.FormatInt(d.ID, 10))
	return b.fullDashboard(ctx, d)
}

func (b *Backend) updateDashboard(ctx context.Context, in *dashboardUpdateInput) (*Out[model.Dashboard], error) {
	id, err := ParseID(in.DashboardID)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard", strconv.FormatInt(id, 10))
	c, err := b.dashboardChange(&in.Body)
	if err != nil {
		return nil, err
	}
	d, err := b.Content.UpdateDashboard(ctx, overlook.PrincipalFrom(ctx), id, c)
	if err != nil {
		return nil, err
	}
	return b.fullDashboard(ctx, d)
}

func (b *Backend) deleteDashboard(ctx context.Context, in *DashboardIDPath) (*Empty, error) {
	id, err := ParseID(in.DashboardID)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard", strconv.FormatInt(id, 10))
	return nil, b.Content.DeleteDashboard(ctx, overlook.PrincipalFrom(ctx), id)
}

func (b *Backend) copyDashboard(ctx context.Context, in *dashboardCopyInput) (*Out[model.Dashboard], error) {
	d, err := toFolder(ctx, in.DashboardID, in.FolderID, b.Content.CopyDashboard)
	if err != nil {
		return nil, err
	}
	return b.fullDashboard(ctx, d)
}

func (b *Backend) moveDashboard(ctx context.Context, in *dashboardMoveInput) (*Out[model.Dashboard], error) {
	d, err := toFolder(ctx, in.DashboardID, in.FolderID, b.Content.MoveDashboard)
	if err != nil {
		return nil, err
	}
	return b.fullDashboard(ctx, d)
}

func (b *Backend) dashboardDashboardElements(ctx context.Context, in *dashboardInput) (*Out[[]model.DashboardElement], error) {
	d, err := b.dashboardParam(ctx, in.DashboardID)
	if err != nil {
		return nil, err
	}
	parts, err := b.Content.Parts(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	return ok(b.elementList(ctx, parts.Elements))
}

func (b *Backend) dashboardDashboardFilters(ctx context.Context, in *dashboardInput) (*Out[[]model.DashboardFilter], error) {
	d, err := b.dashboardParam(ctx, in.DashboardID)
	if err != nil {
		return nil, err
	}
	parts, err := b.Content.Parts(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	return ok(filterList(parts.Filters))
}

func (b *Backend) dashboardDashboardLayouts(ctx context.Context, in *dashboardInput) (*Out[[]model.DashboardLayout], error) {
	d, err := b.dashboardParam(ctx, in.DashboardID)
	if err != nil {
		return nil, err
	}
	parts, err := b.Content.Parts(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	return ok(layoutList(d, parts))
}

// dashboardWire answers a dashboard; parts nil leaves out its tiles,
// filters and layouts (searches).
func (b *Backend) dashboardWire(ctx context.Context, d *store.Dashboard, parts *content.DashboardParts) model.Dashboard {
	p := overlook.PrincipalFrom(ctx)
	level, _ := b.Content.FolderLevel(ctx, p, d.FolderID)
	w := model.Dashboard{ShowFiltersBar: ptr(true), ShowTitle: ptr(true), FiltersBarCollapsed: ptr(false),
		FiltersLocationTop: ptr(true), CrossfilterEnabled: ptr(false), EnableVizFullScreen: ptr(true),
		AlertSyncWithDashboardFilterEnabled: ptr(false), ChatEnabled: ptr(false), PreserveDesktopLayout: ptr(false)}
	_ = json.Unmarshal([]byte(d.Settings), &w)
	id := strconv.FormatInt(d.ID, 10)
	w.ID, w.Title, w.Description, w.Slug = ptr(id), ptr(d.Title), ptr(d.Description), ptr(d.Slug)
	w.UserID, w.FolderID, w.ContentMetadataID = idString(d.UserID), idString(d.FolderID), idString(d.ContentMetadataID)
	w.Folder, w.Hidden, w.Readonly = b.itemFolder(ctx, d.FolderID), ptr(d.Hidden), ptr(false)
	w.QueryTimezone, w.RefreshInterval = ptr(d.QueryTimezone), ptr(d.RefreshInterval)
	w.RefreshIntervalToI = ptr(refreshSeconds(d.RefreshInterval))
	w.Deleted, w.DeletedAt, w.DeleterID = ptr(d.Deleted), optTime(d.DeletedAt), idString(d.DeleterID)
	w.CreatedAt, w.UpdatedAt, w.LastUpdaterID = timeString(d.CreatedAt), timeString(d.UpdatedAt), idString(d.LastUpdaterID)
	w.LastViewedAt, w.LastAccessedAt = optTime(d.LastViewedAt), optTime(d.LastViewedAt)
	w.ViewCount, w.FavoriteCount, w.UsageCount = ptr(d.ViewCount), ptr(d.FavoriteCount), ptr(d.ViewCount)
	w.IsOwnerDisabled, w.URL, w.EditURI = ptr(false), ptr("/dashboards/"+id), ptr("/dashboards/"+id+"/edit")
	w.Can = itemCan(level, p.Can(permSaveContent))
	if parts != nil {
		w.DashboardElements = b.elementList(ctx, parts.Elements)
		w.DashboardFilters = filterList(parts.Filters)
		w.DashboardLayouts = layoutList(d, parts)
	}
	return w
}

// dashboardBase is a dashboard in brief (all_dashboards, folders).
func (b *Backend) dashboardBase(ctx context.Context, d *store.Dashboard) model.DashboardBase {
	w := b.dashboardWire(ctx, d, nil)
	return model.DashboardBase{ID: w.ID, Title: w.Title, Description: w.Description, Hidden: w.Hidden,
		Slug: w.Slug, UserID: w.UserID, Folder: w.Folder, ContentMetadataID: w.ContentMetadataID,
		QueryTimezone: w.QueryTimezone, Readonly: w.Readonly, RefreshInterval: w.RefreshInterval,
		RefreshIntervalToI: w.RefreshIntervalToI, PreferredViewer: w.PreferredViewer, Can: w.Can}
}

// refreshSeconds reads a refresh interval such as "5 minutes" or "1
// hour" in seconds; 0 when absent or unreadable.
func refreshSeconds(s string) int64 {
	var n int64
	var unit string
	if _, err := fmt.Sscan(s, &n, &unit); err != nil {
		return 0
	}
	for prefix, secs := range map[string]int64{"sec": 1, "min": 60, "hour": 3600, "day": 86400} {
		if strings.HasPrefix(unit, prefix) {
			return n * secs
		}
	}
	return 0
}
