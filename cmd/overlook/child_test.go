package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary be an `overlook` process: tests that must
// SIGKILL a server start this binary again with OVERLOOK_TEST_CHILD=1.
func TestMain(m *testing.M) {
	if os.Getenv("OVERLOOK_TEST_CHILD") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child is an `overlook serve` running in its own process.
type child struct {
	cmd    *exec.Cmd
	origin string
	mu     sync.Mutex
	log    bytes.Buffer
	exited chan struct{}
}

// startChild runs `overlook serve` in a new process with env (on top of
// this process's environment) and waits until it is ready.
func startChild(t *testing.T, name string, env map[string]string) *child {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: exec.Command(exe, "serve", "--addr", "127.0.0.1:0"), exited: make(chan struct{})}
	c.cmd.Env = append(os.Environ(), "OVERLOOK_TEST_CHILD=1")
	for k, v := range env {
		c.cmd.Env = append(c.cmd.Env, k+"="+v)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.cmd.Stderr = c
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.cmd.Wait(); close(c.exited) }()
	t.Cleanup(func() {
		c.kill()
		if t.Failed() {
			t.Logf("log of %s:\n%s", name, c.tail())
		}
	})
	ready := make(chan string, 1)
	go c.readStdout(out, ready)
	select {
	case c.origin = <-ready:
	case <-c.exited:
		t.Fatalf("%s exited before it was ready:\n%s", name, c.tail())
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s never got ready:\n%s", name, c.tail())
	}
	return c
}

func (c *child) readStdout(r io.Reader, ready chan<- string) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		c.Write([]byte(sc.Text() + "\n"))
		if m := readyLine.FindStringSubmatch(sc.Text()); m != nil {
			ready <- m[1]
		}
	}
}

// Write keeps the process's output for a failure report.
func (c *child) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.log.Write(p)
}

func (c *child) tail() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.log.String()
	if len(s) > 8000 {
		s = "…" + s[len(s)-8000:]
	}
	return s
}

// kill ends the process with SIGKILL: no drain, no clean-up.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.exited
}

// apiClient calls one node's API as one user.
type apiClient struct {
	t      *testing.T
	origin string
	token  string
}

func loginAPI(t *testing.T, origin, id, secret string) *apiClient {
	t.Helper()
	res, err := http.PostForm(origin+"/api/4.0/login", url.Values{"client_id": {id}, "client_secret": {secret}})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("login: %d %v", res.StatusCode, err)
	}
	return &apiClient{t: t, origin: origin, token: tok.AccessToken}
}

// do sends body as JSON and decodes a 2xx answer into out.
func (a *apiClient) do(method, path string, body, out any) {
	a.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, a.origin+"/api/4.0"+path, r)
	req.Header.Set("Authorization", "Bearer "+a.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode/100 != 2 {
		a.t.Fatalf("%s %s: %d %s", method, path, res.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			a.t.Fatalf("%s %s: %v in %s", method, path, err, b)
		}
	}
}

// firstLookID is the id of a look the demo seed made.
func (a *apiClient) firstLookID() string {
	var looks []struct {
		ID string `json:"id"`
	}
	a.do(http.MethodGet, "/looks?fields=id", nil, &looks)
	if len(looks) == 0 {
		a.t.Fatal("the seed made no look")
	}
	return looks[0].ID
}

// everyMinute schedules look to dests on every minute of the scheduler's clock.
func (a *apiClient) everyMinute(lookID string, dests ...map[string]any) string {
	var plan struct {
		ID string `json:"id"`
	}
	a.do(http.MethodPost, "/scheduled_plans", map[string]any{"name": "Every minute", "look_id": lookID,
		"crontab": "* * * * *", "timezone": "UTC", "enabled": true, "scheduled_plan_destination": dests}, &plan)
	return plan.ID
}

func fixedAdmin() map[string]string {
	return map[string]string{"OVERLOOK_ADMIN_CLIENT_ID": "e2eadmin", "OVERLOOK_ADMIN_CLIENT_SECRET": "e2e-secret-0123456789"}
}

func epochNow() string { return fmt.Sprint(time.Now().Unix()) }

func mergeEnv(maps ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// sent counts the scheduled deliveries the process logged as sent.
func (c *child) sent() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return bytes.Count(c.log.Bytes(), []byte("scheduled delivery sent"))
}
