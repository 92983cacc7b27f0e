package looker40

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagConfig = "Config"

// The Looker release Overlook's API matches. Tools read the release from
// /versions to decide what the server supports.
const (
	APIVersion     = "4.0"
	APIFullVersion = "4.0.26.12"
	LookerRelease  = "26.12.3"
)

func init() { register(registerConfigCore) }

type apiSpecInput struct {
	APIVersion    string `path:"api_version" doc:"API version"`
	Specification string `path:"specification" doc:"Specification name, typically swagger.json"`
}

func registerConfigCore(api huma.API, b *Backend) {
	handle(api, op{ID: "versions", Method: http.MethodGet, Path: "/versions", Tag: tagConfig, Perm: access.Public,
		Summary: "API versions this server supports"}, b.versions)
	handle(api, op{ID: "api_spec", Method: http.MethodGet, Path: "/api_spec/{api_version}/{specification}", Tag: tagConfig,
		Perm: access.Public, Summary: "The API document of a version"}, b.apiSpec)
}

func (b *Backend) origin(ctx context.Context) string {
	if b.PublicURL != "" {
		return b.PublicURL
	}
	return "http://" + requestinfo.From(ctx).Host
}

func (b *Backend) versions(ctx context.Context, _ *struct{ FieldsParam }) (*Out[model.ApiVersion], error) {
	origin := b.origin(ctx)
	current := model.ApiVersionElement{Version: ptr(APIVersion), FullVersion: ptr(APIFullVersion), Status: ptr("current"),
		SwaggerURL: ptr(origin + "/api/" + APIVersion + "/swagger.json")}
	return ok(model.ApiVersion{
		LookerReleaseVersion: ptr(LookerRelease),
		CurrentVersion:       &current,
		SupportedVersions:    []model.ApiVersionElement{current},
		APIServerURL:         &origin,
		WebServerURL:         &origin,
	})
}

func (b *Backend) apiSpec(ctx context.Context, in *apiSpecInput) (*Out[json.RawMessage], error) {
	if in.APIVersion != APIVersion || (in.Specification != "swagger.json" && in.Specification != "openapi.json") {
		return nil, overlook.NotFound()
	}
	doc, err := b.Spec()
	if err != nil {
		return nil, err
	}
	return ok(json.RawMessage(doc))
}
