package looker40_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
)

// A synchronous run takes one of its user's running-query slots: with one
// slot a task waits (status added) until the run ends.
func TestSynchronousRunsCountAgainstTheUsersLimit(t *testing.T) {
	e := newTaskEnv(t, slowThelook)
	inst, admin, q := e.inst, e.admin, e.query
	inst.Server.Tasks.Configure(1, 0, 0)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, inst.URL+api+"/queries/"+q+"/run/json?cache=false", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+admin)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	waitRunning := time.Now().Add(10 * time.Second)
	var me struct {
		ID string `json:"id"`
	}
	getJSON(t, inst, admin, "/user", &me)
	adminID, err := strconv.ParseInt(me.ID, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	for !slotTaken(inst.Server.Tasks, adminID) {
		if time.Now().After(waitRunning) {
			t.Fatal("the synchronous run never took a slot")
		}
		time.Sleep(20 * time.Millisecond)
	}

	task := createTask(t, inst, admin, q, "json")
	defer func() {
		inst.Do(t, http.MethodDelete, api+"/running_queries/"+task.ID, admin, nil)
		waitTask(t, inst, admin, task.ID, "killed")
	}()
	time.Sleep(300 * time.Millisecond)
	if got := waitTask(t, inst, admin, task.ID, "added", "running"); got.Status != "added" {
		t.Fatalf("task is %s while the user's only slot runs a query, want added", got.Status)
	}
	cancel()
	<-done
	waitTask(t, inst, admin, task.ID, "running")
}

// slotTaken reports whether user's only slot is held, by trying to take it
// for a moment.
func slotTaken(r *queries.TaskRunner, user int64) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	release, err := r.Hold(ctx, user)
	if err != nil {
		return true
	}
	release()
	return false
}
