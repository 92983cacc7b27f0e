package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagColorCollection = "ColorCollection"

func init() { register(registerColorCollection) }

// CollectionIDPath names one color collection.
type CollectionIDPath struct {
	CollectionID string `path:"collection_id" doc:"Id of the color collection"`
}

type colorCollectionBodyInput struct {
	Body model.Body[model.ColorCollection]
}

type colorCollectionUpdateInput struct {
	CollectionIDPath
	Body model.Body[model.ColorCollection]
}

func registerColorCollection(api huma.API, b *Backend) {
	list := func(id, path, summary string, standard *bool) {
		handle(api, op{ID: id, Method: http.MethodGet, Path: path, Tag: tagColorCollection, Perm: access.Authenticated,
			Summary: summary}, func(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.ColorCollection], error) {
			return b.colorCollections(ctx, standard)
		})
	}
	list("all_color_collections", "/color_collections", "Every color collection", nil)
	list("color_collections_custom", "/color_collections/custom", "The color collections made on this instance", ptr(false))
	list("color_collections_standard", "/color_collections/standard", "The built-in color collections", ptr(true))
	handle(api, op{ID: "create_color_collection", Method: http.MethodPost, Path: "/color_collections",
		Tag: tagColorCollection, Perm: access.AdminOnly, Summary: "Add a palette collection of your own"}, b.createColorCollection)
	handle(api, op{ID: "default_color_collection", Method: http.MethodGet, Path: "/color_collections/default",
		Tag: tagColorCollection, Perm: access.Authenticated, Summary: "The instance's default color collection"},
		b.defaultColorCollection)
	handle(api, op{ID: "set_default_color_collection", Method: http.MethodPut, Path: "/color_collections/default",
		Tag: tagColorCollection, Perm: access.AdminOnly, Summary: "Choose the default color collection"},
		b.setDefaultColorCollection)
	handle(api, op{ID: "color_collection", Method: http.MethodGet, Path: "/color_collections/{collection_id}",
		Tag: tagColorCollection, Perm: access.Authenticated, Summary: "One color collection"}, b.colorCollection)
	handle(api, op{ID: "update_color_collection", Method: http.MethodPatch, Path: "/color_collections/{collection_id}",
		Tag: tagColorCollection, Perm: access.AdminOnly, Summary: "Change a custom color collection"}, b.updateColorCollection)
	handle(api, op{ID: "delete_color_collection", Method: http.MethodDelete, Path: "/color_collections/{collection_id}",
		Tag: tagColorCollection, Perm: access.AdminOnly, Summary: "Remove a palette collection you added",
		Status: http.StatusNoContent}, b.deleteColorCollection)
}

func (b *Backend) colorCollections(ctx context.Context, standard *bool) (*Out[[]model.ColorCollection], error) {
	list, err := content.ColorCollections(ctx, b.Store, standard)
	if err != nil {
		return nil, err
	}
	out := make([]model.ColorCollection, len(list))
	for i, c := range list {
		out[i] = colorCollectionWire(c)
	}
	return ok(out)
}

func (b *Backend) colorCollection(ctx context.Context, in *struct {
	CollectionIDPath
	FieldsParam
}) (*Out[model.ColorCollection], error) {
	return collectionAnswer(content.GetColorCollection(ctx, b.Store, in.CollectionID))
}

func (b *Backend) defaultColorCollection(ctx context.Context, _ *struct{}) (*Out[model.ColorCollection], error) {
	return collectionAnswer(content.DefaultColorCollection(ctx, b.Store))
}

func (b *Backend) setDefaultColorCollection(ctx context.Context, in *struct {
	CollectionID string `query:"collection_id" doc:"Id of the collection to make the default"`
}) (*Out[model.ColorCollection], error) {
	if in.CollectionID == "" {
		return nil, overlook.Invalid("collection_id", "missing", "collection_id is required")
	}
	return collectionAnswer(content.SetDefaultColorCollection(ctx, b.Store, in.CollectionID))
}

