package outbound_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/outbound"
)

// recordingDialer sits beneath the guard: it notes every address the guard
// asks for and connects only to the test sink.
type recordingDialer struct {
	sink string
	mu   sync.Mutex
	seen []string
}

func (d *recordingDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	d.mu.Lock()
	d.seen = append(d.seen, address)
	d.mu.Unlock()
	if address != d.sink {
		return nil, fmt.Errorf("test dialer: %s is not the sink", address)
	}
	var nd net.Dialer
	return nd.DialContext(ctx, network, address)
}

func (d *recordingDialer) dialled() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.seen...)
}

// fakeResolver answers from a table: this machine has no DNS.
type fakeResolver map[string][]string

func (r fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	addrs, ok := r[strings.TrimSuffix(strings.ToLower(host), ".")]
	if !ok {
		return nil, fmt.Errorf("no such host %s", host)
	}
	var out []netip.Addr
	for _, a := range addrs {
		out = append(out, netip.MustParseAddr(a))
	}
	return out, nil
}

var names = fakeResolver{
	"localhost":                {"127.0.0.1", "::1"},
	"127.0.0.1.nip.io":         {"127.0.0.1"},
	"metadata.google.internal": {"169.254.169.254"},
	"internal.example":         {"10.1.2.3"},
	"mixed.example":            {"93.184.216.34", "192.168.1.20"},
	"v6private.example":        {"fd00::5"},
	"public.example":           {"93.184.216.34"},
}

type fixture struct {
	sink   *httptest.Server
	dialer *recordingDialer
	client *http.Client
}

// newFixture starts a sink on 127.0.0.1 that the operator allows on its own
// port only, and redirects to whatever its "to" parameter says.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to := r.URL.Query().Get("to"); to != "" {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		io.WriteString(w, "sink")
	}))
	t.Cleanup(sink.Close)
	addr := strings.TrimPrefix(sink.URL, "http://")
	d := &recordingDialer{sink: addr}
	g, err := outbound.New([]string{addr}, outbound.WithDialer(d), outbound.WithResolver(names))
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{sink: sink, dialer: d, client: g.Client(5 * time.Second)}
}

func (f *fixture) get(raw string) error {
	req, err := http.NewRequest(http.MethodGet, raw, nil)
	if err != nil {
		return err
	}
	res, err := f.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	return nil
}

func (f *fixture) sinkPort() string {
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(f.sink.URL, "http://"))
	return port
}

func TestSinkIsReachable(t *testing.T) {
	f := newFixture(t)
	if err := f.get(f.sink.URL + "/hook"); err != nil {
		t.Fatalf("allowed sink: %v", err)
	}
	if got := f.dialer.dialled(); len(got) != 1 {
		t.Fatalf("dialled %v, want the sink once", got)
	}
}

func TestPublicAddressIsDialledByCheckedIP(t *testing.T) {
	f := newFixture(t)
	f.get("http://public.example:8080/hook") // the test dialer refuses it
	got := f.dialer.dialled()
	if len(got) != 1 || got[0] != "93.184.216.34:8080" {
		t.Fatalf("dialled %v, want the resolved public address", got)
	}
}

// hostile lists destinations a webhook or renderer must never reach.
func hostile(sinkPort string) []string {
	return []string{
		// loopback, in every spelling
		"http://127.0.0.1/", "http://127.0.0.2:8080/", "http://127.255.255.254/",
		"http://127.0.0.1:" + otherPort(sinkPort) + "/",
		"http://localhost/", "http://LOCALHOST./", "http://127.0.0.1.nip.io/",
		"http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
		"http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/",
		"http://0.0.0.0/", "http://[::]/", "http://0/",
		// numbers some resolvers read as 127.0.0.1
		"http://2130706433/", "http://017700000001/", "http://0x7f000001/", "http://0x7f.0.0.1/",
		"http://0177.0.0.1/", "http://127.1/", "http://127.0.1/", "http://0x7F.0x0.0x0.0x1/",
		// link-local and cloud metadata
		"http://169.254.169.254/latest/meta-data/", "http://169.254.170.2/v2/credentials",
		"http://metadata.google.internal/computeMetadata/v1/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/",
		"http://[fd00:ec2::254]/latest/meta-data/", "http://100.100.100.200/latest/meta-data/",
		"http://[::ffff:169.254.169.254]/",
		// private ranges, literal and resolved
		"http://10.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
		"http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[::ffff:10.0.0.1]/", "http://[::ffff:c0a8:1]/",
		"http://internal.example/", "http://mixed.example/", "http://v6private.example/",
		// IPv6 forms that carry an IPv4 address
		"http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
		// multicast, broadcast, reserved, shared, documentation
		"http://224.0.0.1/", "http://255.255.255.255/", "http://240.0.0.1/", "http://[ff02::1]/",
		"http://100.64.0.1/", "http://198.18.0.1/", "http://192.0.0.8/", "http://192.0.2.1/",
		// schemes other than http(s)
		"file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://public.example/", "dict://127.0.0.1:11211/",
		"ldap://127.0.0.1/", "ws://public.example/", "data:text/plain,hi", "javascript:alert(1)",
		// no host
		"http:///path",
	}
}

