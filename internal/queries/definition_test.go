package queries

import (
	"net/url"
	"reflect"
	"testing"
)

func TestHashIdentifiesDefinitions(t *testing.T) {
	base := Definition{Model: "thelook", View: "products", Fields: []string{"products.brand"},
		Filters: map[string]string{"products.brand": "A%", "products.category": "Jeans"}, Limit: "10"}
	same := []Definition{
		{Model: "thelook", View: "products", Fields: []string{"products.brand"},
			Filters: map[string]string{"products.category": "Jeans", "products.brand": "A%"}, Limit: "10",
			Sorts: []string{}, VisConfig: map[string]any{}},
	}
	different := []Definition{
		{Model: "thelook", View: "products", Fields: []string{"products.brand"}, Limit: "10"},
		{Model: "thelook", View: "products", Fields: []string{"products.brand"},
			Filters: map[string]string{"products.brand": "A%", "products.category": "Jeans"}, Limit: "11"},
		{Model: "thelook", View: "products", Fields: []string{"products.brand"},
			Filters: map[string]string{"products.brand": "A%", "products.category": "Jeans"}, Limit: "10",
			VisConfig: map[string]any{"type": "looker_column"}},
		{Model: "thelook", View: "orders", Fields: []string{"products.brand"},
			Filters: map[string]string{"products.brand": "A%", "products.category": "Jeans"}, Limit: "10"},
	}
	for _, d := range same {
		if d.Hash() != base.Hash() {
			t.Errorf("%+v hashes apart from %+v", d, base)
		}
	}
	for _, d := range different {
		if d.Hash() == base.Hash() {
			t.Errorf("%+v hashes like %+v", d, base)
		}
	}
}

func TestFromExploreURL(t *testing.T) {
	v, err := url.ParseQuery("fields=products.brand,products.count&f[products.brand]=A%25,B%25&sorts=products.count+desc" +
		"&limit=5&pivots=products.category&query_timezone=UTC&total=true&vis=%7B%22type%22%3A%22table%22%7D&other=1")
	if err != nil {
		t.Fatal(err)
	}
	got, err := FromExploreURL("thelook", "products", v)
	want := Definition{Model: "thelook", View: "products", Fields: []string{"products.brand", "products.count"},
		Filters: map[string]string{"products.brand": "A%,B%"}, Sorts: []string{"products.count desc"}, Limit: "5",
		Pivots: []string{"products.category"}, QueryTimezone: "UTC", Total: true, VisConfig: map[string]any{"type": "table"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v %v, want %+v", got, err, want)
	}
	back, err := url.Parse(ExploreURL(got))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := FromExploreURL("thelook", "products", back.Query())
	again.VisConfig = want.VisConfig // the explore URL leaves vis out
	if back.Path != "/explore/thelook/products" || !reflect.DeepEqual(again, want) {
		t.Errorf("round trip %s → %+v", back, again)
	}
	if _, err := FromExploreURL("m", "v", url.Values{"vis": {"{"}}); err == nil {
		t.Error("vis that is not JSON: no error")
	}
}
