package access

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Names of the built-in objects every instance starts with.
const (
	AdminRole     = "Admin"
	DeveloperRole = "Developer"
	UserRole      = "User"
	ViewerRole    = "Viewer"
	AllModelSet   = "All"
	AdminPermSet  = "Admin"
)

// Starting permission sets, as a new Looker instance has them. Only Admin is
// built in (read-only); the others are ordinary sets an admin may change.
var defaultPermissionSets = []struct {
	name  string
	perms []string
}{
	{ViewerRole, []string{"access_data", "see_lookml_dashboards", "see_looks", "see_user_dashboards",
		"download_with_limit", "schedule_look_emails", "see_drill_overlay", "create_alerts", "follow_alerts",
		"send_to_integration", "mobile_app_access"}},
	{UserRole, []string{"access_data", "see_lookml_dashboards", "see_looks", "see_user_dashboards", "explore",
		"create_table_calculations", "create_custom_fields", "save_content", "save_looks", "save_dashboards",
		"create_public_looks", "download_with_limit", "download_without_limit", "schedule_look_emails",
		"create_alerts", "follow_alerts", "send_to_integration", "see_sql", "see_drill_overlay",
		"clear_cache_refresh", "mobile_app_access", "manage_spaces"}},
	{DeveloperRole, []string{"access_data", "see_lookml_dashboards", "see_looks", "see_user_dashboards", "explore",
		"create_table_calculations", "create_custom_fields", "save_content", "save_looks", "save_dashboards",
		"create_public_looks", "download_with_limit", "download_without_limit", "schedule_look_emails",
		"create_alerts", "follow_alerts", "send_to_integration", "see_sql", "see_lookml", "develop", "deploy",
		"use_sql_runner", "see_drill_overlay", "clear_cache_refresh", "manage_spaces", "see_pdts",
		"see_datagroups", "mobile_app_access"}},
}

// SeedBuiltIns creates the Admin permission set, the All model set and the
// Admin, Developer, User and Viewer roles on a new instance.
func SeedBuiltIns(ctx context.Context, st *store.Store) error {
	if _, err := st.RoleIDByName(ctx, AdminRole); err == nil {
		return nil
	} else if !overlook.IsNotFound(err) {
		return err
	}
	all := &overlook.ModelSet{Name: AllModelSet, BuiltIn: true, AllAccess: true}
	if err := st.CreateModelSet(ctx, all); err != nil {
		return err
	}
	adminPS := &overlook.PermissionSet{Name: AdminPermSet, BuiltIn: true, AllAccess: true, Permissions: allNames()}
	if err := st.CreatePermissionSet(ctx, adminPS); err != nil {
		return err
	}
	if err := st.CreateRole(ctx, &overlook.Role{Name: AdminRole, PermissionSetID: adminPS.ID, ModelSetID: all.ID}); err != nil {
		return err
	}
	for _, d := range defaultPermissionSets {
		ps := &overlook.PermissionSet{Name: d.name, Permissions: d.perms}
		if err := st.CreatePermissionSet(ctx, ps); err != nil {
			return err
		}
		if err := st.CreateRole(ctx, &overlook.Role{Name: d.name, PermissionSetID: ps.ID, ModelSetID: all.ID}); err != nil {
			return err
		}
	}
	return nil
}

func allNames() []string {
	names := make([]string, len(Catalogue))
	for i, p := range Catalogue {
		names[i] = p.Name
	}
	return names
}
