package filterexpr

// term is one item of a comma list (string and number grammars) before the
// list is folded into a single predicate.
type term struct {
	p        Predicate // the node, unless isEq
	eq       any       // the value of a plain equality term
	isEq     bool
	neg      bool // written negated ("-FOO", "NOT 5")
	nullable bool // a negation that should keep NULL rows
}

// termList folds a comma list the Looker way: positive terms are
// alternatives (OR), negative terms are all required (AND), and plain
// equalities merge into one IN list on each side.
type termList struct {
	pos, neg     []Predicate
	posEq, negEq []any
}

func (l *termList) add(t term) {
	switch {
	case t.isEq && t.neg:
		l.negEq = append(l.negEq, t.eq)
	case t.isEq:
		l.posEq = append(l.posEq, t.eq)
	case t.neg && t.nullable:
		l.neg = append(l.neg, orNull(Not{t.p}))
	case t.neg:
		l.neg = append(l.neg, negate(t.p))
	default:
		l.pos = append(l.pos, t.p)
	}
}

// negate negates a term that must not keep NULL rows (-NULL, -EMPTY, NOT
// NULL), pushing the NOT into an Or so "-EMPTY" reads "is not null and is
// not empty".
func negate(p Predicate) Predicate {
	o, ok := p.(Or)
	if !ok {
		return Not{p}
	}
	terms := make([]Predicate, len(o.Terms))
	for i, t := range o.Terms {
		terms[i] = negate(t)
	}
	return And{terms}
}

func (l *termList) predicate() Predicate {
	var all []Predicate
	pos := l.pos
	if len(l.posEq) > 0 {
		pos = append([]Predicate{equalsAny(l.posEq)}, pos...)
	}
	if len(pos) > 0 {
		all = append(all, anyOf(pos...))
	}
	if len(l.negEq) > 0 {
		all = append(all, orNull(Not{equalsAny(l.negEq)}))
	}
	all = append(all, l.neg...)
	return allOf(all...)
}

func equalsAny(vals []any) Predicate {
	if len(vals) == 1 {
		return Compare{Eq, vals[0]}
	}
	return In{vals}
}
