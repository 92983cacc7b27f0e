package semantic

import "testing"

// TestExposes applies the fields lists of the thelook order_items explore
// (ALL_FIELDS*, -users.email) and of its distribution_centers join.
func TestExposes(t *testing.T) {
	e := loadThelook(t).Explore("order_items")
	for name, want := range map[string]bool{
		"order_items.id":            true,
		"users.email":               false,
		"users.city":                true,
		"distribution_centers.name": true,
		"distribution_centers.id":   false,
	} {
		ref, ok := e.Lookup(name)
		if !ok {
			t.Fatalf("no field %s", name)
		}
		if got := e.Exposes(ref); got != want {
			t.Errorf("Exposes(%s) = %v, want %v", name, got, want)
		}
	}
}
