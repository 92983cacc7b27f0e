// Package mysql is the MySQL and MariaDB warehouse engine
// (go-sql-driver/mysql), registered as "mysql". It never reads local files
// (no LOAD DATA LOCAL), never runs several statements in one call, and asks
// the server to KILL a statement whose context is cancelled.
package mysql

import (
	"context"
	"net"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Dialect is the name this engine registers under.
const Dialect = "mysql"

// allowedOptions are the driver parameters a connection may set.
var allowedOptions = []string{"tls", "timeout", "readTimeout", "writeTimeout"}

func init() { warehouse.Register(Dialect, Open) }

// Open opens a MySQL engine for cfg.
func Open(ctx context.Context, cfg warehouse.Config) (warehouse.Engine, error) {
	conf, err := DriverConfig(cfg)
	if err != nil {
		return nil, err
	}
	conn, err := newKillingConnector(conf)
	if err != nil {
		return nil, err
	}
	db := warehouse.NewDBEngine(openDB(conn), Dialect, cfg)
	conn.pool = db.DB
	return db, nil
}

// DriverConfig maps cfg to the driver's Config struct field by field, so no
// value is ever parsed as part of a DSN.
func DriverConfig(cfg warehouse.Config) (*mysql.Config, error) {
	if err := warehouse.CheckOptions(Dialect, cfg.Options, allowedOptions...); err != nil {
		return nil, err
	}
	c := mysql.NewConfig()
	port := cfg.Port
	if port == 0 {
		port = 3306
	}
	c.Net, c.Addr = "tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(port))
	c.User, c.Passwd = cfg.Username, cfg.Password
	c.DBName = cfg.Database
	if c.DBName == "" {
		c.DBName = cfg.Schema // in MySQL a schema is a database
	}
	c.AllowAllFiles = false
	c.MultiStatements = false
	c.InterpolateParams = false
	c.ParseTime = true
	c.Loc = time.UTC
	c.Collation = "utf8mb4_general_ci"
	if err := applyOptions(c, cfg.Options); err != nil {
		return nil, err
	}
	return c, nil
}

func applyOptions(c *mysql.Config, opts map[string]string) error {
	durations := map[string]*time.Duration{"timeout": &c.Timeout, "readTimeout": &c.ReadTimeout, "writeTimeout": &c.WriteTimeout}
	for k, v := range opts {
		if d, ok := durations[k]; ok {
			parsed, err := time.ParseDuration(v)
			if err != nil || parsed < 0 {
				return &warehouse.OptionError{Dialect: Dialect, Option: k, Reason: "must be a duration such as 30s"}
			}
			*d = parsed
		}
	}
	if v, ok := opts["tls"]; ok {
		switch v {
		case "true", "false", "skip-verify", "preferred":
			c.TLSConfig = v
		default:
			return &warehouse.OptionError{Dialect: Dialect, Option: "tls", Reason: "must be true, false, skip-verify or preferred"}
		}
	}
	return nil
}
