package looker40_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestContentFavoritesViewsThumbnails(t *testing.T) {
	inst := servertest.Start(t)
	shared, private, look, ownerTok, otherTok := contentFixture(t, inst)
	admin := inst.AdminToken(t)

	// A user who cannot see a dashboard can neither favorite it nor get its
	// thumbnail: both are 404, like a dashboard that does not exist.
	if res := inst.Do(t, "POST", "/api/4.0/content_favorite", otherTok,
		map[string]any{"content_metadata_id": idText(private.ContentMetadataID)}); res.Status != 404 {
		t.Errorf("favorite a hidden dashboard: %d %s", res.Status, res.Body)
	}
	for _, format := range []string{"png", "svg"} {
		if res := inst.Do(t, "GET", "/api/4.0/content_thumbnail/dashboard/"+idText(private.ID)+"?format="+format, otherTok, nil); res.Status != 404 {
			t.Errorf("%s thumbnail of a hidden dashboard: %d", format, res.Status)
		}
	}

	var fav model.ContentFavorite
	res := inst.Do(t, "POST", "/api/4.0/content_favorite", otherTok, map[string]any{"content_metadata_id": idText(shared.ContentMetadataID)})
	res.JSON(t, &fav)
	if res.Status != 200 || textOf(fav.DashboardID) != idText(shared.ID) || fav.Dashboard == nil || textOf(fav.Dashboard.Title) != shared.Title {
		t.Fatalf("favorite: %d %s", res.Status, res.Body)
	}
	if res := inst.Do(t, "POST", "/api/4.0/content_favorite", otherTok, map[string]any{"content_metadata_id": idText(shared.ContentMetadataID)}); res.Status != 409 {
		t.Errorf("second favorite: %d", res.Status)
	}
	if res := inst.Do(t, "POST", "/api/4.0/content_favorite", otherTok, map[string]any{}); res.Status != 422 {
		t.Errorf("favorite without content: %d", res.Status)
	}
	var lookFav model.ContentFavorite
	inst.Do(t, "POST", "/api/4.0/content_favorite", ownerTok, map[string]any{"content_metadata_id": idText(look.ContentMetadataID)}).JSON(t, &lookFav)
	if textOf(lookFav.LookID) != idText(look.ID) || lookFav.Look == nil {
		t.Errorf("look favorite: %+v", lookFav)
	}
	fid := textOf(fav.ID)
	if res := inst.Do(t, "GET", "/api/4.0/content_favorite/"+fid, ownerTok, nil); res.Status != 404 {
		t.Errorf("someone else's favorite: %d", res.Status)
	}
	if res := inst.Do(t, "GET", "/api/4.0/content_favorite/"+fid, admin, nil); res.Status != 200 {
		t.Errorf("admin reads a favorite: %d", res.Status)
	}
	var mine []model.ContentFavorite
	inst.Do(t, "GET", "/api/4.0/content_favorite/search", otherTok, nil).JSON(t, &mine)
	if len(mine) != 1 || textOf(mine[0].ID) != fid {
		t.Errorf("the other user's favorites: %+v", mine)
	}
	inst.Do(t, "GET", "/api/4.0/content_favorite/search?dashboard_id="+idText(shared.ID), admin, nil).JSON(t, &mine)
	if len(mine) != 1 {
		t.Errorf("admin searches by dashboard: %d", len(mine))
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/content_favorite/"+fid, ownerTok, nil); res.Status != 404 {
		t.Errorf("delete someone else's favorite: %d", res.Status)
	}
	if res := inst.Do(t, "DELETE", "/api/4.0/content_favorite/"+fid, otherTok, nil); res.Status != 204 {
		t.Errorf("delete: %d", res.Status)
	}

	// Reading a dashboard counts a view, shown by search_content_views.
	if res := inst.Do(t, "GET", "/api/4.0/dashboards/"+idText(private.ID), ownerTok, nil); res.Status != 200 {
		t.Fatalf("dashboard: %d %s", res.Status, res.Body)
	}
	var views []model.ContentView
	inst.Do(t, "GET", "/api/4.0/content_view/search?dashboard_id="+idText(private.ID), ownerTok, nil).JSON(t, &views)
	if len(views) != 1 || *views[0].ViewCount != 1 || textOf(views[0].Title) != private.Title {
		t.Errorf("owner's views: %+v", views)
	}
	inst.Do(t, "GET", "/api/4.0/content_view/search?all_time=true", otherTok, nil).JSON(t, &views)
	if len(views) != 0 {
		t.Errorf("the other user sees views: %d", len(views))
	}
	if res := inst.Do(t, "GET", "/api/4.0/content_view/search?start_of_week_date=soon", ownerTok, nil); res.Status != 422 {
		t.Errorf("bad week: %d", res.Status)
	}

	// Thumbnails, as the SDK tests fetch them (the TypeScript one says
	// "dashboards").
	for _, path := range []string{"/dashboard/" + idText(shared.ID), "/dashboards/" + idText(shared.ID), "/look/" + idText(look.ID)} {
		res := inst.Do(t, "GET", "/api/4.0/content_thumbnail"+path+"?format=png", otherTok, nil)
		if res.Status != 200 || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("png %s: %d %s", path, res.Status, res.Header.Get("Content-Type"))
			continue
		}
		if _, err := png.Decode(bytes.NewReader(res.Body)); err != nil {
			t.Errorf("png %s does not decode: %v", path, err)
		}
		res = inst.Do(t, "GET", "/api/4.0/content_thumbnail"+path+"?format=svg", otherTok, nil)
		if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "image/svg+xml") || !bytes.HasPrefix(res.Body, []byte("<?xml")) {
			t.Errorf("svg %s: %d %q", path, res.Status, res.Body[:min(len(res.Body), 40)])
		}
	}
	res = inst.Do(t, "GET", "/api/4.0/content_thumbnail/dashboard/"+idText(shared.ID)+"?format=png&width=64&height=32", otherTok, nil)
	if img, err := png.Decode(bytes.NewReader(res.Body)); err != nil || img.Bounds().Dx() != 64 || img.Bounds().Dy() != 32 {
		t.Errorf("sized png: %v", err)
	}
	for _, q := range []string{"/dashboard/" + idText(shared.ID) + "?format=gif", "/dashboard/" + idText(shared.ID) + "?width=99999", "/folder/1"} {
		if res := inst.Do(t, "GET", "/api/4.0/content_thumbnail"+q, otherTok, nil); res.Status != 422 {
			t.Errorf("%s: %d", q, res.Status)
		}
	}
	if res := inst.Do(t, "GET", "/api/4.0/vector_thumbnail/dashboard/"+idText(shared.ID), otherTok, nil); res.Status != 200 || !bytes.HasPrefix(res.Body, []byte("<?xml")) {
		t.Errorf("vector_thumbnail: %d", res.Status)
	}

	var sections []model.HomepageSection
	res = inst.Do(t, "GET", "/api/4.0/primary_homepage_sections", otherTok, nil)
	res.JSON(t, &sections)
	if res.Status != 200 || sections == nil {
		t.Errorf("homepage: %d %s", res.Status, res.Body)
	}
}
