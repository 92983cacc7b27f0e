package lookml

import (
	"testing"

	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

// The demo project must load and resolve without a single problem.
func TestThelookBuildsClean(t *testing.T) {
	project, err := lookml.LoadProject(FS())
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	m, err := semantic.Build(project, "thelook")
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, name := range []string{"users", "orders", "order_items", "products", "inventory_items", "events", "distribution_centers"} {
		if m.Explore(name) == nil {
			t.Errorf("explore %s missing", name)
		}
	}
	users := m.Explore("users")
	for _, f := range []string{"users.id", "users.age", "users.city", "users.email", "users.first_name",
		"users.last_name", "users.zip", "users.state", "users.country", "orders.total_items", "order_items.average_sale_price"} {
		if _, ok := users.Lookup(f); !ok {
			t.Errorf("users explore lacks %s", f)
		}
	}
	if _, ok := m.Explore("products").Lookup("products.brand"); !ok {
		t.Error("products explore lacks products.brand")
	}
	if m.Connection != "thelook" || m.PersistWith == "" || len(m.Datagroups) == 0 {
		t.Errorf("model settings: connection %q persist_with %q datagroups %d", m.Connection, m.PersistWith, len(m.Datagroups))
	}
}
