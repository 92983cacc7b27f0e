package lookml

import (
	"regexp"
	"strings"
	"testing"
)

// oneLine prints a resolved object as LookML on a single line.
func oneLine(p *Pair) string {
	if p == nil {
		return "<nil>"
	}
	text := Format(&File{Items: Pairs{p}})
	return strings.TrimSpace(regexp.MustCompile(`\s*\n\s*`).ReplaceAllString(text, " "))
}

func TestExtendsAndRefinements(t *testing.T) {
	tests := []struct {
		name string
		src  string
		view string // a view name, or "explore:name"
		want string
		errs []string
	}{
		{
			name: "child overrides parent params and merges fields by name",
			src: `view: base { label: "Base" sql_table_name: t ;; dimension: id { type: number primary_key: yes } dimension: x {} }
view: child { extends: [base] label: "Child" dimension: id { type: string } }`,
			view: "child",
			want: `view: child { label: "Child" sql_table_name: t ;; dimension: id { type: string primary_key: yes } dimension: x {} extends: [base] }`,
		},
		{
			name: "later base wins, own params win over both",
			src: `view: a { label: "A" description: "from a" }
view: b { label: "B" }
view: c { extends: [a, b] }
view: d { extends: [a, b] label: "D" }`,
			view: "c",
			want: `view: c { label: "B" description: "from a" extends: [a, b] }`,
		},
		{
			name: "extension: required and extends are not inherited",
			src: `view: root { extension: required dimension: r {} }
view: mid { extends: [root] extension: required }
view: leaf { extends: [mid] }`,
			view: "leaf",
			want: `view: leaf { dimension: r {} extends: [mid] }`,
		},
		{
			name: "lists are replaced, not appended",
			src: `view: a { drill_fields: [x, y] }
view: b { extends: [a] drill_fields: [z] }`,
			view: "b",
			want: `view: b { drill_fields: [z] extends: [a] }`,
		},
		{
			name: "repeatable blocks add up",
			src: `view: a { dimension: d { link: { label: "one" } } }
view: b { extends: [a] dimension: d { link: { label: "two" } } }`,
			view: "b",
			want: `view: b { dimension: d { link: { label: "one" } link: { label: "two" } } extends: [a] }`,
		},
		{
			name: "refinements layer in order, later wins, fields are added",
			src: `view: orders { label: "Orders" dimension: id { type: number } }
view: +orders { label: "First" dimension: id { hidden: yes } }
view: +orders { label: "Second" dimension: status {} }`,
			view: "orders",
			want: `view: orders { label: "Second" dimension: id { type: number hidden: yes } dimension: status {} }`,
		},
		{
			name: "a refinement may come before the definition",
			src: `view: +orders { label: "Refined" }
view: orders { label: "Orders" }`,
			view: "orders",
			want: `view: orders { label: "Refined" }`,
		},
		{
			name: "extends added by a refinement is appended",
			src: `explore: a { label: "A" }
explore: b { label: "B" }
explore: e { extends: [b] }
explore: +e { extends: [a] }`,
			view: "explore:e",
			want: `explore: e { label: "A" extends: [b, a] }`,
		},
		{
			name: "refinements of a parent reach the child",
			src: `view: base { label: "Base" }
view: +base { description: "refined" }
view: child { extends: [base] }`,
			view: "child",
			want: `view: child { label: "Base" description: "refined" extends: [base] }`,
		},
		{
			name: "names are case-insensitive",
			src: `view: Base { label: "Base" }
view: child { extends: [BASE] }
view: +CHILD { hidden: yes }`,
			view: "child",
			want: `view: child { label: "Base" extends: [BASE] hidden: yes }`,
		},
		{
			name: "extends cycle",
			src:  "view: a { extends: [b] }\nview: b {\n  extends: [c]\n}\nview: c { extends: [a] }",
			view: "a",
			want: `view: a { extends: [b] }`,
			errs: []string{`m.model.lkml:5:21: extends cycle: view a -> b -> c -> a`},
		},
		{
			name: "extends itself",
			src:  `explore: a { extends: [a] }`,
			view: "explore:a",
			want: `explore: a { extends: [a] }`,
			errs: []string{`m.model.lkml:1:24: extends cycle: explore a -> a`},
		},
		{
			name: "extends an undefined view",
			src:  `view: a { extends: [ghost] }`,
			view: "a",
			want: `view: a { extends: [ghost] }`,
			errs: []string{`m.model.lkml:1:21: view extends undefined view "ghost"`},
		},
		{
			name: "refinement of an undefined explore",
			src:  `explore: +ghost { label: "x" }`,
			view: "explore:ghost",
			want: `<nil>`,
			errs: []string{`m.model.lkml:1:1: refinement +ghost of undefined explore "ghost"`},
		},
		{
			name: "final forbids further refinement",
			src:  "view: a { final: yes label: \"A\" }\nview: +a { label: \"B\" }",
			view: "a",
			want: `view: a { final: yes label: "A" }`,
			errs: []string{`m.model.lkml:2:1: view "a" is final (m.model.lkml:1:11) and cannot be refined`},
		},
		{
			name: "duplicate definition",
			src:  "view: a { label: \"first\" }\nview: a { label: \"second\" }",
			view: "a",
			want: `view: a { label: "first" }`,
			errs: []string{`m.model.lkml:2:1: view "a" is already defined at m.model.lkml:1:1`},
		},
		{
			name: "unnamed view",
			src:  "view: {}",
			view: "a",
			want: `<nil>`,
			errs: []string{`m.model.lkml:1:1: view needs a name and a block: view: name {…}`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proj := load(t, map[string]string{"m.model.lkml": tt.src})
			m := proj.Model("m")
			var got *Pair
			if name, ok := strings.CutPrefix(tt.view, "explore:"); ok {
				got = m.Explore(name)
			} else {
				got = m.View(tt.view)
			}
			if s := oneLine(got); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
			checkErrors(t, proj.Errors, tt.errs)
		})
	}
}

