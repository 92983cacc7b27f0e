package looker40

import (
	"context"

	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/overlook"
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

type attributesKey struct{}

// userAttributes are the caller's resolved user attributes, read once per
// resolved principal: any successful change drops every principal (see the
// api middleware), so they are never stale on this node.
func (b *Backend) userAttributes(ctx context.Context, p *overlook.Principal) (map[string]string, error) {
	v, err := p.MemoErr(attributesKey{}, func() (any, error) {
		return b.Store.ResolvedUserAttributes(ctx, p.UserID())
	})
	if err != nil {
		return nil, err
	}
	return v.(map[string]string), nil
}
