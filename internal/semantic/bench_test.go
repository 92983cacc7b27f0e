package semantic_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

// bigProject generates a model of views×fields: each view has a primary
// key, string and number dimensions, a time dimension group and measures,
// and every view is joined to the first one.
func bigProject(views, fields int) fstest.MapFS {
	fsys := fstest.MapFS{}
	var model strings.Builder
	model.WriteString("connection: \"demo\"\ninclude: \"*.view.lkml\"\nexplore: v0 {\n")
	for v := 1; v < views; v++ {
		fmt.Fprintf(&model, "  join: v%d {\n    sql_on: ${v0.id} = ${v%d.v0_id} ;;\n    relationship: many_to_one\n  }\n", v, v)
	}
	model.WriteString("}\n")
	fsys["big.model.lkml"] = &fstest.MapFile{Data: []byte(model.String())}
	for v := 0; v < views; v++ {
		var b strings.Builder
		fmt.Fprintf(&b, "view: v%d {\n  sql_table_name: t%d ;;\n", v, v)
		b.WriteString("  dimension: id {\n    primary_key: yes\n    type: number\n    sql: ${TABLE}.id ;;\n  }\n")
		b.WriteString("  dimension: v0_id {\n    type: number\n  }\n")
		b.WriteString("  dimension_group: created {\n    type: time\n    timeframes: [raw, date, week, month, year]\n    sql: ${TABLE}.created_at ;;\n  }\n")
		for f := 3; f < fields; f++ {
			switch f % 3 {
			case 0:
				fmt.Fprintf(&b, "  dimension: s%d {\n    sql: ${TABLE}.s%d ;;\n  }\n", f, f)
			case 1:
				fmt.Fprintf(&b, "  dimension: n%d {\n    type: number\n    sql: ${TABLE}.n%d * 2 ;;\n  }\n", f, f)
			default:
				fmt.Fprintf(&b, "  measure: total_%d {\n    type: sum\n    sql: ${n%d} ;;\n  }\n", f, f-1)
			}
		}
		b.WriteString("  measure: count {\n    type: count\n  }\n}\n")
		fsys[fmt.Sprintf("v%d.view.lkml", v)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// BenchmarkParseAndResolve500x40 parses and resolves a project of 500
// views × 40 fields: go test -run '^$' -bench ParseAndResolve -benchmem ./internal/semantic
func BenchmarkParseAndResolve500x40(b *testing.B) {
	fsys := bigProject(500, 40)
	b.ReportAllocs()
	for b.Loop() {
		project, err := lookml.LoadProject(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := semantic.Build(project, "big"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBigProjectResolves(t *testing.T) {
	project, err := lookml.LoadProject(bigProject(20, 40))
	if err != nil {
		t.Fatal(err)
	}
	m, err := semantic.Build(project, "big")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Views) != 20 {
		t.Fatalf("%d views", len(m.Views))
	}
}
