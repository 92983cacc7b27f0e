package connections

import (
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

var (
	namePattern     = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$`)
	hostPattern     = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$`)
	databasePattern = regexp.MustCompile(`^[A-Za-z0-9_$][A-Za-z0-9_$-]{0,127}$`)
	schemaPattern   = regexp.MustCompile(`^[A-Za-z0-9_$][A-Za-z0-9_$]{0,127}$`)
	filePattern     = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`)
	zonePattern     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$`)
)

// systemPrefix marks Overlook's own connections (system__activity): no API
// connection may take such a name.
const systemPrefix = "system__"

// IsSystem reports whether name is one of Overlook's own hidden
// connections, which the SQL Runner must refuse.
func IsSystem(name string) bool { return strings.HasPrefix(name, systemPrefix) }

// validateName checks a connection name from the API.
func validateName(name string) error {
	switch {
	case name == "":
		return overlook.Invalid("name", "missing", "name is required")
	case !namePattern.MatchString(name):
		return overlook.Invalid("name", "invalid", "name must be 1 to 64 letters, digits, _ or -")
	case IsSystem(name):
		return overlook.Invalid("name", "invalid", "names starting with %q are reserved", systemPrefix)
	}
	return nil
}

// validate checks a connection that arrives through the API and puts its
// defaults in place. The rules are an allowlist: every value must have the
// shape of what it names, so no host, database or option can smuggle a
// path, a socket or another driver setting.
func validate(c *Connection) error {
	d, ok := LookupDialect(c.Dialect)
	if !ok {
		return overlook.Invalid("dialect_name", "invalid", "%q is not a known dialect", c.Dialect)
	}
	checks := []func(*Connection, *Dialect) error{validateServer, validateEmbedded, validateCredentials,
		validateLimits, validateSettings, validateOptions}
	for _, check := range checks {
		if err := check(c, d); err != nil {
			return err
		}
	}
	return nil
}

func validateServer(c *Connection, d *Dialect) error {
	if d.Embedded {
		return nil
	}
	if err := validateHost("host", c.Host); err != nil {
		return err
	}
	if c.Port == 0 {
		c.Port = d.DefaultPort
	}
	if c.Port < 0 || c.Port > 65535 {
		return overlook.Invalid("port", "invalid", "port must be between 1 and 65535")
	}
	if c.Database != "" && !databasePattern.MatchString(c.Database) {
		return overlook.Invalid("database", "invalid", "a database name is letters, digits, _, $ or -, not a path or URL")
	}
	return nil
}

// validateHost accepts a host name or an IP address, nothing else: no
// socket path, URL, user@host, host list or port.
func validateHost(field, host string) error {
	switch {
	case host == "":
		return overlook.Invalid(field, "missing", "%s is required", field)
	case len(host) > 253:
		return overlook.Invalid(field, "invalid", "%s is too long", field)
	case net.ParseIP(host) != nil, hostPattern.MatchString(host):
		return nil
	}
	return overlook.Invalid(field, "invalid", "%s must be a host name or an IP address (no path, URL, socket or port)", field)
}

// validateEmbedded allows an embedded dialect only a bare file name with
// the dialect's ending; the service resolves it in its files directory.
func validateEmbedded(c *Connection, d *Dialect) error {
	if !d.Embedded {
		return nil
	}
	if c.Host != "" || c.Port != 0 {
		return overlook.Invalid("host", "invalid", "%s connections open a file: they have no host or port", d.Label)
	}
	name := c.Database
	switch {
	case name == "":
		return overlook.Invalid("database", "missing", "database must name a %s file", d.Label)
	case !filePattern.MatchString(name) || strings.Contains(name, "..") || filepath.Base(name) != name:
		return overlook.Invalid("database", "invalid", "database must be a bare file name, not a path or URL")
	case !slices.ContainsFunc(d.FileExts, func(ext string) bool { return strings.HasSuffix(name, ext) }):
		return overlook.Invalid("database", "invalid", "a %s file name ends with %s", d.Label, strings.Join(d.FileExts, " or "))
	}
	return nil
}

