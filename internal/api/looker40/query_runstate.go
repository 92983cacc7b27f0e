package looker40

import (
	"sync"

	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// runState is the results cache and history log of the runs over one
// metadata store. Backend has no fields for them yet, so they live here,
// one per store, created on first use.
type runState struct {
	cache   *queries.Cache
	history *history.Log
}

var (
	runStatesMu sync.Mutex
	runStates   = map[*store.Store]*runState{}
)

func (b *Backend) runState() *runState {
	runStatesMu.Lock()
	defer runStatesMu.Unlock()
	rs, ok := runStates[b.Store]
	if !ok {
		rs = &runState{cache: queries.NewCache(), history: history.ForStore(b.Store)}
		runStates[b.Store] = rs
	}
	return rs
}
