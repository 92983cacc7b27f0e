package outbound

import (
	"net/netip"
	"net/url"
	"strings"
)

// CheckDestination refuses, without any network traffic, what the client
// would refuse when it connects and what can be told from the URL alone:
// everything CheckURL refuses, IP literals of forbidden ranges and
// localhost names, unless the operator allowed the host. Names that only
// resolve to forbidden addresses are still refused when dialled.
func (g *Guard) CheckDestination(u *url.URL) error {
	if err := g.CheckURL(u); err != nil {
		return err
	}
	host, port := canonicalHost(u.Hostname()), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	if g.allowed(host, port) {
		return nil
	}
	refuse := func(why string) error { return &RefusedError{Dest: u.Redacted(), Reason: why} }
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return refuse("loopback name")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if why := forbidden(ip); why != "" {
			return refuse(why)
		}
	}
	return nil
}
