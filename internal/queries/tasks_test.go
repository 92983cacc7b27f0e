package queries

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
)

func TestCappedBufferRefusesPastItsLimit(t *testing.T) {
	b := &cappedBuffer{max: 5}
	if n, err := b.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatalf("first write: %d %v", n, err)
	}
	_, err := b.Write([]byte("def"))
	if overlook.ErrorCode(err) != overlook.EBADREQUEST || !strings.Contains(err.Error(), "result too large") {
		t.Errorf("write past the cap: %v", err)
	}
	if b.String() != "abc" {
		t.Errorf("kept %q", b.String())
	}
}

func TestTaskErrorMessageShowsOnlyClientErrors(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{overlook.Errorf(overlook.EBADREQUEST, "the database refused the query: no such column"), "the database refused the query: no such column"},
		{context.Canceled, "the server stopped before the query finished"},
		{errors.New("dial tcp 10.0.0.1: secret"), "the query failed"},
	}
	for _, c := range cases {
		if got := taskErrorMessage(c.err); got != c.want {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
}

func TestKillUnknownTaskIsNotFound(t *testing.T) {
	r := &TaskRunner{running: map[string]*RunningTask{}}
	if err := r.Kill("nope", 1, true); !overlook.IsNotFound(err) {
		t.Errorf("kill unknown: %v", err)
	}
	r.running["t"] = &RunningTask{TaskID: "t", UserID: 2, cancel: func() {}}
	if err := r.Kill("t", 1, false); !overlook.IsNotFound(err) {
		t.Errorf("kill another user's task: %v", err)
	}
	if err := r.Kill("t", 1, true); err != nil || !r.running["t"].killed {
		t.Errorf("kill with see_queries: %v", err)
	}
}
