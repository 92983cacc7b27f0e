// Package results writes query results in Looker's result formats (json,
// json_label, json_detail, json_bi, csv, txt, html, md, xlsx and sql),
// streaming: rows go from the source to the client in chunks of about
// 32 KB, each pushed through the writer's Flush (an http.Flusher, or
// http.ResponseController for a wrapped ResponseWriter), and none is kept,
// so a csv or json of ten million rows runs in flat memory.
//
// A handler picks the format, sets its content type, and streams:
//
//	f, err := results.Resolve(format) // *overlook.Error (422, field result_format) if unknown or unsupported
//	if err != nil { return err }
//	if !f.RunsQuery { // sql: compile, don't run
//		w.Header().Set("Content-Type", f.ContentType)
//		return results.WriteSQL(w, sqlText)
//	}
//	rows, err := engine.Query(ctx, sqlText, args...) // ctx: the request's, so a gone client cancels
//	scan, err := warehouse.NewRowScanner(rows)
//	w.Header().Set("Content-Type", f.ContentType)
//	n, err := f.Write(w, columns, scan, results.Options{ApplyFormatting: …, Limit: …, SQL: sqlText})
//
// Write reads the first row before it writes a byte, so a query that fails
// at once leaves the response untouched and the caller can still answer
// with an error (headers go out with the first byte, so its error
// handler can still replace the Content-Type set before Write). A
// failure later, once bytes are out, ends the output where it stands (a
// json body is then left unterminated, so no client mistakes it for a
// complete result) and Write returns the error.
//
// Values are those of warehouse.Normalize. Dates and times are written by
// the column's LookML type ("2024-05-01", "2024-05-01 12:34:56", date_year
// a number) in the time.Time's own location: convert to the query timezone
// in SQL or before. yesno columns read true/false or 1/0 and write
// "Yes"/"No". With Options.ApplyFormatting, values are rendered with their
// value format (the subset numFormat documents); xlsx instead gives cells
// the format itself, so they stay numbers.
//
// A pivoted result is held whole in a PivotTable (its row and column
// limits bound it) and written by Format.WritePivot: each measure an
// object keyed by pivot key in the json formats, one header row per
// pivoted field in the table formats, row totals under RowTotalKey, and
// totals in json_detail's totals_data. Options.Totals carries the totals
// of an unpivoted result (json_detail only).
//
// Not written yet: subtotals, drill links in json_detail, and Looker's
// HTML (html:) templates.
package results
