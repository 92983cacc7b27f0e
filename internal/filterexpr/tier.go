package filterexpr

// ParseTier reads a filter on a tier dimension. It applies to the
// underlying number, so it is the number grammar plus the labels tier
// dimensions display: "Below 0", "80 or Above", "Undefined", and the
// classic style's "T02 [10,20)". The integer ("10 to 19") and relational
// (">= 10 AND < 20") label styles are number expressions already.
func ParseTier(expr string) (Predicate, error) {
	return parseNumbers("tier", expr, true)
}

// tierLabel reads a tier label when the grammar is tier's; ok is false when
// the input does not start with one.
func (p *numParser) tierLabel() (term, bool, error) {
	if !p.tier {
		return term{}, false, nil
	}
	switch {
	case p.s.acceptWord("below"):
		v, err := p.s.number()
		return term{p: Compare{Lt, v}}, true, err
	case p.s.acceptWord("undefined"):
		return term{p: IsNull{}}, true, nil
	case p.s.try(p.classicPrefix):
		t, err := p.interval()
		return t, true, err
	}
	start := p.s.pos
	v, err := p.s.number()
	if err == nil && p.s.try(func() bool { return p.s.acceptWord("or") && p.s.acceptWord("above") }) {
		return term{p: Compare{Ge, v}}, true, nil
	}
	p.s.pos = start
	return term{}, false, nil
}

// classicPrefix consumes the "T02 " before a classic tier interval.
func (p *numParser) classicPrefix() bool {
	p.s.skipSpace()
	if p.s.peek() != 'T' && p.s.peek() != 't' {
		return false
	}
	p.s.pos++
	digits := 0
	for p.s.pos < len(p.s.src) && isDigit(p.s.src[p.s.pos]) {
		p.s.pos++
		digits++
	}
	c := p.s.peekAfterSpace()
	return digits > 0 && (c == '[' || c == '(')
}
