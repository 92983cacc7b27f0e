package queries

import (
	"context"
	"io"
	"strings"

	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// RunSQL runs the SQL Runner text sqlText on eng with ctx (a cancelled ctx
// cancels it in the database) and writes its rows to w in format f, with
// columns named and labelled by the result set's own column names, as
// Looker's SQL Runner does. The sql format writes sqlText back without
// running it. It returns the number of rows written; a failure before the
// first row leaves w untouched and is the client's 400.
//
// The text is the user's own, so it runs read-only wherever the engine can
// enforce it: embedded engines (SQLite, DuckDB) open read-only, and on
// PostgreSQL and MySQL/MariaDB it runs read-only (see querySQL); beyond
// that, the database user's grants rule.
func RunSQL(ctx context.Context, eng warehouse.Engine, sqlText string, f results.Format, w io.Writer, opt results.Options) (int, error) {
	if !f.RunsQuery {
		return 0, results.WriteSQL(w, sqlText)
	}
	rows, done, err := querySQL(ctx, eng, sqlText)
	if err != nil {
		return 0, databaseError(err)
	}
	defer done()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		return 0, databaseError(err)
	}
	n, err := f.Write(w, sqlColumns(sc.Columns(), sc.Types()), sc, opt)
	if err != nil {
		return n, databaseError(err)
	}
	return n, nil
}

// sqlColumns describes a result set's columns: name and label are the
// column's name, the type follows its database type.
func sqlColumns(names, dbTypes []string) []results.Column {
	cols := make([]results.Column, len(names))
	for i, name := range names {
		cols[i] = results.Column{Name: name, Label: name, LabelShort: name, Kind: results.Dimension,
			Type: sqlFieldType(dbTypes[i])}
	}
	return cols
}

// sqlFieldType maps a database type name (INTEGER, NUMERIC(10,2),
// TIMESTAMPTZ, BOOL…) to the LookML type the result writers know.
func sqlFieldType(dbType string) string {
	t := strings.ToUpper(dbType)
	switch {
	case t == "DATE":
		return "date"
	case strings.Contains(t, "TIMESTAMP") || strings.Contains(t, "DATETIME"):
		return "date_time"
	case strings.HasPrefix(t, "BOOL"):
		return "yesno"
	case containsAny(t, "INT", "REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL", "NUMBER"):
		return "number"
	}
	return "string"
}

func containsAny(s string, parts ...string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
