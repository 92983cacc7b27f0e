package lookml

import (
	"strings"
	"testing"
	"testing/fstest"
)

// project builds an in-memory project from path → source pairs.
func project(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, src := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func load(t *testing.T, files map[string]string) *Project {
	t.Helper()
	proj, err := LoadProject(project(files))
	if proj == nil {
		t.Fatalf("LoadProject returned no project (err %v)", err)
	}
	if (err == nil) != (len(proj.Errors) == 0) {
		t.Fatalf("error %v does not match Errors %v", err, proj.Errors)
	}
	return proj
}

func errorTexts(l ErrorList) []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}

func checkErrors(t *testing.T, got ErrorList, want []string) {
	t.Helper()
	if g := errorTexts(got); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

func TestIncludes(t *testing.T) {
	views := map[string]string{
		"views/orders.view.lkml":                  "view: orders {}",
		"views/users.view.lkml":                   "view: users {}",
		"views/deep/items.view.lkml":              "view: items {}",
		"views/deep/x/more.view.lkml":             "view: more {}",
		"explores/orders.explore.lkml":            "include: \"../views/orders.view\"\nexplore: orders {}",
		"dashboards/kpi.dashboard.lookml":         "- dashboard: kpi\n",
		"imported_projects/shared/base.view.lkml": "view: base {}",
		"other.model.lkml":                        "connection: \"x\"",
	}
	tests := []struct {
		name      string
		includes  string
		wantViews string
		wantErrs  []string
	}{
		{"relative glob", `include: "views/*.view.lkml"`, "orders users", nil},
		{"short suffix", `include: "views/*.view"`, "orders users", nil},
		{"root absolute", `include: "/views/users.view.lkml"`, "users", nil},
		{"double star any depth", `include: "/views/**/*.view"`, "items more orders users", nil},
		{"double star in the middle", `include: "views/**/items.view"`, "items", nil},
		{"transitive through an explore file", `include: "/explores/*.explore"`, "orders", nil},
		{"included twice is merged once", "include: \"views/orders.view\"\ninclude: \"views/*.view\"", "orders users", nil},
		{"imported project", `include: "//shared/*.view"`, "base", nil},
		{"dashboard is listed, not parsed", "include: \"dashboards/*.dashboard\"\ninclude: \"views/users.view\"", "users", nil},
		{"missing file", "\ninclude: \"views/nope.view\"", "", []string{`m.model.lkml:2:10: include "views/nope.view" matches no file`}},
		{"glob with no match", `include: "/nothing/*.view"`, "", []string{`m.model.lkml:1:10: include "/nothing/*.view" matches no file`}},
		{"outside the project", `include: "../x.view"`, "", []string{`m.model.lkml:1:10: include "../x.view" points outside the project`}},
		{"model file", `include: "other.model"`, "", []string{`m.model.lkml:1:10: include "other.model" names a model file, which cannot be included`}},
		{"wildcards skip model files", `include: "/**/*.lkml"`, "orders base items more users", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"m.model.lkml": tt.includes}
			for p, s := range views {
				files[p] = s
			}
			proj := load(t, files)
			m := proj.Model("m")
			if got := names(m.Views); got != tt.wantViews {
				t.Errorf("views = %q, want %q", got, tt.wantViews)
			}
			checkErrors(t, proj.Errors, tt.wantErrs)
		})
	}
}

func names(ps Pairs) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, " ")
}

func TestIncludeOrderAndDashboards(t *testing.T) {
	proj := load(t, map[string]string{
		"m.model.lkml":       "include: \"b.view\"\ninclude: \"a.view\"\ninclude: \"k.dashboard\"",
		"a.view.lkml":        "include: \"c.view\"",
		"b.view.lkml":        "",
		"c.view.lkml":        "",
		"k.dashboard.lookml": "- dashboard: k",
		"legacy.view.lookml": "- view: old",
	})
	m := proj.Model("m")
	want := "b.view.lkml c.view.lkml a.view.lkml k.dashboard.lookml m.model.lkml"
	if got := strings.Join(m.Files, " "); got != want {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if len(m.Dashboards) != 1 || string(proj.Dashboards["k.dashboard.lookml"]) != "- dashboard: k" {
		t.Errorf("dashboards = %v", m.Dashboards)
	}
	if got := errorTexts(proj.Errors); len(got) != 1 || !strings.Contains(got[0], "legacy.view.lookml:1:1: legacy YAML") {
		t.Errorf("errors = %q", got)
	}
}
