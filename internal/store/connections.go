package store

import (
	"context"
	"database/sql"
	"time"
)

// Connection is a database connection created through the API, as stored.
// The store never sees a credential in the clear: PasswordSealed and
// CertificateSealed are sealed by the connections service. Options and
// Settings are JSON objects the service writes and reads.
type Connection struct {
	ID                int64
	Name              string
	Dialect           string
	Host              string
	Port              int
	Database          string
	Schema            string
	Username          string
	PasswordSealed    []byte
	CertificateSealed []byte
	Options           string
	Settings          string
	MaxConnections    int
	PoolTimeout       int // seconds
	QueryTimeout      int // seconds
	UserID            int64
	CreatedAt         time.Time
}

const connectionColumns = `id, name, dialect, host, port, database_name, schema_name, username,
	password_sealed, certificate_sealed, options, settings, max_connections, pool_timeout, query_timeout,
	user_id, created_at`

func scanConnection(sc scanner) (*Connection, error) {
	c := &Connection{}
	var user sql.NullInt64
	var created int64
	err := sc.Scan(&c.ID, &c.Name, &c.Dialect, &c.Host, &c.Port, &c.Database, &c.Schema, &c.Username,
		&c.PasswordSealed, &c.CertificateSealed, &c.Options, &c.Settings, &c.MaxConnections, &c.PoolTimeout,
		&c.QueryTimeout, &user, &created)
	c.UserID, c.CreatedAt = user.Int64, fromMillis(created)
	return c, err
}

// Connections returns every stored connection, by name.
func (s *Store) Connections(ctx context.Context) ([]*Connection, error) {
	var out []*Connection
	err := s.eachRow(ctx, `SELECT `+connectionColumns+` FROM connections ORDER BY name`, nil, func(sc scanner) error {
		c, err := scanConnection(sc)
		out = append(out, c)
		return err
	})
	return out, err
}

// Connection returns the stored connection named name.
func (s *Store) Connection(ctx context.Context, name string) (*Connection, error) {
	c, err := scanConnection(s.queryRow(ctx, `SELECT `+connectionColumns+` FROM connections WHERE name = ?`, name))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return c, nil
}

// CreateConnection inserts c and sets its id and creation time; a taken
// name is a conflict.
func (s *Store) CreateConnection(ctx context.Context, c *Connection) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO connections (name, dialect, host, port, database_name, schema_name,
		username, password_sealed, certificate_sealed, options, settings, max_connections, pool_timeout, query_timeout,
		user_id, created_at) VALUES (`+placeholders(16)+`)`,
		c.Name, c.Dialect, c.Host, c.Port, c.Database, c.Schema, c.Username, c.PasswordSealed, c.CertificateSealed,
		c.Options, c.Settings, c.MaxConnections, c.PoolTimeout, c.QueryTimeout, nullInt(c.UserID), now)
	if err == nil {
		c.ID, c.CreatedAt = id, fromMillis(now)
	}
	return err
}

// UpdateConnection stores every field of c but its name, id, owner and
// creation time, in the row named c.Name.
func (s *Store) UpdateConnection(ctx context.Context, c *Connection) error {
	res, err := s.exec(ctx, `UPDATE connections SET dialect = ?, host = ?, port = ?, database_name = ?, schema_name = ?,
		username = ?, password_sealed = ?, certificate_sealed = ?, options = ?, settings = ?, max_connections = ?,
		pool_timeout = ?, query_timeout = ? WHERE name = ?`,
		c.Dialect, c.Host, c.Port, c.Database, c.Schema, c.Username, c.PasswordSealed, c.CertificateSealed,
		c.Options, c.Settings, c.MaxConnections, c.PoolTimeout, c.QueryTimeout, c.Name)
	return s.affectedOne(res, err)
}

// DeleteConnection removes the connection named name.
func (s *Store) DeleteConnection(ctx context.Context, name string) error {
	res, err := s.exec(ctx, `DELETE FROM connections WHERE name = ?`, name)
	return s.affectedOne(res, err)
}
