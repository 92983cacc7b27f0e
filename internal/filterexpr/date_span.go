package filterexpr

import "time"

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var dayWords = map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}

// span reads one window: a named day, a relative period, or an absolute
// date at some precision.
func (p *dateParser) span() (span, error) {
	w := p.s.peekWord()
	if off, ok := dayWords[w]; ok {
		p.s.acceptWord(w)
		return p.unitSpan(p.c.add(p.c.trunc(p.now, day), day, off), day), nil
	}
	if wd, ok := weekdays[w]; ok {
		p.s.acceptWord(w)
		return p.weekday(wd), nil
	}
	switch w {
	case "this", "next", "last":
		p.s.acceptWord(w)
		return p.named(w)
	case "fy":
		p.s.acceptWord(w)
		return p.fiscal()
	}
	if !isDigit(p.s.peekAfterSpace()) {
		return span{}, p.s.errf(p.s.pos, "expected a date")
	}
	if sp, ok, err := p.relative(); ok || err != nil {
		return sp, err
	}
	return p.absolute()
}

func (p *dateParser) unitSpan(start time.Time, u unit) span {
	return span{start, p.c.add(start, u, 1)}
}

// weekday is the most recent such day, today included.
func (p *dateParser) weekday(wd time.Weekday) span {
	today := p.c.trunc(p.now, day)
	back := (int(today.Weekday()) - int(wd) + 7) % 7
	return p.unitSpan(p.c.add(today, day, -back), day)
}

// named reads what follows this/next/last: a unit ("last week" is the
// previous whole week), "this <unit> to <unit>" (period to date, through
// the current smaller unit), or "last N units".
func (p *dateParser) named(which string) (span, error) {
	if which == "last" && isDigit(p.s.peekAfterSpace()) {
		n, u, err := p.countUnit()
		if err != nil {
			return span{}, err
		}
		return p.lastN(n, u)
	}
	u, ok := p.unit()
	if !ok {
		return span{}, p.s.errf(p.s.posAfterSpace(), "expected a unit (day, week, month…)")
	}
	cur := p.c.trunc(p.now, u)
	switch which {
	case "next":
		return p.unitSpan(p.c.add(cur, u, 1), u), nil
	case "last":
		return p.unitSpan(p.c.add(cur, u, -1), u), nil
	}
	var to unit
	if p.s.try(func() bool { return p.s.acceptWord("to") && p.unitInto(&to) }) {
		return span{cur, p.c.add(p.c.trunc(p.now, to), to, 1)}, nil
	}
	return p.unitSpan(cur, u), nil
}

func (p *dateParser) unitInto(u *unit) bool {
	var ok bool
	*u, ok = p.unit()
	return ok
}

// relative reads "N units", "N units ago" and "N units from now"; ok is
// false, with nothing consumed, when the number is not followed by a unit.
func (p *dateParser) relative() (span, bool, error) {
	start := p.s.pos
	n, err := p.count()
	if err != nil {
		p.s.pos = start
		return span{}, false, nil
	}
	u, ok := p.unit()
	if !ok {
		p.s.pos = start
		return span{}, false, nil
	}
	cur := p.c.trunc(p.now, u)
	switch {
	case p.s.acceptWord("ago"):
		return p.unitSpan(p.c.add(cur, u, -n), u), true, nil
	case p.s.try(func() bool { return p.s.acceptWord("from") && p.s.acceptWord("now") }):
		return p.unitSpan(p.c.add(cur, u, n), u), true, nil
	}
	sp, err := p.lastN(n, u)
	return sp, true, err
}

// lastN is "N units": the current unit and the N-1 before it.
func (p *dateParser) lastN(n int, u unit) (span, error) {
	if n < 1 {
		return span{}, p.s.errf(p.s.pos, "the count must be at least 1")
	}
	start := p.c.add(p.c.trunc(p.now, u), u, -(n - 1))
	return span{start, p.c.add(start, u, n)}, nil
}
