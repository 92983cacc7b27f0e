package demo

import "strconv"

// eventWriter numbers events and writes them with one session's shared
// columns.
type eventWriter struct {
	g     *gen
	write func([]any) error
	row   []any
	id    int64
}

// session is what one visit's events share.
type session struct {
	user       int // -1 for a visitor who is not signed in
	id, ip     string
	place      int
	browser    string
	source     string
	at         int64 // time of the next event
	seq        int64
	department string
}

func (e *eventWriter) emit(s *session, uri, kind string) error {
	e.id++
	s.seq++
	s.at = min(s.at, e.g.end-1) // nothing happens after AsOf
	p := places[s.place]
	r := e.row
	r[0] = e.id
	r[1] = nil
	if s.user >= 0 {
		r[1] = int64(s.user + 1)
	}
	r[2], r[3], r[4], r[5] = s.seq, s.id, ts(s.at), s.ip
	r[6], r[7], r[8], r[9] = p.city, p.state, pad5(p.zip), s.browser
	r[10], r[11], r[12] = s.source, uri, kind
	s.at += e.g.between(5, 300)
	return e.write(r)
}

func (g *gen) newSession(userIdx int, end int64, events int) *session {
	s := &session{user: userIdx, id: g.uuid(), ip: g.ip(), browser: browsers[g.r.IntN(len(browsers))],
		source: eventSources[g.r.IntN(len(eventSources))], place: g.r.IntN(len(places))}
	if userIdx >= 0 {
		s.place = g.users[userIdx].place
	}
	// Events run up to end, a few minutes apart.
	s.at = max(g.start, end-int64(events)*150-g.between(0, 600))
	return s
}

func (g *gen) uuid() string {
	h := g.hexID(16)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func (g *gen) ip() string {
	v := g.r.Uint32()
	return strconv.Itoa(int(v>>24)) + "." + strconv.Itoa(int(v>>16&255)) + "." +
		strconv.Itoa(int(v>>8&255)) + "." + strconv.Itoa(int(v&255))
}

func departmentURI(c category) string {
	return "/department/" + lowerASCII(c.department) + "/category/" + lowerASCII(c.name)
}

// eventRows writes a purchase session for every order (home, department,
// a product page per item, cart, purchase) and then browsing sessions.
func (g *gen) eventRows() error {
	return g.writeTable("events", g.events)
}

func (g *gen) events(write func([]any) error) error {
	e := &eventWriter{g: g, write: write, row: make([]any, 13)}
	for _, o := range g.orders {
		if err := g.purchaseSession(e, o); err != nil {
			return err
		}
	}
	for range g.o.count("browse_sessions") {
		if err := g.browseSession(e); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) purchaseSession(e *eventWriter, o order) error {
	s := g.newSession(o.user, o.created, len(o.items)+4)
	first := g.products[o.items[0]]
	steps := [][2]string{{"/home", "home"}, {departmentURI(categories[first.cat]), "department"}}
	for _, p := range o.items {
		steps = append(steps, [2]string{"/product/" + strconv.Itoa(p+1), "product"})
	}
	steps = append(steps, [2]string{"/cart", "cart"}, [2]string{"/purchase", "purchase"})
	return emitAll(e, s, steps)
}

func (g *gen) browseSession(e *eventWriter) error {
	userIdx, from := -1, g.start
	if g.r.IntN(3) == 0 {
		userIdx = g.r.IntN(len(g.users))
		from = g.users[userIdx].created // a user browses once signed up
	}
	n := 2 + g.r.IntN(4)
	s := g.newSession(userIdx, g.between(from, g.end), n)
	steps := [][2]string{{"/home", "home"}}
	c := categories[g.r.IntN(len(categories))]
	steps = append(steps, [2]string{departmentURI(c), "department"})
	for len(steps) < n-1 {
		steps = append(steps, [2]string{"/product/" + strconv.Itoa(1+g.r.IntN(len(g.products))), "product"})
	}
	if len(steps) < n {
		steps = append(steps, [2]string{"/cancel", "cancel"})
	}
	return emitAll(e, s, steps)
}

func emitAll(e *eventWriter, s *session, steps [][2]string) error {
	for _, st := range steps {
		if err := e.emit(s, st[0], st[1]); err != nil {
			return err
		}
	}
	return nil
}
