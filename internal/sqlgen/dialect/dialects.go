// Package dialect registers the SQL dialects by name.
package dialect

import (
	"slices"

	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/bigquery"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/clickhouse"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/duckdb"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/mysql"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/postgres"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/snowflake"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/sqlite"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect/trino"
)

// constructors holds every dialect under its name.
var constructors = map[string]func() *sqlgen.Spec{
	bigquery.Name:   bigquery.New,
	clickhouse.Name: clickhouse.New,
	duckdb.Name:     duckdb.New,
	mysql.Name:      mysql.New,
	postgres.Name:   postgres.New,
	snowflake.Name:  snowflake.New,
	sqlite.Name:     sqlite.New,
	trino.Name:      trino.New,
}

// aliases are other names databases go by (Looker's dialect names among them).
var aliases = map[string]string{
	"mariadb":               mysql.Name,
	"postgresql":            postgres.Name,
	"bigquery_standard_sql": bigquery.Name,
	"presto":                trino.Name,
}

// Lookup returns a fresh dialect by name or alias.
func Lookup(name string) (sqlgen.Dialect, bool) {
	if a, ok := aliases[name]; ok {
		name = a
	}
	c, ok := constructors[name]
	if !ok {
		return nil, false
	}
	return c(), true
}

// Names lists the registered dialects, sorted.
func Names() []string {
	var out []string
	for n := range constructors {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
