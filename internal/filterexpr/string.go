package filterexpr

import "strings"

// ParseString reads the string grammar: a comma list of terms, each an exact
// value, a LIKE pattern (unescaped % or _), the keywords NULL or EMPTY, or a
// double-quoted exact value; a leading '-' negates a term. '^' escapes the
// next character (^, ^% ^_ ^- ^" ^^), and "\," is also a literal comma.
// Positive terms are alternatives; negative terms must all hold.
func ParseString(expr string) (Predicate, error) {
	if expr == "" {
		return Any{}, nil
	}
	if err := checkText("string", expr); err != nil {
		return nil, err
	}
	terms, err := lexStringTerms(expr)
	if err != nil {
		return nil, err
	}
	var l termList
	for _, t := range terms {
		l.add(t.predicate())
	}
	return l.predicate(), nil
}

// char is one byte of a term's text; lit marks it as escaped or quoted, so
// '%', '_', '-' and keywords lose their meaning.
type char struct {
	b   byte
	lit bool
}

type stringTerm struct {
	neg    bool
	quoted bool
	chars  []char
}

// lexStringTerms splits the expression at unescaped commas outside quotes.
func lexStringTerms(expr string) ([]stringTerm, error) {
	var terms []stringTerm
	for i := 0; ; {
		t, next, err := lexStringTerm(expr, i)
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		if next >= len(expr) {
			return terms, nil
		}
		i = next + 1 // skip the comma
	}
}

// lexStringTerm reads one term starting at i and returns the offset of the
// comma that ends it, or len(expr).
func lexStringTerm(expr string, i int) (stringTerm, int, error) {
	var t stringTerm
	if i < len(expr) && expr[i] == '-' && !endsTerm(expr, i+1) {
		t.neg = true
		i++
	}
	if i < len(expr) && expr[i] == '"' {
		return lexQuoted(expr, i, t)
	}
	for i < len(expr) && expr[i] != ',' {
		switch {
		case expr[i] == '^' && i+1 < len(expr):
			t.chars = append(t.chars, char{expr[i+1], true})
			i += 2
		case expr[i] == '\\' && i+1 < len(expr) && expr[i+1] == ',':
			t.chars = append(t.chars, char{',', true})
			i += 2
		default:
			t.chars = append(t.chars, char{expr[i], false})
			i++
		}
	}
	return t, i, nil
}

// endsTerm reports whether position i ends a term, so a lone "-" stays the
// literal text "-" instead of negating nothing.
func endsTerm(expr string, i int) bool { return i >= len(expr) || expr[i] == ',' }

// lexQuoted reads a double-quoted exact value: everything in it is literal
// except the backslash escapes \" and \\. The closing quote must end the term.
func lexQuoted(expr string, start int, t stringTerm) (stringTerm, int, error) {
	t.quoted = true
	for i := start + 1; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\' && i+1 < len(expr) && (expr[i+1] == '"' || expr[i+1] == '\\'):
			t.chars = append(t.chars, char{expr[i+1], true})
			i++
		case c == '"':
			if !endsTerm(expr, i+1) {
				return t, 0, syntaxErr("string", expr, i+1, "text after a closing quote; escape the quote as ^\" or \\\"")
			}
			return t, i + 1, nil
		default:
			t.chars = append(t.chars, char{c, true})
		}
	}
	return t, 0, syntaxErr("string", expr, start, "unterminated quote")
}

func (t stringTerm) text() string {
	var b strings.Builder
	for _, c := range t.chars {
		b.WriteByte(c.b)
	}
	return b.String()
}

// keyword returns "null" or "empty" when the term is that bare keyword.
// Surrounding spaces are forgiven for keywords only: "FOO, NULL" means NULL,
// while " FOO" still matches the text with its space.
func (t stringTerm) keyword() string {
	if t.quoted {
		return ""
	}
	for _, c := range t.chars {
		if c.lit {
			return ""
		}
	}
	switch k := strings.ToLower(strings.TrimSpace(t.text())); k {
	case "null", "empty":
		return k
	}
	return ""
}

func (t stringTerm) isPattern() bool {
	for _, c := range t.chars {
		if !c.lit && (c.b == '%' || c.b == '_') {
			return true
		}
	}
	return false
}

func (t stringTerm) likeParts() []LikePart {
	var parts []LikePart
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			parts = append(parts, LikePart{Text: text.String()})
			text.Reset()
		}
	}
	for _, c := range t.chars {
		if !c.lit && (c.b == '%' || c.b == '_') {
			flush()
			parts = append(parts, LikePart{Wild: c.b})
			continue
		}
		text.WriteByte(c.b)
	}
	flush()
	return parts
}

// predicate turns one term into its node, as a positive or negative term.
func (t stringTerm) predicate() term {
	switch t.keyword() {
	case "null":
		return term{p: IsNull{}, neg: t.neg}
	case "empty":
		return term{p: Or{[]Predicate{IsNull{}, IsEmpty{}}}, neg: t.neg}
	}
	if t.isPattern() {
		return term{p: Like{t.likeParts()}, neg: t.neg, nullable: t.neg}
	}
	return term{eq: t.text(), isEq: true, neg: t.neg}
}
