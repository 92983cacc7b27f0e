package looker40

import (
	"context"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
)

// UserCriteria are the criteria search_users and search_users_names share.
type UserCriteria struct {
	FieldsParam
	PageParams
	Sorts                  string `query:"sorts" doc:"Fields to sort by, each optionally followed by desc"`
	ID                     string `query:"id" doc:"Match user id (comma-separated ids)"`
	FirstName              string `query:"first_name" doc:"Match first name"`
	LastName               string `query:"last_name" doc:"Match last name"`
	VerifiedLookerEmployee string `query:"verified_looker_employee" doc:"Only users that are verified Looker employees (Overlook has none)"`
	Email                  string `query:"email" doc:"Match email address"`
	IsDisabled             string `query:"is_disabled" doc:"true: only disabled users; false: only enabled ones"`
}

type searchUsersInput struct {
	UserCriteria
	EmbedUser         string `query:"embed_user" doc:"Only embed users (Overlook has none yet)"`
	FilterOr          string `query:"filter_or" doc:"Combine the criteria with OR instead of AND"`
	ContentMetadataID string `query:"content_metadata_id" doc:"Search for users with access to this content"`
	GroupID           string `query:"group_id" doc:"Only direct members of this group"`
	IsServiceAccount  string `query:"is_service_account" doc:"Search for service accounts"`
}

type searchUsersNamesInput struct {
	UserCriteria
	Pattern string `path:"pattern" doc:"Pattern to match first name, last name or email (% and _ are wildcards)"`
}

func (b *Backend) searchUsers(ctx context.Context, in *searchUsersInput) (*Paged[model.User], error) {
	f, err := in.UserCriteria.filter()
	if err != nil {
		return nil, err
	}
	if f.FilterOr, err = optBool("filter_or", in.FilterOr); err != nil {
		return nil, err
	}
	if f.IsServiceAccount, err = optBoolPtr("is_service_account", in.IsServiceAccount); err != nil {
		return nil, err
	}
	if err := embedCriterion(&f, in.EmbedUser); err != nil {
		return nil, err
	}
	if f.GroupID, err = optSearchID("group_id", in.GroupID); err != nil {
		return nil, err
	}
	// Content access lives with content; until then the criterion is
	// checked for shape and matches every user.
	if _, err = optSearchID("content_metadata_id", in.ContentMetadataID); err != nil {
		return nil, err
	}
	return b.listUsers(ctx, f, in.PageParams, in.Sorts)
}

func (b *Backend) searchUsersNames(ctx context.Context, in *searchUsersNamesInput) (*Paged[model.User], error) {
	f, err := in.UserCriteria.filter()
	if err != nil {
		return nil, err
	}
	f.Pattern = in.Pattern
	return b.listUsers(ctx, f, in.PageParams, in.Sorts)
}

func (c *UserCriteria) filter() (overlook.UserFilter, error) {
	f := overlook.UserFilter{FirstName: c.FirstName, LastName: c.LastName, Email: c.Email}
	var err error
	if c.ID != "" {
		list, _ := ParseDelimList(c.ID)
		if f.IDs, err = ParseIDs("id", list); err != nil {
			return f, err
		}
		if len(f.IDs) == 0 {
			f.IDs = []int64{0} // "id=" with nothing in it matches nobody
		}
	}
	if f.VerifiedLookerEmployee, err = optBoolPtr("verified_looker_employee", c.VerifiedLookerEmployee); err != nil {
		return f, err
	}
	f.IsDisabled, err = optBoolPtr("is_disabled", c.IsDisabled)
	return f, err
}

// embedCriterion folds embed_user into the verified_looker_employee
// criterion: Overlook has neither embed users nor Looker employees, so both
// are "the flag is false" tests and combine exactly.
func embedCriterion(f *overlook.UserFilter, raw string) error {
	embed, err := optBoolPtr("embed_user", raw)
	if err != nil || embed == nil {
		return err
	}
	if f.VerifiedLookerEmployee == nil {
		f.VerifiedLookerEmployee = embed
		return nil
	}
	// Each criterion holds when its value is false.
	v := *f.VerifiedLookerEmployee || *embed
	if f.FilterOr {
		v = *f.VerifiedLookerEmployee && *embed
	}
	f.VerifiedLookerEmployee = &v
	return nil
}

// optBoolPtr reads a search boolean: exactly true or false, or absent.
func optBoolPtr(field, raw string) (*bool, error) {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(raw), `"`)) {
	case "":
		return nil, nil
	case "true":
		return ptr(true), nil
	case "false":
		return ptr(false), nil
	}
	return nil, overlook.Invalid(field, "invalid", "%s must be true or false", field)
}

func optBool(field, raw string) (bool, error) {
	v, err := optBoolPtr(field, raw)
	return v != nil && *v, err
}

// optSearchID reads a single id criterion; 0 when absent.
func optSearchID(field, raw string) (int64, error) {
	raw = strings.Trim(strings.TrimSpace(raw), `"`)
	if raw == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, overlook.Invalid(field, "invalid", "%q is not an id", raw)
	}
	return id, nil
}
