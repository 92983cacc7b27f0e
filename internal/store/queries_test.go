package store_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestQueries(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			q := &store.Query{Slug: "abc123", Hash: "h1", Model: "thelook", View: "products",
				Fields: `["products.brand"]`, Pivots: `[]`, FillFields: `[]`, Filters: `{"products.brand":"x"}`,
				Sorts: `[]`, Limit: "10", Total: true, Subtotals: `[]`, VisConfig: `{}`, FilterConfig: `{}`,
				ClientID: "cid"}
			if err := st.CreateQuery(ctx, q); err != nil || q.ID == 0 || q.CreatedAt.IsZero() {
				t.Fatalf("create: %v %+v", err, q)
			}
			for _, dup := range []store.Query{{Slug: "other", Hash: "h1", Model: "m", View: "v"},
				{Slug: "abc123", Hash: "h2", Model: "m", View: "v"}} {
				if err := st.CreateQuery(ctx, &dup); overlook.ErrorCode(err) != overlook.ECONFLICT {
					t.Errorf("duplicate %+v: %v, want conflict", dup, err)
				}
			}
			byID, err := st.QueryByID(ctx, q.ID)
			if err != nil || byID.Slug != "abc123" || byID.Filters != q.Filters || !byID.Total || byID.Limit != "10" {
				t.Fatalf("by id: %v %+v", err, byID)
			}
			if got, err := st.QueryBySlug(ctx, "abc123"); err != nil || got.ID != q.ID {
				t.Errorf("by slug: %v %+v", err, got)
			}
			if got, err := st.QueryByHash(ctx, "h1"); err != nil || got.ID != q.ID {
				t.Errorf("by hash: %v %+v", err, got)
			}
			if _, err := st.QueryBySlug(ctx, "nope"); !overlook.IsNotFound(err) {
				t.Errorf("unknown slug: %v, want not found", err)
			}
		})
	}
}
