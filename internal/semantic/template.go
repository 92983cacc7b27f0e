package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// Template is a piece of model text that may hold ${…} references and
// Liquid: a field's sql or html, a join's sql_on, a view's sql_table_name.
// It is trusted (it comes from the model), unlike any value rendered into it.
type Template struct {
	Text string
	Pos  lookml.Pos // where the text starts
}

// IsZero reports a template the model did not set.
func (t Template) IsZero() bool { return strings.TrimSpace(t.Text) == "" }

// posAt returns the position of the byte at offset i of the text, so an error
// about a reference points at the reference rather than at the sql key.
func (t Template) posAt(i int) lookml.Pos {
	p := t.Pos
	before := t.Text[:i]
	if n := strings.Count(before, "\n"); n > 0 {
		p.Line += n
		p.Col = i - strings.LastIndexByte(before, '\n')
		return p
	}
	p.Col += i
	return p
}

func templateOf(p *lookml.Pair) Template {
	if p == nil || !p.Value.IsScalar() {
		return Template{}
	}
	return Template{Text: p.Value.Text, Pos: p.Value.Pos}
}
