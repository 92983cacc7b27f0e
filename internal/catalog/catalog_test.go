package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
)

func TestNewServesEmbeddedModels(t *testing.T) {
	c := New()
	var names []string
	for _, m := range c.Models() {
		names = append(names, m.Name)
	}
	if strings.Join(names, ",") != "system__activity,thelook" {
		t.Fatalf("models %v", names)
	}
	for _, p := range c.Projects() {
		if errs := p.Errors(); len(errs) != 0 {
			t.Errorf("project %s: %v", p.Name, errs)
		}
		errs, err := c.Validate(p.Name)
		if err != nil || len(errs) != 0 {
			t.Errorf("validate %s: %v %v", p.Name, errs, err)
		}
	}
	if !c.IsInternal("system__activity") || c.IsInternal("thelook") {
		t.Error("only system__activity is internal")
	}
}

func TestCanSee(t *testing.T) {
	c := New()
	cases := []struct {
		name  string
		p     *overlook.Principal
		model string
		want  bool
	}{
		{"nobody", nil, "thelook", false},
		{"admin", &overlook.Principal{IsAdmin: true}, "system__activity", true},
		{"all models", &overlook.Principal{AllModels: true}, "thelook", true},
		{"in model set", &overlook.Principal{Models: map[string]bool{"thelook": true}}, "thelook", true},
		{"not in model set", &overlook.Principal{Models: map[string]bool{"other": true}}, "thelook", false},
		{"system activity without permission", &overlook.Principal{AllModels: true}, "system__activity", false},
		{"system activity with permission", &overlook.Principal{Permissions: map[string]bool{"see_system_activity": true}}, "system__activity", true},
		{"unserved model in set", &overlook.Principal{Models: map[string]bool{"x": true}}, "x", true},
	}
	for _, tc := range cases {
		if got := c.CanSee(tc.p, tc.model); got != tc.want {
			t.Errorf("%s: CanSee = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAddProjectDir(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "shop.model.lkml"), "connection: \"x\"\nview: v {\n  dimension: id { primary_key: yes }\n}\nexplore: v {}\n")
	write(t, filepath.Join(dir, "notes.txt"), "not LookML")
	c := New()
	if err := c.AddProjectDir("shop", dir); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Model("shop"); !ok {
		t.Fatal("model shop not served")
	}
	p, _ := c.Project("shop")
	if strings.Join(p.Files, ",") != "shop.model.lkml" {
		t.Errorf("files %v", p.Files)
	}
	if _, ok := p.ReadFile("notes.txt"); ok {
		t.Error("a non-project file is readable")
	}
	if _, ok := p.ReadFile("../shop.model.lkml"); ok {
		t.Error("a path outside the project is readable")
	}
	if b, ok := p.ReadFile("shop.model.lkml"); !ok || !strings.Contains(string(b), "explore") {
		t.Error("the model file is not readable")
	}
	bad := []struct{ name, dir string }{
		{"shop", dir},                           // project name taken
		{"again", dir},                          // model name taken
		{"missing", filepath.Join(dir, "nope")}, // no directory
		{"", dir},
	}
	for _, b := range bad {
		if err := c.AddProjectDir(b.name, b.dir); err == nil {
			t.Errorf("AddProjectDir(%q, %q) succeeded", b.name, b.dir)
		}
	}
}

func TestValidateSeesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "m.model.lkml")
	write(t, path, "connection: \"x\"\nview: v {\n  dimension: id {}\n}\nexplore: v {}\n")
	c := New()
	if err := c.AddProjectDir("p", dir); err != nil {
		t.Fatal(err)
	}
	before := mustProject(t, c, "p").LastValidation()
	write(t, path, "connection: \"x\"\nexplore: ghost {}\n")
	errs, err := c.Validate("p")
	if err != nil || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "m.model.lkml:2:1:") {
		t.Fatalf("validate: %v %v", errs, err)
	}
	after := mustProject(t, c, "p").LastValidation()
	if after.Digest == before.Digest || len(after.Errors) != 1 {
		t.Errorf("validation not remembered: %+v", after)
	}
	if _, err := c.Validate("nope"); err == nil {
		t.Error("validating an unknown project succeeded")
	}
}

func TestParseFiles(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.view.lkml"), filepath.Join(dir, "bad.view.lkml")
	write(t, good, "view: v {\n  dimension: id {}\n}\n")
	write(t, bad, "view: v {\n  dimension: id {\n}\n")
	files, errs := ParseFiles([]string{good, bad, filepath.Join(dir, "missing.lkml")})
	if files[0] == nil || files[1] != nil || files[2] != nil {
		t.Errorf("files %v", files)
	}
	if len(errs) != 2 || errs[0].Error() != bad+":1:9: unclosed '{': missing '}'" {
		t.Errorf("errors %v", errs)
	}
}

func TestValidateDirDemoIsClean(t *testing.T) {
	if errs := ValidateDir("../demo/lookml"); len(errs) != 0 {
		t.Errorf("demo project: %v", errs)
	}
	if errs := ValidateDir("testdata/none"); len(errs) != 1 {
		t.Errorf("missing dir: %v", errs)
	}
}

func TestLabels(t *testing.T) {
	for in, want := range map[string]string{"first_name": "First Name", "id": "ID", "user_id": "User ID", "count": "Count", "uri": "URI"} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
	m, _ := New().Model("system__activity")
	e := m.Explore("dashboard")
	for name, want := range map[string]string{"dashboard.id": "Dashboard ID", "dashboard.title": "Dashboard Title",
		"dashboard.count": "Dashboard Count", "user.first_name": "User First Name"} {
		ref, ok := e.Lookup(name)
		if !ok {
			t.Fatalf("%s missing", name)
		}
		if got := FieldLabels(e, ref).Full; got != want {
			t.Errorf("label of %s = %q, want %q", name, got, want)
		}
	}
}

func write(t *testing.T, path, src string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustProject(t *testing.T, c *Catalog, name string) *Project {
	t.Helper()
	p, ok := c.Project(name)
	if !ok {
		t.Fatalf("no project %s", name)
	}
	return p
}
