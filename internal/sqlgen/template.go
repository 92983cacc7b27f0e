package sqlgen

import (
	"fmt"
	"strings"
)

// operands render the named operands of a template ({x}, {k}, …).
type operands map[string]func() error

// expand writes a dialect template, rendering each {name} where it appears.
// A template the dialect leaves empty is a feature it lacks.
func (r *renderer) expand(what, tmpl string, ops operands) error {
	if tmpl == "" {
		return fmt.Errorf("sqlgen: %s is not supported by dialect %s", what, r.d.Name())
	}
	for tmpl != "" {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			r.b.WriteString(tmpl)
			return nil
		}
		r.b.WriteString(tmpl[:open])
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			return fmt.Errorf("sqlgen: %s template of %s: unclosed {", what, r.d.Name())
		}
		name := tmpl[open+1 : open+end]
		op, ok := ops[name]
		if !ok {
			return fmt.Errorf("sqlgen: %s template of %s: unknown operand {%s}", what, r.d.Name(), name)
		}
		if err := op(); err != nil {
			return err
		}
		tmpl = tmpl[open+end+1:]
	}
	return nil
}

// exprOp is an operand that renders an expression.
func (r *renderer) exprOp(e Expr) func() error {
	return func() error { return r.expr(e) }
}

// textOp is an operand that writes fixed text.
func (r *renderer) textOp(s string) func() error {
	return func() error { r.b.WriteString(s); return nil }
}

// stringOp is an operand that writes model text as a string literal.
func (r *renderer) stringOp(s string) func() error {
	return func() error { return r.literal(s) }
}
