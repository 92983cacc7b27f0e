package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

type DashboardElementIDPath struct {
	DashboardElementID string `path:"dashboard_element_id" doc:"Id of dashboard element"`
}

type elementInput struct {
	DashboardElementIDPath
	FieldsParam
}

type elementCreateInput struct {
	FieldsParam
	ApplyFilters bool `query:"apply_filters" doc:"Apply the dashboard's filters to the new tile (accepted; listen mappings decide)"`
	Body         model.Body[model.DashboardElement]
}

type elementUpdateInput struct {
	DashboardElementIDPath
	FieldsParam
	Body model.Body[model.DashboardElement]
}

type elementSearchInput struct {
	FieldsParam
	DashboardID string    `query:"dashboard_id" doc:"Dashboard id to match"`
	LookID      string    `query:"look_id" doc:"Look id to match"`
	Title       string    `query:"title" doc:"Title pattern to match"`
	Deleted     boolParam `query:"deleted" doc:"Deleted tiles (there are none: deleting a tile removes it)"`
	FilterOr    boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
	Sorts       string    `query:"sorts" doc:"Sort order (tiles come oldest first)"`
}

// runElementInput runs a tile. Every query parameter that names one of
// the dashboard's filters gives that filter's value, as in a dashboard URL.
type runElementInput struct {
	DashboardElementIDPath
	RunParams
	values url.Values
}

// Resolve keeps the raw query string: filter names are not declarable.
func (in *runElementInput) Resolve(ctx huma.Context) []error {
	u := ctx.URL()
	in.values = u.Query()
	return in.RunParams.Resolve(ctx)
}

func registerDashboardElements(api huma.API, b *Backend) {
	handle(api, op{ID: "create_dashboard_element", Method: http.MethodPost, Path: "/dashboard_elements",
		Tag: tagDashboard, Perm: permSaveContent, Summary: "Add a tile to a dashboard"}, b.createDashboardElement)
	handle(api, op{ID: "search_dashboard_elements", Method: http.MethodGet, Path: "/dashboard_elements/search",
		Tag: tagDashboard, Perm: permSeeDashboards, Summary: "Find tiles by criteria"}, b.searchDashboardElements)
	handle(api, op{ID: "dashboard_element", Method: http.MethodGet, Path: "/dashboard_elements/{dashboard_element_id}",
		Tag: tagDashboard, Perm: permSeeDashboards, Summary: "One tile"}, b.dashboardElement)
	handle(api, op{ID: "update_dashboard_element", Method: http.MethodPatch,
		Path: "/dashboard_elements/{dashboard_element_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Change a tile"}, b.updateDashboardElement)
	handle(api, op{ID: "delete_dashboard_element", Method: http.MethodDelete,
		Path: "/dashboard_elements/{dashboard_element_id}", Tag: tagDashboard, Perm: permSaveContent,
		Summary: "Remove a tile", Status: http.StatusNoContent}, b.deleteDashboardElement)
	handle(api, op{ID: "run_dashboard_element", Method: http.MethodGet,
		Path: "/dashboard_elements/{dashboard_element_id}/run/{result_format}", Tag: tagDashboard,
		Perm: permSeeDashboards, Summary: "Run a tile under dashboard filter values", Hidden: true,
		Customize: resultContent}, b.runDashboardElement)
}

func (b *Backend) dashboardElement(ctx context.Context, in *elementInput) (*Out[model.DashboardElement], error) {
	id, err := objectID(ctx, "dashboard_element", in.DashboardElementID)
	if err != nil {
		return nil, err
	}
	e, err := b.Content.DashboardElement(ctx, overlook.PrincipalFrom(ctx), id)
	if err != nil {
		return nil, err
	}
	return ok(b.elementWire(ctx, e))
}

