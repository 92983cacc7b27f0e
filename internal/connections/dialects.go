package connections

import (
	"regexp"
	"slices"
	"sort"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Dialect is what Overlook knows of a database dialect: how it is labelled,
// where it listens, and which driver options a connection created through
// the API may set. Every difference between dialects lives in this data.
type Dialect struct {
	Name, Label string
	DefaultPort int
	// Embedded dialects open a database file instead of a server: through
	// the API they name a file in the service's files directory, opened
	// read-only.
	Embedded bool
	// FileExts are the file name endings an embedded connection may open.
	FileExts []string
	// Options is the allowlist of driver options; anything else is refused.
	// It is never wider than what the dialect's engine accepts.
	Options map[string]rule
	// SSL says how the ssl and verify_ssl settings become driver options.
	SSL *sslOption
	// Tests are the connection tests the dialect runs by default.
	Tests []string
}

// sslOption maps Looker's ssl/verify_ssl flags onto a driver option.
type sslOption struct{ Key, On, Verify string }

// rule says which values an option accepts: one of enum, or a match of re.
type rule struct {
	enum []string
	re   *regexp.Regexp
}

func (r rule) allows(v string) bool {
	if r.enum != nil {
		return slices.Contains(r.enum, v)
	}
	return r.re.MatchString(v)
}

func oneOf(values ...string) rule { return rule{enum: values} }

var (
	seconds  = rule{re: regexp.MustCompile(`^[0-9]{1,5}$`)}
	duration = rule{re: regexp.MustCompile(`^[0-9]{1,5}(ms|s|m)$`)}
	word     = rule{re: regexp.MustCompile(`^[A-Za-z0-9_]{1,64}$`)}
	label    = rule{re: regexp.MustCompile(`^[A-Za-z0-9_. -]{1,64}$`)}
	memory   = rule{re: regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]{1,3})? ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`)}
	boolean  = oneOf("true", "false")
)

// defaultTests are the tests of test_connection when none are asked for.
var defaultTests = []string{"connect", "query"}

// dialects is the catalogue. Engines register separately (package
// warehouse): a dialect without one is listed but not installed.
var dialects = map[string]*Dialect{
	"postgres": {Name: "postgres", Label: "PostgreSQL", DefaultPort: 5432, Tests: defaultTests,
		SSL: &sslOption{Key: "sslmode", On: "require", Verify: "verify-full"},
		// No sslrootcert/sslcert/sslkey/passfile/service (files on the
		// server), no host/hostaddr/options overrides.
		Options: map[string]rule{
			"sslmode":              oneOf("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
			"application_name":     label,
			"connect_timeout":      seconds,
			"statement_timeout":    seconds,
			"target_session_attrs": oneOf("any", "read-write", "read-only", "primary", "standby", "prefer-standby"),
		}},
	"mysql": {Name: "mysql", Label: "MySQL", DefaultPort: 3306, Tests: defaultTests,
		SSL: &sslOption{Key: "tls", On: "skip-verify", Verify: "true"},
		// No allowAllFiles/allowLocalInfile (LOAD DATA LOCAL reads server
		// files), no multiStatements, no cleartext or old passwords, no
		// client-side interpolation.
		Options: map[string]rule{
			"tls":          oneOf("true", "false", "skip-verify", "preferred"),
			"timeout":      duration,
			"readTimeout":  duration,
			"writeTimeout": duration,
		}},
	// DuckDB: no attach, extension install/load, external access, unsigned
	// extensions or directories (temp, secret, extension): only knobs.
	"duckdb": {Name: "duckdb", Label: "DuckDB", Embedded: true, FileExts: []string{".duckdb"}, Tests: defaultTests,
		Options: map[string]rule{"threads": {re: regexp.MustCompile(`^[1-9][0-9]?$`)}, "memory_limit": memory}},
	// SQLite: read-only (the engine forces it), no options at all.
	"sqlite": {Name: "sqlite", Label: "SQLite", Embedded: true, FileExts: []string{".sqlite", ".sqlite3", ".db"},
		Tests: defaultTests, Options: map[string]rule{}},
	"bigquery": {Name: "bigquery", Label: "Google BigQuery Standard SQL", DefaultPort: 443, Tests: defaultTests,
		Options: map[string]rule{}},
	"snowflake": {Name: "snowflake", Label: "Snowflake", DefaultPort: 443, Tests: defaultTests,
		Options: map[string]rule{"warehouse": word, "role": word}},
	"trino": {Name: "trino", Label: "Trino", DefaultPort: 8080, Tests: defaultTests,
		SSL: &sslOption{Key: "SSL", On: "true", Verify: "true"}, Options: map[string]rule{"source": label}},
	"clickhouse": {Name: "clickhouse", Label: "ClickHouse", DefaultPort: 9000, Tests: defaultTests,
		SSL:     &sslOption{Key: "secure", On: "true", Verify: "true"},
		Options: map[string]rule{"dial_timeout": duration, "compress": boolean}},
}

// LookupDialect returns the dialect named name. A dialect with an engine
// but no catalogue entry (a test engine) is a server dialect with no
// options.
func LookupDialect(name string) (*Dialect, bool) {
	if d, ok := dialects[name]; ok {
		return d, true
	}
	if slices.Contains(warehouse.Dialects(), name) {
		return &Dialect{Name: name, Label: name, Tests: defaultTests, Options: map[string]rule{}}, true
	}
	return nil, false
}

// Dialects lists every known dialect by name.
func Dialects() []*Dialect {
	seen := map[string]bool{}
	var out []*Dialect
	for _, name := range append(dialectNames(), warehouse.Dialects()...) {
		if d, ok := LookupDialect(name); ok && !seen[name] {
			seen[name] = true
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func dialectNames() []string {
	names := make([]string, 0, len(dialects))
	for n := range dialects {
		names = append(names, n)
	}
	return names
}

// Installed reports whether an engine can open connections of d.
func (d *Dialect) Installed() bool { return slices.Contains(warehouse.Dialects(), d.Name) }

// OptionNames lists the options d allows, sorted.
func (d *Dialect) OptionNames() []string {
	names := make([]string, 0, len(d.Options))
	for n := range d.Options {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
