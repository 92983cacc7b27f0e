package store_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestLookmlModelsSQLite(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := &store.LookmlModel{Name: "sales", ProjectName: "thelook", AllowedDBConnectionNames: []string{"thelook"}}
	if err := st.CreateLookmlModel(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateLookmlModel(ctx, m); !isCode(err, overlook.ECONFLICT) {
		t.Fatalf("second create: %v, want a conflict", err)
	}
	m.Name, m.UnlimitedDBConnections = "sales2", true
	if err := st.UpdateLookmlModel(ctx, "sales", m); err != nil {
		t.Fatal(err)
	}
	got, err := st.LookmlModel(ctx, "sales2")
	if err != nil || got.ProjectName != "thelook" || !got.UnlimitedDBConnections || !slices.Equal(got.AllowedDBConnectionNames, []string{"thelook"}) {
		t.Fatalf("read back %+v, %v", got, err)
	}
	list, err := st.LookmlModels(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list %v, %v", list, err)
	}
	if err := st.DeleteLookmlModel(ctx, "sales2"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LookmlModel(ctx, "sales2"); !isCode(err, overlook.ENOTFOUND) {
		t.Fatalf("after delete: %v", err)
	}
	if err := st.DeleteLookmlModel(ctx, "sales2"); !isCode(err, overlook.ENOTFOUND) {
		t.Fatalf("second delete: %v", err)
	}
}

// The system__activity views exist and never expose a secret column.
func TestSysActivityViewsHideSecrets(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cols, err := st.SysActivityColumns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, view := range []string{"sa_user", "sa_group", "sa_role", "sa_event", "sa_folder"} {
		if len(cols[view]) == 0 {
			t.Errorf("view %s missing", view)
		}
	}
	for view, list := range cols {
		for _, c := range list {
			for _, bad := range []string{"hash", "token", "secret", "password", "client_id"} {
				if containsFold(c, bad) {
					t.Errorf("%s exposes %s", view, c)
				}
			}
		}
	}
}

func isCode(err error, code string) bool {
	var e *overlook.Error
	return errors.As(err, &e) && e.Code == code
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}
