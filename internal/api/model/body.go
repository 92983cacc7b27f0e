package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
)

// Body is a request body decoded the way real Looker clients need: numbers
// where strings are declared (and the reverse), [] where an object is,
// null meaning "clear", unknown keys ignored. Keys records which top-level
// keys the client sent, so an update touches only those.
type Body[T any] struct {
	Value T
	Keys  map[string]bool
	err   error
}

// Has reports whether the client sent key (possibly as null).
func (b *Body[T]) Has(key string) bool { return b.Keys[key] }

// UnmarshalJSON decodes leniently; see Decode. A body of the wrong shape
// is kept as DecodeErr instead of being returned: huma would report it
// against "body" and lose the field name, so the operation wrapper turns it
// into the client's error itself.
func (b *Body[T]) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) == 0:
		b.Keys, b.err = nil, nil
	case !json.Valid(data):
		b.Keys, b.err = nil, errInvalidJSON
	default:
		b.Keys = topLevelKeys(data)
		b.err = decodeValue(data, reflect.ValueOf(&b.Value).Elem(), "")
	}
	return nil
}

// DecodeObject decodes data into v, a *Body[T], when data is a valid JSON
// object, as v.UnmarshalJSON would, and reports whether it did. It spares
// encoding/json's scan of the whole text before it calls UnmarshalJSON.
// A type that embeds a Body is left alone: its own UnmarshalJSON must run.
func DecodeObject(data []byte, v any) bool {
	d, ok := v.(objectDecoder)
	return ok && isBody(reflect.TypeOf(v)) && d.decodeObject(data)
}

type objectDecoder interface{ decodeObject([]byte) bool }

func (b *Body[T]) decodeObject(data []byte) bool {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' || !json.Valid(data) {
		return false
	}
	b.Keys = topLevelKeys(data)
	b.err = decodeValue(data, reflect.ValueOf(&b.Value).Elem(), "")
	return true
}

var bodyTypes sync.Map // reflect.Type → bool

// isBody reports whether t is *Body[T] for some T.
func isBody(t reflect.Type) bool {
	if is, ok := bodyTypes.Load(t); ok {
		return is.(bool)
	}
	e := t.Elem()
	is := e.PkgPath() == reflect.TypeFor[member]().PkgPath() && strings.HasPrefix(e.Name(), "Body[")
	bodyTypes.Store(t, is)
	return is
}

// DecodeErr is the validation error of the body, if any.
func (b *Body[T]) DecodeErr() error { return b.err }

// Schema documents the body as T itself.
func (b *Body[T]) Schema(r huma.Registry) *huma.Schema {
	return r.Schema(reflect.TypeFor[T](), true, "")
}

// topLevelKeys lists the keys of the valid JSON data when it is an object
// (none for null, nil for other values).
func topLevelKeys(data []byte) map[string]bool {
	if data[0] != '{' {
		if string(data) == "null" {
			return map[string]bool{}
		}
		return nil
	}
	members := objectMembers(data)
	keys := make(map[string]bool, len(members))
	for _, m := range members {
		keys[m.key] = true
	}
	return keys
}
