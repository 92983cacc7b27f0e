// Package outbound is the one HTTP client for requests Overlook makes on its
// own behalf: webhook deliveries and the renderer's navigation. Such URLs come
// from users, so the client refuses, after DNS resolution and again on every
// redirect, any destination inside the machine or its network (loopback,
// private, link-local and cloud-metadata addresses, and the other special
// ranges), unless the operator allows that host by name.
package outbound

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Dialer opens connections; *net.Dialer is one. Tests put a recording dialer
// beneath the guard.
type Dialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// Resolver turns host names into addresses; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// RefusedError is the answer for a destination the guard will not reach.
type RefusedError struct {
	Dest   string // the URL or host:port refused
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("outbound request to %s refused: %s", e.Dest, e.Reason)
}

// Guard checks destinations and dials only the addresses it checked.
type Guard struct {
	allow    map[string]bool // lower-case "host" or "host:port"
	dialer   Dialer
	resolver Resolver
}

// Option changes a Guard.
type Option func(*Guard)

// WithDialer sets what opens connections once a destination passed.
func WithDialer(d Dialer) Option { return func(g *Guard) { g.dialer = d } }

// WithResolver sets how host names are resolved.
func WithResolver(r Resolver) Option { return func(g *Guard) { g.resolver = r } }

// New returns a guard allowing, besides public addresses, the operator's
// entries: "host" (any port) or "host:port". An allowed host name is trusted
// whatever it resolves to.
func New(allow []string, opts ...Option) (*Guard, error) {
	g := &Guard{
		allow:    map[string]bool{},
		dialer:   &net.Dialer{Timeout: 10 * time.Second},
		resolver: &net.Resolver{PreferGo: true},
	}
	for _, a := range allow {
		entry, err := allowEntry(a)
		if err != nil {
			return nil, err
		}
		g.allow[entry] = true
	}
	for _, o := range opts {
		o(g)
	}
	return g, nil
}

func allowEntry(a string) (string, error) {
	a = strings.ToLower(strings.TrimSpace(a))
	if a == "" || strings.ContainsAny(a, "/@?# ") {
		return "", fmt.Errorf("outbound allow entry %q: want host or host:port", a)
	}
	if host, port, err := net.SplitHostPort(a); err == nil {
		if host == "" || port == "" {
			return "", fmt.Errorf("outbound allow entry %q: want host or host:port", a)
		}
		return net.JoinHostPort(canonicalHost(host), port), nil
	}
	return canonicalHost(strings.Trim(a, "[]")), nil
}

// canonicalHost lower-cases a host and drops a trailing dot, so that
// "LOCALHOST." and "localhost" are the same destination.
func canonicalHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

func (g *Guard) allowed(host, port string) bool {
	host = canonicalHost(host)
	return g.allow[host] || g.allow[net.JoinHostPort(host, port)]
}

// CheckURL refuses what the client never fetches: schemes other than http
// and https, a missing host, and hosts written as ambiguous numbers.
func (g *Guard) CheckURL(u *url.URL) error {
	refuse := func(why string) error { return &RefusedError{Dest: u.Redacted(), Reason: why} }
	if u.Scheme != "http" && u.Scheme != "https" {
		return refuse("only http and https URLs are fetched")
	}
	host := canonicalHost(u.Hostname())
	if host == "" {
		return refuse("no host")
	}
	if _, err := netip.ParseAddr(host); err != nil && numericHost(host) {
		return refuse("host is a number in a non-standard form")
	}
	return nil
}

// DialContext resolves address, refuses it if any of its addresses is
// forbidden, and dials the checked address itself, so a second resolution
// cannot answer differently.
func (g *Guard) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, &RefusedError{Dest: address, Reason: "not host:port"}
	}
	if g.allowed(host, port) {
		return g.dialer.DialContext(ctx, network, address)
	}
	ips, err := g.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	for _, ip := range ips {
		if why := forbidden(ip); why != "" {
			return nil, &RefusedError{Dest: address, Reason: fmt.Sprintf("%s resolves to %s, a %s", host, ip, why)}
		}
	}
	return g.dialer.DialContext(ctx, network, net.JoinHostPort(ips[0].Unmap().String(), port))
}

func (g *Guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip}, nil
	}
	if numericHost(canonicalHost(host)) {
		return nil, &RefusedError{Dest: host, Reason: "host is a number in a non-standard form"}
	}
	ips, err := g.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, fmt.Errorf("outbound: resolve %s: %w", host, err)
	}
	if len(ips) == 0 {
		return nil, fmt.Errorf("outbound: %s has no address", host)
	}
	return ips, nil
}

// Client returns an HTTP client whose every request, redirects included,
// passes the guard. It ignores proxy settings from the environment: a proxy
// would dial on the guard's behalf.
func (g *Guard) Client(timeout time.Duration) *http.Client {
	transport := &http.Transport{
		DialContext:           g.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
	}
	return &http.Client{
		Timeout:   timeout,
		Transport: checkedTransport{guard: g, next: transport},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return &RefusedError{Dest: req.URL.Redacted(), Reason: "more than 5 redirects"}
			}
			return nil
		},
	}
}

// checkedTransport checks each request's URL, the first and every redirect,
// before it reaches the dialer.
type checkedTransport struct {
	guard *Guard
	next  http.RoundTripper
}

func (t checkedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.guard.CheckURL(req.URL); err != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, err
	}
	return t.next.RoundTrip(req)
}
