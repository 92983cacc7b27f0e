// Package lookerexpr reads Looker's expression language: the text of a
// query's filter_expression, of a custom dimension and of a table
// calculation. It parses an expression into a small tree, prints the tree
// back in one canonical spelling, checks its types against the fields a
// query knows, turns a row-level expression into a sqlgen expression whose
// values are all bound parameters, and evaluates table calculations over a
// whole result in Go.
package lookerexpr
