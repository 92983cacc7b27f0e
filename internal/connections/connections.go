// Package connections manages database connections: their configurations
// in the metadata store (credentials encrypted at rest), the per-dialect
// allowlist of options, and the open warehouse engines.
//
// Two kinds of connection exist. Connections created through the API are
// untrusted input: every field passes an allowlist (validate.go) before it
// is stored. Static connections come from the operator (serve
// --connection, the thelook demo, system__activity): they are trusted,
// live in memory, and cannot be changed through the API.
package connections

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// Service manages connections.
type Service struct {
	store *store.Store
	key   []byte // AES-256 key for credentials at rest

	mu       sync.Mutex
	statics  map[string]*Connection
	engines  map[string]warehouse.Engine
	filesDir string
}

// New returns a connection service; key encrypts credentials at rest.
func New(st *store.Store, key []byte) *Service {
	return &Service{store: st, key: key, statics: map[string]*Connection{}, engines: map[string]warehouse.Engine{}}
}

// Connection is one connection. Password and Certificate are in the clear
// here; they are sealed in the store and never leave through the API.
type Connection struct {
	warehouse.Config
	Certificate string
	FileType    string
	PoolTimeout int // seconds
	Settings    Settings
	// Static connections are configured by the operator.
	Static    bool
	UserID    int64
	CreatedAt time.Time
}

// Settings are the connection's remaining Looker settings, kept as JSON.
type Settings struct {
	SSL               bool   `json:"ssl,omitempty"`
	VerifySSL         bool   `json:"verify_ssl,omitempty"`
	DBTimezone        string `json:"db_timezone,omitempty"`
	QueryTimezone     string `json:"query_timezone,omitempty"`
	TmpDBName         string `json:"tmp_db_name,omitempty"`
	MaxQueries        int64  `json:"max_queries,omitempty"`
	MaxQueriesPerUser int64  `json:"max_queries_per_user,omitempty"`
}

// HasPassword reports whether the connection has a password.
func (c *Connection) HasPassword() bool { return c.Password != "" }

// Hidden connections (system__activity) are left out of lists and the API.
func (c *Connection) Hidden() bool { return IsSystem(c.Name) }

// SetFilesDir names the directory whose database files embedded (DuckDB,
// SQLite) connections created through the API may open, by bare name.
// Without it such connections cannot be opened.
func (s *Service) SetFilesDir(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.filesDir = dir
}

