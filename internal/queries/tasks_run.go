package queries

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// RunningTask is a task of this node that is waiting (added) or running.
type RunningTask struct {
	TaskID     string
	UserID     int64
	QueryID    int64
	Source     string
	SQL        string
	Connection string
	Dialect    string
	Status     string
	CreatedAt  time.Time
	StartedAt  time.Time

	cancel context.CancelFunc
	killed bool
}

const (
	finishTimeout    = 10 * time.Second
	maxWaitingFactor = 10
)

// Submit stores a task for job and starts it in the background; it waits
// in status added while its user already runs the most allowed. A user
// with maxWaitingFactor times that many tasks in flight must wait.
func (r *TaskRunner) Submit(ctx context.Context, job TaskJob) (*store.QueryTask, error) {
	if err := r.admit(job.UserID); err != nil {
		return nil, err
	}
	t := &store.QueryTask{ID: randomString(taskIDLength), QueryID: job.QueryID, UserID: job.UserID,
		ResultFormat: job.FormatName, Source: job.Source, LookID: job.LookID, DashboardID: job.DashboardID}
	if err := r.st.CreateQueryTask(ctx, t); err != nil {
		r.wg.Done()
		return nil, err
	}
	taskCtx, cancel := context.WithCancel(r.stopCtx)
	rt := &RunningTask{TaskID: t.ID, UserID: job.UserID, QueryID: job.QueryID, Source: job.Source,
		SQL: job.SQL, Connection: job.Connection, Dialect: job.Dialect,
		Status: store.QueryTaskAdded, CreatedAt: t.CreatedAt, cancel: cancel}
	r.mu.Lock()
	r.running[t.ID] = rt
	slot := r.slot(job.UserID)
	r.mu.Unlock()
	go r.work(taskCtx, rt, slot, job)
	return t, nil
}

// admit counts a new task of user in (the caller must end it with
// wg.Done, which work does), or refuses it while the runner stops or the
// user has too many tasks in flight.
func (r *TaskRunner) admit(user int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return overlook.Errorf(overlook.ETOOMANY, "the server is stopping: try again")
	}
	inFlight := 0
	for _, rt := range r.running {
		if rt.UserID == user {
			inFlight++
		}
	}
	if inFlight >= r.perUser*maxWaitingFactor {
		return overlook.Errorf(overlook.ETOOMANY, "too many query tasks in flight (%d): wait for some to finish", inFlight)
	}
	r.wg.Add(1)
	return nil
}

// work waits for a slot of the task's user, runs the task and records its
// end.
func (r *TaskRunner) work(ctx context.Context, rt *RunningTask, slot chan struct{}, job TaskJob) {
	defer r.wg.Done()
	defer r.forget(rt)
	select {
	case slot <- struct{}{}:
		defer func() { <-slot }()
	case <-ctx.Done():
		r.finish(rt, &store.QueryTask{ID: rt.TaskID}, nil, ctx.Err())
		return
	}
	if err := r.start(rt); err != nil {
		r.finish(rt, &store.QueryTask{ID: rt.TaskID}, nil, err)
		return
	}
	began := time.Now()
	buf := &cappedBuffer{max: r.maxResult()}
	_, err := job.Run(ctx, buf)
	t := &store.QueryTask{ID: rt.TaskID, Runtime: time.Since(began).Seconds()}
	var res *store.QueryTaskResult
	if err == nil {
		res = &store.QueryTaskResult{ContentType: job.ContentType, Body: buf.Bytes()}
	}
	r.finish(rt, t, res, err)
}

func (r *TaskRunner) start(rt *RunningTask) error {
	ctx, cancel := context.WithTimeout(context.Background(), finishTimeout)
	defer cancel()
	if err := r.st.StartQueryTask(ctx, rt.TaskID); err != nil {
		return err
	}
	r.mu.Lock()
	rt.Status, rt.StartedAt = store.QueryTaskRunning, time.Now()
	r.mu.Unlock()
	return nil
}

// finish records t's status from err: complete without one, killed when
// Kill cancelled it, else error with a message a client may see.
func (r *TaskRunner) finish(rt *RunningTask, t *store.QueryTask, res *store.QueryTaskResult, err error) {
	r.mu.Lock()
	killed := rt.killed
	r.mu.Unlock()
	t.Status = store.QueryTaskComplete
	switch {
	case killed:
		t.Status, t.Error, res = store.QueryTaskKilled, "the query was killed", nil
	case err != nil:
		t.Status, t.Error = store.QueryTaskError, taskErrorMessage(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), finishTimeout)
	defer cancel()
	_ = r.st.FinishQueryTask(ctx, t, res) // the store failing too leaves the task running until it expires
}

func taskErrorMessage(err error) string {
	var oe *overlook.Error
	switch {
	case errors.As(err, &oe):
		return oe.Message
	case errors.Is(err, context.Canceled):
		return "the server stopped before the query finished"
	}
	return "the query failed"
}

func (r *TaskRunner) forget(rt *RunningTask) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rt.cancel()
	delete(r.running, rt.TaskID)
}

func (r *TaskRunner) maxResult() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.maxBytes
}

// Kill cancels task id (its database query stops through its context) and
// the task ends killed. Only its user may kill it unless anyUser; a task
// that is not waiting or running on this node is not found.
func (r *TaskRunner) Kill(id string, userID int64, anyUser bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	rt, ok := r.running[id]
	if !ok || (!anyUser && rt.UserID != userID) {
		return overlook.NotFound()
	}
	rt.killed = true
	rt.cancel()
	return nil
}

// Running returns the tasks waiting or running on this node, oldest
// first.
func (r *TaskRunner) Running() []RunningTask {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]RunningTask, 0, len(r.running))
	for _, rt := range r.running {
		c := *rt
		c.cancel = nil
		out = append(out, c)
	}
	sortRunning(out)
	return out
}

// cappedBuffer keeps a result in memory up to max bytes.
type cappedBuffer struct {
	bytes.Buffer
	max int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		return 0, overlook.Errorf(overlook.EBADREQUEST, "result too large: a task keeps at most %d bytes", b.max)
	}
	return b.Buffer.Write(p)
}
