package overlook

import "time"

// User is a person or a service account.
type User struct {
	ID                 int64
	FirstName          string
	LastName           string
	Locale             string
	IsDisabled         bool
	IsServiceAccount   bool
	ServiceAccountName string
	HomeFolderID       int64 // 0: none
	PersonalFolderID   int64 // 0: none
	ModelsDirValidated bool
	CanManageAPI3Creds bool
	UIState            map[string]string
	CreatedAt          time.Time

	// Filled by reads that ask for them.
	Email    *CredentialsEmail
	API3     []CredentialsAPI3
	RoleIDs  []int64
	GroupIDs []int64
}

// DisplayName is what Looker shows for a user: first and last name.
func (u *User) DisplayName() string {
	switch {
	case u.FirstName == "":
		return u.LastName
	case u.LastName == "":
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// UserUpdate lists the fields an update changes; nil fields stay as they are.
type UserUpdate struct {
	FirstName          *string
	LastName           *string
	Locale             *string
	IsDisabled         *bool
	HomeFolderID       *int64
	ModelsDirValidated *bool
	CanManageAPI3Creds *bool
	UIState            *map[string]string
	ServiceAccountName *string
}

// CredentialsEmail is a user's email login.
type CredentialsEmail struct {
	UserID                    int64
	Email                     string
	PasswordHash              string // argon2id; empty when no password is set
	ForcedPasswordResetAtNext bool
	IsDisabled                bool
	CreatedAt                 time.Time
	LoggedInAt                *time.Time
	PasswordResetURL          string // set only right after a reset is created
	PasswordResetExpired      bool
}

// CredentialsAPI3 is an API key: a client_id and a hashed secret.
type CredentialsAPI3 struct {
	ID         int64
	UserID     int64
	ClientID   string
	SecretHash string
	Purpose    string
	IsDisabled bool
	CreatedAt  time.Time
}

// Token is an API access token (an API session). The token itself is never
// stored, only its SHA-256.
type Token struct {
	ID          int64
	Hash        []byte
	UserID      int64
	SudoUserID  int64 // the admin acting through a login_user token; 0 if none
	API3ID      int64 // the API key that logged in; 0 for sudo tokens
	WorkspaceID string
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// UserFilter selects users for searches; zero fields match everything.
type UserFilter struct {
	IDs                    []int64
	FirstName              string // LIKE pattern, case-insensitive
	LastName               string
	Email                  string
	VerifiedLookerEmployee *bool
	IsDisabled             *bool
	IsServiceAccount       *bool
	GroupID                int64
	ContentMetadataID      int64
	// Pattern matches first name, last name or email (search_users_names).
	Pattern  string
	FilterOr bool
	Sorts    []Sort
	Limit    int // 0: no limit
	Offset   int
}

// Sort is one column of an ORDER BY: a field name from the API and a direction.
type Sort struct {
	Field string
	Desc  bool
}
