package queries

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/semantic"
)

// maxPlans bounds the statements a Plans keeps; past it they are all
// forgotten at once (the next runs compile again).
const maxPlans = 2048

// Plans remembers compiled statements, so that running the same query again
// (the cached path above all) does not compile it again. A statement is
// kept per model (a reloaded model is a new one), dialect, definition and
// compile context, user attributes included. Statements that depend on the
// time of the run (relative date filters) are never kept. The statements it
// returns are shared: callers must not change them. A nil *Plans compiles
// every time. It is safe for concurrent use.
type Plans struct {
	mu    sync.Mutex
	plans map[planKey]*plan
}

// NewPlans is an empty memo.
func NewPlans() *Plans { return &Plans{} }

type planKey struct {
	model   *semantic.Model
	dialect string
	query   string
}

// plan is one remembered compilation; c is nil for a query that depends on
// the time it runs at, which is compiled every time.
type plan struct{ c *compiler.Compiled }

// Compile is the package's Compile, answered from memory when the same
// query was compiled before in the same context.
func (p *Plans) Compile(m *semantic.Model, d Definition, dialect string, cctx compiler.Context) (*compiler.Compiled, error) {
	if p == nil || !cctx.Now.IsZero() {
		return Compile(m, d, dialect, cctx)
	}
	in, ok := compileInput(d, cctx)
	if !ok {
		return Compile(m, d, dialect, cctx)
	}
	key := planKey{model: m, dialect: dialect, query: in}
	p.mu.Lock()
	known, ok := p.plans[key]
	p.mu.Unlock()
	if ok && known.c != nil {
		return known.c, nil
	}
	cctx.Now = time.Now()
	c, err := Compile(m, d, dialect, cctx)
	if err != nil || ok {
		return c, err
	}
	// A second compilation at another time tells whether the statement
	// depends on the clock.
	cctx.Now = cctx.Now.Add(-clockProbe)
	again, err := Compile(m, d, dialect, cctx)
	if err != nil {
		return nil, err
	}
	kept := &plan{}
	if sameStatement(c, again) {
		kept.c = c
	}
	p.mu.Lock()
	if p.plans == nil || len(p.plans) >= maxPlans {
		p.plans = make(map[planKey]*plan)
	}
	p.plans[key] = kept
	p.mu.Unlock()
	return c, nil
}

// clockProbe moves the second compilation by a little over a year, a day,
// an hour, a minute and a second, so any relative date filter moves too.
const clockProbe = 367*24*time.Hour + time.Hour + time.Minute + time.Second + time.Millisecond

func sameStatement(a, b *compiler.Compiled) bool {
	return a.SQL == b.SQL && fmt.Sprintf("%#v", a.Args) == fmt.Sprintf("%#v", b.Args)
}

// compileInput is everything of d and cctx that compilation reads: the
// definition but its vis_config and filter_config (they shape only the
// written result), and the context but its clock. ok is false when they do
// not encode (the query is then compiled every time).
func compileInput(d Definition, cctx compiler.Context) (key string, ok bool) {
	d.VisConfig, d.FilterConfig = nil, nil
	cctx.Now = time.Time{}
	b, err := json.Marshal(struct {
		D Definition
		C compiler.Context
	}{d, cctx})
	return string(b), err == nil
}