// TestRefinementsFollowIncludes checks that refinements apply in include
// order and only in the models that include them.
func TestRefinementsFollowIncludes(t *testing.T) {
	proj := load(t, map[string]string{
		"a.model.lkml":     "include: \"orders.view\"\ninclude: \"second.lkml\"\ninclude: \"first.lkml\"",
		"b.model.lkml":     "include: \"orders.view\"\ninclude: \"first.lkml\"\ninclude: \"second.lkml\"",
		"plain.model.lkml": "include: \"orders.view\"",
		"orders.view.lkml": "view: orders { label: \"Orders\" }",
		"first.lkml":       "view: +orders { label: \"first\" }",
		"second.lkml":      "view: +orders { label: \"second\" }",
	})
	for model, want := range map[string]string{"a": "first", "b": "second", "plain": "Orders"} {
		label, _ := proj.Model(model).View("orders").Children().Text("label")
		if label != want {
			t.Errorf("model %s: label %q, want %q", model, label, want)
		}
	}
}

// TestResolveDoesNotChangeFiles checks that merging copies: two models that
// refine one view differently leave the parsed file as it was.
func TestResolveDoesNotChangeFiles(t *testing.T) {
	proj := load(t, map[string]string{
		"a.model.lkml":     "include: \"orders.view\"\nview: +orders { dimension: id { hidden: yes } }",
		"b.model.lkml":     "include: \"orders.view\"",
		"orders.view.lkml": "view: orders { dimension: id { type: number } }",
	})
	if got := oneLine(proj.Model("b").View("orders")); got != "view: orders { dimension: id { type: number } }" {
		t.Errorf("model b sees %s", got)
	}
	if got := oneLine(proj.Files["orders.view.lkml"].Items[0]); got != "view: orders { dimension: id { type: number } }" {
		t.Errorf("parsed file changed: %s", got)
	}
}

func TestConstants(t *testing.T) {
	manifest := `project_name: "p"
constant: schema { value: "analytics" export: override_optional }
constant: conn { value: "warehouse" }
local_dependency: { project: "shared" }`
	tests := []struct {
		name string
		src  string
		want string
		errs []string
	}{
		{"in raw sql", "view: v { sql_table_name: @{schema}.orders ;; }", `view: v { sql_table_name: analytics.orders ;; }`, nil},
		{"in a string", `view: v { label: "@{conn} @{schema}" }`, `view: v { label: "warehouse analytics" }`, nil},
		{"in a bare word and a name", `view: @{schema}_v { label: @{conn} }`, `view: analytics_v { label: warehouse }`, nil},
		{"undefined", "view: v {\n  sql_table_name: x.@{nope} ;;\n  label: \"@{gone}\"\n}",
			`view: v { sql_table_name: x.@{nope} ;; label: "@{gone}" }`,
			[]string{`m.model.lkml:2:21: undefined constant @{nope}`, `m.model.lkml:3:11: undefined constant @{gone}`}},
		{"undefined on a later line of sql", "view: v { sql:\n  SELECT\n    @{nope} ;; }", `view: v { sql: SELECT @{nope} ;; }`,
			[]string{`m.model.lkml:3:5: undefined constant @{nope}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proj := load(t, map[string]string{"manifest.lkml": manifest, "m.model.lkml": tt.src})
			m := proj.Model("m")
			var got *Pair
			if len(m.Views) > 0 {
				got = m.Views[0]
			}
			if s := oneLine(got); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
			checkErrors(t, proj.Errors, tt.errs)
		})
	}
}

func TestManifest(t *testing.T) {
	proj := load(t, map[string]string{"manifest.lkml": `project_name: "thelook"
constant: schema { value: "analytics" export: override_required }
local_dependency: { project: "shared" }`})
	m := proj.Manifest
	if m == nil || m.ProjectName != "thelook" || m.Constants["schema"].Export != "override_required" ||
		strings.Join(m.LocalDependencies, ",") != "shared" {
		t.Fatalf("manifest = %+v", m)
	}
	bad := load(t, map[string]string{"manifest.lkml": "constant: a { export: none }\nconstant: b { value: \"1\" }\nconstant: b { value: \"2\" }\nconstant: \"\"\n"})
	want := []string{
		`manifest.lkml:1:1: constant "a" has no value`,
		`manifest.lkml:3:1: constant "b" is already defined at manifest.lkml:2:1`,
		`manifest.lkml:4:1: constant needs a name and a block: constant: name { value: "…" }`,
	}
	checkErrors(t, bad.Errors, want)
}

// TestErrorsFromAllFiles checks that one broken file does not stop the load.
func TestErrorsFromAllFiles(t *testing.T) {
	proj := load(t, map[string]string{
		"a.model.lkml":     "include: \"*.view\"\nexplore: orders {}",
		"bad.view.lkml":    "view: bad {",
		"worse.view.lkml":  "view: worse { label: \"x }",
		"orders.view.lkml": "view: orders {}",
		"b.model.lkml":     "include: \"*.view\"\ninclude: \"missing.view\"",
	})
	want := []string{
		`b.model.lkml:2:10: include "missing.view" matches no file`,
		`bad.view.lkml:1:11: unclosed '{': missing '}'`,
		`worse.view.lkml:1:22: unterminated string`,
	}
	checkErrors(t, proj.Errors, want)
	if m := proj.Model("a"); m == nil || names(m.Views) != "orders" || names(m.Explores) != "orders" {
		t.Errorf("model a not loaded: %+v", m)
	}
}
