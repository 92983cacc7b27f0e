package looker40

import (
	"context"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
)

func init() { register(registerContentThumbnail) }

// ThumbnailPath names the look or dashboard a picture is of.
type ThumbnailPath struct {
	Type       string `path:"type" doc:"look or dashboard"`
	ResourceID string `path:"resource_id" doc:"Id of the look or dashboard"`
	Reload     string `query:"reload" doc:"Accepted for compatibility: thumbnails are drawn on every request"`
}

type thumbnailInput struct {
	ThumbnailPath
	Theme  string `query:"theme" doc:"Accepted for compatibility; the built-in colors are used"`
	Format string `query:"format" doc:"png or svg (the default)"`
	Width  int64  `query:"width" doc:"Width in pixels (16 to 2048)"`
	Height int64  `query:"height" doc:"Height in pixels (16 to 2048)"`
}

// ThumbnailOutput is a picture with its media type.
type ThumbnailOutput struct {
	ContentType string `header:"Content-Type"`
	Body        []byte
}

func registerContentThumbnail(api huma.API, b *Backend) {
	handle(api, op{ID: "content_thumbnail", Method: http.MethodGet, Path: "/content_thumbnail/{type}/{resource_id}",
		Tag: tagContent, Perm: access.Authenticated, Summary: "A small picture of a look or dashboard, in PNG or SVG",
		Customize: pictureContent("image/svg+xml", "image/png")}, b.contentThumbnail)
	handle(api, op{ID: "vector_thumbnail", Method: http.MethodGet, Path: "/vector_thumbnail/{type}/{resource_id}",
		Tag: tagContent, Perm: access.Authenticated, Summary: "An SVG picture of a look or dashboard (deprecated: use content_thumbnail)",
		Customize: func(o *huma.Operation) { deprecated(o); pictureContent("image/svg+xml")(o) }}, b.vectorThumbnail)
}

func pictureContent(types ...string) func(*huma.Operation) {
	return func(o *huma.Operation) {
		content := map[string]*huma.MediaType{}
		for _, t := range types {
			content[t] = &huma.MediaType{Schema: &huma.Schema{Type: huma.TypeString}}
		}
		if o.Responses == nil {
			o.Responses = map[string]*huma.Response{}
		}
		o.Responses["200"] = &huma.Response{Description: "The picture", Content: content}
	}
}

func (b *Backend) contentThumbnail(ctx context.Context, in *thumbnailInput) (*ThumbnailOutput, error) {
	format := strings.ToLower(strings.TrimSpace(in.Format))
	if format != "" && format != "svg" && format != "png" {
		return nil, overlook.Invalid("format", "invalid", "format is png or svg")
	}
	w, h, err := content.ThumbnailSize(in.Width, in.Height)
	if err != nil {
		return nil, err
	}
	sk, err := b.thumbnailSketch(ctx, in.ThumbnailPath)
	if err != nil {
		return nil, err
	}
	if format == "png" {
		img, err := sk.PNG(w, h)
		if err != nil {
			return nil, err
		}
		return &ThumbnailOutput{ContentType: "image/png", Body: img}, nil
	}
	return &ThumbnailOutput{ContentType: "image/svg+xml", Body: []byte(sk.SVG(w, h))}, nil
}

func (b *Backend) vectorThumbnail(ctx context.Context, in *ThumbnailPath) (*ThumbnailOutput, error) {
	sk, err := b.thumbnailSketch(ctx, *in)
	if err != nil {
		return nil, err
	}
	return &ThumbnailOutput{ContentType: "image/svg+xml",
		Body: []byte(sk.SVG(content.ThumbnailWidth, content.ThumbnailHeight))}, nil
}

func (b *Backend) thumbnailSketch(ctx context.Context, in ThumbnailPath) (*content.Sketch, error) {
	id, err := ParseID(in.ResourceID)
	if err != nil {
		return nil, err
	}
	return b.Content.ThumbnailSketch(ctx, overlook.PrincipalFrom(ctx), in.Type, id)
}
