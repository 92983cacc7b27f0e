package looker40

import (
	"context"
	"net/http"
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/apierr"
)

// Metadata keys the middleware reads from an operation.
const (
	MetaPermission = "permission"
	// MetaSelf names the path parameter holding a user id; when it is the
	// caller's own id, the operation is allowed without the permission.
	MetaSelf = "self"
)

// op describes one operation: Looker's operationId, method and path
// (relative to /api/4.0), its tag, and the permission it needs.
type op struct {
	ID, Method, Path, Tag, Summary string
	Perm                           string
	// Self: see MetaSelf.
	Self string
	// Status of a success; 200 unless set (204 for bodiless answers).
	Status int
	// Hidden operations are routed but left out of the document.
	Hidden bool
	// Customize edits the operation before it is registered.
	Customize func(*huma.Operation)
}

// handle registers h for o. Every operation skips huma's body validation
// (bodies are decoded leniently, see model.Body) and turns the errors of h
// into Looker's error bodies in one place.
func handle[I, O any](api huma.API, o op, h func(context.Context, *I) (*O, error)) {
	if !access.Declarable(o.Perm) {
		panic("looker40: operation " + o.ID + " declares unknown permission " + o.Perm)
	}
	status := o.Status
	if status == 0 {
		status = http.StatusOK
	}
	hop := huma.Operation{
		OperationID:      o.ID,
		Method:           o.Method,
		Path:             o.Path,
		Tags:             []string{o.Tag},
		Summary:          o.Summary,
		DefaultStatus:    status,
		Hidden:           o.Hidden,
		SkipValidateBody: true,
		Errors:           []int{400, 404, 422, 429},
		Metadata:         map[string]any{MetaPermission: o.Perm, MetaSelf: o.Self},
		Extensions:       map[string]any{"x-overlook-permission": o.Perm},
	}
	if o.Customize != nil {
		o.Customize(&hop)
	}
	bodyErr := bodyDecodeErr[I]()
	huma.Register(api, hop, func(ctx context.Context, in *I) (*O, error) {
		if err := bodyErr(in); err != nil {
			return nil, apierr.From(err)
		}
		out, err := h(ctx, in)
		if err != nil {
			return nil, apierr.From(err)
		}
		return out, nil
	})
	// huma marks a body required when the Body field is not a pointer, and
	// always for RawBody. Looker clients send bodiless requests with a JSON
	// content type, and login may carry its credentials in the query string:
	// the handler decides what is missing.
	if registered := operation(api, o.Method, o.Path); registered != nil && registered.RequestBody != nil {
		registered.RequestBody.Required = false
	}
}

// decodeErrer is a body that remembers its decoding error (model.Body).
type decodeErrer interface{ DecodeErr() error }

// bodyDecodeErr returns a function reading the decoding error of I's Body
// field, found once at registration.
func bodyDecodeErr[I any]() func(*I) error {
	t := reflect.TypeFor[I]()
	f, ok := t.FieldByName("Body")
	if !ok || !reflect.PointerTo(f.Type).Implements(reflect.TypeFor[decodeErrer]()) {
		return func(*I) error { return nil }
	}
	return func(in *I) error {
		return reflect.ValueOf(in).Elem().FieldByIndex(f.Index).Addr().Interface().(decodeErrer).DecodeErr()
	}
}

// operation finds a registered operation in the API document.
func operation(api huma.API, method, path string) *huma.Operation {
	item := api.OpenAPI().Paths[path]
	if item == nil {
		return nil
	}
	switch method {
	case http.MethodGet:
		return item.Get
	case http.MethodPost:
		return item.Post
	case http.MethodPut:
		return item.Put
	case http.MethodPatch:
		return item.Patch
	case http.MethodDelete:
		return item.Delete
	}
	return nil
}

// Empty is the output of operations that answer 204 with no body.
type Empty struct{}

// Out wraps a JSON body.
type Out[T any] struct {
	Body T
}

func ok[T any](v T) (*Out[T], error) { return &Out[T]{Body: v}, nil }