func validateCredentials(c *Connection, d *Dialect) error {
	for _, f := range []struct{ field, value string }{{"username", c.Username}, {"password", c.Password},
		{"certificate", c.Certificate}} {
		if strings.ContainsFunc(f.value, isControl) && f.field != "certificate" {
			return overlook.Invalid(f.field, "invalid", "%s must not contain control characters", f.field)
		}
		if len(f.value) > 16<<10 {
			return overlook.Invalid(f.field, "invalid", "%s is too long", f.field)
		}
	}
	if c.Schema != "" && !schemaPattern.MatchString(c.Schema) {
		return overlook.Invalid("schema", "invalid", "a schema name is letters, digits, _ or $")
	}
	if !slices.Contains([]string{"", ".json", ".p12"}, c.FileType) {
		return overlook.Invalid("file_type", "invalid", "file_type is .json or .p12")
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

func validateLimits(c *Connection, _ *Dialect) error {
	switch {
	case c.MaxConnections < 0 || c.MaxConnections > 1000:
		return overlook.Invalid("max_connections", "invalid", "max_connections must be between 0 and 1000")
	case c.PoolTimeout < 0 || c.PoolTimeout > 3600:
		return overlook.Invalid("pool_timeout", "invalid", "pool_timeout must be between 0 and 3600 seconds")
	case c.QueryTimeout < 0 || c.QueryTimeout > 24*time.Hour:
		return overlook.Invalid("query_timeout", "invalid", "query_timeout must be between 0 and 24 hours")
	case c.Settings.MaxQueries < 0 || c.Settings.MaxQueriesPerUser < 0:
		return overlook.Invalid("max_queries", "invalid", "query limits must not be negative")
	}
	return nil
}

func validateSettings(c *Connection, _ *Dialect) error {
	for _, z := range []struct{ field, value string }{{"db_timezone", c.Settings.DBTimezone},
		{"query_timezone", c.Settings.QueryTimezone}} {
		if z.value == "" {
			continue
		}
		if _, err := time.LoadLocation(z.value); err != nil || !zonePattern.MatchString(z.value) {
			return overlook.Invalid(z.field, "invalid", "%q is not a time zone", z.value)
		}
	}
	if t := c.Settings.TmpDBName; t != "" && !schemaPattern.MatchString(t) {
		return overlook.Invalid("tmp_db_name", "invalid", "tmp_db_name is letters, digits, _ or $")
	}
	return nil
}

// validateOptions checks every driver option against the dialect's
// allowlist and the option's value rule.
func validateOptions(c *Connection, d *Dialect) error {
	for _, key := range sortedKeys(c.Options) {
		field := "jdbc_additional_params." + key
		r, ok := d.Options[key]
		if !ok {
			return overlook.Invalid(field, "invalid", "%q is not an allowed %s option (allowed: %s)", key, d.Label,
				strings.Join(d.OptionNames(), ", "))
		}
		if !r.allows(c.Options[key]) {
			return overlook.Invalid(field, "invalid", "%q is not an allowed value of %s", c.Options[key], key)
		}
	}
	return nil
}

// ParseParams reads jdbc_additional_params: key=value pairs separated by
// & or ;. Values may be percent-encoded; they are decoded before the
// allowlist sees them, so an encoded path is still a path.
func ParseParams(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.FieldsFunc(s, func(r rune) bool { return r == '&' || r == ';' }) {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		_, dup := out[k]
		key, err1 := url.QueryUnescape(strings.TrimSpace(k))
		value, err2 := url.QueryUnescape(strings.TrimSpace(v))
		switch {
		case err1 != nil || err2 != nil || key == "":
			return nil, overlook.Invalid("jdbc_additional_params", "invalid", "%q is not a key=value pair", pair)
		case dup:
			return nil, overlook.Invalid("jdbc_additional_params."+key, "invalid", "%s is given twice", key)
		}
		out[key] = value
	}
	return out, nil
}

// FormatParams writes options back in the form ParseParams reads.
func FormatParams(opts map[string]string) string {
	parts := make([]string, 0, len(opts))
	for _, k := range sortedKeys(opts) {
		parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(opts[k]))
	}
	return strings.Join(parts, "&")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ParsePort reads Looker's port, a string; empty means the default.
func ParsePort(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	p, err := strconv.Atoi(s)
	if err != nil || p <= 0 || p > 65535 {
		return 0, overlook.Invalid("port", "invalid", "port must be a number between 1 and 65535")
	}
	return p, nil
}
