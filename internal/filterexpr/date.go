package filterexpr

import (
	"fmt"
	"strconv"
	"time"
)

// ParseDate reads the date/time grammar and resolves every term against c
// into concrete [start, end) instants in c.Location. Terms are separated by
// commas and are alternatives. See date_test.go for every form; in short:
//
//	today  yesterday  tomorrow  monday … sunday
//	7 days | last 7 days        this unit and the 6 before it
//	3 days ago [for 2 days]     3 days from now [for 2 days]
//	this|next|last <unit>       this year to second
//	before|after <any of these> 2024 | 2024-Q1 | 2024-05 | 2024-05-01 [12:00[:00]]
//	FY2024 | FY2024-Q1          <term> to <term> | <term> for 3 months
//	NULL | NOT NULL
func ParseDate(expr string, c DateContext) (Predicate, error) {
	if err := checkText("date", expr); err != nil {
		return nil, err
	}
	if c.FiscalMonthOffset < -11 || c.FiscalMonthOffset > 11 {
		return nil, fmt.Errorf("filterexpr: fiscal month offset %d is outside -11…11", c.FiscalMonthOffset)
	}
	if c.Location == nil {
		c.Location = time.UTC
	}
	p := dateParser{s: scanner{grammar: "date", src: expr}, c: c, now: c.Now.In(c.Location)}
	if p.s.atEnd() {
		return Any{}, nil
	}
	var terms []Predicate
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		terms = append(terms, t)
		if p.s.atEnd() {
			return anyOf(terms...), nil
		}
		if !p.s.accept(",") {
			return nil, p.s.errf(p.s.pos, "expected ',' between terms")
		}
	}
}

type dateParser struct {
	s   scanner
	c   DateContext
	now time.Time
}

// span is a resolved window [start, end).
type span struct{ start, end time.Time }

// maxCount bounds N in "N units": enough for any real window, small enough
// that no arithmetic overflows.
const maxCount = 1_000_000

func (p *dateParser) term() (Predicate, error) {
	p.s.skipSpace()
	start := p.s.pos
	p.s.acceptWord("is")
	switch {
	case p.s.acceptWord("null"):
		return IsNull{}, nil
	case p.s.try(func() bool { return p.s.acceptWord("not") && p.s.acceptWord("null") }):
		return Not{IsNull{}}, nil
	}
	r, err := p.boundedOrRange()
	if err != nil {
		return nil, err
	}
	if !inRange(r.Start) || !inRange(r.End) {
		return nil, p.s.errf(start, "date out of range (years 1 to 9999)")
	}
	return r, nil
}

func inRange(t time.Time) bool { return t.IsZero() || t.Year() >= 1 && t.Year() <= 9999 }

func (p *dateParser) boundedOrRange() (DateRange, error) {
	switch {
	case p.s.acceptWord("before"):
		sp, err := p.span()
		return DateRange{End: sp.start}, err
	case p.s.acceptWord("after"):
		sp, err := p.span()
		return DateRange{Start: sp.start}, err
	}
	sp, err := p.rangeExpr()
	return DateRange{Start: sp.start, End: sp.end}, err
}

// rangeExpr reads a span optionally followed by "to <span>" (up to the
// start of the second) or "for N units" (a length from the first's start).
func (p *dateParser) rangeExpr() (span, error) {
	a, err := p.span()
	if err != nil {
		return span{}, err
	}
	switch {
	case p.s.acceptWord("to"):
		at := p.s.posAfterSpace()
		b, err := p.span()
		if err == nil && b.start.Before(a.start) {
			err = p.s.errf(at, "the end comes before the start")
		}
		return span{a.start, b.start}, err
	case p.s.acceptWord("for"):
		n, u, err := p.countUnit()
		return span{a.start, p.c.add(a.start, u, n)}, err
	}
	return a, nil
}

func (p *dateParser) countUnit() (int, unit, error) {
	n, err := p.count()
	if err != nil {
		return 0, 0, err
	}
	u, ok := p.unit()
	if !ok {
		return 0, 0, p.s.errf(p.s.posAfterSpace(), "expected a unit (day, week, month…)")
	}
	return n, u, nil
}

// count reads the N of "N units".
func (p *dateParser) count() (int, error) {
	at := p.s.posAfterSpace()
	end := at
	for end < len(p.s.src) && isDigit(p.s.src[end]) {
		end++
	}
	n, err := strconv.Atoi(p.s.src[at:end])
	if err != nil {
		return 0, p.s.errf(at, "expected a whole number")
	}
	if n > maxCount {
		return 0, p.s.errf(at, "number too large")
	}
	p.s.pos = end
	return n, nil
}

// unit reads a unit name, singular or plural, or "fiscal quarter/year".
func (p *dateParser) unit() (unit, bool) {
	var u unit
	ok := p.s.try(func() bool {
		fiscal := p.s.acceptWord("fiscal")
		w := p.s.peekWord()
		base, found := unitNames[w]
		if !found && len(w) > 1 && w[len(w)-1] == 's' {
			base, found = unitNames[w[:len(w)-1]]
		}
		if !found || fiscal && base != quarter && base != year {
			return false
		}
		p.s.pos += len(w)
		u = fiscalize(base, fiscal)
		return true
	})
	return u, ok
}

func fiscalize(u unit, fiscal bool) unit {
	switch {
	case fiscal && u == quarter:
		return fiscalQuarter
	case fiscal && u == year:
		return fiscalYear
	}
	return u
}
