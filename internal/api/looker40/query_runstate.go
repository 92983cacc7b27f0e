package looker40

import (
	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/queries"
)

// runState is the results cache and history log the runs share.
type runState struct {
	cache   *queries.Cache
	history *history.Log
}

func (b *Backend) runState() *runState {
	return &runState{cache: b.Cache, history: b.History}
}
