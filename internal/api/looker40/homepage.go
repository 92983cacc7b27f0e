package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
)

func init() { register(registerHomepage) }

func registerHomepage(api huma.API, b *Backend) {
	handle(api, op{ID: "all_primary_homepage_sections", Method: http.MethodGet, Path: "/primary_homepage_sections",
		Tag: "Homepage", Perm: access.Authenticated, Summary: "The sections of the primary homepage"},
		b.allPrimaryHomepageSections)
}

// allPrimaryHomepageSections answers an empty list: Overlook has no
// curated primary homepage (boards take that role), which is what Looker
// answers on an instance without one.
func (b *Backend) allPrimaryHomepageSections(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.HomepageSection], error) {
	return ok([]model.HomepageSection{})
}