func (b *Backend) searchDashboardElements(ctx context.Context, in *elementSearchInput) (*Out[[]model.DashboardElement], error) {
	f := store.ElementFilter{Title: in.Title, FilterOr: in.FilterOr.Value}
	var err error
	if f.DashboardID, err = bodyID("dashboard_id", &in.DashboardID); err != nil {
		return nil, err
	}
	if f.LookID, err = bodyID("look_id", &in.LookID); err != nil {
		return nil, err
	}
	if in.Deleted.Set && in.Deleted.Value {
		return ok([]model.DashboardElement{})
	}
	list, err := b.Content.SearchDashboardElements(ctx, overlook.PrincipalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	return ok(b.elementList(ctx, list))
}

func (b *Backend) createDashboardElement(ctx context.Context, in *elementCreateInput) (*Out[model.DashboardElement], error) {
	e := &store.DashboardElement{Type: "vis", Texts: "{}", ResultMaker: "{}"}
	if err := b.applyElementBody(ctx, e, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Content.CreateDashboardElement(ctx, overlook.PrincipalFrom(ctx), e); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "dashboard_element", strconv.FormatInt(e.ID, 10))
	return ok(b.elementWire(ctx, e))
}

func (b *Backend) updateDashboardElement(ctx context.Context, in *elementUpdateInput) (*Out[model.DashboardElement], error) {
	id, err := objectID(ctx, "dashboard_element", in.DashboardElementID)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	e, err := b.Content.DashboardElement(ctx, p, id)
	if err != nil {
		return nil, err
	}
	dashboard := e.DashboardID
	if err := b.applyElementBody(ctx, e, &in.Body); err != nil {
		return nil, err
	}
	e.DashboardID = dashboard
	if err := b.Content.UpdateDashboardElement(ctx, p, e); err != nil {
		return nil, err
	}
	return ok(b.elementWire(ctx, e))
}

func (b *Backend) deleteDashboardElement(ctx context.Context, in *DashboardElementIDPath) (*Empty, error) {
	id, err := objectID(ctx, "dashboard_element", in.DashboardElementID)
	if err != nil {
		return nil, err
	}
	return nil, b.Content.DeleteDashboardElement(ctx, overlook.PrincipalFrom(ctx), id)
}

func (b *Backend) runDashboardElement(ctx context.Context, in *runElementInput) (*huma.StreamResponse, error) {
	id, err := objectID(ctx, "dashboard_element", in.DashboardElementID)
	if err != nil {
		return nil, err
	}
	values := map[string]string{}
	for k, v := range in.values {
		if len(v) > 0 {
			values[k] = v[0]
		}
	}
	tq, err := b.Content.RunElement(ctx, overlook.PrincipalFrom(ctx), id, values)
	if err != nil {
		return nil, err
	}
	return b.run(ctx, tq.Definition, 0, in.RunParams)
}

// elementTextKeys are the tile properties kept as they come, beside its
// type, title, sources and result maker.
var elementTextKeys = []string{"title_text", "subtitle_text", "body_text", "note_text", "note_display", "note_state",
	"title_hidden", "refresh_interval", "rich_content_json", "extension_id", "aria_description", "merge_result_id",
	"filter_id", "dashboard_layout_id"}

// applyElementBody copies what a tile body sets onto e. A query given
// without query_id is saved first.
func (b *Backend) applyElementBody(ctx context.Context, e *store.DashboardElement, body *model.Body[model.DashboardElement]) error {
	v := body.Value
	if body.Has("dashboard_id") {
		id, err := bodyID("dashboard_id", v.DashboardID)
		if err != nil {
			return err
		}
		e.DashboardID = id
	}
	setIf(&e.Type, v.Type, body.Has("type"))
	setIf(&e.Title, v.Title, body.Has("title"))
	for _, src := range []struct {
		key string
		val *string
		dst *int64
	}{{"query_id", v.QueryID, &e.QueryID}, {"look_id", v.LookID, &e.LookID}} {
		if body.Has(src.key) {
			id, err := bodyID(src.key, src.val)
			if err != nil {
				return err
			}
			*src.dst = id
		}
	}
	if q := elementQuery(v); e.QueryID == 0 && q != nil {
		id, err := b.saveQuery(ctx, *q)
		if err != nil {
			return err
		}
		e.QueryID = id
	}
	texts := map[string]any{}
	_ = json.Unmarshal([]byte(e.Texts), &texts)
	for k, val := range sentProperties(v, body.Has, elementTextKeys) {
		texts[k] = val
	}
	raw, _ := json.Marshal(texts)
	e.Texts = string(raw)
	if v.ResultMaker != nil {
		e.ResultMaker = resultMakerOf(*v.ResultMaker).Text()
	}
	return nil
}

// setIf sets *dst from a sent string property (null reads as empty).
func setIf(dst *string, v *string, sent bool) {
	if sent {
		*dst = orZero(v)
	}
}

// elementQuery is the query a tile body carries inline, if any.
func elementQuery(v model.DashboardElement) *model.Query {
	if v.Query != nil && v.Query.Model != nil {
		return v.Query
	}
	if v.ResultMaker != nil && v.ResultMaker.Query != nil && v.ResultMaker.Query.Model != nil {
		return v.ResultMaker.Query
	}
	return nil
}

// saveQuery compiles and stores a query given inline.
func (b *Backend) saveQuery(ctx context.Context, wq model.Query) (int64, error) {
	d := queryDefinition(wq)
	if _, err := b.compileQuery(ctx, d, false); err != nil {
		return 0, err
	}
	q, err := queries.New(b.Store).Create(ctx, d, "", overlook.PrincipalFrom(ctx).UserID())
	if err != nil {
		return 0, err
	}
	return q.ID, nil
}

func resultMakerOf(w model.ResultMakerWithIdVisConfigAndDynamicFields) content.ResultMaker {
	rm := content.ResultMaker{Sorts: w.Sorts, Total: w.Total, VisConfig: w.VisConfig,
		DynamicFields: orZero(w.DynamicFields), MergeResultID: orZero(w.MergeResultID), SQLQueryID: orZero(w.SQLQueryID)}
	for _, f := range w.Filterables {
		fa := content.Filterable{Model: orZero(f.Model), View: orZero(f.View), Name: orZero(f.Name), Listen: []content.Listen{}}
		for _, l := range f.Listen {
			fa.Listen = append(fa.Listen, content.Listen{DashboardFilterName: orZero(l.DashboardFilterName),
				Field: orZero(l.Field)})
		}
		rm.Filterables = append(rm.Filterables, fa)
	}
	return rm
}

func (b *Backend) elementList(ctx context.Context, list []*store.DashboardElement) []model.DashboardElement {
	out := make([]model.DashboardElement, 0, len(list))
	for _, e := range list {
		out = append(out, b.elementWire(ctx, e))
	}
	return out
}

// elementWire answers a tile with its query, look and result maker.
func (b *Backend) elementWire(ctx context.Context, e *store.DashboardElement) model.DashboardElement {
	var w model.DashboardElement
	_ = json.Unmarshal([]byte(e.Texts), &w)
	id := strconv.FormatInt(e.ID, 10)
	w.ID, w.DashboardID, w.Type, w.Title = ptr(id), idString(e.DashboardID), ptr(e.Type), ptr(e.Title)
	w.QueryID, w.LookID, w.EditURI = idString(e.QueryID), idString(e.LookID), ptr("/dashboard_elements/"+id)
	w.BodyTextAsHTML, w.NoteTextAsHTML = w.BodyText, w.NoteText
	w.TitleTextAsHTML, w.SubtitleTextAsHTML = w.TitleText, w.SubtitleText
	w.RefreshIntervalToI, w.AlertCount = ptr(refreshSeconds(orZero(w.RefreshInterval))), ptr(int64(0))
	if w.TitleHidden == nil {
		w.TitleHidden = ptr(false)
	}
	w.Can = map[string]bool{"show": true, "update": true, "destroy": true}
	rm := content.ParseResultMaker(e.ResultMaker)
	rmw := &model.ResultMakerWithIdVisConfigAndDynamicFields{ID: ptr(id), Sorts: rm.Sorts, Total: rm.Total,
		VisConfig: rm.VisConfig, DynamicFields: optString(rm.DynamicFields), MergeResultID: optString(rm.MergeResultID),
		SQLQueryID: optString(rm.SQLQueryID), Filterables: []model.ResultMakerFilterables{}}
	for _, f := range rm.Filterables {
		fw := model.ResultMakerFilterables{Model: ptr(f.Model), View: ptr(f.View), Name: ptr(f.Name),
			Listen: []model.ResultMakerFilterablesListen{}}
		for _, l := range f.Listen {
			fw.Listen = append(fw.Listen, model.ResultMakerFilterablesListen{
				DashboardFilterName: ptr(l.DashboardFilterName), Field: ptr(l.Field)})
		}
		rmw.Filterables = append(rmw.Filterables, fw)
	}
	if e.QueryID != 0 {
		if q, err := queries.New(b.Store).Get(ctx, e.QueryID); err == nil {
			qw := b.queryWire(ctx, q)
			w.Query, rmw.Query, rmw.QueryID = &qw, &qw, qw.ID
			if rmw.VisConfig == nil {
				rmw.VisConfig = q.VisConfig
			}
		}
	}
	if e.LookID != 0 {
		if l, err := b.Content.Look(ctx, overlook.PrincipalFrom(ctx), e.LookID); err == nil {
			lw := b.lookWire(ctx, l)
			w.Look = &lw
		}
	}
	if e.QueryID != 0 || e.LookID != 0 || len(rm.Filterables) > 0 {
		w.ResultMaker, w.ResultMakerID = rmw, ptr(id)
	}
	return w
}
