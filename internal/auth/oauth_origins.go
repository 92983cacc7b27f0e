package auth

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"time"
)

// originTTL bounds how long the allowed origins are reused. Changes to
// apps on this node drop them at once; a changed embed allowlist is seen
// within this time.
const originTTL = 2 * time.Second

// originSet is the origins that may call the API cross-origin: those of
// the enabled apps' redirect URIs, and the embed domain allowlist.
type originSet struct {
	exact    map[string]bool
	suffixes []string // "https://.example.com" for an entry https://*.example.com
	expiry   time.Time
}

// AllowedOrigin reports whether a browser page at origin may call the API.
// "null" and anything that is not a plain scheme://host[:port] never may.
func (o *OAuth) AllowedOrigin(ctx context.Context, origin string) bool {
	origin = strings.ToLower(origin)
	if !isPlainOrigin(origin) {
		return false
	}
	set, err := o.originSet(ctx)
	if err != nil {
		return false
	}
	if set.exact[origin] {
		return true
	}
	for _, sfx := range set.suffixes {
		scheme, host, _ := strings.Cut(sfx, "://")
		if strings.HasPrefix(origin, scheme+"://") && strings.HasSuffix(origin, host) && len(origin) > len(sfx) {
			return true
		}
	}
	return false
}

// isPlainOrigin accepts scheme://host[:port] with nothing after it.
func isPlainOrigin(origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil &&
		u.Path == "" && u.RawQuery == "" && u.Fragment == "" && !strings.ContainsAny(origin, "?#* ") &&
		origin == u.Scheme+"://"+u.Host
}

func (o *OAuth) dropOrigins() {
	o.mu.Lock()
	o.origins = nil
	o.mu.Unlock()
}

// DropOrigins forgets the cached allowed origins (after a settings change).
func (o *OAuth) DropOrigins() { o.dropOrigins() }

func (o *OAuth) originSet(ctx context.Context) (*originSet, error) {
	now := time.Now()
	o.mu.Lock()
	set := o.origins
	o.mu.Unlock()
	if set != nil && now.Before(set.expiry) {
		return set, nil
	}
	set = &originSet{exact: map[string]bool{}, expiry: now.Add(originTTL)}
	apps, err := o.st.OAuthApps(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		if origin, err := redirectOrigin(a.RedirectURI); err == nil && a.Enabled {
			set.exact[origin] = true
		}
	}
	allow, err := o.embedAllowlist(ctx)
	if err != nil {
		return nil, err
	}
	for _, entry := range allow {
		set.add(entry)
	}
	o.mu.Lock()
	o.origins = set
	o.mu.Unlock()
	return set, nil
}

// add takes an allowlist entry: an origin, a bare host (meaning https), or
// either with a leading "*." for any subdomain.
func (s *originSet) add(entry string) {
	entry = strings.ToLower(strings.TrimRight(strings.TrimSpace(entry), "/"))
	if entry == "" {
		return
	}
	if !strings.Contains(entry, "://") {
		entry = "https://" + entry
	}
	scheme, host, _ := strings.Cut(entry, "://")
	if rest, ok := strings.CutPrefix(host, "*."); ok {
		if isPlainOrigin(scheme + "://" + rest) {
			s.suffixes = append(s.suffixes, scheme+"://."+rest)
		}
		return
	}
	if isPlainOrigin(entry) {
		s.exact[entry] = true
	}
}

// embedAllowlist reads Looker's setting embed_config.domain_allowlist.
func (o *OAuth) embedAllowlist(ctx context.Context) ([]string, error) {
	stored, err := o.st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	var cfg struct {
		DomainAllowlist []string `json:"domain_allowlist"`
	}
	if text, ok := stored["embed_config"]; ok {
		_ = json.Unmarshal([]byte(text), &cfg)
	}
	return cfg.DomainAllowlist, nil
}
