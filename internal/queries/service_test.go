package queries

import (
	"context"
	"sync"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestCreateIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := New(openStore(t))
	d := Definition{Model: "thelook", View: "products", Fields: []string{"products.brand"},
		Filters: map[string]string{"products.brand": "A%"}, VisConfig: map[string]any{"type": "table", "n": 1.5}}

	// Concurrent creators of one definition all get the one query.
	ids := make([]int64, 8)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Go(func() {
			q, err := s.Create(ctx, d, "", 0)
			if err != nil {
				t.Error(err)
				return
			}
			ids[i] = q.ID
		})
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] || id == 0 {
			t.Fatalf("ids %v, want one", ids)
		}
	}
	q, err := s.Get(ctx, ids[0])
	if err != nil || q.Slug == "" || len(q.ClientID) != clientIDLength || q.Filters["products.brand"] != "A%" ||
		q.VisConfig["n"] != 1.5 || q.Sorts == nil {
		t.Fatalf("stored %+v %v", q, err)
	}
	if bySlug, err := s.BySlug(ctx, q.Slug); err != nil || bySlug.ID != q.ID {
		t.Errorf("by slug: %+v %v", bySlug, err)
	}
	other, err := s.Create(ctx, Definition{Model: "thelook", View: "products"}, "myclientid", 0)
	if err != nil || other.ID == q.ID || other.ClientID != "myclientid" {
		t.Errorf("another definition: %+v %v", other, err)
	}
	if _, err := s.Get(ctx, 999); !overlook.IsNotFound(err) {
		t.Errorf("unknown id: %v", err)
	}
}
