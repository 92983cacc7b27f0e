package looker40

import (
	"encoding/json"

	"github.com/overlookbi/overlook/internal/api/model"
)

// checkedBody is a model.Body that keeps its decoding error for the
// handler instead of returning it to huma: huma would report it as a
// problem of "body", losing the field the error names. It also keeps the
// raw object, which tells which nested keys were sent.
type checkedBody[T any] struct {
	model.Body[T]
	raw map[string]json.RawMessage
	err error
}

func (b *checkedBody[T]) UnmarshalJSON(data []byte) error {
	b.raw = nil
	_ = json.Unmarshal(data, &b.raw) // not an object: no keys
	b.err = b.Body.UnmarshalJSON(data)
	return nil
}
