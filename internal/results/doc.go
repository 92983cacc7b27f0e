// Package results writes query results in Looker's result formats (json,
// json_label, json_detail, json_bi, csv, txt, html, md, xlsx and sql),
// streaming: rows go from the source to the writer in chunks and are never
// all held in memory, so a csv or json of ten million rows runs in flat
// memory.
//
// A caller picks a format by name and streams into an HTTP response:
//
//	f, err := results.Resolve(name) // a 422 naming result_format for unknown or unsupported ones
//	w.Header().Set("Content-Type", f.ContentType)
//	if !f.RunsQuery { f.Write(w, cols, nil, opts); return } // sql: the text, no query
//	n, err := f.Write(w, cols, rows, opts)
//
// Write reads the first row before it writes a byte, so a query that fails
// at once leaves the response untouched and the caller can still answer
// with an error. A failure later, once bytes are out, ends the output
// where it stands (a json body is then left unterminated, so a client
// cannot mistake it for a complete result) and Write returns the error.
//
// With Options.ApplyFormatting, values are rendered with their column's
// value format (see ValueFormat for the supported subset).
package results
