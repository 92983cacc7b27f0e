// Package sqlgen is Overlook's dialect-neutral SQL: a small syntax tree for
// the SELECT statements the query compiler builds, and Render, which turns
// one into the text and ordered bind arguments of a given database.
//
// Two rules keep the output safe. Text reaches the SQL only from the model:
// Raw fragments (a dimension's sql:, a sql_table_name), identifiers (which
// are validated and quoted) and literals the model wrote. Every value that
// comes with a request is a Param, which always renders as a placeholder and
// an argument, so no byte of it is ever part of the SQL text.
//
// Dialects are data: a Spec of fragments, templates and capabilities per
// database (the dialect/ folder holds one package per database, all of the
// same shape). The renderer never asks which database it is writing for,
// only what the Spec says.
package sqlgen
