package api_test

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// After five failures for one client_id in five minutes, login answers 429
// whether or not the client_id exists, with the same body either way.
func TestLoginThrottle(t *testing.T) {
	inst := servertest.Start(t)
	attempt := func(id, secret string) *servertest.Response {
		form := url.Values{"client_id": {id}, "client_secret": {secret}}
		return inst.Do(t, "POST", "/api/4.0/login", "", form.Encode())
	}
	var bodies [2][]byte
	for i, id := range []string{servertest.AdminClientID, "no-such-client"} {
		for n := 0; n < 5; n++ {
			if res := attempt(id, "wrong"); res.Status != 404 {
				t.Fatalf("%s failure %d: %d %s", id, n, res.Status, res.Body)
			}
		}
		res := attempt(id, "wrong")
		if res.Status != 429 || res.Header.Get("Retry-After") == "" {
			t.Fatalf("%s: %d %v", id, res.Status, res.Header)
		}
		bodies[i] = res.Body
	}
	if !bytes.Equal(bodies[0], bodies[1]) {
		t.Errorf("known and unknown ids answer differently: %s vs %s", bodies[0], bodies[1])
	}
	// The right secret is refused too while the limit holds.
	if res := attempt(servertest.AdminClientID, servertest.AdminClientSecret); res.Status != 429 {
		t.Errorf("throttled right secret: %d", res.Status)
	}
}

func TestUnknownAndMalformedLogins(t *testing.T) {
	inst := servertest.Start(t)
	for _, body := range []string{"", "client_id=&client_secret=", "%zz", "client_id=" + servertest.AdminClientID} {
		res := inst.Do(t, "POST", "/api/4.0/login", "", body)
		if res.Status != 404 {
			t.Errorf("body %q: %d %s", body, res.Status, res.Body)
		}
	}
}
