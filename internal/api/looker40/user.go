package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagUser = "User"

func init() { register(registerUser) }

func registerUser(api huma.API, b *Backend) {
	handle(api, op{ID: "me", Method: http.MethodGet, Path: "/user", Tag: tagUser, Perm: access.Authenticated,
		Summary: "The user the token acts as"}, b.me)
}

func (b *Backend) me(ctx context.Context, _ *struct{ FieldsParam }) (*Out[model.User], error) {
	p := overlook.PrincipalFrom(ctx)
	return ok(userWire(p.User, p))
}

// userWire is the full User record as Looker sends it: every property
// present, null when unset.
func userWire(u *overlook.User, viewer *overlook.Principal) model.User {
	id := strconv.FormatInt(u.ID, 10)
	w := model.User{
		ID:                         &id,
		FirstName:                  ptr(u.FirstName),
		LastName:                   ptr(u.LastName),
		DisplayName:                ptr(u.DisplayName()),
		Locale:                     ptr(u.Locale),
		IsDisabled:                 ptr(u.IsDisabled),
		IsServiceAccount:           ptr(u.IsServiceAccount),
		ModelsDirValidated:         ptr(u.ModelsDirValidated),
		CanManageApi3Creds:         ptr(u.CanManageAPI3Creds),
		HomeFolderID:               idString(u.HomeFolderID),
		PersonalFolderID:           idString(u.PersonalFolderID),
		RoleIDs:                    idStrings(u.RoleIDs),
		GroupIDs:                   idStrings(u.GroupIDs),
		UIState:                    u.UIState,
		CredentialsApi3:            []model.CredentialsApi3{},
		CredentialsEmbed:           []model.CredentialsEmbed{},
		Sessions:                   []model.Session{},
		LookerVersions:             []string{},
		AllowDirectRoles:           ptr(true),
		AllowNormalGroupMembership: ptr(true),
		AllowRolesFromNormalGroups: ptr(true),
		RolesExternallyManaged:     ptr(false),
		PresumedLookerEmployee:     ptr(false),
		VerifiedLookerEmployee:     ptr(false),
		URL:                        relURL("/users/" + id),
		Can:                        userCan(u, viewer),
	}
	if u.IsServiceAccount {
		w.ServiceAccountName = ptr(u.ServiceAccountName)
	}
	if u.Email != nil {
		w.Email = ptr(u.Email.Email)
		w.CredentialsEmail = credentialsEmailWire(u.Email)
	}
	for i := range u.API3 {
		w.CredentialsApi3 = append(w.CredentialsApi3, credentialsAPI3Wire(&u.API3[i]))
	}
	return w
}

func userCan(u *overlook.User, viewer *overlook.Principal) map[string]bool {
	self := viewer != nil && viewer.UserID() == u.ID
	admin := viewer != nil && viewer.IsAdmin
	return map[string]bool{
		"show":          self || viewer.Can("see_users"),
		"index":         viewer.Can("see_users"),
		"show_details":  self || admin,
		"index_details": admin,
		"sudo":          admin && !self,
		"update":        admin || self,
		"destroy":       admin && !self,
	}
}

func credentialsEmailWire(c *overlook.CredentialsEmail) *model.CredentialsEmail {
	uid := strconv.FormatInt(c.UserID, 10)
	w := &model.CredentialsEmail{
		Email:                          ptr(c.Email),
		UserID:                         &uid,
		CreatedAt:                      timeString(c.CreatedAt),
		LoggedInAt:                     optTime(c.LoggedInAt),
		IsDisabled:                     ptr(c.IsDisabled),
		ForcedPasswordResetAtNextLogin: ptr(c.ForcedPasswordResetAtNext),
		PasswordResetURLExpired:        ptr(c.PasswordResetExpired),
		AccountSetupURLExpired:         ptr(false),
		Type:                           ptr("email"),
		URL:                            relURL("/users/" + uid + "/credentials_email"),
		UserURL:                        relURL("/users/" + uid),
		Can:                            map[string]bool{"show_password_reset_url": true},
	}
	if c.PasswordResetURL != "" {
		w.PasswordResetURL = ptr(c.PasswordResetURL)
	}
	return w
}

func credentialsAPI3Wire(c *overlook.CredentialsAPI3) model.CredentialsApi3 {
	id := strconv.FormatInt(c.ID, 10)
	return model.CredentialsApi3{
		ID:         &id,
		ClientID:   ptr(c.ClientID),
		CreatedAt:  timeString(c.CreatedAt),
		IsDisabled: ptr(c.IsDisabled),
		Type:       ptr("api3"),
		Purpose:    ptr(c.Purpose),
		URL:        relURL("/users/" + strconv.FormatInt(c.UserID, 10) + "/credentials_api3/" + id),
		Can:        map[string]bool{},
	}
}
