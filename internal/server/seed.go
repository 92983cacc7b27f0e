package server

import (
	"context"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// seedUsers are the people a new instance starts with besides its admin:
// what the official SDK integration tests expect of a Looker instance
// (two enabled users to sudo to), and a way to try the roles.
var seedUsers = []struct {
	first, last, email, role string
}{
	{"Vera", "Viewer", "vera.viewer@overlook.example", access.ViewerRole},
	{"Devon", "Developer", "devon.developer@overlook.example", access.DeveloperRole},
}

// seedInstance runs once, on the start that creates the first admin.
func seedInstance(ctx context.Context, st *store.Store) error {
	for _, s := range seedUsers {
		u := &overlook.User{FirstName: s.first, LastName: s.last, Locale: "en"}
		if err := st.CreateUser(ctx, u); err != nil {
			return err
		}
		if err := st.PutCredentialsEmail(ctx, &overlook.CredentialsEmail{UserID: u.ID, Email: s.email}); err != nil {
			return err
		}
		role, err := st.RoleIDByName(ctx, s.role)
		if err != nil {
			return err
		}
		if err := st.SetUserRoles(ctx, u.ID, []int64{role}); err != nil {
			return err
		}
	}
	return nil
}
