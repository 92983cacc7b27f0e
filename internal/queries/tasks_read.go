package queries

import (
	"context"
	"sort"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// tidyEvery bounds how often reads expire old results in the store.
const tidyEvery = time.Minute

// Get returns task id. A finished task older than the result lifetime
// reports expired (its result is dropped at the next tidy); a running
// task's runtime counts up to now.
func (r *TaskRunner) Get(ctx context.Context, id string) (*store.QueryTask, error) {
	r.tidy(ctx)
	t, err := r.st.QueryTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	ttl := r.resultTTL()
	switch {
	case t.FinishedAt != nil && t.Status != store.QueryTaskExpired && time.Since(*t.FinishedAt) > ttl:
		t.Status = store.QueryTaskExpired
	case t.Status == store.QueryTaskRunning && t.StartedAt != nil:
		t.Runtime = time.Since(*t.StartedAt).Seconds()
	}
	return t, nil
}

// Result returns the stored result of a complete task.
func (r *TaskRunner) Result(ctx context.Context, id string) (*store.QueryTaskResult, error) {
	return r.st.QueryTaskResultByID(ctx, id)
}

// tidy expires old results, at most once per tidyEvery (or per lifetime,
// when that is shorter).
func (r *TaskRunner) tidy(ctx context.Context) {
	r.mu.Lock()
	every := min(tidyEvery, r.ttl)
	due := time.Since(r.lastTidy) >= every
	if due {
		r.lastTidy = time.Now()
	}
	ttl := r.ttl
	r.mu.Unlock()
	if due {
		_, _ = r.st.ExpireQueryTasks(ctx, time.Now().Add(-ttl)) // retried at the next tidy
	}
}

func (r *TaskRunner) resultTTL() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ttl
}

func sortRunning(ts []RunningTask) {
	sort.Slice(ts, func(i, j int) bool {
		if !ts[i].CreatedAt.Equal(ts[j].CreatedAt) {
			return ts[i].CreatedAt.Before(ts[j].CreatedAt)
		}
		return ts[i].TaskID < ts[j].TaskID
	})
}
