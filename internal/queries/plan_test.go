package queries

import (
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/demo/lookml"
	parser "github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

func demoModel(t *testing.T) *semantic.Model {
	t.Helper()
	project, err := parser.LoadProject(lookml.FS())
	if err != nil {
		t.Fatal(err)
	}
	m, err := semantic.Build(project, "thelook")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPlansRememberStatements(t *testing.T) {
	m := demoModel(t)
	brands := Definition{Model: "thelook", View: "products", Fields: []string{"products.brand", "products.count"}}
	recent := brands
	recent.Filters = map[string]string{"products.brand": "-NULL"}
	tenDays := Definition{Model: "thelook", View: "orders", Fields: []string{"orders.count"},
		Filters: map[string]string{"orders.created_date": "10 days"}}
	alice := compiler.Context{UserAttributes: map[string]string{"state": "Ohio"}}
	bob := compiler.Context{UserAttributes: map[string]string{"state": "Utah"}}

	p := NewPlans()
	compile := func(d Definition, cctx compiler.Context) *compiler.Compiled {
		t.Helper()
		c, err := p.Compile(m, d, "duckdb", cctx)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	first := compile(brands, alice)
	if compile(brands, alice) != first {
		t.Error("the same query in the same context was compiled again")
	}
	withVis := brands
	withVis.VisConfig = map[string]any{"type": "looker_bar"}
	if compile(withVis, alice) != first {
		t.Error("vis_config, which compilation does not read, made a new statement")
	}
	for name, c := range map[string]*compiler.Compiled{
		"other attributes": compile(brands, bob),
		"other filters":    compile(recent, alice),
		"other limit":      compile(Definition{Model: "thelook", View: "products", Limit: "7", Fields: brands.Fields}, alice),
		"unlimited":        compile(brands, compiler.Context{UserAttributes: alice.UserAttributes, Unlimited: true}),
	} {
		if c == first {
			t.Errorf("%s: answered with the remembered statement", name)
		}
	}
	if compile(tenDays, alice) == compile(tenDays, alice) {
		t.Error("a statement with a relative date filter was remembered")
	}
	if _, err := p.Compile(m, Definition{Model: "thelook", View: "products", Fields: []string{"products.nope"}},
		"duckdb", alice); err == nil {
		t.Error("an unknown field compiled")
	}
}

func TestNilPlansCompile(t *testing.T) {
	var p *Plans
	c, err := p.Compile(demoModel(t), Definition{Model: "thelook", View: "products",
		Fields: []string{"products.count"}}, "duckdb", compiler.Context{})
	if err != nil || c.SQL == "" {
		t.Fatalf("%v %v", c, err)
	}
}
