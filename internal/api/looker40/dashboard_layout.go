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

type DashboardLayoutIDPath struct {
	DashboardLayoutID string `path:"dashboard_layout_id" doc:"Id of dashboard layout"`
}

type layoutInput struct {
	DashboardLayoutIDPath
	FieldsParam
}

type layoutCreateInput struct {
	FieldsParam
	Body model.Body[model.DashboardLayout]
}

type layoutUpdateInput struct {
	DashboardLayoutIDPath
	FieldsParam
	Body model.Body[model.DashboardLayout]
}

type LayoutComponentInput struct {
	ComponentID string `path:"dashboard_layout_component_id" doc:"The layout component (one tile's place in a layout)"`
	FieldsParam
}

type componentUpdateInput struct {
	LayoutComponentInput
	Body model.Body[model.DashboardLayoutComponent]
}

func registerDashboardLayouts(api huma.API, b *Backend) {
	handle(api, op{ID: "create_dashboard_layout", Method: http.MethodPost, Path: "/dashboard_layouts",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Add a layout to a dashboard"}, b.createDashboardLayout)
	handle(api, op{ID: "dashboard_layout", Method: http.MethodGet, Path: "/dashboard_layouts/{dashboard_layout_id}",
		Tag: tagDashboard, Perm: permSeeDashboards, Summary: "One dashboard layout"}, b.dashboardLayout)
	handle(api, op{ID: "update_dashboard_layout", Method: http.MethodPatch,
		Path: "/dashboard_layouts/{dashboard_layout_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Change a dashboard layout"}, b.updateDashboardLayout)
	handle(api, op{ID: "delete_dashboard_layout", Method: http.MethodDelete,
		Path: "/dashboard_layouts/{dashboard_layout_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Remove a dashboard layout (not the active one)", Status: http.StatusNoContent}, b.deleteDashboardLayout)
	handle(api, op{ID: "dashboard_layout_dashboard_layout_components", Method: http.MethodGet,
		Path: "/dashboard_layouts/{dashboard_layout_id}/dashboard_layout_components", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "The components of a dashboard layout"}, b.layoutComponents)
	handle(api, op{ID: "dashboard_layout_component", Method: http.MethodGet,
		Path: "/dashboard_layout_components/{dashboard_layout_component_id}", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "One dashboard layout component"}, b.layoutComponent)
	handle(api, op{ID: "update_dashboard_layout_component", Method: http.MethodPatch,
		Path: "/dashboard_layout_components/{dashboard_layout_component_id}", Tag: tagDashboard,
		Perm: permSaveContent, Summary: "Move or resize a tile in a layout"}, b.updateLayoutComponent)
}

func (b *Backend) dashboardLayout(ctx context.Context, in *layoutInput) (*Out[model.DashboardLayout], error) {
	id, err := objectID(ctx, "dashboard_layout", in.DashboardLayoutID)
	if err != nil {
		return nil, err
	}
	l, err := b.Content.DashboardLayout(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return b.layoutAnswer(ctx, l)
}

// layoutAnswer answers one layout with its components.
func (b *Backend) layoutAnswer(ctx context.Context, l *store.DashboardLayout) (*Out[model.DashboardLayout], error) {
	d, err := b.Content.Dashboard(ctx, overlook.PrincipalFrom(ctx), l.DashboardID)
	if err != nil {
		return nil, err
	}
	parts, err := b.Content.Parts(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	return ok(layoutWire(d, l, parts))
}

func (b *Backend) createDashboardLayout(ctx context.Context, in *layoutCreateInput) (*Out[model.DashboardLayout], error) {
	dashboard, err := bodyID("dashboard_id", in.Body.Value.DashboardID)
	if err != nil {
		return nil, err
	}
	l := &store.DashboardLayout{DashboardID: dashboard}
	applyLayoutBody(l, in.Body.Value, in.Body.Has)
	if err := b.Content.CreateDashboardLayout(ctx, overlook.PrincipalFrom(ctx), l); err != nil {
		return nil, err
	}
	return b.layoutAnswer(ctx, l)
}

func (b *Backend) updateDashboardLayout(ctx context.Context, in *layoutUpdateInput) (*Out[model.DashboardLayout], error) {
	id, err := objectID(ctx, "dashboard_layout", in.DashboardLayoutID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	l, err := b.Content.DashboardLayout(ctx, p, id)
	if err != nil {
		return nil, err
	}
	applyLayoutBody(l, in.Body.Value, in.Body.Has)
	if err := b.Content.UpdateDashboardLayout(ctx, p, l); err != nil {
		return nil, err
	}
	return b.layoutAnswer(ctx, l)
}

func (b *Backend) deleteDashboardLayout(ctx context.Context, in *DashboardLayoutIDPath) (*Empty, error) {
	id, err := objectID(ctx, "dashboard_layout", in.DashboardLayoutID)
	if err != nil {
		return nil, err
	}
	return nil, b.Content.DeleteDashboardLayout(ctx, overlook.PrincipalFrom(ctx), id)
}

func applyLayoutBody(l *store.DashboardLayout, v model.DashboardLayout, sent func(string) bool) {
	setIf(&l.Type, v.Type, sent("type"))
	setIf(&l.Label, v.Label, sent("label"))
	setIf(&l.Description, v.Description, sent("description"))
	if sent("active") {
		l.Active = orZero(v.Active)
	}
	if sent("order") {
		l.Order = orZero(v.Order)
	}
	if sent("column_width") {
		l.ColumnWidth = v.ColumnWidth
	}
	if sent("width") {
		l.Width = v.Width
	}
}

func (b *Backend) layoutComponents(ctx context.Context, in *layoutInput) (*Out[[]model.DashboardLayoutComponent], error) {
	out, err := b.dashboardLayout(ctx, in)
	if err != nil {
		return nil, err
	}
	return ok(out.Body.DashboardLayoutComponents)
}

func (b *Backend) layoutComponent(ctx context.Context, in *LayoutComponentInput) (*Out[model.DashboardLayoutComponent], error) {
	c, err := b.componentParam(ctx, in.ComponentID)
	if err != nil {
		return nil, err
	}
	return b.componentAnswer(ctx, c)
}

func (b *Backend) componentParam(ctx context.Context, param string) (*store.LayoutComponent, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard_layout_component", strconv.FormatInt(id, 10))
	c, _, err := b.Content.LayoutComponent(ctx, overlook.PrincipalFrom(ctx), id)
	return c, err
}

// componentAnswer answers a component as its layout lists it.
func (b *Backend) componentAnswer(ctx context.Context, c *store.LayoutComponent) (*Out[model.DashboardLayoutComponent], error) {
	out, err := b.dashboardLayout(ctx, &layoutInput{DashboardLayoutIDPath: DashboardLayoutIDPath{strconv.FormatInt(c.LayoutID, 10)}})
	if err != nil {
		return nil, err
	}
	for _, w := range out.Body.DashboardLayoutComponents {
		if orZero(w.ID) == strconv.FormatInt(c.ID, 10) {
			return ok(w)
		}
	}
	return nil, overlook.NotFound()
}

func (b *Backend) updateLayoutComponent(ctx context.Context, in *componentUpdateInput) (*Out[model.DashboardLayoutComponent], error) {
	c, err := b.componentParam(ctx, in.ComponentID)
	if err != nil {
		return nil, err
	}
	v, sent := in.Body.Value, in.Body.Has
	for _, s := range []struct {
		key string
		val *int64
		dst *int64
	}{{"row", v.Row, &c.Row}, {"column", v.Column, &c.Column}, {"width", v.Width, &c.Width},
		{"height", v.Height, &c.Height}} {
		if sent(s.key) {
			*s.dst = orZero(s.val)
		}
	}
	if sent("deleted") {
		c.Deleted = orZero(v.Deleted)
	}
	if err := b.Content.UpdateLayoutComponent(ctx, overlook.PrincipalFrom(ctx), c); err != nil {
		return nil, err
	}
	return b.componentAnswer(ctx, c)
}

func layoutList(d *store.Dashboard, parts *content.DashboardParts) []model.DashboardLayout {
	out := make([]model.DashboardLayout, 0, len(parts.Layouts))
	for _, l := range parts.Layouts {
		out = append(out, layoutWire(d, l, parts))
	}
	return out
}

// layoutWire answers a layout with its components, each naming its tile.
func layoutWire(d *store.Dashboard, l *store.DashboardLayout, parts *content.DashboardParts) model.DashboardLayout {
	elements := map[int64]*store.DashboardElement{}
	for _, e := range parts.Elements {
		elements[e.ID] = e
	}
	w := model.DashboardLayout{ID: idString(l.ID), DashboardID: idString(l.DashboardID), Type: ptr(l.Type),
		Active: ptr(l.Active), ColumnWidth: l.ColumnWidth, Width: l.Width, Deleted: ptr(false),
		DashboardTitle: ptr(d.Title), Label: ptr(l.Label), Description: ptr(l.Description), Order: ptr(l.Order),
		Can:                       map[string]bool{"show": true, "update": true, "destroy": true},
		DashboardLayoutComponents: []model.DashboardLayoutComponent{}}
	for _, c := range parts.Components[l.ID] {
		cw := model.DashboardLayoutComponent{ID: idString(c.ID), DashboardLayoutID: idString(c.LayoutID),
			DashboardElementID: idString(c.ElementID), Row: ptr(c.Row), Column: ptr(c.Column), Width: ptr(c.Width),
			Height: ptr(c.Height), Deleted: ptr(c.Deleted), ElementTitleHidden: ptr(false),
			Can: map[string]bool{"show": true, "update": true}}
		if e := elements[c.ElementID]; e != nil {
			cw.ElementTitle, cw.VisType = ptr(e.Title), ptr(e.Type)
		}
		w.DashboardLayoutComponents = append(w.DashboardLayoutComponents, cw)
	}
	return w
}
