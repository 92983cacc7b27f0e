package results

import (
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Content types of the formats. Textual ones carry a charset so every
// SDK reads them as text; xlsx is binary for them.
const (
	TypeJSON     = "application/json"
	TypeCSV      = "text/csv; charset=utf-8"
	TypeText     = "text/plain; charset=utf-8"
	TypeHTML     = "text/html; charset=utf-8"
	TypeMarkdown = "text/markdown; charset=utf-8"
	TypeXLSX     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// xlsxMaxRows is a worksheet's row limit, the header row included.
const xlsxMaxRows = 1 << 20

// Format is one result format.
type Format struct {
	Name        string
	ContentType string
	Extension   string // for a download's file name
	// RunsQuery is false for sql, whose output is the query's SQL text:
	// the caller compiles but does not run, and passes nil rows.
	RunsQuery bool
	// MaxRows caps the output's data rows whatever the limit (xlsx); 0
	// for no cap.
	MaxRows    int
	newEncoder func(cols []Column, opt Options) encoder
}

var formats = map[string]Format{
	"json":        {Name: "json", ContentType: TypeJSON, Extension: "json", RunsQuery: true, newEncoder: newJSON(byName)},
	"json_label":  {Name: "json_label", ContentType: TypeJSON, Extension: "json", RunsQuery: true, newEncoder: newJSON(byLabel)},
	"json_detail": {Name: "json_detail", ContentType: TypeJSON, Extension: "json", RunsQuery: true, newEncoder: newDetail},
	"json_bi":     {Name: "json_bi", ContentType: TypeJSON, Extension: "json", RunsQuery: true, newEncoder: newJSONBI},
	"csv":         {Name: "csv", ContentType: TypeCSV, Extension: "csv", RunsQuery: true, newEncoder: newDelimited(',')},
	"txt":         {Name: "txt", ContentType: TypeText, Extension: "txt", RunsQuery: true, newEncoder: newDelimited('\t')},
	"html":        {Name: "html", ContentType: TypeHTML, Extension: "html", RunsQuery: true, newEncoder: newHTML},
	"md":          {Name: "md", ContentType: TypeMarkdown, Extension: "md", RunsQuery: true, newEncoder: newMarkdown},
	"xlsx":        {Name: "xlsx", ContentType: TypeXLSX, Extension: "xlsx", RunsQuery: true, MaxRows: xlsxMaxRows - 1, newEncoder: newXLSX},
	"sql":         {Name: "sql", ContentType: TypeText, Extension: "sql", newEncoder: newSQL},
}

// unsupported are formats Looker knows that this server does not write.
var unsupported = map[string]string{
	"png":         "images of a visualisation are not supported; use a render task",
	"jpg":         "images of a visualisation are not supported; use a render task",
	"inline_json": "inline_json is not supported; use json or json_bi",
	"json_fe":     "json_fe is not supported; use json_detail or json_bi",
	"gsxml":       "gsxml is not supported; use csv or xlsx",
	"odc":         "odc is not supported; use csv or xlsx",
}

// Lookup returns the named format; false for unknown and unsupported ones.
func Lookup(name string) (Format, bool) {
	f, ok := formats[name]
	return f, ok
}

// Names lists the supported formats, in a fixed order.
func Names() []string {
	return []string{"json", "json_label", "json_detail", "json_bi", "csv", "txt", "html", "md", "xlsx", "sql"}
}

// Resolve returns the named format, or a validation error naming
// result_format that a client can act on.
func Resolve(name string) (Format, error) {
	if f, ok := formats[name]; ok {
		return f, nil
	}
	if why, ok := unsupported[name]; ok {
		return Format{}, overlook.Invalid("result_format", "invalid", "result_format %s: %s", name, why)
	}
	if len(name) > 40 {
		name = name[:40] + "…"
	}
	return Format{}, overlook.Invalid("result_format", "invalid",
		"unknown result_format %q; supported: %s", name, strings.Join(Names(), ", "))
}
