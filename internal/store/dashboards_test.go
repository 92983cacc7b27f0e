package store_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestDashboards(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, u, queryID, shared := contentFixture(t, open)
			d := &store.Dashboard{Slug: "slug-one", Settings: `{"background_color":"green"}`,
				ContentItem: store.ContentItem{Title: "Sales", FolderID: shared, UserID: u.ID}}
			if err := st.CreateDashboard(ctx, d); err != nil || d.ID == 0 || d.ContentMetadataID == 0 {
				t.Fatalf("create: %v %+v", err, d)
			}
			layouts, _ := st.DashboardLayouts(ctx, d.ID)
			if len(layouts) != 1 || !layouts[0].Active || layouts[0].Type != "newspaper" {
				t.Fatalf("default layout: %+v", layouts)
			}
			f := &store.DashboardFilter{DashboardID: d.ID, Name: "Brand", Title: "Brand", Type: "field_filter",
				ListensToFilters: "[]", UIConfig: "{}", AllowMultipleValues: true}
			if err := st.CreateDashboardFilter(ctx, f); err != nil {
				t.Fatal(err)
			}
			twin := *f
			if err := st.CreateDashboardFilter(ctx, &twin); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("same filter name: %v, want conflict", err)
			}
			var elements []*store.DashboardElement
			for _, title := range []string{"first", "second"} {
				e := &store.DashboardElement{DashboardID: d.ID, Type: "vis", Title: title, QueryID: queryID, Texts: "{}",
					ResultMaker: `{"filterables":[]}`}
				if err := st.CreateDashboardElement(ctx, e); err != nil {
					t.Fatal(err)
				}
				elements = append(elements, e)
			}
			second := &store.DashboardLayout{DashboardID: d.ID, Type: "newspaper", Active: true, Label: "wide"}
			if err := st.CreateDashboardLayout(ctx, second); err != nil {
				t.Fatal(err)
			}
			layouts, _ = st.DashboardLayouts(ctx, d.ID)
			if len(layouts) != 2 || layouts[0].Active || !layouts[1].Active {
				t.Fatalf("one active layout: %+v %+v", layouts[0], layouts[1])
			}
			for _, l := range layouts {
				comps, _ := st.LayoutComponents(ctx, l.ID)
				if len(comps) != 2 || comps[0].ElementID != elements[0].ID || comps[1].Row != comps[0].Height {
					t.Fatalf("components of layout %d: %+v", l.ID, comps)
				}
			}
			cp := &store.Dashboard{Slug: "slug-two", ContentItem: store.ContentItem{Title: "Sales (copy)", FolderID: shared,
				UserID: u.ID}, Settings: d.Settings}
			if err := st.CopyDashboard(ctx, d.ID, cp); err != nil {
				t.Fatal(err)
			}
			cpElements, _ := st.DashboardElements(ctx, store.ElementFilter{DashboardID: cp.ID})
			cpFilters, _ := st.DashboardFilters(ctx, cp.ID)
			cpLayouts, _ := st.DashboardLayouts(ctx, cp.ID)
			if len(cpElements) != 2 || len(cpFilters) != 1 || len(cpLayouts) != 2 || cpElements[0].ID == elements[0].ID {
				t.Fatalf("copy: %d elements, %d filters, %d layouts", len(cpElements), len(cpFilters), len(cpLayouts))
			}
			comps, _ := st.LayoutComponents(ctx, cpLayouts[1].ID)
			if len(comps) != 2 || comps[0].ElementID != cpElements[0].ID {
				t.Fatalf("copied components %+v", comps)
			}
			if err := st.DeleteDashboardElement(ctx, elements[0].ID); err != nil {
				t.Fatal(err)
			}
			if comps, _ := st.LayoutComponents(ctx, layouts[0].ID); len(comps) != 1 {
				t.Errorf("components after deleting a tile: %+v", comps)
			}
			if err := st.DeleteDashboard(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := st.DashboardElement(ctx, elements[1].ID); !overlook.IsNotFound(err) {
				t.Errorf("tile after deleting its dashboard: %v", err)
			}
			all, _ := st.Dashboards(ctx, store.ItemFilter{})
			if len(all) != 1 || all[0].ID != cp.ID || all[0].Settings != d.Settings {
				t.Errorf("left %+v", all)
			}
		})
	}
}
