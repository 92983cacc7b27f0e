// Package users holds the rules of user management that are more than
// storage: who may change whom, what makes a valid user or credential, and
// that every change to a user reaches the token cache at once.
package users

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Service manages users and their credentials.
type Service struct {
	st   *store.Store
	auth *auth.Service
}

// New returns a service over st; a drops cached principals after changes.
func New(st *store.Store, a *auth.Service) *Service { return &Service{st: st, auth: a} }

// maxText bounds names, locales and purposes.
const maxText = 255

func checkText(field, v string) error {
	if utf8.RuneCountInString(v) > maxText {
		return overlook.Invalid(field, "too_long", "%s must be at most %d characters", field, maxText)
	}
	return nil
}

// checkLocale accepts Looker's locale codes: letters, digits, - and _.
func checkLocale(v string) error {
	if len(v) > 32 {
		return overlook.Invalid("locale", "invalid", "locale %q is not a locale code", v)
	}
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return overlook.Invalid("locale", "invalid", "locale %q is not a locale code", v)
		}
	}
	return nil
}

func checkUser(u *overlook.User) error {
	for _, f := range []struct{ name, v string }{
		{"first_name", u.FirstName}, {"last_name", u.LastName}, {"service_account_name", u.ServiceAccountName},
	} {
		if err := checkText(f.name, f.v); err != nil {
			return err
		}
	}
	return checkLocale(u.Locale)
}

// Create adds a user, with its email credentials when u.Email is set.
func (s *Service) Create(ctx context.Context, u *overlook.User) (*overlook.User, error) {
	if u.Locale == "" {
		u.Locale = "en"
	}
	if err := checkUser(u); err != nil {
		return nil, err
	}
	if u.Email != nil {
		if u.IsServiceAccount {
			return nil, errServiceAccountEmail
		}
		if err := checkEmail(u.Email.Email); err != nil {
			return nil, err
		}
	}
	if err := s.st.CreateUser(ctx, u); err != nil {
		return nil, emailTaken(err)
	}
	return s.st.User(ctx, u.ID)
}

// Update changes the fields up sets. A user acting on itself may change
// its own profile, not whether it is enabled or may manage API keys; and
// nobody disables itself.
func (s *Service) Update(ctx context.Context, p *overlook.Principal, id int64, up overlook.UserUpdate) (*overlook.User, error) {
	self := p.UserID() == id
	if self && !p.IsAdmin && (up.IsDisabled != nil || up.CanManageAPI3Creds != nil) {
		return nil, overlook.Errorf(overlook.EFORBIDDEN, "Only admins may enable, disable or grant API keys to users")
	}
	if self && up.IsDisabled != nil && *up.IsDisabled {
		return nil, overlook.Errorf(overlook.EFORBIDDEN, "You can't disable yourself")
	}
	if up.Locale != nil && *up.Locale == "" {
		up.Locale = ptr("en")
	}
	if err := checkUpdate(up); err != nil {
		return nil, err
	}
	err := s.st.UpdateUser(ctx, id, up)
	s.auth.Invalidate()
	if err != nil {
		return nil, err
	}
	return s.st.User(ctx, id)
}

func checkUpdate(up overlook.UserUpdate) error {
	var u overlook.User
	set := func(dst, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&u.FirstName, up.FirstName)
	set(&u.LastName, up.LastName)
	set(&u.Locale, up.Locale)
	set(&u.ServiceAccountName, up.ServiceAccountName)
	return checkUser(&u)
}

// Delete removes a user. Nobody deletes itself, and the last enabled admin
// stays. With serviceAccount, only a service account is found.
func (s *Service) Delete(ctx context.Context, p *overlook.Principal, id int64, serviceAccount bool) error {
	u, err := s.st.User(ctx, id)
	if err != nil {
		return err
	}
	if serviceAccount && !u.IsServiceAccount {
		return overlook.NotFound()
	}
	if id == p.UserID() || id == p.SudoUserID {
		return overlook.Errorf(overlook.EFORBIDDEN, "You can't delete yourself")
	}
	err = s.st.DeleteUser(ctx, id)
	s.auth.Invalidate()
	return err
}

// SetRoles replaces the direct roles of a user; the last enabled admin
// keeps an admin role.
func (s *Service) SetRoles(ctx context.Context, id int64, roleIDs []int64) ([]*overlook.Role, error) {
	roleIDs = unique(roleIDs)
	missing, err := s.st.MissingRoles(ctx, roleIDs)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, overlook.Invalid("role_ids", "missing", "role %d does not exist", missing[0])
	}
	if err := s.keepsAdmin(ctx, id, roleIDs); err != nil {
		return nil, err
	}
	err = s.st.SetUserRoles(ctx, id, roleIDs)
	s.auth.Invalidate()
	if err != nil {
		return nil, err
	}
	return s.st.UserRoles(ctx, id, store.RolesAll)
}

// keepsAdmin refuses new direct roles that would leave the last enabled
// admin without admin rights (rights through groups count).
func (s *Service) keepsAdmin(ctx context.Context, id int64, roleIDs []int64) error {
	last, err := s.st.IsLastAdmin(ctx, id)
	if err != nil || !last {
		return err
	}
	viaGroups, err := s.st.UserRoles(ctx, id, store.RolesViaGroups)
	if err != nil {
		return err
	}
	for _, r := range viaGroups {
		roleIDs = append(roleIDs, r.ID)
	}
	admin, err := s.st.RolesGrantAdmin(ctx, roleIDs)
	if err == nil && !admin {
		return store.ErrLastAdmin
	}
	return err
}

func unique(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func ptr[T any](v T) *T { return &v }

var errNameRequired = overlook.Invalid("service_account_name", "missing", "service_account_name is required")

// CreateServiceAccount adds a user that logs in with API keys only.
func (s *Service) CreateServiceAccount(ctx context.Context, u *overlook.User) (*overlook.User, error) {
	u.IsServiceAccount, u.Email = true, nil
	if strings.TrimSpace(u.ServiceAccountName) == "" {
		return nil, errNameRequired
	}
	return s.Create(ctx, u)
}

// UpdateServiceAccount changes the name or the state of a service account;
// other users are not found here.
func (s *Service) UpdateServiceAccount(ctx context.Context, p *overlook.Principal, id int64, up overlook.UserUpdate) (*overlook.User, error) {
	u, err := s.st.User(ctx, id)
	if err != nil {
		return nil, err
	}
	if !u.IsServiceAccount {
		return nil, overlook.NotFound()
	}
	if up.ServiceAccountName != nil && strings.TrimSpace(*up.ServiceAccountName) == "" {
		return nil, errNameRequired
	}
	return s.Update(ctx, p, id, up)
}
