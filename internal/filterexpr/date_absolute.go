package filterexpr

import "time"

// absolute reads 2024, 2024-Q1, 2024-05, 2024-05-01, 2024-05-01 12:00 and
// 2024-05-01 12:00:00 ('/' may replace '-', 'T' the space); each is the
// whole year, quarter, month, day, minute or second it names.
func (p *dateParser) absolute() (span, error) {
	p.s.skipSpace()
	at := p.s.pos
	y, ok := p.digits(4, 4)
	if !ok || y < 1 {
		return span{}, p.s.errf(at, "expected a date such as 2024-05-01")
	}
	loc := p.c.Location
	if !p.dateSep() {
		return p.unitSpan(time.Date(y, 1, 1, 0, 0, 0, 0, loc), year), nil
	}
	if q, isQ, err := p.quarterNumber(); isQ || err != nil {
		return p.unitSpan(time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, loc), quarter), err
	}
	m, err := p.field(1, 2, 1, 12, "a month 1 to 12")
	if err != nil {
		return span{}, err
	}
	if !p.dateSep() {
		return p.unitSpan(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, loc), month), nil
	}
	d, err := p.field(1, 2, 1, daysIn(y, time.Month(m)), "a day of the month")
	if err != nil {
		return span{}, err
	}
	return p.clock(y, time.Month(m), d)
}

// clock reads an optional time of day after a date.
func (p *dateParser) clock(y int, m time.Month, d int) (span, error) {
	loc := p.c.Location
	if !p.s.try(p.clockStart) {
		return p.unitSpan(time.Date(y, m, d, 0, 0, 0, 0, loc), day), nil
	}
	hh, err := p.field(1, 2, 0, 23, "an hour 0 to 23")
	if err != nil {
		return span{}, err
	}
	if !p.byte(':') {
		return span{}, p.s.errf(p.s.pos, "expected a time such as 12:00")
	}
	mm, err := p.field(2, 2, 0, 59, "minutes 00 to 59")
	if err != nil {
		return span{}, err
	}
	if !p.byte(':') {
		return p.unitSpan(time.Date(y, m, d, hh, mm, 0, 0, loc), minute), nil
	}
	ss, err := p.field(2, 2, 0, 59, "seconds 00 to 59")
	if err != nil {
		return span{}, err
	}
	return p.unitSpan(time.Date(y, m, d, hh, mm, ss, 0, loc), second), nil
}

// clockStart consumes the 'T' or spaces before a time of day; it needs a
// digit next, so "2024-05-01 to …" is not read as a time.
func (p *dateParser) clockStart() bool {
	if !p.byte('T') && !p.byte('t') {
		p.s.skipSpace()
	}
	return isDigit(p.s.peek())
}

// fiscal reads what follows "FY": a fiscal year, or a quarter of one.
func (p *dateParser) fiscal() (span, error) {
	at := p.s.pos
	y, ok := p.digits(4, 4)
	if !ok || y < 1 {
		return span{}, p.s.errf(at, "expected a fiscal year such as FY2024")
	}
	start := p.c.fiscalYearStart(y, p.c.Location)
	if !p.dateSep() {
		return p.unitSpan(start, fiscalYear), nil
	}
	q, isQ, err := p.quarterNumber()
	if !isQ && err == nil {
		err = p.s.errf(p.s.pos, "expected a quarter such as Q1")
	}
	return p.unitSpan(addMonths(start, 3*(q-1)), fiscalQuarter), err
}

// quarterNumber reads Q1…Q4; isQ is false when no 'Q' comes next.
func (p *dateParser) quarterNumber() (int, bool, error) {
	if !p.byte('Q') && !p.byte('q') {
		return 0, false, nil
	}
	q, err := p.field(1, 1, 1, 4, "a quarter 1 to 4")
	if err != nil {
		return 1, true, err
	}
	return q, true, nil
}

func (p *dateParser) dateSep() bool { return p.byte('-') || p.byte('/') }

// byte consumes c when it comes next, with no spaces before it.
func (p *dateParser) byte(c byte) bool {
	if p.s.peek() == c {
		p.s.pos++
		return true
	}
	return false
}

// field reads a date or time field of min to max digits whose value must
// lie in [lo, hi]; errors point at the field's first digit.
func (p *dateParser) field(min, max, lo, hi int, what string) (int, error) {
	at := p.s.pos
	n, ok := p.digits(min, max)
	if !ok || n < lo || n > hi {
		return 0, p.s.errf(at, "expected %s", what)
	}
	return n, nil
}

// digits reads min to max decimal digits with no spaces before them.
func (p *dateParser) digits(min, max int) (int, bool) {
	n, count := 0, 0
	for count < max && isDigit(p.s.peek()) {
		n = n*10 + int(p.s.peek()-'0')
		p.s.pos++
		count++
	}
	return n, count >= min && !isDigit(p.s.peek())
}
