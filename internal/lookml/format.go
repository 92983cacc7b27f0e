package lookml

import (
	"regexp"
	"strings"
)

// Format writes a tree back as LookML, two spaces per level. Comments and the
// original layout are not kept, but parsing the output gives the same tree
// (positions aside). Raw text must not contain `;;` or end with `;`, which no
// parsed tree does.
func Format(f *File) string {
	var w printer
	w.pairs(f.Items)
	return w.String()
}

type printer struct {
	strings.Builder
	indent int
}

func (w *printer) line() {
	w.WriteByte('\n')
	w.WriteString(strings.Repeat("  ", w.indent))
}

func (w *printer) pairs(ps Pairs) {
	for i, p := range ps {
		if i > 0 {
			w.line()
		}
		w.pair(p)
	}
	if len(ps) > 0 && w.indent == 0 {
		w.WriteByte('\n')
	}
}

func (w *printer) pair(p *Pair) {
	w.WriteString(p.Key)
	w.WriteByte(':')
	if p.Value.Kind == Raw {
		w.WriteString(p.Value.Text)
		w.WriteString(";;")
		return
	}
	w.WriteByte(' ')
	if p.Refinement {
		w.WriteString("+" + p.Name + " ")
	} else if p.Name != "" {
		w.WriteString(formatName(p.Name) + " ")
	}
	w.value(p.Value)
}

func (w *printer) value(v Value) {
	switch v.Kind {
	case String:
		w.WriteString(quote(v.Text))
	case Ident, Number:
		w.WriteString(v.Text)
	case List:
		w.list(v.Items)
	case Block:
		w.block(v.Items)
	}
}

func (w *printer) list(elems Pairs) {
	w.WriteByte('[')
	for i, e := range elems {
		if i > 0 {
			w.WriteString(", ")
		}
		if e.Key != "" {
			w.WriteString(e.Key + ": ")
		}
		w.value(e.Value)
	}
	w.WriteByte(']')
}

func (w *printer) block(ps Pairs) {
	if len(ps) == 0 {
		w.WriteString("{}")
		return
	}
	w.WriteByte('{')
	w.indent++
	w.line()
	w.pairs(ps)
	w.indent--
	w.line()
	w.WriteByte('}')
}

var bareName = regexp.MustCompile(`^[A-Za-z0-9_.*-]+$`)

// formatName writes a block name bare when it lexes back as the same word,
// quoted otherwise; a leading '+' is always quoted so it does not turn into
// a refinement.
func formatName(name string) string {
	if bareName.MatchString(name) {
		return name
	}
	return quote(name)
}

// quote writes s as a LookML string; only '"' and '\' need escaping.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}
