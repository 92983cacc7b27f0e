// Package compilertest runs compiled queries on real databases: the thelook
// demo generated into DuckDB, PostgreSQL and MariaDB, where the same query
// must return the same rows, and fanout measures must equal hand-written
// SQL. It is a package of its own so that the compiler's unit tests do not
// link DuckDB (cgo).
package compilertest
