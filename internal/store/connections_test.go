package store_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func TestConnections(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			if err := st.EnsureRootFolders(ctx); err != nil {
				t.Fatal(err)
			}
			u := &overlook.User{FirstName: "Owner"}
			if err := st.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			c := &store.Connection{Name: "wh", Dialect: "postgres", Host: "db.example", Port: 5432, Database: "d",
				Schema: "public", Username: "u", PasswordSealed: []byte{1, 2, 0, 3}, Options: `{"sslmode":"require"}`,
				Settings: `{}`, MaxConnections: 5, PoolTimeout: 60, UserID: u.ID}
			if err := st.CreateConnection(ctx, c); err != nil || c.ID == 0 || c.CreatedAt.IsZero() {
				t.Fatalf("create: %v %+v", err, c)
			}
			dup := *c
			if err := st.CreateConnection(ctx, &dup); overlook.ErrorCode(err) != overlook.ECONFLICT {
				t.Errorf("duplicate name: %v, want conflict", err)
			}
			got, err := st.Connection(ctx, "wh")
			if err != nil || !bytes.Equal(got.PasswordSealed, c.PasswordSealed) || got.UserID != u.ID ||
				got.Options != c.Options || got.CertificateSealed != nil || got.Port != 5432 {
				t.Fatalf("read back: %v %+v", err, got)
			}
			got.Host, got.PasswordSealed = "other.example", nil
			if err := st.UpdateConnection(ctx, got); err != nil {
				t.Fatal(err)
			}
			list, err := st.Connections(ctx)
			if err != nil || len(list) != 1 || list[0].Host != "other.example" || list[0].PasswordSealed != nil {
				t.Fatalf("list after update: %v %+v", err, list)
			}
			if err := st.DeleteConnection(ctx, "wh"); err != nil {
				t.Fatal(err)
			}
			for _, err := range []error{st.DeleteConnection(ctx, "wh"), st.UpdateConnection(ctx, got),
				func() error { _, err := st.Connection(ctx, "wh"); return err }()} {
				if !overlook.IsNotFound(err) {
					t.Errorf("after delete: %v, want not found", err)
				}
			}
		})
	}
}
