package looker40

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagRole = "Role"

func init() { register(registerRole) }

// RoleIDPath is the path parameter naming one object. Embedded types must be
// exported for huma to read their parameters.
type RoleIDPath struct {
	RoleID string `path:"role_id" doc:"Id of role"`
}

type roleSearchInput struct {
	FieldsParam
	SearchWindow
	Sorts            string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	ID               string    `query:"id" doc:"Role id to match"`
	ModelSetIDs      string    `query:"model_set_ids" doc:"Model set ids to match, comma-separated"`
	PermissionSetIDs string    `query:"permission_set_ids" doc:"Permission set ids to match, comma-separated"`
	Name             string    `query:"name" doc:"Role name pattern to match"`
	BuiltIn          boolParam `query:"built_in" doc:"Built-in roles only (true) or none of them (false)"`
	FilterOr         boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

type roleCountSearchInput struct {
	FieldsParam
	SearchWindow
	Sorts    string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	ID       string    `query:"id" doc:"Role id to match"`
	Name     string    `query:"name" doc:"Role name pattern to match"`
	BuiltIn  boolParam `query:"built_in" doc:"Built-in roles only (true) or none of them (false)"`
	FilterOr boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

type allRolesInput struct {
	FieldsParam
	IDs                DelimList `query:"ids" doc:"Only these role ids"`
	GetAllSupportRoles bool      `query:"get_all_support_roles" doc:"Get all Looker support roles (there are none)"`
}

type roleBodyInput struct {
	Body model.Body[model.Role]
}

type roleUpdateInput struct {
	RoleIDPath
	Body model.Body[model.Role]
}

type roleMembersInput struct {
	RoleIDPath
	Body model.Body[[]string]
}

type roleUsersInput struct {
	RoleIDPath
	FieldsParam
	DirectAssociationOnly bool `query:"direct_association_only" doc:"Only users holding the role directly, not through groups"`
}

func registerRole(api huma.API, b *Backend) {
	registerPermissionSets(api, b)
	registerModelSets(api, b)
	handle(api, op{ID: "all_permissions", Method: http.MethodGet, Path: "/permissions", Tag: tagRole, Perm: "see_users",
		Summary: "Every permission a permission set may hold"}, b.allPermissions)
	handle(api, op{ID: "all_roles", Method: http.MethodGet, Path: "/roles", Tag: tagRole, Perm: "see_users",
		Summary: "All roles"}, b.allRoles)
	handle(api, op{ID: "create_role", Method: http.MethodPost, Path: "/roles", Tag: tagRole, Perm: access.AdminOnly,
		Summary: "New role"}, b.createRole)
	handle(api, op{ID: "search_roles", Method: http.MethodGet, Path: "/roles/search", Tag: tagRole, Perm: "see_users",
		Summary: "Find roles by criteria"}, b.searchRoles)
	handle(api, op{ID: "search_roles_with_user_count", Method: http.MethodGet, Path: "/roles/search/with_user_count",
		Tag: tagRole, Perm: "see_users", Summary: "Search roles, with how many users hold each"}, b.searchRolesWithUserCount)
	handle(api, op{ID: "role", Method: http.MethodGet, Path: "/roles/{role_id}", Tag: tagRole, Perm: "see_users",
		Summary: "One role"}, b.role)
	handle(api, op{ID: "update_role", Method: http.MethodPatch, Path: "/roles/{role_id}", Tag: tagRole, Perm: access.AdminOnly,
		Summary: "Change a role"}, b.updateRole)
	handle(api, op{ID: "delete_role", Method: http.MethodDelete, Path: "/roles/{role_id}", Tag: tagRole, Perm: access.AdminOnly,
		Summary: "Delete a role", Status: http.StatusNoContent}, b.deleteRole)
	handle(api, op{ID: "role_groups", Method: http.MethodGet, Path: "/roles/{role_id}/groups", Tag: tagRole, Perm: "see_users",
		Summary: "The groups holding a role"}, b.roleGroups)
	handle(api, op{ID: "set_role_groups", Method: http.MethodPut, Path: "/roles/{role_id}/groups", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "Replace the groups holding a role"}, b.setRoleGroups)
	handle(api, op{ID: "role_users", Method: http.MethodGet, Path: "/roles/{role_id}/users", Tag: tagRole, Perm: "see_users",
		Summary: "The users holding a role"}, b.roleUsers)
	handle(api, op{ID: "set_role_users", Method: http.MethodPut, Path: "/roles/{role_id}/users", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "Replace the users holding a role directly"}, b.setRoleUsers)
}

func (b *Backend) allPermissions(_ context.Context, _ *struct{}) (*Out[[]model.Permission], error) {
	out := make([]model.Permission, len(access.Catalogue))
	for i, p := range access.Catalogue {
		out[i] = model.Permission{Permission: ptr(p.Name), Parent: optString(p.Parent), Description: ptr(p.Description),
			Can: map[string]bool{}}
	}
	return ok(out)
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func roleWire(r *overlook.Role, p *overlook.Principal) model.Role {
	id := strconv.FormatInt(r.ID, 10)
	editable := p.IsAdmin && !store.IsBuiltInRole(r)
	ps, ms := permissionSetWire(r.PermissionSet, p), modelSetWire(r.ModelSet, p)
	return model.Role{
		ID: &id, Name: ptr(r.Name), PermissionSet: &ps, ModelSet: &ms, Internal: ptr(false),
		URL: relURL("/roles/" + id), UsersURL: relURL("/roles/" + id + "/users"),
		Can: map[string]bool{"show": true, "index": true, "update": editable, "delete": editable},
	}
}

func rolesWire(roles []*overlook.Role, p *overlook.Principal) []model.Role {
	out := make([]model.Role, len(roles))
	for i, r := range roles {
		out[i] = roleWire(r, p)
	}
	return out
}

func (b *Backend) allRoles(ctx context.Context, in *allRolesInput) (*Out[[]model.Role], error) {
	ids, err := ParseIDs("ids", in.IDs)
	if err != nil {
		return nil, err
	}
	roles, _, err := b.Store.Roles(ctx, store.RoleFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	return ok(rolesWire(roles, overlook.PrincipalFrom(ctx)))
}

func (in *roleSearchInput) filter() (store.RoleFilter, error) {
	f, err := roleFilter(in.ID, in.Name, in.Sorts, in.BuiltIn, in.FilterOr, in.SearchWindow)
	if err != nil {
		return f, err
	}
	if f.PermissionSetIDs, err = searchIDs("permission_set_ids", in.PermissionSetIDs); err != nil {
		return f, err
	}
	f.ModelSetIDs, err = searchIDs("model_set_ids", in.ModelSetIDs)
	return f, err
}

func roleFilter(id, name, sorts string, builtIn, filterOr boolParam, w SearchWindow) (store.RoleFilter, error) {
	f := store.RoleFilter{Name: name, BuiltIn: builtIn.ptr(), FilterOr: filterOr.Value}
	var err error
	if f.IDs, err = searchIDs("id", id); err != nil {
		return f, err
	}
	if f.Sorts, err = ParseSorts(sorts, store.RoleSortable); err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = w.pageParams().Window()
	return f, err
}

func (b *Backend) searchRoles(ctx context.Context, in *roleSearchInput) (*Paged[model.Role], error) {
	f, err := in.filter()
	if err != nil {
		return nil, err
	}
	roles, total, err := b.Store.Roles(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, rolesWire(roles, overlook.PrincipalFrom(ctx)), in.pageParams(), total), nil
}

func (b *Backend) searchRolesWithUserCount(ctx context.Context, in *roleCountSearchInput) (*Paged[model.RoleSearch], error) {
	f, err := roleFilter(in.ID, in.Name, in.Sorts, in.BuiltIn, in.FilterOr, in.SearchWindow)
	if err != nil {
		return nil, err
	}
	roles, total, err := b.Store.Roles(ctx, f)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	out := make([]model.RoleSearch, len(roles))
	for i, r := range roles {
		w := roleWire(r, p)
		out[i] = model.RoleSearch{ID: w.ID, Name: w.Name, PermissionSet: w.PermissionSet, ModelSet: w.ModelSet,
			Internal: w.Internal, URL: w.URL, UsersURL: w.UsersURL, Can: w.Can, UserCount: ptr(r.UserCount)}
	}
	return page(ctx, b, out, in.pageParams(), total), nil
}

// loadRole reads the role named by a path parameter.
func (b *Backend) loadRole(ctx context.Context, param string) (*overlook.Role, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "role", strconv.FormatInt(id, 10))
	return b.Store.Role(ctx, id)
}

func (b *Backend) role(ctx context.Context, in *RoleIDPath) (*Out[model.Role], error) {
	r, err := b.loadRole(ctx, in.RoleID)
	if err != nil {
		return nil, err
	}
	return ok(roleWire(r, overlook.PrincipalFrom(ctx)))
}

// applyRole copies the sent keys of body onto r.
func applyRole(r *overlook.Role, body *model.Body[model.Role]) error {
	v := body.Value
	if body.Has("name") {
		r.Name = orZero(v.Name)
	}
	var err error
	if body.Has("permission_set_id") {
		if r.PermissionSetID, err = bodyID("permission_set_id", v.PermissionSetID); err != nil {
			return err
		}
	}
	if body.Has("model_set_id") {
		if r.ModelSetID, err = bodyID("model_set_id", v.ModelSetID); err != nil {
			return err
		}
	}
	switch {
	case r.Name == "":
		return overlook.Invalid("name", "missing", "name is required")
	case r.PermissionSetID == 0:
		return overlook.Invalid("permission_set_id", "missing", "permission_set_id is required")
	case r.ModelSetID == 0:
		return overlook.Invalid("model_set_id", "missing", "model_set_id is required")
	}
	return nil
}

func (b *Backend) createRole(ctx context.Context, in *roleBodyInput) (*Out[model.Role], error) {
	r := &overlook.Role{}
	if err := applyRole(r, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.CreateRole(ctx, r); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "role", strconv.FormatInt(r.ID, 10))
	return b.roleAnswer(ctx, r.ID)
}

func (b *Backend) roleAnswer(ctx context.Context, id int64) (*Out[model.Role], error) {
	b.Auth.Invalidate()
	r, err := b.Store.Role(ctx, id)
	if err != nil {
		return nil, err
	}
	return ok(roleWire(r, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) updateRole(ctx context.Context, in *roleUpdateInput) (*Out[model.Role], error) {
	r, err := b.loadRole(ctx, in.RoleID)
	if err != nil {
		return nil, err
	}
	if store.IsBuiltInRole(r) {
		return nil, errBuiltIn("role")
	}
	if err := applyRole(r, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.UpdateRole(ctx, r); err != nil {
		return nil, err
	}
	return b.roleAnswer(ctx, r.ID)
}

func (b *Backend) deleteRole(ctx context.Context, in *RoleIDPath) (*Empty, error) {
	r, err := b.loadRole(ctx, in.RoleID)
	if err != nil {
		return nil, err
	}
	if store.IsBuiltInRole(r) {
		return nil, errBuiltIn("role")
	}
	if err := b.Store.DeleteRole(ctx, r.ID); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return &Empty{}, nil
}

func errBuiltIn(what string) error {
	return overlook.Errorf(overlook.ENOTALLOWED, "The built-in %s can't be modified", what)
}

func (b *Backend) roleGroups(ctx context.Context, in *struct {
	RoleIDPath
	FieldsParam
}) (*Out[[]model.Group], error) {
	id, err := ParseID(in.RoleID)
	if err != nil {
		return nil, err
	}
	if _, err := b.Store.RoleGroupIDs(ctx, id); err != nil {
		return nil, err
	}
	return b.groupList(ctx, store.GroupFilter{RoleID: id})
}

func (b *Backend) setRoleGroups(ctx context.Context, in *roleMembersInput) (*Out[[]model.Group], error) {
	id, ids, err := roleMembers(ctx, in, "group_ids")
	if err != nil {
		return nil, err
	}
	if err := b.Store.SetRoleGroups(ctx, id, ids); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return b.groupList(ctx, store.GroupFilter{RoleID: id})
}

// roleMembers reads the role id and the bare JSON array of member ids of
// set_role_groups and set_role_users.
func roleMembers(ctx context.Context, in *roleMembersInput, field string) (int64, []int64, error) {
	id, err := ParseID(in.RoleID)
	if err != nil {
		return 0, nil, err
	}
	requestinfo.SetObject(ctx, "role", strconv.FormatInt(id, 10))
	if in.Body.Value == nil {
		return 0, nil, overlook.Invalid(field, "missing", "the body must be a JSON array of ids")
	}
	ids, err := ParseIDs(field, in.Body.Value)
	return id, ids, err
}

func (b *Backend) roleUsers(ctx context.Context, in *roleUsersInput) (*Out[[]model.User], error) {
	id, err := ParseID(in.RoleID)
	if err != nil {
		return nil, err
	}
	ids, err := b.Store.RoleUserIDs(ctx, id, in.DirectAssociationOnly)
	if err != nil {
		return nil, err
	}
	return b.usersByID(ctx, ids)
}

func (b *Backend) setRoleUsers(ctx context.Context, in *roleMembersInput) (*Out[[]model.User], error) {
	id, ids, err := roleMembers(ctx, in, "user_ids")
	if err != nil {
		return nil, err
	}
	if err := b.Store.SetRoleUsers(ctx, id, ids); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	direct, err := b.Store.RoleUserIDs(ctx, id, true)
	if err != nil {
		return nil, err
	}
	return b.usersByID(ctx, direct)
}

// usersByID answers a list of users, by id; none for no ids.
func (b *Backend) usersByID(ctx context.Context, ids []int64) (*Out[[]model.User], error) {
	out := []model.User{}
	if len(ids) == 0 {
		return ok(out)
	}
	users, _, err := b.Store.Users(ctx, overlook.UserFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	for _, u := range users {
		out = append(out, userWire(u, p))
	}
	return ok(out)
}

// Permission sets and model sets.

// PermissionSetIDPath is the path parameter naming one object. Embedded types must be
// exported for huma to read their parameters.
type PermissionSetIDPath struct {
	PermissionSetID string `path:"permission_set_id" doc:"Permission set id"`
}

// ModelSetIDPath is the path parameter naming one object. Embedded types must be
// exported for huma to read their parameters.
type ModelSetIDPath struct {
	ModelSetID string `path:"model_set_id" doc:"Model set id"`
}

// SetSearchInput holds the parameters search_permission_sets and
// search_model_sets share; Member is permissions or models.
type SetSearchInput struct {
	FieldsParam
	SearchWindow
	Sorts     string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	ID        string    `query:"id" doc:"Match id"`
	Name      string    `query:"name" doc:"Match name"`
	AllAccess boolParam `query:"all_access" doc:"Match all_access status"`
	BuiltIn   boolParam `query:"built_in" doc:"Match built_in status"`
	FilterOr  boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

func (in *SetSearchInput) filter(member string) (store.SetFilter, error) {
	f := store.SetFilter{Name: in.Name, AllAccess: in.AllAccess.ptr(), BuiltIn: in.BuiltIn.ptr(),
		Member: member, FilterOr: in.FilterOr.Value}
	var err error
	if f.IDs, err = searchIDs("id", in.ID); err != nil {
		return f, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.SetSortable); err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = in.pageParams().Window()
	return f, err
}

func registerPermissionSets(api huma.API, b *Backend) {
	handle(api, op{ID: "all_permission_sets", Method: http.MethodGet, Path: "/permission_sets", Tag: tagRole,
		Perm: "see_users", Summary: "All permission sets"}, b.allPermissionSets)
	handle(api, op{ID: "create_permission_set", Method: http.MethodPost, Path: "/permission_sets", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "New permission set"}, b.createPermissionSet)
	handle(api, op{ID: "search_permission_sets", Method: http.MethodGet, Path: "/permission_sets/search", Tag: tagRole,
		Perm: "see_users", Summary: "Find permission sets by criteria"}, b.searchPermissionSets)
	handle(api, op{ID: "permission_set", Method: http.MethodGet, Path: "/permission_sets/{permission_set_id}", Tag: tagRole,
		Perm: "see_users", Summary: "One permission set"}, b.permissionSet)
	handle(api, op{ID: "update_permission_set", Method: http.MethodPatch, Path: "/permission_sets/{permission_set_id}",
		Tag: tagRole, Perm: access.AdminOnly, Summary: "Change a permission set"}, b.updatePermissionSet)
	handle(api, op{ID: "delete_permission_set", Method: http.MethodDelete, Path: "/permission_sets/{permission_set_id}",
		Tag: tagRole, Perm: access.AdminOnly, Summary: "Delete a permission set", Status: http.StatusNoContent},
		b.deletePermissionSet)
}

func setCan(builtIn bool, p *overlook.Principal) map[string]bool {
	editable := p.IsAdmin && !builtIn
	return map[string]bool{"show": true, "index": true, "update": editable, "delete": editable}
}

func permissionSetWire(ps *overlook.PermissionSet, p *overlook.Principal) model.PermissionSet {
	id := strconv.FormatInt(ps.ID, 10)
	return model.PermissionSet{ID: &id, Name: ptr(ps.Name), Permissions: emptyIfNil(ps.Permissions),
		BuiltIn: ptr(ps.BuiltIn), AllAccess: ptr(ps.AllAccess), URL: relURL("/permission_sets/" + id),
		Can: setCan(ps.BuiltIn, p)}
}

func emptyIfNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (b *Backend) allPermissionSets(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.PermissionSet], error) {
	sets, _, err := b.Store.PermissionSets(ctx, store.SetFilter{})
	if err != nil {
		return nil, err
	}
	return ok(permissionSetsWire(sets, overlook.PrincipalFrom(ctx)))
}

func permissionSetsWire(sets []*overlook.PermissionSet, p *overlook.Principal) []model.PermissionSet {
	out := make([]model.PermissionSet, len(sets))
	for i, ps := range sets {
		out[i] = permissionSetWire(ps, p)
	}
	return out
}

func (b *Backend) searchPermissionSets(ctx context.Context, in *struct {
	SetSearchInput
	Permissions string `query:"permissions" doc:"Match permission set permissions"`
}) (*Paged[model.PermissionSet], error) {
	f, err := in.filter(in.Permissions)
	if err != nil {
		return nil, err
	}
	sets, total, err := b.Store.PermissionSets(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, permissionSetsWire(sets, overlook.PrincipalFrom(ctx)), in.pageParams(), total), nil
}

func (b *Backend) loadPermissionSet(ctx context.Context, param string) (*overlook.PermissionSet, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "permission_set", strconv.FormatInt(id, 10))
	return b.Store.PermissionSet(ctx, id)
}

func (b *Backend) permissionSet(ctx context.Context, in *struct {
	PermissionSetIDPath
	FieldsParam
}) (*Out[model.PermissionSet], error) {
	ps, err := b.loadPermissionSet(ctx, in.PermissionSetID)
	if err != nil {
		return nil, err
	}
	return ok(permissionSetWire(ps, overlook.PrincipalFrom(ctx)))
}

// applyPermissionSet copies the sent keys of body onto ps. Only catalogue
// permissions are accepted; save_content brings save_looks and
// save_dashboards with it.
func applyPermissionSet(ps *overlook.PermissionSet, body *model.Body[model.PermissionSet]) error {
	if body.Has("name") {
		ps.Name = orZero(body.Value.Name)
	}
	if ps.Name == "" {
		return overlook.Invalid("name", "missing", "name is required")
	}
	if !body.Has("permissions") {
		return nil
	}
	var perms []string
	for _, p := range body.Value.Permissions {
		if !access.Known(p) {
			return overlook.Invalid("permissions", "invalid", "%q is not a permission", p)
		}
		perms = append(perms, p)
		if p == "save_content" {
			perms = append(perms, "save_looks", "save_dashboards")
		}
	}
	ps.Permissions = uniqueSorted(perms)
	return nil
}

func (b *Backend) createPermissionSet(ctx context.Context, in *struct {
	Body model.Body[model.PermissionSet]
}) (*Out[model.PermissionSet], error) {
	ps := &overlook.PermissionSet{}
	if err := applyPermissionSet(ps, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.CreatePermissionSet(ctx, ps); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "permission_set", strconv.FormatInt(ps.ID, 10))
	return ok(permissionSetWire(ps, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) updatePermissionSet(ctx context.Context, in *struct {
	PermissionSetIDPath
	Body model.Body[model.PermissionSet]
}) (*Out[model.PermissionSet], error) {
	ps, err := b.loadPermissionSet(ctx, in.PermissionSetID)
	if err != nil {
		return nil, err
	}
	if ps.BuiltIn {
		return nil, errBuiltIn("permission set")
	}
	if err := applyPermissionSet(ps, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.UpdatePermissionSet(ctx, ps); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return ok(permissionSetWire(ps, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) deletePermissionSet(ctx context.Context, in *PermissionSetIDPath) (*Empty, error) {
	ps, err := b.loadPermissionSet(ctx, in.PermissionSetID)
	if err != nil {
		return nil, err
	}
	if ps.BuiltIn {
		return nil, errBuiltIn("permission set")
	}
	if err := b.Store.DeletePermissionSet(ctx, ps.ID); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return &Empty{}, nil
}

func registerModelSets(api huma.API, b *Backend) {
	handle(api, op{ID: "all_model_sets", Method: http.MethodGet, Path: "/model_sets", Tag: tagRole,
		Perm: "see_users", Summary: "Every model set"}, b.allModelSets)
	handle(api, op{ID: "create_model_set", Method: http.MethodPost, Path: "/model_sets", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "New model set"}, b.createModelSet)
	handle(api, op{ID: "search_model_sets", Method: http.MethodGet, Path: "/model_sets/search", Tag: tagRole,
		Perm: "see_users", Summary: "Find model sets by criteria"}, b.searchModelSets)
	handle(api, op{ID: "model_set", Method: http.MethodGet, Path: "/model_sets/{model_set_id}", Tag: tagRole,
		Perm: "see_users", Summary: "One model set"}, b.modelSet)
	handle(api, op{ID: "update_model_set", Method: http.MethodPatch, Path: "/model_sets/{model_set_id}", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "Change a model set"}, b.updateModelSet)
	handle(api, op{ID: "delete_model_set", Method: http.MethodDelete, Path: "/model_sets/{model_set_id}", Tag: tagRole,
		Perm: access.AdminOnly, Summary: "Delete a model set", Status: http.StatusNoContent}, b.deleteModelSet)
}

func modelSetWire(ms *overlook.ModelSet, p *overlook.Principal) model.ModelSet {
	id := strconv.FormatInt(ms.ID, 10)
	return model.ModelSet{ID: &id, Name: ptr(ms.Name), Models: emptyIfNil(ms.Models),
		BuiltIn: ptr(ms.BuiltIn), AllAccess: ptr(ms.AllAccess), URL: relURL("/model_sets/" + id),
		Can: setCan(ms.BuiltIn, p)}
}

func modelSetsWire(sets []*overlook.ModelSet, p *overlook.Principal) []model.ModelSet {
	out := make([]model.ModelSet, len(sets))
	for i, ms := range sets {
		out[i] = modelSetWire(ms, p)
	}
	return out
}

func (b *Backend) allModelSets(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.ModelSet], error) {
	sets, _, err := b.Store.ModelSets(ctx, store.SetFilter{})
	if err != nil {
		return nil, err
	}
	return ok(modelSetsWire(sets, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) searchModelSets(ctx context.Context, in *struct {
	SetSearchInput
	Models string `query:"models" doc:"Match model set models"`
}) (*Paged[model.ModelSet], error) {
	f, err := in.filter(in.Models)
	if err != nil {
		return nil, err
	}
	sets, total, err := b.Store.ModelSets(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, modelSetsWire(sets, overlook.PrincipalFrom(ctx)), in.pageParams(), total), nil
}

func (b *Backend) loadModelSet(ctx context.Context, param string) (*overlook.ModelSet, error) {
	id, err := ParseID(param)
	if err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "model_set", strconv.FormatInt(id, 10))
	return b.Store.ModelSet(ctx, id)
}

func (b *Backend) modelSet(ctx context.Context, in *struct {
	ModelSetIDPath
	FieldsParam
}) (*Out[model.ModelSet], error) {
	ms, err := b.loadModelSet(ctx, in.ModelSetID)
	if err != nil {
		return nil, err
	}
	return ok(modelSetWire(ms, overlook.PrincipalFrom(ctx)))
}

// applyModelSet copies the sent keys of body onto ms.
func applyModelSet(ms *overlook.ModelSet, body *model.Body[model.ModelSet]) error {
	if body.Has("name") {
		ms.Name = orZero(body.Value.Name)
	}
	if ms.Name == "" {
		return overlook.Invalid("name", "missing", "name is required")
	}
	if body.Has("models") {
		for _, m := range body.Value.Models {
			if m == "" {
				return overlook.Invalid("models", "invalid", "a model name can't be empty")
			}
		}
		ms.Models = uniqueSorted(body.Value.Models)
	}
	return nil
}

func (b *Backend) createModelSet(ctx context.Context, in *struct {
	Body model.Body[model.ModelSet]
}) (*Out[model.ModelSet], error) {
	ms := &overlook.ModelSet{}
	if err := applyModelSet(ms, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.CreateModelSet(ctx, ms); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "model_set", strconv.FormatInt(ms.ID, 10))
	return ok(modelSetWire(ms, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) updateModelSet(ctx context.Context, in *struct {
	ModelSetIDPath
	Body model.Body[model.ModelSet]
}) (*Out[model.ModelSet], error) {
	ms, err := b.loadModelSet(ctx, in.ModelSetID)
	if err != nil {
		return nil, err
	}
	if ms.BuiltIn {
		return nil, errBuiltIn("model set")
	}
	if err := applyModelSet(ms, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Store.UpdateModelSet(ctx, ms); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return ok(modelSetWire(ms, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) deleteModelSet(ctx context.Context, in *ModelSetIDPath) (*Empty, error) {
	ms, err := b.loadModelSet(ctx, in.ModelSetID)
	if err != nil {
		return nil, err
	}
	if ms.BuiltIn {
		return nil, errBuiltIn("model set")
	}
	if err := b.Store.DeleteModelSet(ctx, ms.ID); err != nil {
		return nil, err
	}
	b.Auth.Invalidate()
	return &Empty{}, nil
}

// Helpers shared by the access-control tags (Role, Group, UserAttribute).

// SearchWindow is limit/offset of the search operations, which have no
// page/per_page.
type SearchWindow struct {
	Limit  int64 `query:"limit" doc:"Number of results to return (used with offset)"`
	Offset int64 `query:"offset" doc:"Number of results to skip before returning any (used with limit)"`
}

func (w SearchWindow) pageParams() PageParams { return PageParams{Limit: w.Limit, Offset: w.Offset} }

// boolParam is an optional boolean query parameter: absent, true or false.
// huma parses the value into Value and reports whether it was sent.
type boolParam struct{ Value, Set bool }

// Receiver implements huma.ParamWrapper.
func (o *boolParam) Receiver() reflect.Value { return reflect.ValueOf(o).Elem().Field(0) }

// OnParamSet implements huma.ParamReactor.
func (o *boolParam) OnParamSet(isSet bool, _ any) { o.Set = isSet }

// Schema documents the parameter as a boolean.
func (boolParam) Schema(huma.Registry) *huma.Schema { return &huma.Schema{Type: huma.TypeBoolean} }

func (o boolParam) ptr() *bool {
	if !o.Set {
		return nil
	}
	return &o.Value
}

// searchIDs reads an integer search parameter: one id or several,
// comma-separated.
func searchIDs(field, s string) ([]int64, error) {
	list, err := ParseDelimList(s)
	if err != nil {
		return nil, overlook.Invalid(field, "invalid", "%s must be a list of ids", field)
	}
	return ParseIDs(field, list)
}

// requiredBodyID reads an id a body must carry.
func requiredBodyID(field string, s *string) (int64, error) {
	id, err := bodyID(field, s)
	if err == nil && id == 0 {
		err = overlook.Invalid(field, "missing", "%s is required", field)
	}
	return id, err
}

// bodyID reads an id sent in a body; null or empty means none.
func bodyID(field string, s *string) (int64, error) {
	if s == nil || strings.TrimSpace(*s) == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(strings.TrimSpace(*s), 10, 64)
	if err != nil || id <= 0 {
		return 0, overlook.Invalid(field, "invalid", "%q is not an id", *s)
	}
	return id, nil
}

func orZero[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func uniqueSorted(list []string) []string {
	out := slices.Clone(list)
	slices.Sort(out)
	return slices.Compact(out)
}
