// Package config reads Overlook's settings from flags and OVERLOOK_*
// environment variables of the same names, and checks them.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// Config is every setting of a node.
type Config struct {
	Addr              string // listen address, host:port
	DataDir           string
	DatabaseURL       string // empty: SQLite in DataDir
	PublicURL         string // origin reported by /versions; empty: the listen origin
	EncryptionKey     string
	AdminClientID     string
	AdminClientSecret string
	LogFormat         string // text or json
	ShutdownTimeout   time.Duration
	// DemoScale sizes the thelook demo generated on first start; 0 turns
	// the demo off.
	DemoScale float64
	// Projects are NAME=DIR LookML projects served from disk (trusted).
	Projects []string
	// Connections are NAME=DSN database connections (trusted).
	Connections []string
	// SMTPURL is the mail server scheduled deliveries go through:
	// smtp://[user:pass@]host[:port]?from=address (smtps://, smtp+plain://).
	SMTPURL string
	// OutboundAllow lists host or host:port destinations that webhooks may
	// reach although they are internal (loopback, private…).
	OutboundAllow []string
	// SchedulerTick is how often a node looks for due deliveries.
	SchedulerTick time.Duration
	// SchedulerSpeed runs the scheduler's clock this many times faster
	// than real time from SchedulerEpoch on (tests fire many schedules in
	// seconds); 1 is real time. Nodes sharing a database, and a node and
	// its restart, agree on the time when they share the epoch.
	SchedulerSpeed float64
	SchedulerEpoch time.Time
}

// Default returns the embedded default: localhost, ./overlook-data, SQLite.
func Default() Config {
	return Config{Addr: "127.0.0.1:19999", DataDir: "./overlook-data", LogFormat: "text", ShutdownTimeout: 30 * time.Second, DemoScale: 1,
		SchedulerTick: 10 * time.Second, SchedulerSpeed: 1}
}

// setting ties a flag to its environment variable.
type setting struct {
	flag, env, usage string
	dst              *string
}

func (c *Config) settings() []setting {
	return []setting{
		{"addr", "OVERLOOK_ADDR", "listen address (host:port)", &c.Addr},
		{"data-dir", "OVERLOOK_DATA_DIR", "data directory", &c.DataDir},
		{"database-url", "OVERLOOK_DATABASE_URL", "metadata database: postgres://… (default: SQLite in the data dir)", &c.DatabaseURL},
		{"public-url", "OVERLOOK_PUBLIC_URL", "URL clients reach this server at (default: the listen origin)", &c.PublicURL},
		{"encryption-key", "OVERLOOK_ENCRYPTION_KEY", "key that encrypts connection credentials (default: a key file in the data dir)", &c.EncryptionKey},
		{"admin-client-id", "OVERLOOK_ADMIN_CLIENT_ID", "API client_id of the first admin (default: generated)", &c.AdminClientID},
		{"admin-client-secret", "OVERLOOK_ADMIN_CLIENT_SECRET", "API client_secret of the first admin (default: generated)", &c.AdminClientSecret},
		{"log-format", "OVERLOOK_LOG_FORMAT", "log format: text or json", &c.LogFormat},
		{"smtp-url", "OVERLOOK_SMTP_URL", "mail server of scheduled deliveries: smtp://[user:pass@]host[:port]?from=address", &c.SMTPURL},
	}
}

// Parse reads flags from args over environment values over defaults.
// getenv is os.Getenv in production.
func Parse(name string, args []string, getenv func(string) string) (Config, error) {
	c := Default()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	for _, s := range c.settings() {
		if v := getenv(s.env); v != "" {
			*s.dst = v
		}
		fs.StringVar(s.dst, s.flag, *s.dst, s.usage+" ($"+s.env+")")
	}
	c.Projects = fields(getenv("OVERLOOK_PROJECTS"))
	if v := getenv("OVERLOOK_DEMO_SCALE"); v != "" {
		if _, err := fmt.Sscan(v, &c.DemoScale); err != nil {
			return c, fmt.Errorf("OVERLOOK_DEMO_SCALE %q: %w", v, err)
		}
	}
	fs.Float64Var(&c.DemoScale, "demo-scale", c.DemoScale, "size of the thelook demo generated on first start; 0: no demo ($OVERLOOK_DEMO_SCALE)")
	c.Connections = fields(getenv("OVERLOOK_CONNECTIONS"))
	fs.Func("project", "serve a LookML project from disk: NAME=DIR (repeatable; $OVERLOOK_PROJECTS, space-separated)",
		appendTo(&c.Projects))
	fs.Func("connection", "register a database connection: NAME=DSN (repeatable; $OVERLOOK_CONNECTIONS, space-separated)",
		appendTo(&c.Connections))
	c.OutboundAllow = strings.FieldsFunc(getenv("OVERLOOK_OUTBOUND_ALLOW"), isListSeparator)
	fs.Func("outbound-allow", "let webhooks reach this internal host or host:port (repeatable; $OVERLOOK_OUTBOUND_ALLOW, comma-separated)",
		appendTo(&c.OutboundAllow))
	if err := c.schedulerFlags(fs, getenv); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return c, c.Validate()
}

func fields(s string) []string { return strings.Fields(s) }

func isListSeparator(r rune) bool { return r == ',' || r == ' ' }

func appendTo(list *[]string) func(string) error {
	return func(v string) error {
		*list = append(*list, v)
		return nil
	}
}

// Validate checks the settings and normalises the public URL.
func (c *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: %w", c.Addr, err))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data-dir must not be empty"))
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("public-url %q must be an http(s) origin", c.PublicURL))
		}
		c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	}
	if (c.AdminClientID == "") != (c.AdminClientSecret == "") {
		errs = append(errs, errors.New("OVERLOOK_ADMIN_CLIENT_ID and OVERLOOK_ADMIN_CLIENT_SECRET go together"))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("log-format %q must be text or json", c.LogFormat))
	}
	errs = append(errs, c.validateScheduler()...)
	if c.DemoScale < 0 || c.DemoScale > 100 {
		errs = append(errs, fmt.Errorf("demo-scale %v must be between 0 and 100", c.DemoScale))
	}
	for _, kv := range append(append([]string{}, c.Projects...), c.Connections...) {
		if name, value, ok := strings.Cut(kv, "="); !ok || name == "" || value == "" {
			errs = append(errs, fmt.Errorf("%q must be NAME=VALUE", kv))
		}
	}
	return errors.Join(errs...)
}
