package lookerexpr

import (
	"strconv"
	"strings"
)

// maxDepth bounds nesting so that a hostile input cannot exhaust the stack.
const maxDepth = 100

// Parse reads one expression.
func Parse(src string) (Node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if toks[0].kind == tEOF {
		return nil, errAt(0, "empty expression")
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, errAt(t.pos, "unexpected %q", t.text)
	}
	return n, nil
}

type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) keyword(word string) bool {
	t := p.peek()
	return t.kind == tIdent && strings.EqualFold(t.text, word)
}

func (p *parser) or() (Node, error)  { return p.logical("OR", p.and) }
func (p *parser) and() (Node, error) { return p.logical("AND", p.not) }

func (p *parser) logical(word string, operand func() (Node, error)) (Node, error) {
	l, err := operand()
	if err != nil {
		return nil, err
	}
	for p.keyword(word) {
		t := p.next()
		r, err := operand()
		if err != nil {
			return nil, err
		}
		l = Binary{At: t.pos, Op: word, L: l, R: r}
	}
	return l, nil
}

func (p *parser) not() (Node, error) {
	if !p.keyword("NOT") {
		return p.comparison()
	}
	t := p.next()
	if err := p.enter(t.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.not()
	if err != nil {
		return nil, err
	}
	return Unary{At: t.pos, Op: "NOT", X: x}, nil
}

var comparisons = map[string]string{"=": "=", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}

func (p *parser) comparison() (Node, error) {
	l, err := p.additive()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	op, ok := comparisons[t.text]
	if t.kind != tOp || !ok {
		return l, nil
	}
	p.next()
	r, err := p.additive()
	if err != nil {
		return nil, err
	}
	return Binary{At: t.pos, Op: op, L: l, R: r}, nil
}

func (p *parser) additive() (Node, error) { return p.arith("+-", p.multiplicative) }

func (p *parser) multiplicative() (Node, error) { return p.arith("*/", p.unary) }

func (p *parser) arith(ops string, operand func() (Node, error)) (Node, error) {
	l, err := operand()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.kind != tOp || len(t.text) != 1 || !strings.Contains(ops, t.text) {
			return l, nil
		}
		p.next()
		r, err := operand()
		if err != nil {
			return nil, err
		}
		l = Binary{At: t.pos, Op: t.text, L: l, R: r}
	}
}

func (p *parser) unary() (Node, error) {
	t := p.peek()
	if t.kind != tOp || t.text != "-" {
		return p.primary()
	}
	p.next()
	if err := p.enter(t.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	return Unary{At: t.pos, Op: "-", X: x}, nil
}

func (p *parser) enter(pos int) error {
	p.depth++
	if p.depth > maxDepth {
		return errAt(pos, "expression nests deeper than %d", maxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) primary() (Node, error) {
	t := p.next()
	switch t.kind {
	case tNumber:
		v, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, errAt(t.pos, "bad number %q", t.text)
		}
		return Number{At: t.pos, Value: v, Text: t.text}, nil
	case tString:
		return String{At: t.pos, Value: t.text}, nil
	case tField:
		return Field{At: t.pos, Name: t.text}, nil
	case tFilter:
		return FilterText{At: t.pos, Text: t.text}, nil
	case tLParen:
		return p.group(t)
	case tIdent:
		return p.word(t)
	case tEOF:
		return nil, errAt(t.pos, "unexpected end of expression")
	}
	return nil, errAt(t.pos, "unexpected %q", t.text)
}

func (p *parser) group(open token) (Node, error) {
	if err := p.enter(open.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.next(); t.kind != tRParen {
		return nil, errAt(t.pos, "expected ) to close the ( at %d", open.pos+1)
	}
	return x, nil
}

// word is a constant (yes, no, true, false, null) or a function call.
func (p *parser) word(t token) (Node, error) {
	lower := strings.ToLower(t.text)
	if p.peek().kind != tLParen {
		switch lower {
		case "yes", "true":
			return Bool{At: t.pos, Value: true}, nil
		case "no", "false":
			return Bool{At: t.pos, Value: false}, nil
		case "null":
			return Null{At: t.pos}, nil
		}
		return nil, errAt(t.pos, "unknown name %q (fields are written ${view.field})", t.text)
	}
	open := p.next()
	if err := p.enter(open.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	call := Call{At: t.pos, Name: lower}
	if p.peek().kind == tRParen {
		p.next()
		return call, nil
	}
	for {
		a, err := p.or()
		if err != nil {
			return nil, err
		}
		call.Args = append(call.Args, a)
		switch s := p.next(); s.kind {
		case tComma:
		case tRParen:
			return call, nil
		default:
			return nil, errAt(s.pos, "expected , or ) in the arguments of %s", t.text)
		}
	}
}
