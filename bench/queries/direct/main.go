// Command direct is the baseline of the uncached run_inline_query
// benchmark: a bare HTTP server that runs one fixed SQL statement straight
// through duckdb-go's own connector on the thelook demo file (opened
// read-only, with the settings Overlook's DuckDB engine passes in its DSN,
// but not Overlook's streaming connector) and writes the rows
// as a JSON array of objects keyed by column name.
//
//	direct -addr 127.0.0.1:19998 -db data/thelook.duckdb -sql query.sql
//
// Any request to a path other than /alive runs the statement once.
package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"

	duckdbgo "github.com/duckdb/duckdb-go/v2"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/duckdb"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:19998", "listen address")
	path := flag.String("db", "", "DuckDB file, opened read-only")
	sqlFile := flag.String("sql", "", "file holding the SQL to run per request")
	flag.Parse()
	text, err := os.ReadFile(*sqlFile)
	if err != nil {
		log.Fatal(err)
	}
	dsn, err := duckdb.DSN(warehouse.Config{Name: "direct", Dialect: duckdb.Dialect, Path: *path, ReadOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	conn, err := duckdbgo.NewConnector(dsn, nil)
	if err != nil {
		log.Fatal(err)
	}
	db := sql.OpenDB(conn)
	defer db.Close()
	query := string(text)
	mux := http.NewServeMux()
	mux.HandleFunc("/alive", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		out, err := run(r, db, query)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
	})
	log.Fatal(http.ListenAndServe(*addr, mux))
}

// run executes query and encodes its rows.
func run(r *http.Request, db *sql.DB, query string) ([]byte, error) {
	rows, err := db.QueryContext(r.Context(), query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []map[string]any
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("rows: %w", err)
	}
	return json.Marshal(out)
}
