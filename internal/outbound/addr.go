package outbound

import (
	"net/netip"
	"strings"
)

// special lists the ranges no outbound request may reach unless the operator
// allows the destination by name. netip's own predicates cover loopback,
// private, link-local, multicast and unspecified addresses; these are the
// rest of the IANA special-purpose registries that route somewhere a server
// should not send a webhook, plus the IPv6 forms that embed an IPv4 address.
var special = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared address space (CGNAT, some cloud metadata)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved or broadcast"},
	{netip.MustParsePrefix("::/96"), "IPv4-compatible IPv6"},
	{netip.MustParsePrefix("64:ff9b::/96"), "NAT64"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local NAT64"},
	{netip.MustParsePrefix("100::/64"), "discard-only"},
	{netip.MustParsePrefix("2001::/23"), "IETF protocol assignments (Teredo, ORCHID…)"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("2002::/16"), "6to4"},
	{netip.MustParsePrefix("3fff::/20"), "documentation"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// forbidden says why ip must not be dialled, or "" when it may be.
func forbidden(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "invalid address"
	case ip.IsUnspecified():
		return "unspecified address"
	case ip.IsLoopback():
		return "loopback address"
	case ip.IsPrivate():
		return "private address"
	case ip.IsLinkLocalUnicast():
		return "link-local address (cloud metadata lives here)"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast address"
	}
	for _, s := range special {
		if s.prefix.Contains(ip) {
			return s.why + " address"
		}
	}
	return ""
}

// numericHost reports whether host is written as a number in a form that
// some resolvers read as an IPv4 address (2130706433, 0x7f.1, 0177.0.0.1,
// 127.1) while netip does not. Such hosts are refused outright: what they
// mean depends on the resolver.
func numericHost(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) > 4 {
		return false
	}
	for _, l := range labels {
		if !numericLabel(l) {
			return false
		}
	}
	return true
}

func numericLabel(l string) bool {
	digits := l
	hex := strings.HasPrefix(strings.ToLower(l), "0x")
	if hex {
		digits = l[2:]
	} else if l == "" {
		return false
	}
	for _, r := range strings.ToLower(digits) {
		isDigit := r >= '0' && r <= '9'
		isHex := r >= 'a' && r <= 'f'
		if !isDigit && !(hex && isHex) {
			return false
		}
	}
	return true
}
