package filterexpr

// ParseNumber reads the number grammar: terms separated by ',' or OR, each
// optionally negated by NOT, != or <>:
//
//	5   >5  >=5  <5  <=5  =5     a value or a comparison
//	5 to 10   5 to   to 10       an inclusive range, or one side of it
//	[5,10]  (5,10)  [5,)  (-inf,10]  an interval in math notation
//	>=7 AND <80.44                two comparisons that must both hold
//	NULL  NOT NULL
//
// A leading '-' is a sign ("-5" is minus five), never a negation.
func ParseNumber(expr string) (Predicate, error) {
	return parseNumbers("number", expr, false)
}

// parseNumbers is shared with the tier grammar, which adds tier labels.
func parseNumbers(grammar, expr string, tier bool) (Predicate, error) {
	if err := checkText(grammar, expr); err != nil {
		return nil, err
	}
	p := numParser{s: scanner{grammar: grammar, src: expr}, tier: tier}
	if p.s.atEnd() {
		return Any{}, nil
	}
	var l termList
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		l.add(t)
		if p.s.atEnd() {
			return l.predicate(), nil
		}
		if !p.s.accept(",") && !p.s.acceptWord("or") {
			return nil, p.s.errf(p.s.pos, "expected ',' or OR between terms")
		}
	}
}

type numParser struct {
	s    scanner
	tier bool
}

func (p *numParser) term() (term, error) {
	neg := p.s.acceptWord("not") || p.s.accept("!=") || p.s.accept("<>")
	t, err := p.positive()
	if err != nil {
		return term{}, err
	}
	t.neg = neg
	if _, isNull := t.p.(IsNull); neg && !isNull {
		t.nullable = true // "NOT 5" keeps NULL rows; "NOT NULL" cannot
	}
	return t, nil
}

func (p *numParser) positive() (term, error) {
	if t, ok, err := p.tierLabel(); ok || err != nil {
		return t, err
	}
	switch {
	case p.s.acceptWord("null"):
		return term{p: IsNull{}}, nil
	case p.s.peekAfterSpace() == '[' || p.s.peekAfterSpace() == '(':
		return p.interval()
	case p.s.acceptWord("to"):
		v, err := p.s.number()
		return term{p: Compare{Le, v}}, err
	}
	if op, ok := p.comparison(); ok {
		return p.comparisons(op)
	}
	return p.valueOrRange()
}

// comparison consumes a comparison operator.
func (p *numParser) comparison() (Op, bool) {
	for _, c := range []struct {
		sym string
		op  Op
	}{{">=", Ge}, {"<=", Le}, {">", Gt}, {"<", Lt}, {"=", Eq}} {
		if p.s.accept(c.sym) {
			return c.op, true
		}
	}
	return 0, false
}

// comparisons reads "op v" and an optional "AND op v"; a lower and an
// upper bound make a Between.
func (p *numParser) comparisons(op Op) (term, error) {
	v, err := p.s.number()
	if err != nil {
		return term{}, err
	}
	first := Compare{op, v}
	if !p.s.acceptWord("and") {
		return p.compareTerm(first), nil
	}
	op2, ok := p.comparison()
	if !ok {
		return term{}, p.s.errf(p.s.pos, "expected a comparison after AND")
	}
	v2, err := p.s.number()
	if err != nil {
		return term{}, err
	}
	return term{p: bounded(first, Compare{op2, v2})}, nil
}

func (p *numParser) compareTerm(c Compare) term {
	if c.Op == Eq {
		return term{eq: c.Value, isEq: true}
	}
	return term{p: c}
}

// bounded turns "a AND b" into a Between when one is a lower and the other
// an upper bound.
func bounded(a, b Compare) Predicate {
	if isUpper(a.Op) && isLower(b.Op) {
		a, b = b, a
	}
	if isLower(a.Op) && isUpper(b.Op) {
		return Between{Low: a.Value, High: b.Value, LowInclusive: a.Op == Ge, HighInclusive: b.Op == Le}
	}
	return And{[]Predicate{a, b}}
}

func isLower(op Op) bool { return op == Gt || op == Ge }
func isUpper(op Op) bool { return op == Lt || op == Le }

func (p *numParser) valueOrRange() (term, error) {
	v, err := p.s.number()
	if err != nil {
		return term{}, err
	}
	if !p.s.acceptWord("to") {
		return term{eq: v, isEq: true}, nil
	}
	if end := scanNumber(p.s.src, p.s.posAfterSpace()); end == p.s.posAfterSpace() {
		return term{p: Compare{Ge, v}}, nil // "5 to": open above
	}
	hi, err := p.s.number()
	if err != nil {
		return term{}, err
	}
	return term{p: Between{Low: v, High: hi, LowInclusive: true, HighInclusive: true}}, nil
}

// interval reads [a,b] (a,b) [a,b) (a,b] where either bound may be empty
// or ±inf; a missing bound leaves a single comparison.
func (p *numParser) interval() (term, error) {
	p.s.skipSpace()
	start := p.s.pos
	lowInc := p.s.accept("[")
	if !lowInc {
		p.s.accept("(")
	}
	low, err := p.bound(true, ",")
	if err != nil {
		return term{}, err
	}
	if !p.s.accept(",") {
		return term{}, p.s.errf(p.s.pos, "expected ',' in interval")
	}
	high, err := p.bound(false, "])")
	if err != nil {
		return term{}, err
	}
	highInc := p.s.accept("]")
	if !highInc && !p.s.accept(")") {
		return term{}, p.s.errf(p.s.pos, "expected ']' or ')' to close the interval")
	}
	return intervalTerm(low, high, lowInc, highInc, func() error {
		return p.s.errf(start, "an interval needs at least one bound")
	})
}

func intervalTerm(low, high any, lowInc, highInc bool, noBound func() error) (term, error) {
	switch {
	case low != nil && high != nil:
		return term{p: Between{low, high, lowInc, highInc}}, nil
	case low != nil:
		return term{p: Compare{pick(lowInc, Ge, Gt), low}}, nil
	case high != nil:
		return term{p: Compare{pick(highInc, Le, Lt), high}}, nil
	}
	return term{}, noBound()
}

func pick(cond bool, yes, no Op) Op {
	if cond {
		return yes
	}
	return no
}

// bound reads one interval bound: a number, infinity (-inf below, inf or
// +inf above), or nothing when the next byte is in closers.
func (p *numParser) bound(low bool, closers string) (any, error) {
	p.s.skipSpace()
	c := p.s.peek()
	for i := 0; i < len(closers); i++ {
		if c == closers[i] {
			return nil, nil
		}
	}
	if p.s.try(func() bool { return p.infinity(low) }) {
		return nil, nil
	}
	return p.s.number()
}

func (p *numParser) infinity(low bool) bool {
	if low && !p.s.accept("-") {
		return false
	}
	if !low {
		p.s.accept("+")
	}
	return p.s.acceptWord("inf")
}