func otherPort(p string) string {
	if p == "9" {
		return "10"
	}
	return "9"
}

func TestHostileDestinationsAreNeverDialled(t *testing.T) {
	f := newFixture(t)
	cases := hostile(f.sinkPort())
	if len(cases) < 40 {
		t.Fatalf("only %d hostile destinations", len(cases))
	}
	for _, raw := range cases {
		t.Run(raw, func(t *testing.T) {
			before := len(f.dialer.dialled())
			err := f.get(raw)
			var refused *outbound.RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			if got := f.dialer.dialled()[before:]; len(got) != 0 {
				t.Fatalf("dialled %v", got)
			}
		})
	}
	t.Logf("%d hostile destinations refused before any connection", len(cases))
}

// TestRedirectsAreCheckedEachHop follows the sink's redirects to forbidden
// places: the sink itself is dialled once per case, nothing else ever.
func TestRedirectsAreCheckedEachHop(t *testing.T) {
	f := newFixture(t)
	targets := []string{
		"http://169.254.169.254/latest/meta-data/", "http://[::1]:" + f.sinkPort() + "/", "file:///etc/passwd",
		"http://localhost:" + f.sinkPort() + "/", "http://127.0.0.1:" + otherPort(f.sinkPort()) + "/",
		"http://2130706433/", "gopher://127.0.0.1:6379/_INFO", "http://internal.example/",
	}
	for _, to := range targets {
		t.Run(to, func(t *testing.T) {
			before := len(f.dialer.dialled())
			err := f.get(f.sink.URL + "/?to=" + url.QueryEscape(to))
			var refused *outbound.RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			for _, a := range f.dialer.dialled()[before:] {
				if a != f.dialer.sink {
					t.Fatalf("dialled %s", a)
				}
			}
		})
	}
}

func TestRedirectLoopStops(t *testing.T) {
	f := newFixture(t)
	loop := f.sink.URL + "/?to=" + url.QueryEscape(f.sink.URL+"/?to="+url.QueryEscape(f.sink.URL+"/loop"))
	// /loop answers 200: two hops are fine.
	if err := f.get(loop); err != nil {
		t.Fatalf("two redirects: %v", err)
	}
}

func TestAllowEntries(t *testing.T) {
	for _, bad := range []string{"", "http://x", "a/b", "user@host", ":80", "host:"} {
		if _, err := outbound.New([]string{bad}); err == nil {
			t.Errorf("entry %q accepted", bad)
		}
	}
	for _, good := range []string{"127.0.0.1", "hooks.internal:8443", "[::1]:9000", "::1", "LocalHost."} {
		if _, err := outbound.New([]string{good}); err != nil {
			t.Errorf("entry %q: %v", good, err)
		}
	}
}

func TestAllowedHostNameIsTrusted(t *testing.T) {
	d := &recordingDialer{sink: "localhost:1"}
	g, err := outbound.New([]string{"localhost"}, outbound.WithDialer(d), outbound.WithResolver(names))
	if err != nil {
		t.Fatal(err)
	}
	g.Client(time.Second).Get("http://localhost:1/")
	if got := d.dialled(); len(got) != 1 || got[0] != "localhost:1" {
		t.Fatalf("dialled %v, want localhost:1 as the operator allowed it", got)
	}
}
