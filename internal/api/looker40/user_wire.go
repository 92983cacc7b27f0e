package looker40

import (
	"strconv"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
)

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

// userView is the record a viewer gets: the full one for admins and the
// user itself; others (who hold see_users) get it without the user's API
// keys and UI state. This simplifies Looker's reduced record.
func userView(u *overlook.User, viewer *overlook.Principal) model.User {
	w := userWire(u, viewer)
	if viewer == nil || (!viewer.IsAdmin && viewer.UserID() != u.ID) {
		w.CredentialsApi3 = []model.CredentialsApi3{}
		w.UIState = nil
	}
	return w
}

func createdAPI3Wire(c *overlook.CredentialsAPI3, secret string) model.CreateCredentialsApi3 {
	w := credentialsAPI3Wire(c)
	return model.CreateCredentialsApi3{ID: w.ID, ClientID: w.ClientID, ClientSecret: &secret, CreatedAt: w.CreatedAt,
		IsDisabled: w.IsDisabled, Type: w.Type, Purpose: w.Purpose, URL: w.URL, Can: w.Can}
}

func userSessionWire(t *overlook.Token) model.Session {
	id := strconv.FormatInt(t.ID, 10)
	w := model.Session{
		ID:            &id,
		CreatedAt:     timeString(t.CreatedAt),
		ExpiresAt:     timeString(t.ExpiresAt),
		SudoUserID:    idString(t.SudoUserID),
		ExtendedCount: ptr(int64(0)),
		URL:           relURL("/users/" + strconv.FormatInt(t.UserID, 10) + "/sessions/" + id),
		Can:           map[string]bool{},
	}
	switch {
	case t.API3ID != 0:
		w.CredentialsType = ptr("api3")
	case t.SudoUserID != 0:
		w.CredentialsType = ptr("sudo")
	}
	return w
}

func serviceAccountWire(u *overlook.User) model.ServiceAccount {
	w := userWire(u, nil)
	return model.ServiceAccount{ID: w.ID, ServiceAccountName: ptr(u.ServiceAccountName), IsDisabled: w.IsDisabled,
		IsServiceAccount: ptr(true), CreatedAt: timeString(u.CreatedAt), CredentialsApi3: w.CredentialsApi3,
		RoleIDs: w.RoleIDs, GroupIDs: w.GroupIDs, URL: w.URL, Can: map[string]bool{}}
}

// userRoleWire is a Role with its permission and model sets.
func userRoleWire(r *overlook.Role) model.Role {
	id := strconv.FormatInt(r.ID, 10)
	w := model.Role{ID: &id, Name: ptr(r.Name), Internal: ptr(false), URL: relURL("/roles/" + id),
		UsersURL: relURL("/roles/" + id + "/users"), Can: map[string]bool{}}
	if ps := r.PermissionSet; ps != nil {
		psID := strconv.FormatInt(ps.ID, 10)
		w.PermissionSet = &model.PermissionSet{ID: &psID, Name: ptr(ps.Name), Permissions: nonNilStrings(ps.Permissions),
			BuiltIn: ptr(ps.BuiltIn), AllAccess: ptr(ps.AllAccess), URL: relURL("/permission_sets/" + psID), Can: map[string]bool{}}
	}
	if ms := r.ModelSet; ms != nil {
		msID := strconv.FormatInt(ms.ID, 10)
		w.ModelSet = &model.ModelSet{ID: &msID, Name: ptr(ms.Name), Models: nonNilStrings(ms.Models),
			BuiltIn: ptr(ms.BuiltIn), AllAccess: ptr(ms.AllAccess), URL: relURL("/model_sets/" + msID), Can: map[string]bool{}}
	}
	return w
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
