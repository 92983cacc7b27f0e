// Package audit records who did what: every mutating request, login and
// sudo becomes one event, written off the request path in batches.
package audit

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Sink stores batches of events (the metadata store).
type Sink interface {
	AppendAudit(ctx context.Context, events []overlook.AuditEvent) error
}

// Log buffers events and writes them in batches.
type Log struct {
	sink    Sink
	events  chan overlook.AuditEvent
	flushed chan chan struct{}
	done    chan struct{}
	once    sync.Once
}

const (
	batchSize     = 256
	flushInterval = 500 * time.Millisecond
	bufferSize    = 8192
)

// New starts a log writing to sink.
func New(sink Sink) *Log {
	l := &Log{sink: sink, events: make(chan overlook.AuditEvent, bufferSize),
		flushed: make(chan chan struct{}), done: make(chan struct{})}
	go l.run()
	return l
}

// Record queues an event. When the buffer is full the event is written to
// the process log instead of blocking the request.
func (l *Log) Record(e overlook.AuditEvent) {
	if e.CreatedAt.IsZero() {
		e.CreatedAt = time.Now()
	}
	select {
	case l.events <- e:
	default:
		slog.Warn("audit buffer full", "operation", e.Operation, "user", e.UserID)
	}
}

// Flush waits until every event recorded before the call is written.
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

func (l *Log) run() {
	ticker := time.NewTicker(flushInterval)
	defer ticker.Stop()
	var batch []overlook.AuditEvent
	write := func() {
		if len(batch) == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := l.sink.AppendAudit(ctx, batch); err != nil {
			slog.Error("audit write failed", "events", len(batch), "err", err)
		}
		cancel()
		batch = batch[:0]
	}
	for {
		select {
		case e := <-l.events:
			batch = append(batch, e)
			if len(batch) >= batchSize {
				write()
			}
		case <-ticker.C:
			write()
		case ack := <-l.flushed:
			for drained := false; !drained; {
				select {
				case e := <-l.events:
					batch = append(batch, e)
				default:
					drained = true
				}
			}
			write()
			close(ack)
		case <-l.done:
			return
		}
	}
}
