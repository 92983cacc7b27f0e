package looker40

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/history"
	"github.com/overlookbi/overlook/internal/store"
)

func TestFinishedRunStatus(t *testing.T) {
	start := time.Now().Add(-time.Second)
	rec := history.Run{HistoryEntry: store.HistoryEntry{CreatedAt: start}}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name    string
		ctx     context.Context
		err     error
		status  string
		message string
	}{
		{"complete", context.Background(), nil, history.StatusComplete, ""},
		{"refused", context.Background(), errors.New("no such table"), history.StatusError, "no such table"},
		{"client gone", cancelled, context.Canceled, history.StatusCancelled, ""},
	} {
		got := finished(c.ctx, rec, 3, true, c.err)
		if got.Status != c.status || got.Message != c.message || got.Rows != 3 || !got.CacheHit ||
			got.Runtime < time.Second || !got.CompletedAt.Equal(start.Add(got.Runtime)) {
			t.Errorf("%s: %+v", c.name, got.HistoryEntry)
		}
	}
}