func (b *Backend) createColorCollection(ctx context.Context, in *colorCollectionBodyInput) (*Out[model.ColorCollection], error) {
	c := &content.ColorCollection{}
	applyColorCollection(c, &in.Body)
	if err := content.CreateColorCollection(ctx, b.Store, c); err != nil {
		return nil, err
	}
	return ok(colorCollectionWire(c))
}

func (b *Backend) updateColorCollection(ctx context.Context, in *colorCollectionUpdateInput) (*Out[model.ColorCollection], error) {
	c, err := content.GetColorCollection(ctx, b.Store, in.CollectionID)
	if err != nil {
		return nil, err
	}
	applyColorCollection(c, &in.Body)
	if err := content.UpdateColorCollection(ctx, b.Store, c); err != nil {
		return nil, err
	}
	return ok(colorCollectionWire(c))
}

func (b *Backend) deleteColorCollection(ctx context.Context, in *CollectionIDPath) (*Empty, error) {
	if err := content.DeleteColorCollection(ctx, b.Store, in.CollectionID); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

func collectionAnswer(c *content.ColorCollection, err error) (*Out[model.ColorCollection], error) {
	if err != nil {
		return nil, err
	}
	return ok(colorCollectionWire(c))
}

// applyColorCollection copies the fields the client sent onto c.
func applyColorCollection(c *content.ColorCollection, body *model.Body[model.ColorCollection]) {
	v := body.Value
	if body.Has("label") {
		c.Label = deref(v.Label)
	}
	if body.Has("categoricalPalettes") {
		c.Categorical = make([]content.DiscretePalette, len(v.CategoricalPalettes))
		for i, p := range v.CategoricalPalettes {
			c.Categorical[i] = content.DiscretePalette{ID: deref(p.ID), Label: deref(p.Label), Type: deref(p.Type),
				Colors: p.Colors}
		}
	}
	if body.Has("sequentialPalettes") {
		c.Sequential = continuousPalettes(v.SequentialPalettes)
	}
	if body.Has("divergingPalettes") {
		c.Diverging = continuousPalettes(v.DivergingPalettes)
	}
}

func continuousPalettes(in []model.ContinuousPalette) []content.ContinuousPalette {
	out := make([]content.ContinuousPalette, len(in))
	for i, p := range in {
		out[i] = content.ContinuousPalette{ID: deref(p.ID), Label: deref(p.Label), Type: deref(p.Type)}
		for _, s := range p.Stops {
			out[i].Stops = append(out[i].Stops, content.ColorStop{Color: deref(s.Color), Offset: deref(s.Offset)})
		}
	}
	return out
}

func colorCollectionWire(c *content.ColorCollection) model.ColorCollection {
	out := model.ColorCollection{ID: ptr(c.ID), Label: ptr(c.Label), CategoricalPalettes: []model.DiscretePalette{},
		SequentialPalettes: continuousWire(c.Sequential), DivergingPalettes: continuousWire(c.Diverging)}
	for _, p := range c.Categorical {
		out.CategoricalPalettes = append(out.CategoricalPalettes, model.DiscretePalette{ID: ptr(p.ID),
			Label: ptr(p.Label), Type: ptr(p.Type), Colors: p.Colors})
	}
	return out
}

func continuousWire(in []content.ContinuousPalette) []model.ContinuousPalette {
	out := make([]model.ContinuousPalette, len(in))
	for i, p := range in {
		out[i] = model.ContinuousPalette{ID: ptr(p.ID), Label: ptr(p.Label), Type: ptr(p.Type), Stops: []model.ColorStop{}}
		for _, s := range p.Stops {
			out[i].Stops = append(out[i].Stops, model.ColorStop{Color: ptr(s.Color), Offset: ptr(s.Offset)})
		}
	}
	return out
}
