package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagGroup = "Group"

func init() { register(registerGroup) }

// GroupIDPath is the path parameter naming one object. Embedded types must be
// exported for huma to read their parameters.
type GroupIDPath struct {
	GroupID string `path:"group_id" doc:"Id of group"`
}

type allGroupsInput struct {
	FieldsParam
	PageParams
	Sorts                   string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	IDs                     DelimList `query:"ids" doc:"Optional list of ids to get specific groups"`
	ContentMetadataID       string    `query:"content_metadata_id" doc:"Only groups with access to this content metadata id"`
	CanAddToContentMetadata boolParam `query:"can_add_to_content_metadata" doc:"Select only groups that can (or cannot) be given access to content"`
}

type groupSearchInput struct {
	FieldsParam
	SearchWindow
	Sorts              string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr           boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
	ID                 string    `query:"id" doc:"Group id to match"`
	Name               string    `query:"name" doc:"Group name pattern to match"`
	ExternalGroupID    string    `query:"external_group_id" doc:"external_group_id pattern to match"`
	ExternallyManaged  boolParam `query:"externally_managed" doc:"externally_managed value to match"`
	ExternallyOrphaned boolParam `query:"externally_orphaned" doc:"externally_orphaned value to match"`
}

type groupBodyInput struct {
	FieldsParam
	Body model.Body[model.Group]
}

type groupUpdateInput struct {
	GroupIDPath
	FieldsParam
	Body model.Body[model.Group]
}

