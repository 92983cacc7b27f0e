package results

import (
	"errors"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// The warehouse's scanner is a row source as it is.
var _ Rows = (*warehouse.RowScanner)(nil)

func TestContentTypes(t *testing.T) {
	want := map[string]string{
		"json": "application/json", "json_label": "application/json", "json_detail": "application/json",
		"json_bi": "application/json", "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8",
		"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
		"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "sql": "text/plain; charset=utf-8",
	}
	for _, name := range Names() {
		f, ok := Lookup(name)
		if !ok || f.ContentType != want[name] || f.Name != name {
			t.Errorf("Lookup(%q) = %+v, %v; want content type %q", name, f, ok, want[name])
		}
		if f.RunsQuery != (name != "sql") {
			t.Errorf("%s: RunsQuery = %v", name, f.RunsQuery)
		}
	}
	if len(want) != len(Names()) {
		t.Errorf("Names() = %v", Names())
	}
}

func TestResolveRefusesWithAClearError(t *testing.T) {
	tests := map[string]string{
		"png": "render task", "jpg": "render task", "inline_json": "not supported", "json_fe": "not supported",
		"gsxml": "not supported", "odc": "not supported", "JSON": "unknown result_format", "": "unknown result_format",
		"csv;drop": "unknown result_format", strings.Repeat("x", 500): "unknown result_format",
	}
	for name, msg := range tests {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) succeeded", name)
		}
		_, err := Resolve(name)
		var e *overlook.Error
		if !errors.As(err, &e) || e.Code != overlook.EINVALID || e.Field != "result_format" || len(e.Details) != 1 {
			t.Fatalf("Resolve(%.20q) = %v; want an invalid result_format error", name, err)
		}
		if detail := e.Details[0].Message; !strings.Contains(detail, msg) || len(detail) > 200 {
			t.Errorf("Resolve(%.20q) says %q; want a short message saying %q", name, detail, msg)
		}
	}
}
