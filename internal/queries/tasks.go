package queries

import (
	"context"
	"io"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// Defaults of a node's task runner (see TaskRunner.Configure).
const (
	DefaultTasksPerUser   = 15
	DefaultTaskResultTTL  = time.Hour
	DefaultTaskResultSize = 64 << 20
	taskIDLength          = 24
)

// TaskJob is what a task runs: Run writes the result (a query compiled
// for the caller, through whatever cache and history the caller chose) and
// stops when its context is cancelled. SQL, Connection and Dialect describe
// it to all_running_queries; ContentType is the result's.
type TaskJob struct {
	QueryID     int64
	UserID      int64
	Source      string
	LookID      string
	DashboardID string
	FormatName  string
	ContentType string
	SQL         string
	Connection  string
	Dialect     string
	Run         func(ctx context.Context, w io.Writer) (rows int, err error)
}

// TaskRunner runs query tasks in the background on this node: at most
// perUser queries at once for each user, tasks and synchronous runs (Hold)
// together (waiting tasks stay in status added), each
// with a cancel func kept for Kill. Tasks and their results live in the
// metadata store; the registry of cancel funcs is this node's alone, so a
// task running on another node cannot be killed from here.
type TaskRunner struct {
	st *store.Store

	mu       sync.Mutex
	perUser  int
	ttl      time.Duration
	maxBytes int
	slots    map[int64]chan struct{}
	running  map[string]*RunningTask
	stopped  bool
	wg       sync.WaitGroup
	stopCtx  context.Context
	stopAll  context.CancelFunc
	lastTidy time.Time
}

// NewTaskRunner is the task runner of a node over st; the node calls Stop
// before it closes st.
func NewTaskRunner(st *store.Store) *TaskRunner {
	ctx, cancel := context.WithCancel(context.Background())
	return &TaskRunner{st: st, perUser: DefaultTasksPerUser, ttl: DefaultTaskResultTTL, maxBytes: DefaultTaskResultSize,
		slots: map[int64]chan struct{}{}, running: map[string]*RunningTask{}, stopCtx: ctx, stopAll: cancel}
}

// Stop cancels the running tasks, refuses new ones and waits for those
// running to record their end. A nil runner does nothing.
func (r *TaskRunner) Stop() {
	if r != nil {
		r.stop()
	}
}

func (r *TaskRunner) stop() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.stopAll()
	r.wg.Wait()
}

// Configure sets the running tasks allowed per user, how long finished
// results are kept, and the largest result stored (in bytes). Values of
// zero or less keep the current setting. It applies to tasks submitted
// afterwards.
func (r *TaskRunner) Configure(perUser int, ttl time.Duration, maxBytes int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if perUser > 0 && perUser != r.perUser {
		r.perUser = perUser
		r.slots = map[int64]chan struct{}{}
	}
	if ttl > 0 {
		r.ttl = ttl
	}
	if maxBytes > 0 {
		r.maxBytes = maxBytes
	}
}

// Hold waits until user runs fewer queries than allowed and counts one
// more until release is called: synchronous runs hold a slot like tasks
// do, so both count against the same limit. It gives up with ctx. A nil
// runner allows everything.
func (r *TaskRunner) Hold(ctx context.Context, user int64) (release func(), err error) {
	if r == nil {
		return func() {}, nil
	}
	r.mu.Lock()
	slot := r.slot(user)
	r.mu.Unlock()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// slot returns the semaphore of user's running queries.
func (r *TaskRunner) slot(user int64) chan struct{} {
	s, ok := r.slots[user]
	if !ok {
		s = make(chan struct{}, r.perUser)
		r.slots[user] = s
	}
	return s
}
