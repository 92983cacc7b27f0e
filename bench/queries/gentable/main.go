// Command gentable writes the 10M-row table of the SQL Runner csv
// benchmark into its own DuckDB file, and times DuckDB's own
// COPY … TO csv of it, the benchmark's baseline.
//
//	gentable -db big.duckdb -rows 10000000          create table big
//	gentable -db big.duckdb -copy out.csv            COPY big TO out.csv; print JSON timing
//
// The copy runs with the same thread count as Overlook's DuckDB engine
// (2 by default); pin the process to a core with taskset to match a pinned
// server.
package main

import (
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	path := flag.String("db", "big.duckdb", "DuckDB file")
	rows := flag.Int("rows", 10_000_000, "rows to generate")
	copyTo := flag.String("copy", "", "instead of generating, COPY big TO this csv file and report the time")
	threads := flag.Int("threads", 2, "DuckDB threads")
	flag.Parse()
	db, err := sql.Open("duckdb", fmt.Sprintf("%s?threads=%d", *path, *threads))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if *copyTo != "" {
		if strings.ContainsAny(*copyTo, "'") {
			log.Fatal("gentable: the csv path may not contain a quote")
		}
		var n int64
		if err := db.QueryRow("SELECT count(*) FROM big").Scan(&n); err != nil {
			log.Fatal(err)
		}
		t0 := time.Now()
		if _, err := db.Exec("COPY big TO '" + *copyTo + "' (FORMAT csv, HEADER)"); err != nil {
			log.Fatal(err)
		}
		secs := time.Since(t0).Seconds()
		st, err := os.Stat(*copyTo)
		if err != nil {
			log.Fatal(err)
		}
		_ = json.NewEncoder(os.Stdout).Encode(map[string]any{"name": "duckdb-copy", "rows": n,
			"bytes": st.Size(), "seconds": secs})
		return
	}
	if _, err := db.Exec(fmt.Sprintf(`CREATE OR REPLACE TABLE big AS SELECT range AS i, random() AS d,
		'row ' || range AS s, DATE '2020-01-01' + (range %% 1000)::INT AS dt,
		TIMESTAMP '2020-01-01' + INTERVAL (range) SECOND AS ts FROM range(%d)`, *rows)); err != nil {
		log.Fatal(err)
	}
	if _, err := db.Exec("CHECKPOINT"); err != nil {
		log.Fatal(err)
	}
}
