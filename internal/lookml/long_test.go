package lookml

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongFile parses a generated file of the size seen in generated
// projects (mozilla/looker-hub has views of tens of thousands of lines).
func TestLongFile(t *testing.T) {
	var b strings.Builder
	const views, fields = 200, 100
	for v := range views {
		fmt.Fprintf(&b, "view: v%d {\n  sql_table_name: `project.dataset.t%d` ;;\n", v, v)
		for f := range fields {
			fmt.Fprintf(&b, "  dimension: f%d {\n    type: number\n    sql: ${TABLE}.f%d ;;\n    group_label: \"G\"\n  }\n", f, f)
		}
		b.WriteString("}\n")
	}
	src := b.String()
	tree, err := Parse("long.view.lkml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Items) != views || len(tree.Items[views-1].Children().All("dimension")) != fields {
		t.Fatalf("got %d views", len(tree.Items))
	}
	last := tree.Items[views-1].Children().Named("dimension", fmt.Sprintf("f%d", fields-1))
	wantLine := strings.Count(src, "\n") - 5
	if last.Pos.Line != wantLine || last.Pos.Col != 3 {
		t.Errorf("last field at %v, want line %d col 3", last.Pos, wantLine)
	}
}

func TestNestingLimit(t *testing.T) {
	deep := strings.Repeat("a: {", maxDepth+1) + strings.Repeat("}", maxDepth+1)
	_, err := Parse("deep.lkml", []byte(deep))
	want := fmt.Sprintf("deep.lkml:1:%d: nesting deeper than %d levels", 4*maxDepth+4, maxDepth)
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	ok := strings.Repeat("a: {", maxDepth) + strings.Repeat("}", maxDepth)
	if _, err := Parse("ok.lkml", []byte(ok)); err != nil {
		t.Errorf("nesting at the limit: %v", err)
	}
}

func TestPairHelpers(t *testing.T) {
	f, err := Parse("h.lkml", []byte(`view: v {
  hidden: yes
  label: "first"
  label: "second"
  drill_fields: [a, b, c: d]
  dimension: ID { primary_key: "no" }
  dimension: other {}
}`))
	if err != nil {
		t.Fatal(err)
	}
	v := f.Items.Named("view", "v").Children()
	if label, _ := v.Text("label"); label != "second" {
		t.Errorf("Text(label) = %q, want the last one", label)
	}
	if yes, ok := v.Get("hidden").Bool(); !yes || !ok {
		t.Errorf("hidden = %v %v", yes, ok)
	}
	if no, ok := v.Named("dimension", "id").Children().Get("primary_key").Bool(); no || !ok {
		t.Errorf("quoted no = %v %v", no, ok)
	}
	if got := strings.Join(v.Get("drill_fields").Strings(), ","); got != "a,b" {
		t.Errorf("Strings = %q", got)
	}
	if n := len(v.All("dimension")); n != 2 {
		t.Errorf("All(dimension) = %d", n)
	}
	if _, ok := v.Text("dimension"); ok {
		t.Error("Text of a block should fail")
	}
	if v.Get("nope") != nil || v.Named("dimension", "nope") != nil {
		t.Error("missing keys should give nil")
	}
}
