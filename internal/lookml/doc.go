// Package lookml reads LookML: a lexer and parser that turn one file into a
// small tree whose every node knows its file:line:col, a printer that writes a
// tree back as LookML, and a project loader that follows includes, substitutes
// manifest constants and applies extends and refinements per model.
//
// The tree is deliberately untyped: values are text, lists or blocks, and the
// semantic layer decides what a key means. Positions are 1-based; columns count
// bytes, as the Go toolchain does.
package lookml
