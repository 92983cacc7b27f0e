// Package queriestest runs the Query API end to end over the embedded
// default: a node that generates the thelook demo into DuckDB (at a small
// scale) and answers queries over it. It is one of the few packages that
// link DuckDB.
package queriestest
