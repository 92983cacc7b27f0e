package looker40

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/datagroups"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/store"
)

const tagDatagroup = "Datagroup"

func init() { register(registerDatagroup) }

// DatagroupIDPath names a datagroup: "model::datagroup", as the LookML
// declares both.
type DatagroupIDPath struct {
	DatagroupID string `path:"datagroup_id" doc:"Datagroup id, model::name"`
}

type datagroupUpdateInput struct {
	DatagroupIDPath
	Body model.Body[model.Datagroup]
}

func registerDatagroup(api huma.API, b *Backend) {
	handle(api, op{ID: "all_datagroups", Method: http.MethodGet, Path: "/datagroups", Tag: tagDatagroup,
		Perm: "see_datagroups", Summary: "The datagroups of the models the caller may use"}, b.allDatagroups)
	handle(api, op{ID: "datagroup", Method: http.MethodGet, Path: "/datagroups/{datagroup_id}", Tag: tagDatagroup,
		Perm: "see_datagroups", Summary: "One datagroup"}, b.datagroup)
	handle(api, op{ID: "update_datagroup", Method: http.MethodPatch, Path: "/datagroups/{datagroup_id}",
		Tag: tagDatagroup, Perm: "update_datagroups",
		Summary: "Mark a datagroup's cached results stale, or trigger it (stale_before, triggered_at)"}, b.updateDatagroup)
}

const datagroupIDSep = "::"

// datagroupWire shows d with its state; times are Unix seconds, absent
// when never.
func datagroupWire(m *semantic.Model, d *semantic.Datagroup, st *store.Datagroup, p *overlook.Principal) model.Datagroup {
	w := model.Datagroup{ID: ptr(m.Name + datagroupIDSep + d.Name), ModelName: ptr(m.Name), Name: ptr(d.Name),
		Can: map[string]bool{"show": true, "update": p.Can("update_datagroups")}}
	if st == nil {
		return w
	}
	w.CreatedAt, w.StaleBefore, w.TriggeredAt = unixOrNil(st.CreatedAt), unixOrNil(st.StaleBefore), unixOrNil(st.TriggeredAt)
	w.TriggerCheckAt = unixOrNil(st.TriggerCheckAt)
	if st.TriggerValue != "" {
		w.TriggerValue = ptr(st.TriggerValue)
	}
	if st.TriggerError != "" {
		w.TriggerError = ptr(st.TriggerError)
	}
	return w
}

func unixOrNil(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	return ptr(t.Unix())
}

// datagroupStates reads every datagroup's state by "model::name".
func (b *Backend) datagroupStates(ctx context.Context) (map[string]*store.Datagroup, error) {
	list, err := b.Store.Datagroups(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]*store.Datagroup{}
	for _, d := range list {
		out[datagroups.Key(d.ModelName, d.Name)] = d
	}
	return out, nil
}

func (b *Backend) allDatagroups(ctx context.Context, _ *struct{}) (*Out[[]model.Datagroup], error) {
	p := overlook.PrincipalFrom(ctx)
	states, err := b.datagroupStates(ctx)
	if err != nil {
		return nil, err
	}
	out := []model.Datagroup{}
	for _, m := range b.Catalog.Models() {
		if !b.Catalog.CanSee(p, m.Name) {
			continue
		}
		for _, d := range m.Datagroups {
			out = append(out, datagroupWire(m, d, states[datagroups.Key(m.Name, d.Name)], p))
		}
	}
	return ok(out)
}

// findDatagroup resolves a "model::name" id the caller may see.
func (b *Backend) findDatagroup(ctx context.Context, id string) (*semantic.Model, *semantic.Datagroup, error) {
	requestinfo.SetObject(ctx, "datagroup", id)
	modelName, name, found := strings.Cut(id, datagroupIDSep)
	m, served := b.Catalog.Model(modelName)
	if !found || !served || !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), modelName) {
		return nil, nil, overlook.NotFound()
	}
	for _, d := range m.Datagroups {
		if d.Name == name {
			return m, d, nil
		}
	}
	return nil, nil, overlook.NotFound()
}

func (b *Backend) datagroup(ctx context.Context, in *DatagroupIDPath) (*Out[model.Datagroup], error) {
	m, d, err := b.findDatagroup(ctx, in.DatagroupID)
	if err != nil {
		return nil, err
	}
	states, err := b.datagroupStates(ctx)
	if err != nil {
		return nil, err
	}
	return ok(datagroupWire(m, d, states[datagroups.Key(m.Name, d.Name)], overlook.PrincipalFrom(ctx)))
}

// updateDatagroup sets stale_before and triggered_at. Results cached
// before either are stale on this node at once, and on the others at
// their next scheduler pass; a new triggered_at also fires the plans of
// the datagroup.
func (b *Backend) updateDatagroup(ctx context.Context, in *datagroupUpdateInput) (*Out[model.Datagroup], error) {
	m, d, err := b.findDatagroup(ctx, in.DatagroupID)
	if err != nil {
		return nil, err
	}
	st, err := b.Store.EnsureDatagroup(ctx, m.Name, d.Name)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	for _, f := range []struct {
		key string
		val *int64
		dst *time.Time
	}{{"stale_before", in.Body.Value.StaleBefore, &st.StaleBefore}, {"triggered_at", in.Body.Value.TriggeredAt, &st.TriggeredAt}} {
		if !in.Body.Has(f.key) {
			continue
		}
		t, err := datagroupTime(f.key, f.val, now)
		if err != nil {
			return nil, err
		}
		*f.dst = t
	}
	if err := b.Store.SetDatagroupTimes(ctx, st.ID, st.StaleBefore, st.TriggeredAt); err != nil {
		return nil, err
	}
	datagroups.Publish(d, st)
	return ok(datagroupWire(m, d, st, overlook.PrincipalFrom(ctx)))
}

// datagroupTime reads a Unix-seconds time of update_datagroup: null or 0
// clears it; it may not be in the future.
func datagroupTime(field string, v *int64, now time.Time) (time.Time, error) {
	if v == nil || *v == 0 {
		return time.Time{}, nil
	}
	t := time.Unix(*v, 0)
	if *v < 0 || t.After(now) {
		return time.Time{}, overlook.Invalid(field, "invalid", "%s must be a past Unix time in seconds", field)
	}
	return t, nil
}

// checkPlanDatagroup makes sure a plan's datagroup ("name" or
// "model::name") is one of a model the caller may use.
func (b *Backend) checkPlanDatagroup(ctx context.Context, name string) error {
	if name == "" {
		return nil
	}
	p := overlook.PrincipalFrom(ctx)
	for _, m := range b.Catalog.Models() {
		if !b.Catalog.CanSee(p, m.Name) {
			continue
		}
		for _, d := range m.Datagroups {
			if name == d.Name || name == datagroups.Key(m.Name, d.Name) {
				return nil
			}
		}
	}
	return overlook.Invalid("datagroup", "invalid", "no datagroup %q in the models you may use", name)
}
