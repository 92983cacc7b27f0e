// Package history records every query run for system__activity: one row a
// run, written off the request path in batches.
package history

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// Sources of a run.
const (
	SourceAPI       = "api"
	SourceQueryTask = "query_task"
	SourceSQLRunner = "sql_runner"
)

// Statuses of a finished run.
const (
	StatusComplete  = "complete"
	StatusError     = "error"
	StatusCancelled = "cancelled"
)

// Sink stores batches of runs (the metadata store).
type Sink interface {
	AppendHistory(ctx context.Context, entries []store.HistoryEntry) error
}

// Resolver stores a run's query definition (or finds its identical twin)
// and returns its id; it runs in the writer, never on the request path.
type Resolver func(ctx context.Context, d queries.Definition, userID int64) (int64, error)

// Run is one run to record. Query, when not nil and QueryID is 0, is
// stored (deduplicated) by the writer so the row can name its query.
type Run struct {
	store.HistoryEntry
	Query *queries.Definition
}

// Log buffers runs and writes them in batches.
type Log struct {
	sink    Sink
	resolve Resolver
	runs    chan Run
	flushed chan chan struct{}
	done    chan struct{}
	once    sync.Once
	// ids are the stored ids of definitions already resolved, by hash
	// (stored queries never change or go away); only the writer uses it.
	ids map[string]int64
}

const (
	batchSize     = 256
	flushInterval = 500 * time.Millisecond
	bufferSize    = 8192
	// maxIDs bounds the definitions remembered; past it they are forgotten
	// all at once.
	maxIDs = 4096
)

// New starts a log writing to sink; resolve may be nil (runs without a
// query id are then written without one).
func New(sink Sink, resolve Resolver) *Log {
	l := &Log{sink: sink, resolve: resolve, runs: make(chan Run, bufferSize),
		flushed: make(chan chan struct{}), done: make(chan struct{})}
	go l.loop()
	return l
}

// ForStore is a log writing to st, storing unsaved queries through the
// queries service.
func ForStore(st *store.Store) *Log {
	svc := queries.New(st)
	return New(st, func(ctx context.Context, d queries.Definition, userID int64) (int64, error) {
		q, err := svc.Create(ctx, d, "", userID)
		if err != nil {
			return 0, err
		}
		return q.ID, nil
	})
}

// Record queues a run; the task runner and the SQL Runner call it too. A
// full buffer logs the run to the process log instead of blocking.
func (l *Log) Record(r Run) {
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now()
	}
	if r.CompletedAt.IsZero() {
		r.CompletedAt = r.CreatedAt.Add(r.Runtime)
	}
	select {
	case l.runs <- r:
	case <-l.done:
	default:
		slog.Warn("history buffer full", "query", r.QueryID, "user", r.UserID, "status", r.Status)
	}
}

// Flush waits until every run recorded before the call is written.
func (l *Log) Flush() {
	ack := make(chan struct{})
	select {
	case l.flushed <- ack:
		<-ack
	case <-l.done:
	}
}

// Close writes what is buffered and stops the writer.
func (l *Log) Close() {
	l.once.Do(func() {
		l.Flush()
		close(l.done)
	})
}

func (l *Log) loop() {
	ticker := time.NewTicker(flushInterval)
	defer ticker.Stop()
	var batch []Run
	for {
		select {
		case r := <-l.runs:
			if batch = append(batch, r); len(batch) >= batchSize {
				batch = l.write(batch)
			}
		case <-ticker.C:
			batch = l.write(batch)
		case ack := <-l.flushed:
			batch = l.write(l.drain(batch))
			close(ack)
		case <-l.done:
			return
		}
	}
}

// drain appends the runs already queued.
func (l *Log) drain(batch []Run) []Run {
	for {
		select {
		case r := <-l.runs:
			batch = append(batch, r)
		default:
			return batch
		}
	}
}

// write stores batch and returns it emptied.
func (l *Log) write(batch []Run) []Run {
	if len(batch) == 0 {
		return batch
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	entries := make([]store.HistoryEntry, len(batch))
	for i, r := range batch {
		entries[i] = l.entry(ctx, r)
	}
	if err := l.sink.AppendHistory(ctx, entries); err != nil {
		slog.Error("history write failed", "runs", len(entries), "err", err)
	}
	return batch[:0]
}

// entry names r's query, storing its definition when it has no id yet.
func (l *Log) entry(ctx context.Context, r Run) store.HistoryEntry {
	if r.QueryID != 0 || r.Query == nil || l.resolve == nil {
		return r.HistoryEntry
	}
	hash := r.Query.Hash()
	if id, ok := l.ids[hash]; ok {
		r.QueryID = id
		return r.HistoryEntry
	}
	id, err := l.resolve(ctx, *r.Query, r.UserID)
	if err != nil {
		slog.Warn("history: query not stored", "model", r.Query.Model, "err", err)
		return r.HistoryEntry
	}
	if l.ids == nil || len(l.ids) >= maxIDs {
		l.ids = make(map[string]int64)
	}
	l.ids[hash] = id
	r.QueryID = id
	return r.HistoryEntry
}
