package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestThemes(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			for range 2 {
				if err := st.EnsureTheme(ctx, "base", `{"show_title":true}`); err != nil {
					t.Fatal(err)
				}
			}
			jan, mar := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			winter := &store.Theme{Name: "winter", Settings: `{}`, BeginAt: &jan, EndAt: &mar}
			if err := st.CreateTheme(ctx, winter); err != nil || winter.ID == 0 {
				t.Fatal(err)
			}
			all, total, err := st.Themes(ctx, store.ThemeFilter{})
			if err != nil || total != 2 || len(all) != 2 || all[0].Name != "base" || all[0].Settings != `{"show_title":true}` {
				t.Fatalf("all: %v %d %+v", err, total, all)
			}
			if got, _ := st.Theme(ctx, winter.ID); !got.BeginAt.Equal(jan) || !got.EndAt.Equal(mar) {
				t.Errorf("period read back %+v", got)
			}
			feb, apr := jan.AddDate(0, 1, 0), mar.AddDate(0, 1, 0)
			cases := []struct {
				name string
				f    store.ThemeFilter
				want int
			}{
				{"active in february", store.ThemeFilter{ActiveAt: &feb}, 2},
				{"active in april", store.ThemeFilter{ActiveAt: &apr}, 1},
				{"winter in april", store.ThemeFilter{ActiveAt: &apr, ExactName: "winter"}, 0},
				{"name pattern", store.ThemeFilter{Name: "WIN%"}, 1},
				{"begins after december", store.ThemeFilter{BeginAt: &jan}, 1},
				{"or with exact name", store.ThemeFilter{Name: "base", IDs: []int64{winter.ID}, FilterOr: true, ExactName: "winter"}, 1},
				{"paged", store.ThemeFilter{Limit: 1, Offset: 1}, 1},
			}
			for _, c := range cases {
				got, _, err := st.Themes(ctx, c.f)
				if err != nil || len(got) != c.want {
					t.Errorf("%s: %v, %d themes, want %d", c.name, err, len(got), c.want)
				}
			}
			winter.Name, winter.EndAt = "cold", nil
			if err := st.UpdateTheme(ctx, winter); err != nil {
				t.Fatal(err)
			}
			if got, _ := st.Theme(ctx, winter.ID); got.Name != "cold" || got.EndAt != nil {
				t.Errorf("updated %+v", got)
			}
			if err := st.SetAppearanceDefault(ctx, store.ThemeDefaultKind("dashboard"), "cold"); err != nil {
				t.Fatal(err)
			}
			if defs, err := st.ThemeDefaults(ctx); err != nil || defs[""] != "base" || defs["dashboard"] != "cold" || len(defs) != 2 {
				t.Errorf("defaults %v %v", defs, err)
			}
			if err := st.DeleteTheme(ctx, winter.ID); err != nil {
				t.Fatal(err)
			}
			if err := st.DeleteTheme(ctx, winter.ID); !overlook.IsNotFound(err) {
				t.Errorf("second delete: %v", err)
			}
		})
	}
}
