package lookml

import (
	"regexp"
	"strings"
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 200

// Parse reads one LookML file. name is used in positions and errors. It
// returns the first syntax error as an *Error.
func Parse(name string, src []byte) (f *File, err error) {
	p := &parser{lex: newLexer(name, src)}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			f, err = nil, e
		}
	}()
	p.next()
	return &File{Name: name, Items: p.items(tokEOF, Pos{})}, nil
}

// parser is a recursive-descent parser over the lexer with one token of
// lookahead. Errors unwind the parse with panic(*Error), recovered in Parse,
// which keeps every production short.
type parser struct {
	lex   *lexer
	tok   token
	depth int
}

func (p *parser) next() {
	tok, err := p.lex.next()
	if err != nil {
		panic(err)
	}
	p.tok = tok
}

func (p *parser) fail(pos Pos, format string, args ...any) {
	panic(errorf(pos, format, args...))
}

// items parses pairs until the end token: `}` inside a block, EOF at top level.
func (p *parser) items(end tokenKind, open Pos) Pairs {
	var items Pairs
	for p.tok.kind != end {
		switch p.tok.kind {
		case tokLiteral:
			items = append(items, p.pair())
		case tokEOF:
			p.fail(open, "unclosed '{': missing '}'")
		case tokRBrace:
			p.fail(p.tok.pos, "unexpected '}' with no matching '{'")
		default:
			p.fail(p.tok.pos, "expected a key, found %s", p.tok.describe())
		}
	}
	return items
}

var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

func (p *parser) pair() *Pair {
	key := p.tok
	if !keyPattern.MatchString(key.text) {
		p.fail(key.pos, "invalid key %q", key.text)
	}
	// The colon token is read alone, so that a raw block can start right after it.
	p.next()
	if p.tok.kind != tokColon {
		p.fail(p.tok.pos, "expected ':' after %q, found %s", key.text, p.tok.describe())
	}
	pair := &Pair{Pos: key.pos, Key: key.text}
	if isRawKey(key.text) {
		v, err := p.lex.raw(key.text, key.pos)
		if err != nil {
			panic(err)
		}
		pair.Value = v
		p.next()
		return pair
	}
	p.next()
	p.value(pair)
	return pair
}

// isRawKey reports whether a key's value is raw text up to `;;`. A prefix rule
// (sql*, html*, expr*) covers every such key Looker has and any it adds later.
func isRawKey(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "sql") || strings.HasPrefix(k, "html") || strings.HasPrefix(k, "expr")
}

// value parses what follows `key:` into pair: a scalar, a list, an anonymous
// block, or a name followed by a block.
func (p *parser) value(pair *Pair) {
	switch p.tok.kind {
	case tokLBrace:
		pair.Value = p.block()
	case tokLBrack:
		pair.Value = p.list()
	case tokString, tokLiteral:
		word := p.tok
		p.next()
		if p.tok.kind != tokLBrace {
			pair.Value = scalar(word)
			return
		}
		p.setName(pair, word)
		pair.Value = p.block()
	default:
		p.fail(p.tok.pos, "expected a value after %q, found %s", pair.Key+":", p.tok.describe())
	}
}

// setName records a block name; a bare `+name` marks a refinement.
func (p *parser) setName(pair *Pair, word token) {
	name := word.text
	if word.kind == tokLiteral && strings.HasPrefix(name, "+") {
		pair.Refinement = true
		name = name[1:]
	}
	if name == "" {
		p.fail(word.pos, "empty name for %q block", pair.Key)
	}
	pair.Name = name
}

var numberPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func scalar(t token) Value {
	switch {
	case t.kind == tokString:
		return Value{Kind: String, Pos: t.pos, Text: t.text}
	case numberPattern.MatchString(t.text):
		return Value{Kind: Number, Pos: t.pos, Text: t.text}
	}
	return Value{Kind: Ident, Pos: t.pos, Text: t.text}
}

func (p *parser) enter(pos Pos) {
	p.depth++
	if p.depth > maxDepth {
		p.fail(pos, "nesting deeper than %d levels", maxDepth)
	}
}

func (p *parser) block() Value {
	open := p.tok.pos
	p.enter(open)
	p.next()
	items := p.items(tokRBrace, open)
	p.next()
	p.depth--
	return Value{Kind: Block, Pos: open, Items: items}
}

// list parses `[a, b: "x", {…}]`; a trailing comma is allowed.
func (p *parser) list() Value {
	open := p.tok.pos
	p.enter(open)
	p.next()
	var elems Pairs
	for p.tok.kind != tokRBrack {
		elems = append(elems, p.element(open))
		switch p.tok.kind {
		case tokComma:
			p.next()
		case tokRBrack:
		case tokEOF, tokRBrace:
			p.fail(open, "unclosed '[': missing ']' before %s", p.tok.describe())
		default:
			p.fail(p.tok.pos, "expected ',' or ']' in list, found %s", p.tok.describe())
		}
	}
	p.next()
	p.depth--
	return Value{Kind: List, Pos: open, Items: elems}
}

// element parses one list element: a scalar, `key: scalar`, or a block.
func (p *parser) element(open Pos) *Pair {
	t := p.tok
	switch t.kind {
	case tokLBrace:
		return &Pair{Pos: t.pos, Value: p.block()}
	case tokString:
		p.next()
		return &Pair{Pos: t.pos, Value: scalar(t)}
	case tokLiteral:
		p.next()
		if p.tok.kind != tokColon {
			return &Pair{Pos: t.pos, Value: scalar(t)}
		}
		p.next()
		return &Pair{Pos: t.pos, Key: t.text, Value: p.elementValue(t.text)}
	case tokEOF, tokRBrace:
		p.fail(open, "unclosed '[': missing ']' before %s", t.describe())
	}
	p.fail(t.pos, "expected a list element, found %s", t.describe())
	return nil
}

func (p *parser) elementValue(key string) Value {
	t := p.tok
	if t.kind != tokString && t.kind != tokLiteral {
		p.fail(t.pos, "expected a value after %q in list, found %s", key+":", t.describe())
	}
	p.next()
	return scalar(t)
}