// List returns the connections the API shows: static ones but the hidden,
// and stored ones, by name. A stored connection shadowed by a static one
// of the same name is left out.
func (s *Service) List(ctx context.Context) ([]*Connection, error) {
	rows, err := s.store.Connections(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	var out []*Connection
	for _, c := range s.statics {
		if !c.Hidden() {
			out = append(out, c)
		}
	}
	s.mu.Unlock()
	for _, row := range rows {
		if s.static(row.Name) != nil {
			continue
		}
		c, err := s.fromRow(row)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns any connection by name, hidden ones included: callers that
// answer users check Hidden.
func (s *Service) Get(ctx context.Context, name string) (*Connection, error) {
	if c := s.static(name); c != nil {
		return c, nil
	}
	row, err := s.store.Connection(ctx, name)
	if err != nil {
		return nil, err
	}
	return s.fromRow(row)
}

func (s *Service) static(name string) *Connection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.statics[name]
}

// Create validates c and stores it with its credentials sealed.
func (s *Service) Create(ctx context.Context, c *Connection) error {
	if err := validateName(c.Name); err != nil {
		return err
	}
	if err := validate(c); err != nil {
		return err
	}
	if s.static(c.Name) != nil {
		return overlook.Errorf(overlook.ECONFLICT, "a connection named %s already exists", c.Name)
	}
	row, err := s.toRow(c)
	if err != nil {
		return err
	}
	if err := s.store.CreateConnection(ctx, row); err != nil {
		return err
	}
	c.CreatedAt = row.CreatedAt
	return nil
}

// Update validates c and replaces the stored connection of its name; the
// engine open for the old settings is closed.
func (s *Service) Update(ctx context.Context, c *Connection) error {
	if err := s.mutable(c.Name); err != nil {
		return err
	}
	if err := validate(c); err != nil {
		return err
	}
	row, err := s.toRow(c)
	if err != nil {
		return err
	}
	if err := s.store.UpdateConnection(ctx, row); err != nil {
		return err
	}
	s.closeEngine(c.Name)
	return nil
}

// Delete removes a stored connection and closes its engine.
func (s *Service) Delete(ctx context.Context, name string) error {
	if err := s.mutable(name); err != nil {
		return err
	}
	if err := s.store.DeleteConnection(ctx, name); err != nil {
		return err
	}
	s.closeEngine(name)
	return nil
}

// mutable refuses changes to static connections.
func (s *Service) mutable(name string) error {
	if c := s.static(name); c != nil {
		if c.Hidden() {
			return overlook.NotFound()
		}
		return overlook.Errorf(overlook.ENOTALLOWED, "connection %s is configured by the operator and cannot be changed", name)
	}
	return nil
}

func (s *Service) toRow(c *Connection) (*store.Connection, error) {
	pw, err := s.seal(c.Password, sealedAD(c.Name, "password"))
	if err != nil {
		return nil, err
	}
	cert, err := s.seal(c.Certificate, sealedAD(c.Name, "certificate"))
	if err != nil {
		return nil, err
	}
	opts, _ := json.Marshal(c.Options)
	settings, _ := json.Marshal(struct {
		Settings
		FileType string `json:"file_type,omitempty"`
	}{c.Settings, c.FileType})
	return &store.Connection{Name: c.Name, Dialect: c.Dialect, Host: c.Host, Port: c.Port, Database: c.Database,
		Schema: c.Schema, Username: c.Username, PasswordSealed: pw, CertificateSealed: cert, Options: string(opts),
		Settings: string(settings), MaxConnections: c.MaxConnections, PoolTimeout: c.PoolTimeout,
		QueryTimeout: int(c.QueryTimeout / time.Second), UserID: c.UserID}, nil
}

func (s *Service) fromRow(row *store.Connection) (*Connection, error) {
	c := &Connection{Config: warehouse.Config{Name: row.Name, Dialect: row.Dialect, Host: row.Host, Port: row.Port,
		Database: row.Database, Schema: row.Schema, Username: row.Username, MaxConnections: row.MaxConnections,
		QueryTimeout: time.Duration(row.QueryTimeout) * time.Second, Options: map[string]string{}},
		PoolTimeout: row.PoolTimeout, UserID: row.UserID, CreatedAt: row.CreatedAt}
	var err error
	if c.Password, err = s.open(row.PasswordSealed, sealedAD(row.Name, "password")); err != nil {
		return nil, err
	}
	if c.Certificate, err = s.open(row.CertificateSealed, sealedAD(row.Name, "certificate")); err != nil {
		return nil, err
	}
	_ = json.Unmarshal([]byte(row.Options), &c.Options)
	var extra struct {
		Settings
		FileType string `json:"file_type"`
	}
	_ = json.Unmarshal([]byte(row.Settings), &extra)
	c.Settings, c.FileType = extra.Settings, extra.FileType
	return c, nil
}

// engineConfig is what an engine opens for c. API connections get their
// SSL settings as driver options and an embedded file resolved in the
// files directory, read-only.
func (s *Service) engineConfig(c *Connection) (warehouse.Config, error) {
	cfg := c.Config
	if c.Static {
		return cfg, nil
	}
	d, ok := LookupDialect(c.Dialect)
	if !ok {
		return cfg, overlook.Invalid("dialect_name", "invalid", "%q is not a known dialect", c.Dialect)
	}
	cfg.Options = map[string]string{}
	if d.SSL != nil && c.Settings.SSL {
		cfg.Options[d.SSL.Key] = d.SSL.On
		if c.Settings.VerifySSL {
			cfg.Options[d.SSL.Key] = d.SSL.Verify
		}
	}
	for k, v := range c.Options {
		cfg.Options[k] = v
	}
	if d.Embedded {
		path, err := s.resolveFile(c.Database)
		if err != nil {
			return cfg, err
		}
		cfg.Path, cfg.Database, cfg.ReadOnly = path, "", true
	}
	return cfg, nil
}

// resolveFile finds an embedded database file named by an API connection:
// a regular file (not a link) directly in the files directory, and not
// the file of a static connection that is hidden (the metadata DB).
func (s *Service) resolveFile(name string) (string, error) {
	s.mu.Lock()
	dir := s.filesDir
	var hidden []string
	for _, c := range s.statics {
		if c.Hidden() && c.Path != "" {
			hidden = append(hidden, filepath.Clean(c.Path))
		}
	}
	s.mu.Unlock()
	if dir == "" {
		return "", overlook.Invalid("database", "invalid", "this server opens no database files for API connections")
	}
	path := filepath.Join(dir, name)
	if filepath.Dir(path) != filepath.Clean(dir) {
		return "", overlook.Invalid("database", "invalid", "database must be a bare file name")
	}
	for _, h := range hidden {
		if sameFile(h, path) {
			return "", overlook.Invalid("database", "invalid", "%s is not a database API connections may open", name)
		}
	}
	if err := regularFile(path); err != nil {
		return "", overlook.Invalid("database", "invalid", "%s: %v", name, err)
	}
	return path, nil
}
