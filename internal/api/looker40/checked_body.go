package looker40

import (
	"encoding/json"

	"github.com/overlookbi/overlook/internal/api/model"
)

// checkedBody is a model.Body that also keeps the raw object, which tells
// which nested keys were sent. Its decoding error reaches the client
// through model.Body's DecodeErr, like every other body.
type checkedBody[T any] struct {
	model.Body[T]
	raw map[string]json.RawMessage
}

func (b *checkedBody[T]) UnmarshalJSON(data []byte) error {
	b.raw = nil
	_ = json.Unmarshal(data, &b.raw) // not an object: no keys
	return b.Body.UnmarshalJSON(data)
}
