package lookml

import "strings"

// substituteConstants replaces every `@{name}` in names and scalar values of
// f, in place, with the manifest constant's value. An unknown name is an
// error at the reference; the reference then stays in the text.
func substituteConstants(f *File, consts map[string]Constant, errs *ErrorList) {
	s := substituter{consts: consts, errs: errs}
	s.pairs(f.Items)
}

type substituter struct {
	consts map[string]Constant
	errs   *ErrorList
}

func (s substituter) pairs(ps Pairs) {
	for _, p := range ps {
		// The name sits after "key: "; its exact column is not kept, the pair's is.
		p.Name = s.text(p.Name, p.Pos)
		if p.Value.IsScalar() {
			p.Value.Text = s.text(p.Value.Text, textStart(p.Value))
			continue
		}
		s.pairs(p.Value.Items)
	}
}

// textStart is where a value's text begins in the source: after the opening
// quote of a string. (Escapes before a reference can shift its column a little.)
func textStart(v Value) Pos {
	if v.Kind == String {
		v.Pos.Col++
	}
	return v.Pos
}

func (s substituter) text(text string, start Pos) string {
	if !strings.Contains(text, "@{") {
		return text
	}
	var b strings.Builder
	rest, done := text, 0
	for {
		i := strings.Index(rest, "@{")
		j := strings.IndexByte(rest[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(rest)
			return b.String()
		}
		ref := rest[i : i+j+1]
		name := ref[2 : len(ref)-1]
		b.WriteString(rest[:i])
		if c, ok := s.consts[name]; ok {
			b.WriteString(c.Value)
		} else {
			*s.errs = append(*s.errs, errorf(advance(start, text[:done+i]), "undefined constant @{%s}", name))
			b.WriteString(ref)
		}
		done += i + len(ref)
		rest = rest[i+len(ref):]
	}
}

// advance returns the position reached after reading text from pos.
func advance(pos Pos, text string) Pos {
	if nl := strings.LastIndexByte(text, '\n'); nl >= 0 {
		pos.Line += strings.Count(text, "\n")
		pos.Col = len(text) - nl
		return pos
	}
	pos.Col += len(text)
	return pos
}
