package overlook

// PermissionSet names a set of Looker permissions.
type PermissionSet struct {
	ID          int64
	Name        string
	Permissions []string
	BuiltIn     bool
	AllAccess   bool
}

// ModelSet names a set of LookML models.
type ModelSet struct {
	ID        int64
	Name      string
	Models    []string
	BuiltIn   bool
	AllAccess bool
}

// Role pairs a permission set with a model set.
type Role struct {
	ID              int64
	Name            string
	PermissionSetID int64
	ModelSetID      int64
	PermissionSet   *PermissionSet
	ModelSet        *ModelSet
	UserCount       int64
}

// Group holds users and other groups.
type Group struct {
	ID                      int64
	Name                    string
	CanAddToContentMetadata bool
	ExternalGroupID         string
	UserCount               int64
	ParentGroupIDs          []int64
	RoleIDs                 []int64
}

// UserAttribute is a named per-user value with a default.
type UserAttribute struct {
	ID                         int64
	Name                       string
	Label                      string
	Type                       string
	DefaultValue               *string
	IsSystem                   bool
	IsPermanent                bool
	ValueIsHidden              bool
	UserCanView                bool
	UserCanEdit                bool
	HiddenValueDomainWhitelist *string
}

// UserAttributeGroupValue is a group's value for an attribute; Rank orders
// the groups when a user belongs to several (lower wins).
type UserAttributeGroupValue struct {
	ID              int64
	GroupID         int64
	UserAttributeID int64
	Value           string
	Rank            int64
}

// UserAttributeWithValue is the value a user gets for an attribute, and
// where it came from (the user, a group, or the default).
type UserAttributeWithValue struct {
	UserAttribute
	UserID int64
	Value  *string
	Source string
	Rank   int64
}
