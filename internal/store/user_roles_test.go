package store_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

// backends opens a fresh store on SQLite and, when it answers, PostgreSQL.
func backends(t *testing.T) map[string]func(t *testing.T) *store.Store {
	out := map[string]func(t *testing.T) *store.Store{"sqlite": func(t *testing.T) *store.Store {
		st, err := store.Open(context.Background(), "", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}}
	if admin := storetest.PostgresAdminIfAny(t); admin != nil {
		out["postgres"] = func(t *testing.T) *store.Store {
			st, err := store.Open(context.Background(), storetest.PostgresDatabase(t, admin), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return st
		}
	}
	return out
}

func TestUserRolesAndLastAdmin(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			if err := access.SeedBuiltIns(ctx, st); err != nil {
				t.Fatal(err)
			}
			if err := st.EnsureRootFolders(ctx); err != nil {
				t.Fatal(err)
			}
			adminRole, _ := st.RoleIDByName(ctx, access.AdminRole)
			viewerRole, _ := st.RoleIDByName(ctx, access.ViewerRole)
			a := &overlook.User{FirstName: "Ad", Email: &overlook.CredentialsEmail{Email: "Ad@X.com"}}
			b := &overlook.User{FirstName: "Be"}
			for _, u := range []*overlook.User{a, b} {
				if err := st.CreateUser(ctx, u); err != nil {
					t.Fatal(err)
				}
			}
			if err := st.SetUserRoles(ctx, a.ID, []int64{adminRole, viewerRole}); err != nil {
				t.Fatal(err)
			}
			if last, err := st.IsLastAdmin(ctx, a.ID); err != nil || !last {
				t.Fatalf("IsLastAdmin = %v %v", last, err)
			}
			if err := st.DeleteUser(ctx, a.ID); overlook.ErrorCode(err) != overlook.EFORBIDDEN {
				t.Errorf("deleting the last admin: %v", err)
			}
			yes := true
			if err := st.UpdateUser(ctx, a.ID, overlook.UserUpdate{IsDisabled: &yes}); overlook.ErrorCode(err) != overlook.EFORBIDDEN {
				t.Errorf("disabling the last admin: %v", err)
			}
			direct, err := st.UserRoles(ctx, a.ID, store.RolesDirect)
			if err != nil || len(direct) != 2 || direct[0].Name != access.AdminRole || !direct[0].PermissionSet.AllAccess {
				t.Fatalf("direct roles = %+v %v", direct, err)
			}
			if via, err := st.UserRoles(ctx, a.ID, store.RolesViaGroups); err != nil || len(via) != 0 {
				t.Errorf("roles via groups = %v %v", via, err)
			}
			if ok, _ := st.RolesGrantAdmin(ctx, []int64{viewerRole}); ok {
				t.Error("Viewer grants admin")
			}
			if missing, _ := st.MissingRoles(ctx, []int64{viewerRole, 4242}); len(missing) != 1 || missing[0] != 4242 {
				t.Errorf("missing = %v", missing)
			}
			// A second admin frees the first.
			if err := st.SetUserRoles(ctx, b.ID, []int64{adminRole}); err != nil {
				t.Fatal(err)
			}
			if err := st.DeleteUser(ctx, a.ID); err != nil {
				t.Errorf("deleting one of two admins: %v", err)
			}
			if _, err := st.UserRoles(ctx, a.ID, store.RolesAll); !overlook.IsNotFound(err) {
				t.Errorf("roles of a deleted user: %v", err)
			}
		})
	}
}

func TestUserSearchEmailGrammar(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			if err := st.EnsureRootFolders(ctx); err != nil {
				t.Fatal(err)
			}
			for _, u := range []*overlook.User{{FirstName: "amy", Email: &overlook.CredentialsEmail{Email: "Amy@Foo.com"}},
				{FirstName: "Bob"}, {FirstName: "Cy", Email: &overlook.CredentialsEmail{Email: "cy@bar.com"}}} {
				if err := st.CreateUser(ctx, u); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range []struct {
				f    overlook.UserFilter
				want string
			}{
				{overlook.UserFilter{Email: "IS NULL"}, "Bob"},
				{overlook.UserFilter{Email: "not null", Sorts: []overlook.Sort{{Field: "first_name"}}}, "amy,Cy"},
				{overlook.UserFilter{Email: "%@FOO.COM"}, "amy"},
				{overlook.UserFilter{Pattern: "b%", Sorts: []overlook.Sort{{Field: "first_name", Desc: true}}}, "Bob"},
				{overlook.UserFilter{Sorts: []overlook.Sort{{Field: "first_name", Desc: true}}}, "Cy,Bob,amy"},
				{overlook.UserFilter{Sorts: []overlook.Sort{{Field: "email"}}}, "Bob,amy,Cy"},
			} {
				users, _, err := st.Users(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				var got string
				for i, u := range users {
					if i > 0 {
						got += ","
					}
					got += u.FirstName
				}
				if got != c.want {
					t.Errorf("%+v: got %s, want %s", c.f, got, c.want)
				}
			}
		})
	}
}
