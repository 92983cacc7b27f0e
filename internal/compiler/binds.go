package compiler

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/sqlgen"
)

// markByte brackets a deferred value in SQL text being built. semantic uses
// \x00 for its own markers and resolves them before we see its text, so the
// two never meet.
const markByte = '\x01'

// binds collects the values of one compilation and hands out markers for
// them: "\x01<nonce>b<i>\x01" for a value bound here (semantic's Binder),
// "\x01<nonce>s<n>\x01" for the n-th argument of one sqlgen rendering. The
// random nonce tells a marker from any text the model might hold.
type binds struct {
	nonce  string
	values []any
}

func newBinds() *binds {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return &binds{nonce: hex.EncodeToString(b[:])}
}

// Bind implements filterexpr.Binder.
func (b *binds) Bind(v any) string {
	b.values = append(b.values, v)
	return b.mark('b', len(b.values)-1)
}

func (b *binds) mark(kind byte, n int) string {
	return string(markByte) + b.nonce + string(kind) + strconv.Itoa(n) + string(markByte)
}

// markDialect renders sqlgen placeholders as markers.
type markDialect struct {
	sqlgen.Dialect
	b *binds
}

func (m markDialect) Placeholder(n int) string { return m.b.mark('s', n) }

// render writes stmt with markers for every value.
func (b *binds) render(stmt *sqlgen.Select, d sqlgen.Dialect) (string, []any, error) {
	return sqlgen.Render(stmt, markDialect{Dialect: d, b: b})
}

// exprText writes one expression as text holding only b-markers, for
// SQL that semantic splices into model text (a referenced measure).
func (b *binds) exprText(e sqlgen.Expr, d sqlgen.Dialect) (string, error) {
	text, args, err := sqlgen.RenderExpr(e, markDialect{Dialect: d, b: b})
	if err != nil {
		return "", err
	}
	return b.resolve(text, args, func(v any) string { return b.Bind(v) })
}

// finish turns every marker of text into the dialect's placeholder, in text
// order, and returns the arguments in that order.
func (b *binds) finish(text string, args []any, d sqlgen.Dialect) (string, []any, error) {
	var out []any
	sql, err := b.resolve(text, args, func(v any) string {
		out = append(out, v)
		return d.Placeholder(len(out))
	})
	return sql, out, err
}

// resolve replaces each marker with place(its value).
func (b *binds) resolve(text string, args []any, place func(any) string) (string, error) {
	var out strings.Builder
	for {
		i := strings.IndexByte(text, markByte)
		if i < 0 {
			out.WriteString(text)
			return out.String(), nil
		}
		out.WriteString(text[:i])
		j := strings.IndexByte(text[i+1:], markByte)
		if j < 0 {
			return "", fmt.Errorf("compiler: broken value marker")
		}
		v, err := b.value(text[i+1:i+1+j], args)
		if err != nil {
			return "", err
		}
		out.WriteString(place(v))
		text = text[i+j+2:]
	}
}

// value is the value one marker (without its brackets) stands for.
func (b *binds) value(m string, args []any) (any, error) {
	rest, ok := strings.CutPrefix(m, b.nonce)
	if !ok || rest == "" {
		return nil, fmt.Errorf("compiler: foreign value marker")
	}
	n, err := strconv.Atoi(rest[1:])
	switch {
	case err != nil:
	case rest[0] == 'b' && n >= 0 && n < len(b.values):
		return b.values[n], nil
	case rest[0] == 's' && n >= 1 && n <= len(args):
		return args[n-1], nil
	}
	return nil, fmt.Errorf("compiler: broken value marker")
}
