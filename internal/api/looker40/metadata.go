package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagMetadata = "Metadata"

func init() { register(registerMetadata) }

// ModelNamePath names a model in the Metadata paths.
type ModelNamePath struct {
	ModelName string `path:"model_name" doc:"Model name"`
}

func registerMetadata(api huma.API, b *Backend) {
	handle(api, op{ID: "get_model", Method: http.MethodGet, Path: "/models/{model_name}", Tag: tagMetadata,
		Perm: "access_data", Summary: "A model's connection and named value formats"}, b.getModel)
}

func (b *Backend) getModel(ctx context.Context, in *ModelNamePath) (*Out[model.Model], error) {
	requestinfo.SetObject(ctx, "model", in.ModelName)
	m, served := b.Catalog.Model(in.ModelName)
	if !served || !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), in.ModelName) {
		return nil, overlook.NotFound()
	}
	// Named value formats come from model-level named_value_format, which
	// the resolved model does not carry yet: the list is empty.
	return ok(model.Model{Name: ptr(m.Name), Connection: ptr(m.Connection), ValueFormats: []model.ModelNamedValueFormats{}})
}
