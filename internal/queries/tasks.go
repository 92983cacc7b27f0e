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
// perUser at once for each user (the others wait in status added), each
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

var (
	runnersMu sync.Mutex
	runners   = map[*store.Store]*TaskRunner{}
)

// Tasks returns the task runner of st, creating it on first use. Call
// StopTasks(st) before closing st.
func Tasks(st *store.Store) *TaskRunner {
	runnersMu.Lock()
	defer runnersMu.Unlock()
	if r, ok := runners[st]; ok {
		return r
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &TaskRunner{st: st, perUser: DefaultTasksPerUser, ttl: DefaultTaskResultTTL, maxBytes: DefaultTaskResultSize,
		slots: map[int64]chan struct{}{}, running: map[string]*RunningTask{}, stopCtx: ctx, stopAll: cancel}
	runners[st] = r
	return r
}

// StopTasks cancels the tasks of st's runner, waits for them to record
// their end, and forgets the runner. Without a runner it does nothing.
func StopTasks(st *store.Store) {
	runnersMu.Lock()
	r, ok := runners[st]
	delete(runners, st)
	runnersMu.Unlock()
	if ok {
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

// slot returns the semaphore of user's running tasks.
func (r *TaskRunner) slot(user int64) chan struct{} {
	s, ok := r.slots[user]
	if !ok {
		s = make(chan struct{}, r.perUser)
		r.slots[user] = s
	}
	return s
}
