package access

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// UserAttributeTypes are the types a user attribute may have.
var UserAttributeTypes = []string{"string", "number", "datetime", "relative_url", "advanced_filter_string",
	"advanced_filter_number", "advanced_filter_datetime", "yesno", "zipcode"}

// ValidAttributeType reports whether t is one of UserAttributeTypes.
func ValidAttributeType(t string) bool {
	for _, v := range UserAttributeTypes {
		if v == t {
			return true
		}
	}
	return false
}

// systemAttributes are the attributes every instance has; their values
// come from each user's account (see store.AttributeValues).
var systemAttributes = []overlook.UserAttribute{
	{Name: "email", Label: "Email", Type: "string"},
	{Name: "first_name", Label: "First Name", Type: "string"},
	{Name: "last_name", Label: "Last Name", Type: "string"},
	{Name: "name", Label: "Name", Type: "string"},
	{Name: "id", Label: "ID", Type: "number"},
	{Name: "locale", Label: "Locale", Type: "string"},
}

// SeedSystemAttributes creates the system user attributes that do not
// exist yet. Run it at every start: it changes nothing the second time.
func SeedSystemAttributes(ctx context.Context, st *store.Store) error {
	existing, err := st.UserAttributes(ctx, nil)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, a := range existing {
		have[a.Name] = true
	}
	for _, a := range systemAttributes {
		if have[a.Name] {
			continue
		}
		a.IsSystem, a.IsPermanent, a.UserCanView = true, true, true
		if err := st.CreateUserAttribute(ctx, &a); err != nil {
			return err
		}
	}
	return nil
}
