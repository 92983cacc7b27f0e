package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

type DashboardFilterIDPath struct {
	DashboardFilterID string `path:"dashboard_filter_id" doc:"Id of dashboard filter"`
}

type filterInput struct {
	DashboardFilterIDPath
	FieldsParam
}

type filterCreateInput struct {
	FieldsParam
	Body model.Body[model.CreateDashboardFilter]
}

type filterUpdateInput struct {
	DashboardFilterIDPath
	FieldsParam
	Body model.Body[model.DashboardFilter]
}

func registerDashboardFilters(api huma.API, b *Backend) {
	handle(api, op{ID: "create_dashboard_filter", Method: http.MethodPost, Path: "/dashboard_filters",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Add a filter to a dashboard"}, b.createDashboardFilter)
	handle(api, op{ID: "dashboard_filter", Method: http.MethodGet, Path: "/dashboard_filters/{dashboard_filter_id}",
		Tag: tagDashboard, Perm: permSeeDashboards, Summary: "One dashboard filter"}, b.dashboardFilter)
	handle(api, op{ID: "update_dashboard_filter", Method: http.MethodPatch,
		Path: "/dashboard_filters/{dashboard_filter_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Change a dashboard filter"}, b.updateDashboardFilter)
	handle(api, op{ID: "delete_dashboard_filter", Method: http.MethodDelete,
		Path: "/dashboard_filters/{dashboard_filter_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Remove a dashboard filter", Status: http.StatusNoContent}, b.deleteDashboardFilter)
}

func (b *Backend) dashboardFilter(ctx context.Context, in *filterInput) (*Out[model.DashboardFilter], error) {
	id, err := objectID(ctx, "dashboard_filter", in.DashboardFilterID)
	if err != nil {
		return nil, err
	}
	f, err := b.Content.DashboardFilter(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(filterWire(f))
}

func (b *Backend) createDashboardFilter(ctx context.Context, in *filterCreateInput) (*Out[model.DashboardFilter], error) {
	v := in.Body.Value
	dashboard, err := bodyID("dashboard_id", v.DashboardID)
	if err != nil {
		return nil, err
	}
	f := &store.DashboardFilter{DashboardID: dashboard, ListensToFilters: "[]", UIConfig: "{}"}
	// The create body has the same writable properties as a filter.
	var same model.DashboardFilter
	raw, _ := json.Marshal(v)
	_ = json.Unmarshal(raw, &same)
	applyFilterBody(f, same, in.Body.Has)
	if err := b.Content.CreateDashboardFilter(ctx, overlook.PrincipalFrom(ctx), f); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard_filter", strconv.FormatInt(f.ID, 10))
	return ok(filterWire(f))
}

func (b *Backend) updateDashboardFilter(ctx context.Context, in *filterUpdateInput) (*Out[model.DashboardFilter], error) {
	id, err := objectID(ctx, "dashboard_filter", in.DashboardFilterID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	f, err := b.Content.DashboardFilter(ctx, p, id)
	if err != nil {
		return nil, err
	}
	applyFilterBody(f, in.Body.Value, in.Body.Has)
	if err := b.Content.UpdateDashboardFilter(ctx, p, f); err != nil {
		return nil, err
	}
	return ok(filterWire(f))
}

func (b *Backend) deleteDashboardFilter(ctx context.Context, in *DashboardFilterIDPath) (*Empty, error) {
	id, err := objectID(ctx, "dashboard_filter", in.DashboardFilterID)
	if err != nil {
		return nil, err
	}
	return nil, b.Content.DeleteDashboardFilter(ctx, overlook.PrincipalFrom(ctx), id)
}

// applyFilterBody copies the properties a filter body sends onto f.
func applyFilterBody(f *store.DashboardFilter, v model.DashboardFilter, sent func(string) bool) {
	for _, s := range []struct {
		key string
		val *string
		dst *string
	}{{"name", v.Name, &f.Name}, {"title", v.Title, &f.Title}, {"type", v.Type, &f.Type},
		{"default_value", v.DefaultValue, &f.DefaultValue}, {"model", v.Model, &f.Model},
		{"explore", v.Explore, &f.Explore}, {"dimension", v.Dimension, &f.Dimension}} {
		setIf(s.dst, s.val, sent(s.key))
	}
	if sent("row") {
		f.Row = orZero(v.Row)
	}
	if sent("allow_multiple_values") {
		f.AllowMultipleValues = orZero(v.AllowMultipleValues)
	}
	if sent("required") {
		f.Required = orZero(v.Required)
	}
	if sent("listens_to_filters") {
		raw, _ := json.Marshal(nonNilStrings(v.ListensToFilters))
		f.ListensToFilters = string(raw)
	}
	if sent("ui_config") {
		raw, _ := json.Marshal(v.UIConfig)
		f.UIConfig = string(raw)
	}
}

func filterList(list []*store.DashboardFilter) []model.DashboardFilter {
	out := make([]model.DashboardFilter, 0, len(list))
	for _, f := range list {
		out = append(out, filterWire(f))
	}
	return out
}

func filterWire(f *store.DashboardFilter) model.DashboardFilter {
	w := model.DashboardFilter{ID: idString(f.ID), DashboardID: idString(f.DashboardID), Name: ptr(f.Name),
		Title: ptr(f.Title), Type: ptr(f.Type), DefaultValue: ptr(f.DefaultValue), Model: ptr(f.Model),
		Explore: ptr(f.Explore), Dimension: ptr(f.Dimension), Row: ptr(f.Row),
		AllowMultipleValues: ptr(f.AllowMultipleValues), Required: ptr(f.Required), ListensToFilters: []string{},
		Can: map[string]bool{"show": true, "update": true, "destroy": true}}
	_ = json.Unmarshal([]byte(f.ListensToFilters), &w.ListensToFilters)
	_ = json.Unmarshal([]byte(f.UIConfig), &w.UIConfig)
	if f.Dimension != "" {
		w.Field = map[string]any{"name": f.Dimension}
	}
	return w
}
