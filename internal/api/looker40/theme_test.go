package looker40_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestThemes(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vi", "Ewer", "Viewer").ID)

	var def model.Theme
	res := inst.Do(t, "GET", "/api/4.0/themes/default_theme?theme_type=dashboard", viewer, nil)
	res.JSON(t, &def)
	if res.Status != 200 || def.ID == nil || def.Settings == nil || def.Settings.FontFamily == nil {
		t.Fatalf("default theme: %d %s", res.Status, res.Body)
	}

	// validate_theme as the SDK tests call it: valid is a bare 204; the
	// invalid one reports exactly three problems.
	valid := map[string]any{"name": "validTemplate", "settings": map[string]any{"show_filters_bar": false,
		"show_title": false, "tile_shadow": false, "font_family": "Arial"}}
	if res := inst.Do(t, "POST", "/api/4.0/themes/validate", admin, valid); res.Status != 204 || len(res.Body) != 0 {
		t.Errorf("valid theme: %d %q", res.Status, res.Body)
	}
	invalid := map[string]any{"settings": map[string]any{"show_filters_bar": false, "show_title": false,
		"tile_shadow": false, "font_family": "Arial;"}}
	var verr struct {
		Errors []struct{ Field, Code string } `json:"errors"`
	}
	res = inst.Do(t, "POST", "/api/4.0/themes/validate", admin, invalid)
	res.JSON(t, &verr)
	if res.Status != 422 || len(verr.Errors) != 3 {
		t.Errorf("invalid theme: %d %s", res.Status, res.Body)
	}

	var created model.Theme
	res = inst.Do(t, "POST", "/api/4.0/themes", admin, map[string]any{"name": "night",
		"settings": map[string]any{"background_color": "#000000", "tile_title_alignment": "center"}})
	res.JSON(t, &created)
	if res.Status != 200 || textOf(created.Settings.BackgroundColor) != "#000000" || created.Settings.ShowTitle == nil {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	id := textOf(created.ID)
	if res := inst.Do(t, "POST", "/api/4.0/themes", viewer, map[string]any{"name": "x"}); res.Status != 403 {
		t.Errorf("viewer creates: %d", res.Status)
	}
	for name, body := range map[string]any{
		"bad name":   map[string]any{"name": "has space"},
		"bad size":   map[string]any{"name": "a", "settings": map[string]any{"base_font_size": "huge"}},
		"bad period": map[string]any{"name": "a", "begin_at": "2026-02-01T00:00:00Z", "end_at": "2026-01-01T00:00:00Z"},
		"bad time":   map[string]any{"name": "a", "begin_at": "yesterday"},
		"bad color":  map[string]any{"name": "a", "settings": map[string]any{"color_collection_id": "nope"}},
	} {
		if res := inst.Do(t, "POST", "/api/4.0/themes", admin, body); res.Status != 422 {
			t.Errorf("%s: %d %s", name, res.Status, res.Body)
		}
	}
	res = inst.Do(t, "PATCH", "/api/4.0/themes/"+id, admin, map[string]any{"settings": map[string]any{"show_title": false}})
	res.JSON(t, &created)
	if res.Status != 200 || textOf(created.Settings.BackgroundColor) != "#000000" || *created.Settings.ShowTitle {
		t.Errorf("update keeps the other settings: %d %s", res.Status, res.Body)
	}

	var found []model.Theme
	res = inst.Do(t, "GET", "/api/4.0/themes/search?name=nig%25&limit=5", viewer, nil)
	res.JSON(t, &found)
	if res.Status != 200 || len(found) != 1 || textOf(found[0].ID) != id || res.Header.Get("X-Total-Count") != "1" {
		t.Errorf("search: %d %s", res.Status, res.Body)
	}
	var active []model.Theme
	inst.Do(t, "GET", "/api/4.0/themes/active?name=night", viewer, nil).JSON(t, &active)
	if len(active) != 1 {
		t.Errorf("active: %+v", active)
	}
	inst.Do(t, "GET", "/api/4.0/themes/active?ts=2000-01-01T00:00:00Z", viewer, nil).JSON(t, &active)
	if len(active) != 2 {
		t.Errorf("active with no period: %d", len(active))
	}
	var got model.Theme
	inst.Do(t, "GET", "/api/4.0/themes/theme_or_default?name=missing", viewer, nil).JSON(t, &got)
	if textOf(got.ID) != textOf(def.ID) {
		t.Errorf("theme_or_default of a missing theme: %s", textOf(got.ID))
	}
	res = inst.Do(t, "PUT", "/api/4.0/themes/default_theme?name=night&theme_type=dashboard", admin, nil)
	if res.Status != 200 {
		t.Fatalf("set default: %d %s", res.Status, res.Body)
	}
	inst.Do(t, "GET", "/api/4.0/themes/default_theme?theme_type=dashboard", viewer, nil).JSON(t, &got)
	if textOf(got.ID) != id {
		t.Errorf("default after setting: %s", textOf(got.ID))
	}
	inst.Do(t, "GET", "/api/4.0/themes/default", viewer, nil).JSON(t, &got)
	if textOf(got.ID) != textOf(def.ID) {
		t.Errorf("general default changed: %s", textOf(got.ID))
	}
	if res := inst.Do(t, "PUT", "/api/4.0/themes/default?name=nothing", admin, nil); res.Status != 422 {
		t.Errorf("set an unknown default: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/themes/"+id, admin, nil); res.Status != 422 {
		t.Errorf("delete a default: %d", res.Status)
	}
	inst.Do(t, "PUT", "/api/4.0/themes/default_theme?name=overlook&theme_type=dashboard", admin, nil)
	if res := inst.Do(t, "DELETE", "/api/4.0/themes/"+id, admin, nil); res.Status != 204 {
		t.Errorf("delete: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, "GET", "/api/4.0/themes/"+id, viewer, nil); res.Status != 404 {
		t.Errorf("deleted theme: %d", res.Status)
	}
}
