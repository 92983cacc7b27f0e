package store_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestColorCollections(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			builtIn := []*store.ColorCollection{
				{ID: "std-a", Label: "A", Categorical: `[{"colors":["#000"]}]`, Sequential: `[]`, Diverging: `[]`},
				{ID: "std-b", Label: "B", Categorical: `[]`, Sequential: `[]`, Diverging: `[]`},
			}
			for range 2 { // seeding twice changes nothing
				if err := st.EnsureStandardColorCollections(ctx, builtIn); err != nil {
					t.Fatal(err)
				}
			}
			if def, err := st.AppearanceDefault(ctx, store.DefaultColorCollectionKind); err != nil || def != "std-a" {
				t.Fatalf("seeded default %q %v", def, err)
			}
			custom := &store.ColorCollection{ID: "custom-1", Label: "Mine", Categorical: `[]`, Sequential: `[]`, Diverging: `[]`}
			if err := st.CreateColorCollection(ctx, custom); err != nil {
				t.Fatal(err)
			}
			if err := st.CreateColorCollection(ctx, custom); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("duplicate id: %v", err)
			}
			all, err := st.ColorCollections(ctx, nil)
			if err != nil || len(all) != 3 || all[0].ID != "std-a" || all[1].ID != "std-b" || all[2].ID != "custom-1" ||
				!all[0].Standard || all[2].Standard || all[0].Categorical != builtIn[0].Categorical {
				t.Fatalf("all: %v %+v", err, all)
			}
			yes, no := true, false
			if std, _ := st.ColorCollections(ctx, &yes); len(std) != 2 {
				t.Errorf("standard: %d", len(std))
			}
			if cus, _ := st.ColorCollections(ctx, &no); len(cus) != 1 || cus[0].ID != "custom-1" {
				t.Errorf("custom: %+v", cus)
			}
			custom.Label = "Renamed"
			if err := st.UpdateColorCollection(ctx, custom); err != nil {
				t.Fatal(err)
			}
			if got, err := st.ColorCollection(ctx, "custom-1"); err != nil || got.Label != "Renamed" {
				t.Errorf("updated: %v %+v", err, got)
			}
			if err := st.UpdateColorCollection(ctx, builtIn[0]); !overlook.IsNotFound(err) {
				t.Errorf("update of a standard collection: %v", err)
			}
			if err := st.SetAppearanceDefault(ctx, store.DefaultColorCollectionKind, "custom-1"); err != nil {
				t.Fatal(err)
			}
			if err := st.DeleteColorCollection(ctx, "std-b"); !overlook.IsNotFound(err) {
				t.Errorf("delete of a standard collection: %v", err)
			}
			if err := st.DeleteColorCollection(ctx, "custom-1"); err != nil {
				t.Fatal(err)
			}
			if def, _ := st.AppearanceDefault(ctx, store.DefaultColorCollectionKind); def != "" {
				t.Errorf("default after deleting it: %q", def)
			}
			if _, err := st.ColorCollection(ctx, "custom-1"); !overlook.IsNotFound(err) {
				t.Errorf("deleted: %v", err)
			}
		})
	}
}
