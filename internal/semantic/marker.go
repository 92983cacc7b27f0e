package semantic

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/filterexpr"
)

// marker is the byte that brackets a deferred value in text being built:
// "\x00<nonce><index>\x00". Values are bound only when the whole text is
// known, so that placeholders come out in text order whatever order the
// pieces were rendered in (a referenced field is rendered after the field
// that references it, but its values may come first in the text). User
// values never reach the text, and the random nonce lets the output tag
// tell a captured marker from a user value that merely holds the byte.
const marker = '\x00'

// deferred is a Binder that records values and hands out markers.
type deferred struct {
	nonce  string
	values []any
}

func newDeferred() *deferred {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &deferred{nonce: hex.EncodeToString(b[:]) + ":"}
}

// Bind records v and returns the marker that stands for it.
func (d *deferred) Bind(v any) string {
	d.values = append(d.values, v)
	return string(marker) + d.nonce + strconv.Itoa(len(d.values)-1) + string(marker)
}

// holdsMarker reports text with one of this call's markers in it.
func (d *deferred) holdsMarker(s string) bool {
	return strings.Contains(s, string(marker)+d.nonce)
}

// finish replaces each marker with b.Bind(its value), in text order. A
// marker the model wrapped in single quotes ('{{ _user_attributes['x'] }}',
// as Looker authors write) loses the quotes: the placeholder already is the
// string.
func (d *deferred) finish(text string, b filterexpr.Binder) (string, error) {
	if strings.IndexByte(text, marker) < 0 {
		return text, nil
	}
	if b == nil {
		return "", fmt.Errorf("semantic: the SQL binds values but the scope has no Binder")
	}
	var out strings.Builder
	for {
		i := strings.IndexByte(text, marker)
		if i < 0 {
			out.WriteString(text)
			return out.String(), nil
		}
		n, rest, err := d.cut(text[i+1:])
		if err != nil {
			return "", err
		}
		head := text[:i]
		quoted := strings.HasSuffix(head, "'") && strings.HasPrefix(rest, "'")
		if quoted {
			head, rest = head[:len(head)-1], rest[1:]
		}
		out.WriteString(head)
		out.WriteString(b.Bind(d.values[n]))
		text = rest
	}
}

// cut reads "<nonce><index>\x00" from the start of s.
func (d *deferred) cut(s string) (int, string, error) {
	s, ok := strings.CutPrefix(s, d.nonce)
	j := strings.IndexByte(s, marker)
	if !ok || j < 0 {
		return 0, "", fmt.Errorf("semantic: broken value marker")
	}
	n, err := strconv.Atoi(s[:j])
	if err != nil || n < 0 || n >= len(d.values) {
		return 0, "", fmt.Errorf("semantic: broken value marker")
	}
	return n, s[j+1:], nil
}
