package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// spec is the OpenAPI 3.0 document a fresh node serves.
func spec(t *testing.T) map[string]any {
	t.Helper()
	inst := servertest.Start(t)
	res := inst.Do(t, "GET", "/api/4.0/swagger.json", "", nil)
	var doc map[string]any
	res.JSON(t, &doc)
	return doc
}

type specOp struct {
	method, path string
	op           map[string]any
}

func operations(doc map[string]any) []specOp {
	var out []specOp
	for path, item := range doc["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			if m, ok := op.(map[string]any); ok {
				out = append(out, specOp{strings.ToUpper(method), path, m})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].op["operationId"].(string) < out[j].op["operationId"].(string) })
	return out
}

// TestOpenAPIGolden pins the document: one file per Looker tag holding the
// tag's operations and every schema they reach. Rewrite with -update.
func TestOpenAPIGolden(t *testing.T) {
	doc := spec(t)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	byTag := map[string]map[string]any{}
	for _, o := range operations(doc) {
		tag := o.op["tags"].([]any)[0].(string)
		if byTag[tag] == nil {
			byTag[tag] = map[string]any{"paths": map[string]any{}, "schemas": map[string]any{}}
		}
		paths := byTag[tag]["paths"].(map[string]any)
		if paths[o.path] == nil {
			paths[o.path] = map[string]any{}
		}
		paths[o.path].(map[string]any)[strings.ToLower(o.method)] = o.op
		collectSchemas(o.op, schemas, byTag[tag]["schemas"].(map[string]any))
	}
	dir := filepath.Join("testdata", "openapi")
	if *update {
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o755)
	}
	for tag, content := range byTag {
		got, _ := json.MarshalIndent(content, "", "  ")
		file := filepath.Join(dir, tag+".json")
		if *update {
			if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("tag %s has no golden file (run go test ./internal/api -run TestOpenAPIGolden -update): %v", tag, err)
			continue
		}
		if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
			t.Errorf("the document of tag %s changed; review and run with -update", tag)
		}
	}
	if !*update {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			if byTag[strings.TrimSuffix(filepath.Base(f), ".json")] == nil {
				t.Errorf("golden file %s names a tag with no operations", f)
			}
		}
	}
}

// collectSchemas copies into out every schema v refers to, transitively.
func collectSchemas(v any, all, out map[string]any) {
	switch x := v.(type) {
	case map[string]any:
		if ref, ok := x["$ref"].(string); ok {
			name := ref[strings.LastIndex(ref, "/")+1:]
			if out[name] == nil && all[name] != nil {
				out[name] = all[name]
				collectSchemas(all[name], all, out)
			}
		}
		for _, val := range x {
			collectSchemas(val, all, out)
		}
	case []any:
		for _, val := range x {
			collectSchemas(val, all, out)
		}
	}
}

// lookerOps reads the reference list of Looker's operations:
// operationId → "METHOD /path".
func lookerOps(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "reference", "api-ops.tsv"))
	if err != nil {
		t.Skipf("Looker reference not beside the checkout: %v", err)
	}
	defer f.Close()
	ops := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) > 3 && cols[0] != "tag" {
			ops[cols[1]] = cols[2] + " " + cols[3]
		}
	}
	return ops
}

// TestEveryOperationDeclaresAPermission is the guard: every operation in
// the document declares a Looker permission or one of the named
// categories, and is Looker's own operation at Looker's method and path.
func TestEveryOperationDeclaresAPermission(t *testing.T) {
	doc := spec(t)
	looker := lookerOps(t)
	ops := operations(doc)
	if len(ops) == 0 {
		t.Fatal("no operations")
	}
	for _, o := range ops {
		id, _ := o.op["operationId"].(string)
		perm, _ := o.op["x-overlook-permission"].(string)
		if !access.Declarable(perm) {
			t.Errorf("%s declares no known permission (%q)", id, perm)
		}
		if want, ok := looker[id]; !ok {
			t.Errorf("%s is not a Looker operation", id)
		} else if got := o.method + " " + o.path; got != want {
			t.Errorf("%s is at %s, Looker has it at %s", id, got, want)
		}
	}
	t.Logf("%d operations checked", len(ops))
}
