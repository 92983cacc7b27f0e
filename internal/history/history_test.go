package history

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// memSink keeps the batches it is given.
type memSink struct {
	mu      sync.Mutex
	batches [][]store.HistoryEntry
}

func (s *memSink) AppendHistory(_ context.Context, entries []store.HistoryEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches = append(s.batches, append([]store.HistoryEntry(nil), entries...))
	return nil
}

func (s *memSink) all() []store.HistoryEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []store.HistoryEntry
	for _, b := range s.batches {
		out = append(out, b...)
	}
	return out
}

func TestRecordWritesOneBatchOnFlush(t *testing.T) {
	sink := &memSink{}
	resolved := 0
	l := New(sink, func(_ context.Context, d queries.Definition, userID int64) (int64, error) {
		resolved++
		if d.Model == "broken" {
			return 0, errors.New("no")
		}
		return 42, nil
	})
	defer l.Close()
	start := time.Unix(1_700_000_000, 0)
	l.Record(Run{HistoryEntry: store.HistoryEntry{QueryID: 7, UserID: 1, Status: StatusComplete, CreatedAt: start,
		Runtime: time.Second}})
	l.Record(Run{HistoryEntry: store.HistoryEntry{UserID: 1, Status: StatusError}, Query: &queries.Definition{Model: "thelook"}})
	l.Record(Run{HistoryEntry: store.HistoryEntry{UserID: 1, Status: StatusError}, Query: &queries.Definition{Model: "broken"}})
	l.Flush()

	got := sink.all()
	if len(sink.batches) != 1 || len(got) != 3 {
		t.Fatalf("batches %d, entries %d: want one batch of 3", len(sink.batches), len(got))
	}
	if got[0].QueryID != 7 || !got[0].CompletedAt.Equal(start.Add(time.Second)) {
		t.Errorf("saved query's run: %+v", got[0])
	}
	if got[1].QueryID != 42 || got[2].QueryID != 0 || resolved != 2 {
		t.Errorf("resolved query ids %d, %d (%d lookups); want 42, then 0 for the failed one", got[1].QueryID,
			got[2].QueryID, resolved)
	}
	if got[1].CreatedAt.IsZero() {
		t.Error("a run without a start time was not stamped")
	}
}

func TestRecordAfterCloseDoesNotBlock(t *testing.T) {
	sink := &memSink{}
	l := New(sink, nil)
	l.Close()
	l.Close()
	l.Record(Run{HistoryEntry: store.HistoryEntry{QueryID: 1}})
	l.Flush()
	if n := len(sink.all()); n != 0 {
		t.Errorf("%d entries written after close", n)
	}
}

func TestSameDefinitionResolvedOnce(t *testing.T) {
	sink := &memSink{}
	resolved := 0
	l := New(sink, func(context.Context, queries.Definition, int64) (int64, error) {
		resolved++
		return 9, nil
	})
	defer l.Close()
	for range 3 {
		l.Record(Run{HistoryEntry: store.HistoryEntry{UserID: 1, Status: StatusComplete},
			Query: &queries.Definition{Model: "thelook", View: "products", Fields: []string{"products.count"}}})
	}
	l.Flush()
	got := sink.all()
	if len(got) != 3 || resolved != 1 {
		t.Fatalf("%d entries, %d lookups: want 3 entries and one lookup", len(got), resolved)
	}
	for _, e := range got {
		if e.QueryID != 9 {
			t.Errorf("entry names query %d, want 9", e.QueryID)
		}
	}
}
