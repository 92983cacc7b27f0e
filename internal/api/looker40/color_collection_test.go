package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestColorCollections(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vi", "Ewer", "Viewer").ID)
	var all []model.ColorCollection
	inst.Do(t, "GET", "/api/4.0/color_collections", viewer, nil).JSON(t, &all)
	if len(all) < 2 {
		t.Fatalf("want at least two seeded collections, got %d", len(all))
	}
	var def model.ColorCollection
	inst.Do(t, "GET", "/api/4.0/color_collections/default", viewer, nil).JSON(t, &def)
	if textOf(def.ID) != textOf(all[0].ID) || len(def.CategoricalPalettes) == 0 || len(def.SequentialPalettes[0].Stops) < 2 {
		t.Fatalf("default %+v", def)
	}
	other := textOf(all[1].ID)

	// The SDKs' round trip: set another default (no body), read it back.
	if res := inst.Do(t, "PUT", "/api/4.0/color_collections/default?collection_id="+other, viewer, nil); res.Status != 403 {
		t.Errorf("viewer sets the default: %d", res.Status)
	}
	res := inst.Do(t, "PUT", "/api/4.0/color_collections/default?collection_id="+other, admin, nil)
	res.JSON(t, &def)
	if res.Status != 200 || textOf(def.ID) != other {
		t.Fatalf("set default: %d %s", res.Status, res.Body)
	}
	inst.Do(t, "GET", "/api/4.0/color_collections/default", viewer, nil).JSON(t, &def)
	if textOf(def.ID) != other {
		t.Errorf("default after setting it: %s", textOf(def.ID))
	}
	if res := inst.Do(t, "PUT", "/api/4.0/color_collections/default?collection_id=nope", admin, nil); res.Status != 422 {
		t.Errorf("unknown default: %d", res.Status)
	}

	body := map[string]any{"label": "Sunset", "categoricalPalettes": []any{map[string]any{"colors": []string{"#ff0000", "#00ff00"}}},
		"sequentialPalettes": []any{map[string]any{"stops": []any{map[string]any{"color": "#fff", "offset": 0},
			map[string]any{"color": "#000", "offset": 100}}}}}
	var created model.ColorCollection
	res = inst.Do(t, "POST", "/api/4.0/color_collections", admin, body)
	res.JSON(t, &created)
	if res.Status != 200 || textOf(created.Label) != "Sunset" || textOf(created.CategoricalPalettes[0].Type) != "Categorical" ||
		created.CategoricalPalettes[0].ID == nil {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	id := textOf(created.ID)
	var custom []model.ColorCollection
	inst.Do(t, "GET", "/api/4.0/color_collections/custom", viewer, nil).JSON(t, &custom)
	if len(custom) != 1 || textOf(custom[0].ID) != id {
		t.Errorf("custom: %+v", custom)
	}
	var standard []model.ColorCollection
	inst.Do(t, "GET", "/api/4.0/color_collections/standard", viewer, nil).JSON(t, &standard)
	if len(standard) != len(all) {
		t.Errorf("standard: %d of %d", len(standard), len(all))
	}
	res = inst.Do(t, "PATCH", "/api/4.0/color_collections/"+id, admin, map[string]any{"label": "Dawn"})
	res.JSON(t, &created)
	if res.Status != 200 || textOf(created.Label) != "Dawn" || len(created.CategoricalPalettes) != 1 {
		t.Errorf("update: %d %s", res.Status, res.Body)
	}
	bad := []struct {
		name string
		body map[string]any
	}{
		{"no label", map[string]any{"categoricalPalettes": []any{}}},
		{"not a color", map[string]any{"label": "x", "categoricalPalettes": []any{map[string]any{"colors": []string{"red;"}}}}},
		{"one stop", map[string]any{"label": "x", "divergingPalettes": []any{map[string]any{"stops": []any{map[string]any{"color": "#fff", "offset": 0}}}}}},
		{"offset out of range", map[string]any{"label": "x", "divergingPalettes": []any{map[string]any{"stops": []any{
			map[string]any{"color": "#fff", "offset": 0}, map[string]any{"color": "#fff", "offset": 101}}}}}},
	}
	for _, c := range bad {
		if res := inst.Do(t, "POST", "/api/4.0/color_collections", admin, c.body); res.Status != 422 {
			t.Errorf("%s: %d %s", c.name, res.Status, res.Body)
		}
	}
	if res := inst.Do(t, "PATCH", "/api/4.0/color_collections/"+other, admin, map[string]any{"label": "x"}); res.Status != 405 {
		t.Errorf("update a standard collection: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/color_collections/"+other, admin, nil); res.Status != 405 {
		t.Errorf("delete a standard collection: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/color_collections/"+id, viewer, nil); res.Status != 403 {
		t.Errorf("viewer deletes: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/color_collections/"+id, admin, nil); res.Status != 204 {
		t.Errorf("delete: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, "GET", "/api/4.0/color_collections/"+id, viewer, nil); res.Status != 404 {
		t.Errorf("deleted collection: %d", res.Status)
	}
}
