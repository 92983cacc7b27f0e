package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// AdminCredentials are the API3 credentials of the first admin.
type AdminCredentials struct {
	ClientID     string
	ClientSecret string
	// File is where they were written (0600), in looker.ini form.
	File string
}

// AdminCredentialsFile is the name of the credentials file in the data dir.
const AdminCredentialsFile = "admin-credentials.ini"

// ensureAdmin creates the first admin on a new instance. With
// OVERLOOK_ADMIN_CLIENT_ID/SECRET set, it makes sure those credentials log
// in as an admin, creating them if needed.
func ensureAdmin(ctx context.Context, st *store.Store, cfg config.Config) (*AdminCredentials, error) {
	if cfg.AdminClientID != "" {
		if c, err := st.CredentialsAPI3ByClientID(ctx, cfg.AdminClientID); err == nil {
			if auth.VerifySecret(c.SecretHash, cfg.AdminClientSecret) {
				return nil, nil
			}
			return nil, fmt.Errorf("OVERLOOK_ADMIN_CLIENT_ID %q exists with another secret", cfg.AdminClientID)
		} else if !overlook.IsNotFound(err) {
			return nil, err
		}
	} else if _, total, err := st.Users(ctx, overlook.UserFilter{Limit: 1}); err != nil || total > 0 {
		return nil, err
	}
	creds := &AdminCredentials{ClientID: cfg.AdminClientID, ClientSecret: cfg.AdminClientSecret}
	if creds.ClientID == "" {
		creds.ClientID, creds.ClientSecret = auth.RandomString(20), auth.RandomString(24)
	}
	u := &overlook.User{FirstName: "Overlook", LastName: "Admin", Locale: "en", CanManageAPI3Creds: true}
	if err := st.CreateUser(ctx, u); err != nil {
		return nil, err
	}
	roleID, err := st.RoleIDByName(ctx, access.AdminRole)
	if err != nil {
		return nil, err
	}
	if err := st.SetUserRoles(ctx, u.ID, []int64{roleID}); err != nil {
		return nil, err
	}
	err = st.CreateCredentialsAPI3(ctx, &overlook.CredentialsAPI3{UserID: u.ID, ClientID: creds.ClientID,
		SecretHash: auth.HashSecret(creds.ClientSecret), Purpose: "first admin"})
	if err != nil {
		return nil, err
	}
	creds.File = filepath.Join(cfg.DataDir, AdminCredentialsFile)
	return creds, writeCredentials(creds, cfg)
}

func writeCredentials(c *AdminCredentials, cfg config.Config) error {
	origin := cfg.PublicURL
	if origin == "" {
		origin = "http://" + cfg.Addr
	}
	text := fmt.Sprintf("[Looker]\nbase_url=%s\nclient_id=%s\nclient_secret=%s\nverify_ssl=false\n", origin, c.ClientID, c.ClientSecret)
	return os.WriteFile(c.File, []byte(text), 0o600)
}