type groupUsersInput struct {
	GroupIDPath
	FieldsParam
	PageParams
	Sorts string `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
}

func registerGroup(api huma.API, b *Backend) {
	handle(api, op{ID: "all_groups", Method: http.MethodGet, Path: "/groups", Tag: tagGroup, Perm: "see_users",
		Summary: "All groups"}, b.allGroups)
	handle(api, op{ID: "create_group", Method: http.MethodPost, Path: "/groups", Tag: tagGroup, Perm: access.AdminOnly,
		Summary: "Create a group"}, b.createGroup)
	handle(api, op{ID: "search_groups", Method: http.MethodGet, Path: "/groups/search", Tag: tagGroup, Perm: "see_users",
		Summary: "Find groups by criteria"}, b.searchGroups)
	handle(api, op{ID: "search_groups_with_hierarchy", Method: http.MethodGet, Path: "/groups/search/with_hierarchy",
		Tag: tagGroup, Perm: "see_users", Summary: "Search groups, with their parent groups and roles"}, b.searchGroupsWithHierarchy)
	handle(api, op{ID: "search_groups_with_roles", Method: http.MethodGet, Path: "/groups/search/with_roles",
		Tag: tagGroup, Perm: "see_users", Summary: "Search groups, with their roles"}, b.searchGroupsWithRoles)
	handle(api, op{ID: "group", Method: http.MethodGet, Path: "/groups/{group_id}", Tag: tagGroup, Perm: "see_users",
		Summary: "One group"}, b.group)
	handle(api, op{ID: "update_group", Method: http.MethodPatch, Path: "/groups/{group_id}", Tag: tagGroup,
		Perm: access.AdminOnly, Summary: "Change a group"}, b.updateGroup)
	handle(api, op{ID: "delete_group", Method: http.MethodDelete, Path: "/groups/{group_id}", Tag: tagGroup,
		Perm: access.AdminOnly, Summary: "Delete a group", Status: http.StatusNoContent}, b.deleteGroup)
	registerGroupMembers(api, b)
	registerGroupAttributeValues(api, b)
}

func registerGroupMembers(api huma.API, b *Backend) {
	handle(api, op{ID: "all_group_groups", Method: http.MethodGet, Path: "/groups/{group_id}/groups", Tag: tagGroup,
		Perm: "see_users", Summary: "The groups directly within a group"}, b.allGroupGroups)
	handle(api, op{ID: "add_group_group", Method: http.MethodPost, Path: "/groups/{group_id}/groups", Tag: tagGroup,
		Perm: access.AdminOnly, Summary: "Put a group within a group"}, b.addGroupGroup)
	handle(api, op{ID: "delete_group_from_group", Method: http.MethodDelete, Path: "/groups/{group_id}/groups/{deleting_group_id}",
		Tag: tagGroup, Perm: access.AdminOnly, Summary: "Take a group out of a group", Status: http.StatusNoContent},
		b.deleteGroupFromGroup)
	handle(api, op{ID: "all_group_users", Method: http.MethodGet, Path: "/groups/{group_id}/users", Tag: tagGroup,
		Perm: "see_users", Summary: "The users directly in a group"}, b.allGroupUsers)
	handle(api, op{ID: "add_group_user", Method: http.MethodPost, Path: "/groups/{group_id}/users", Tag: tagGroup,
		Perm: access.AdminOnly, Summary: "Add a user to a group"}, b.addGroupUser)
	handle(api, op{ID: "delete_group_user", Method: http.MethodDelete, Path: "/groups/{group_id}/users/{user_id}",
		Tag: tagGroup, Perm: access.AdminOnly, Summary: "Take a user out of a group", Status: http.StatusNoContent},
		b.deleteGroupUser)
}

// groupView is what a group's wire form needs beyond the group: the
// caller, and the groups the caller belongs to (nested ones included).
type groupView struct {
	p    *overlook.Principal
	mine map[int64]bool
}

func (b *Backend) groupView(ctx context.Context) (groupView, error) {
	p := overlook.PrincipalFrom(ctx)
	ids, err := b.Store.UserGroupIDs(ctx, p.UserID())
	v := groupView{p: p, mine: map[int64]bool{}}
	for _, id := range ids {
		v.mine[id] = true
	}
	return v, err
}

func (v groupView) wire(g *overlook.Group) model.Group {
	id := strconv.FormatInt(g.ID, 10)
	admin := v.p.IsAdmin
	return model.Group{
		ID: &id, Name: ptr(g.Name), CanAddToContentMetadata: ptr(g.CanAddToContentMetadata),
		ContainsCurrentUser: ptr(v.mine[g.ID]), ExternalGroupID: optString(g.ExternalGroupID),
		ExternallyManaged: ptr(false), IncludeByDefault: ptr(false), UserCount: ptr(g.UserCount),
		Can: map[string]bool{"show": true, "index": true, "create": admin, "update": admin, "delete": admin,
			"edit_in_ui": admin, "add_to_content_metadata": g.CanAddToContentMetadata},
	}
}

func (v groupView) list(groups []*overlook.Group) []model.Group {
	out := make([]model.Group, len(groups))
	for i, g := range groups {
		out[i] = v.wire(g)
	}
	return out
}

// groupList answers the groups f selects, unpaged.
func (b *Backend) groupList(ctx context.Context, f store.GroupFilter) (*Out[[]model.Group], error) {
	groups, v, _, err := b.groups(ctx, f)
	if err != nil {
		return nil, err
	}
	return ok(v.list(groups))
}

func (b *Backend) groups(ctx context.Context, f store.GroupFilter) ([]*overlook.Group, groupView, int, error) {
	v, err := b.groupView(ctx)
	if err != nil {
		return nil, v, 0, err
	}
	groups, total, err := b.Store.Groups(ctx, f)
	return groups, v, total, err
}

func (b *Backend) allGroups(ctx context.Context, in *allGroupsInput) (*Paged[model.Group], error) {
	f := store.GroupFilter{CanAddToContentMetadata: in.CanAddToContentMetadata.ptr()}
	var err error
	if f.IDs, err = ParseIDs("ids", in.IDs); err != nil {
		return nil, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.GroupSortable); err != nil {
		return nil, err
	}
	if f.Limit, f.Offset, err = in.Window(); err != nil {
		return nil, err
	}
	groups, v, total, err := b.groups(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, v.list(groups), in.PageParams, total), nil
}

func (in *groupSearchInput) filter() (store.GroupFilter, error) {
	f := store.GroupFilter{Name: in.Name, ExternalGroupID: in.ExternalGroupID, FilterOr: in.FilterOr.Value,
		ExternallyManaged: in.ExternallyManaged.ptr(), ExternallyOrphaned: in.ExternallyOrphaned.ptr()}
	var err error
	if f.IDs, err = searchIDs("id", in.ID); err != nil {
		return f, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.GroupSortable); err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = in.pageParams().Window()
	return f, err
}

func (b *Backend) searchGroups(ctx context.Context, in *groupSearchInput) (*Paged[model.Group], error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	groups, v, total, err := b.groups(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, v.list(groups), in.pageParams(), total), nil
}

func (b *Backend) searchGroupsWithHierarchy(ctx context.Context, in *groupSearchInput) (*Paged[model.GroupHierarchy], error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	groups, v, total, err := b.groups(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]model.GroupHierarchy, len(groups))
	for i, g := range groups {
		w := v.wire(g)
		out[i] = model.GroupHierarchy{ID: w.ID, Name: w.Name, CanAddToContentMetadata: w.CanAddToContentMetadata,
			ContainsCurrentUser: w.ContainsCurrentUser, ExternalGroupID: w.ExternalGroupID,
			ExternallyManaged: w.ExternallyManaged, IncludeByDefault: w.IncludeByDefault, UserCount: w.UserCount,
			Can: w.Can, ParentGroupIDs: idStrings(g.ParentGroupIDs), RoleIDs: idStrings(g.RoleIDs)}
	}
	return page(ctx, b, out, in.pageParams(), total), nil
}

func (b *Backend) searchGroupsWithRoles(ctx context.Context, in *groupSearchInput) (*Paged[model.GroupSearch], error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	groups, v, total, err := b.groups(ctx, f)
	if err != nil {
		return nil, err
	}
	roles, _, err := b.Store.Roles(ctx, store.RoleFilter{})
	if err != nil {
		return nil, err
	}
	byID := map[int64]*overlook.Role{}
	for _, r := range roles {
		byID[r.ID] = r
	}
	out := make([]model.GroupSearch, len(groups))
	for i, g := range groups {
		w := v.wire(g)
		out[i] = model.GroupSearch{ID: w.ID, Name: w.Name, CanAddToContentMetadata: w.CanAddToContentMetadata,
			ContainsCurrentUser: w.ContainsCurrentUser, ExternalGroupID: w.ExternalGroupID,
			ExternallyManaged: w.ExternallyManaged, IncludeByDefault: w.IncludeByDefault, UserCount: w.UserCount,
			Can: w.Can, Roles: []model.Role{}}
		for _, rid := range g.RoleIDs {
			out[i].Roles = append(out[i].Roles, roleWire(byID[rid], v.p))
		}
	}
	return page(ctx, b, out, in.pageParams(), total), nil
}

// groupAnswer answers one group.
func (b *Backend) groupAnswer(ctx context.Context, id int64) (*Out[model.Group], error) {
	v, err := b.groupView(ctx)
	if err != nil {
		return nil, err
	}
	g, err := b.Store.Group(ctx, id)
	if err != nil {
		return nil, err
	}
	return ok(v.wire(g))
}

func (b *Backend) group(ctx context.Context, in *struct {
	GroupIDPath
	FieldsParam
}) (*Out[model.Group], error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	return b.groupAnswer(ctx, id)
}

func applyGroup(g *overlook.Group, body *model.Body[model.Group]) error {
	if body.Has("name") {
		g.Name = orZero(body.Value.Name)
	}
	if body.Has("can_add_to_content_metadata") && body.Value.CanAddToContentMetadata != nil {
		g.CanAddToContentMetadata = *body.Value.CanAddToContentMetadata
	}
	if g.Name == "" {
		return overlook.Invalid("name", "missing", "name is required")
	}
	return nil
}

func (b *Backend) createGroup(ctx context.Context, in *groupBodyInput) (*Out[model.Group], error) {
	g := &overlook.Group{CanAddToContentMetadata: true}
	if err := applyGroup(g, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.CreateGroup(ctx, g); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "group", strconv.FormatInt(g.ID, 10))
	return b.groupAnswer(ctx, g.ID)
}

func (b *Backend) updateGroup(ctx context.Context, in *groupUpdateInput) (*Out[model.Group], error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	g, err := b.Store.Group(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := applyGroup(g, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.UpdateGroup(ctx, g); err != nil {
		return nil, err
	}
	return b.groupAnswer(ctx, id)
}

func (b *Backend) deleteGroup(ctx context.Context, in *GroupIDPath) (*Empty, error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	return b.changed(b.Store.DeleteGroup(ctx, id))
}

// changed ends a bodiless change of access: cached principals are dropped
// so it takes effect at once.
func (b *Backend) changed(err error) (*Empty, error) {
	if err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return &Empty{}, nil
}

func (b *Backend) allGroupGroups(ctx context.Context, in *struct {
	GroupIDPath
	FieldsParam
}) (*Out[[]model.Group], error) {
	id, err := ParseID(in.GroupID)
	if err != nil {
		return nil, err
	}
	if err := b.Store.GroupExists(ctx, id); err != nil {
		return nil, err
	}
	return b.groupList(ctx, store.GroupFilter{ParentID: id})
}

func (b *Backend) addGroupGroup(ctx context.Context, in *struct {
	GroupIDPath
	Body model.Body[model.GroupIdForGroupInclusion]
}) (*Out[model.Group], error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	child, err := requiredBodyID("group_id", in.Body.Value.GroupID)
	if err != nil {
		return nil, err
	}
	if err := b.Store.AddGroupGroup(ctx, id, child); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return b.groupAnswer(ctx, child)
}

func (b *Backend) deleteGroupFromGroup(ctx context.Context, in *struct {
	GroupIDPath
	DeletingGroupID string `path:"deleting_group_id" doc:"Id of the group to take out"`
}) (*Empty, error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	child, err := ParseID(in.DeletingGroupID)
	if err != nil {
		return nil, err
	}
	return b.changed(b.Store.RemoveGroupGroup(ctx, id, child))
}

func (b *Backend) allGroupUsers(ctx context.Context, in *groupUsersInput) (*Paged[model.User], error) {
	id, err := ParseID(in.GroupID)
	if err != nil {
		return nil, err
	}
	if err := b.Store.GroupExists(ctx, id); err != nil {
		return nil, err
	}
	f := overlook.UserFilter{GroupID: id}
	if f.Sorts, err = ParseSorts(in.Sorts, store.UserSortable); err != nil {
		return nil, err
	}
	if f.Limit, f.Offset, err = in.Window(); err != nil {
		return nil, err
	}
	users, total, err := b.Store.Users(ctx, f)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	out := make([]model.User, len(users))
	for i, u := range users {
		out[i] = userWire(u, p)
	}
	return page(ctx, b, out, in.PageParams, total), nil
}

func (b *Backend) addGroupUser(ctx context.Context, in *struct {
	GroupIDPath
	Body model.Body[model.GroupIdForGroupUserInclusion]
}) (*Out[model.User], error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	uid, err := requiredBodyID("user_id", in.Body.Value.UserID)
	if err != nil {
		return nil, err
	}
	if err := b.Store.AddGroupUser(ctx, id, uid); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	u, err := b.Store.User(ctx, uid)
	if err != nil {
		return nil, err
	}
	return ok(userWire(u, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) deleteGroupUser(ctx context.Context, in *struct {
	GroupIDPath
	UserID string `path:"user_id" doc:"Id of the user to take out of the group"`
}) (*Empty, error) {
	id, err := objectID(ctx, "group", in.GroupID)
	if err != nil {
		return nil, err
	}
	uid, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	return b.changed(b.Store.RemoveGroupUser(ctx, id, uid))
}
