package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Decode fills v (a pointer) from JSON data, converting between strings,
// numbers and booleans where the text allows it. A value of the wrong shape
// is an overlook validation error naming the field.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("model.Decode: v must be a non-nil pointer")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if !json.Valid(data) {
		return errInvalidJSON
	}
	return decodeValue(bytes.TrimSpace(data), rv.Elem(), "")
}

var errInvalidJSON = &overlook.Error{Code: overlook.EBADREQUEST, Message: "Request body is not valid JSON"}

func decodeValue(raw []byte, v reflect.Value, path string) error {
	if string(raw) == "null" {
		v.SetZero()
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decodeValue(raw, v.Elem(), path)
	case reflect.String:
		return decodeString(raw, v, path)
	case reflect.Bool:
		return decodeBool(raw, v, path)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return decodeInt(raw, v, path)
	case reflect.Float32, reflect.Float64:
		return decodeFloat(raw, v, path)
	case reflect.Struct:
		return decodeStruct(raw, v, path)
	case reflect.Map:
		return decodeMap(raw, v, path)
	case reflect.Slice:
		return decodeSlice(raw, v, path)
	}
	return json.Unmarshal(raw, v.Addr().Interface())
}

func shapeError(path, want string) error {
	if path == "" {
		path = "body"
	}
	return overlook.Invalid(path, "invalid", "%s must be %s", path, want)
}

func decodeString(raw []byte, v reflect.Value, path string) error {
	switch raw[0] {
	case '"':
		v.SetString(stringText(raw))
	case '{', '[':
		return shapeError(path, "a string")
	default: // numbers and booleans, as their text
		v.SetString(string(raw))
	}
	return nil
}

// unquote returns the text of a JSON scalar: a string's content, or the
// literal itself.
func unquote(raw []byte) (string, bool) {
	if raw[0] == '"' {
		return strings.TrimSpace(stringText(raw)), true
	}
	if raw[0] == '{' || raw[0] == '[' {
		return "", false
	}
	return string(raw), true
}

func decodeBool(raw []byte, v reflect.Value, path string) error {
	s, ok := unquote(raw)
	b, err := strconv.ParseBool(s)
	if !ok || err != nil {
		return shapeError(path, "true or false")
	}
	v.SetBool(b)
	return nil
}

func decodeInt(raw []byte, v reflect.Value, path string) error {
	s, ok := unquote(raw)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// 12.0 is an integer too
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			ok = false
		}
		n = int64(f)
	}
	if !ok || v.OverflowInt(n) {
		return shapeError(path, "an integer")
	}
	v.SetInt(n)
	return nil
}

func decodeFloat(raw []byte, v reflect.Value, path string) error {
	s, ok := unquote(raw)
	f, err := strconv.ParseFloat(s, 64)
	if !ok || err != nil {
		return shapeError(path, "a number")
	}
	v.SetFloat(f)
	return nil
}

func emptyArray(raw []byte) bool {
	return raw[0] == '[' && len(bytes.TrimSpace(raw[1:len(raw)-1])) == 0
}

func decodeStruct(raw []byte, v reflect.Value, path string) error {
	if emptyArray(raw) {
		v.SetZero()
		return nil
	}
	if raw[0] != '{' {
		return shapeError(path, "an object")
	}
	fields := fieldsOf(v.Type())
	for _, m := range objectMembers(raw) {
		idx, ok := fields[m.key]
		if !ok {
			continue // unknown keys are ignored
		}
		if err := decodeValue(m.val, v.Field(idx), join(path, m.key)); err != nil {
			return err
		}
	}
	return nil
}

func decodeMap(raw []byte, v reflect.Value, path string) error {
	if emptyArray(raw) {
		v.SetZero()
		return nil
	}
	if raw[0] != '{' {
		return shapeError(path, "an object")
	}
	members := objectMembers(raw)
	out := reflect.MakeMapWithSize(v.Type(), len(members))
	for _, m := range members {
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := decodeValue(m.val, elem, join(path, m.key)); err != nil {
			return err
		}
		out.SetMapIndex(reflect.ValueOf(m.key).Convert(v.Type().Key()), elem)
	}
	v.Set(out)
	return nil
}

func decodeSlice(raw []byte, v reflect.Value, path string) error {
	if raw[0] != '[' {
		return shapeError(path, "an array")
	}
	items := arrayElements(raw)
	out := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		if err := decodeValue(item, out.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
			return err
		}
	}
	v.Set(out)
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var fieldCache sync.Map // reflect.Type → map[string]int

// fieldsOf maps the JSON names of a struct's fields to their indexes.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		m[name] = i
	}
	fieldCache.Store(t, m)
	return m
}
