package looker40

import (
	"context"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
)

const tagDatagroup = "Datagroup"

func init() { register(registerDatagroup) }

// DatagroupIDPath names a datagroup: "model::datagroup", as the LookML
// declares both.
type DatagroupIDPath struct {
	DatagroupID string `path:"datagroup_id" doc:"Datagroup id, model::name"`
}

func registerDatagroup(api huma.API, b *Backend) {
	handle(api, op{ID: "all_datagroups", Method: http.MethodGet, Path: "/datagroups", Tag: tagDatagroup,
		Perm: "see_datagroups", Summary: "The datagroups of the models the caller may use"}, b.allDatagroups)
	handle(api, op{ID: "datagroup", Method: http.MethodGet, Path: "/datagroups/{datagroup_id}", Tag: tagDatagroup,
		Perm: "see_datagroups", Summary: "One datagroup"}, b.datagroup)
}

const datagroupIDSep = "::"

func datagroupWire(m *semantic.Model, d *semantic.Datagroup, p *overlook.Principal) model.Datagroup {
	return model.Datagroup{ID: ptr(m.Name + datagroupIDSep + d.Name), ModelName: ptr(m.Name), Name: ptr(d.Name),
		Can: map[string]bool{"show": true, "update": p.Can("update_datagroups")}}
}

func (b *Backend) allDatagroups(ctx context.Context, _ *struct{}) (*Out[[]model.Datagroup], error) {
	p := overlook.PrincipalFrom(ctx)
	out := []model.Datagroup{}
	for _, m := range b.Catalog.Models() {
		if !b.Catalog.CanSee(p, m.Name) {
			continue
		}
		for _, d := range m.Datagroups {
			out = append(out, datagroupWire(m, d, p))
		}
	}
	return ok(out)
}

func (b *Backend) datagroup(ctx context.Context, in *DatagroupIDPath) (*Out[model.Datagroup], error) {
	requestinfo.SetObject(ctx, "datagroup", in.DatagroupID)
	p := overlook.PrincipalFrom(ctx)
	modelName, name, found := strings.Cut(in.DatagroupID, datagroupIDSep)
	m, served := b.Catalog.Model(modelName)
	if !found || !served || !b.Catalog.CanSee(p, modelName) {
		return nil, overlook.NotFound()
	}
	for _, d := range m.Datagroups {
		if d.Name == name {
			return ok(datagroupWire(m, d, p))
		}
	}
	return nil, overlook.NotFound()
}
