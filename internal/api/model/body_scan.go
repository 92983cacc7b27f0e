package model

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// A small scanner over JSON text already checked by json.Valid: it splits
// objects and arrays into their members without building maps of
// json.RawMessage, and reads strings without escapes in place. Decoding a
// request body used to parse it four times over through encoding/json.

// member is one key and its raw value (spaces trimmed).
type member struct {
	key string
	val []byte
}

// objectMembers splits the valid JSON object raw into its members, in
// order; a key given twice keeps its last value only, as encoding/json
// does when decoding into a map.
func objectMembers(raw []byte) []member {
	var out []member
	i := skipSpace(raw, 1)
	for i < len(raw) && raw[i] != '}' {
		end := skipString(raw, i)
		key := stringText(raw[i:end])
		i = skipSpace(raw, end)
		i = skipSpace(raw, i+1) // ':'
		vend := skipValue(raw, i)
		out = setMember(out, key, raw[i:vend])
		i = skipSpace(raw, vend)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return out
}

func setMember(ms []member, key string, val []byte) []member {
	for j := range ms {
		if ms[j].key == key {
			ms[j].val = val
			return ms
		}
	}
	return append(ms, member{key: key, val: val})
}

// arrayElements splits the valid JSON array raw into its raw elements.
func arrayElements(raw []byte) [][]byte {
	var out [][]byte
	i := skipSpace(raw, 1)
	for i < len(raw) && raw[i] != ']' {
		end := skipValue(raw, i)
		out = append(out, raw[i:end])
		i = skipSpace(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return out
}

// stringText returns the text of the valid JSON string token raw; only a
// string with escapes or invalid UTF-8 (which encoding/json replaces) goes
// through encoding/json.
func stringText(raw []byte) string {
	inner := raw[1 : len(raw)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string token starting at i.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// skipValue returns the index after the value starting at i.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	for ; i < len(b); i++ {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
	}
	return i
}
