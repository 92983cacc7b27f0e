// Package access holds Looker's permission catalogue, the built-in roles, and
// the rules that decide what a principal may do.
package access

import "github.com/overlookbi/overlook/internal/overlook"

// Permission is one entry of the catalogue all_permissions returns. A
// permission takes effect only when its parent is granted too.
type Permission struct {
	Name        string
	Parent      string
	Description string
}

// Catalogue lists every permission Overlook knows, parents first.
var Catalogue = []Permission{
	{"access_data", "", "Reach data in the models of the role"},
	{"see_lookml_dashboards", "access_data", "See LookML dashboards"},
	{"see_looks", "access_data", "See saved looks"},
	{"see_user_dashboards", "see_looks", "See user-defined dashboards"},
	{"explore", "see_looks", "Explore the models"},
	{"create_table_calculations", "explore", "Write table calculations"},
	{"create_custom_fields", "explore", "Write custom fields"},
	{"can_create_forecast", "explore", "Create forecasts"},
	{"can_override_vis_config", "explore", "Override visualization settings"},
	{"save_content", "see_user_dashboards", "Save looks and dashboards"},
	{"save_looks", "see_looks", "Save looks"},
	{"save_dashboards", "see_user_dashboards", "Save dashboards"},
	{"create_public_looks", "save_content", "Make looks public"},
	{"download_with_limit", "see_looks", "Download results up to a limit"},
	{"download_without_limit", "see_looks", "Download results without a limit"},
	{"schedule_look_emails", "see_looks", "Schedule deliveries of content"},
	{"schedule_external_look_emails", "schedule_look_emails", "Deliver content outside the allowed domains"},
	{"create_alerts", "see_looks", "Create alerts"},
	{"follow_alerts", "see_looks", "Follow alerts"},
	{"send_to_s3", "schedule_look_emails", "Deliver to S3"},
	{"send_to_sftp", "schedule_look_emails", "Deliver to SFTP"},
	{"send_outgoing_webhook", "schedule_look_emails", "Deliver to webhooks"},
	{"send_to_integration", "see_looks", "Deliver to integrations"},
	{"see_sql", "see_looks", "See the SQL of queries"},
	{"see_lookml", "see_looks", "See LookML"},
	{"develop", "see_lookml", "Change LookML in development mode"},
	{"deploy", "develop", "Deploy LookML to production"},
	{"support_access_toggle", "develop", "Toggle support access"},
	{"use_sql_runner", "see_lookml", "Run SQL directly"},
	{"clear_cache_refresh", "access_data", "Clear caches and refresh"},
	{"see_drill_overlay", "access_data", "See drill overlays"},
	{"manage_spaces", "", "Create, edit and delete folders"},
	{"manage_homepage", "", "Manage the homepage"},
	{"manage_models", "", "Manage LookML models"},
	{"manage_stereo", "", "Manage stereo"},
	{"create_prefetches", "", "Create prefetches"},
	{"login_special_email", "", "Log in with email when another login method is on"},
	{"embed_browse_spaces", "", "Browse folders in embedded Overlook"},
	{"embed_save_shared_space", "", "Save to shared folders in embedded Overlook"},
	{"see_alerts", "", "See every alert"},
	{"see_queries", "", "See running queries"},
	{"see_logs", "", "See logs"},
	{"see_users", "", "See users"},
	{"sudo", "see_users", "Act as another user"},
	{"see_schedules", "", "See every schedule"},
	{"see_pdts", "", "See persistent derived tables"},
	{"see_datagroups", "", "See datagroups"},
	{"update_datagroups", "see_datagroups", "Trigger and reset datagroups"},
	{"see_system_activity", "", "See the system__activity model"},
	{"mobile_app_access", "", "Use the mobile app"},
}

// Known reports whether name is in the catalogue.
func Known(name string) bool {
	_, ok := catalogueIndex[name]
	return ok
}

var catalogueIndex = func() map[string]Permission {
	m := make(map[string]Permission, len(Catalogue))
	for _, p := range Catalogue {
		m[p.Name] = p
	}
	return m
}()

// Effective drops permissions whose parent chain is not fully granted.
func Effective(granted map[string]bool) map[string]bool {
	out := make(map[string]bool, len(granted))
	for name := range granted {
		if chainGranted(name, granted) {
			out[name] = true
		}
	}
	return out
}

func chainGranted(name string, granted map[string]bool) bool {
	for depth := 0; name != "" && depth < len(Catalogue); depth++ {
		if !granted[name] {
			return false
		}
		name = catalogueIndex[name].Parent
	}
	return true
}

// What an operation may declare instead of a Looker permission. Every
// operation declares one of these or a permission of the Catalogue.
const (
	// Public operations need no token: login, versions, the API document.
	Public = "public"
	// Authenticated operations need any valid token and act only on the
	// caller's own session or record (me, session, logout).
	Authenticated = "authenticated"
	// AdminOnly operations are the ones Looker documents as admin only.
	AdminOnly = "admin"
)

// Declarable reports whether an operation may declare perm.
func Declarable(perm string) bool {
	return perm == Public || perm == Authenticated || perm == AdminOnly || Known(perm)
}

// Allows reports whether p may run an operation that declares perm. self
// is true when the operation targets p's own user record and the operation
// lets a user act on itself.
func Allows(p *overlook.Principal, perm string, self bool) bool {
	switch {
	case perm == Public:
		return true
	case p == nil:
		return false
	case perm == Authenticated, self, p.IsAdmin:
		return true
	case perm == AdminOnly:
		return false
	}
	return p.Permissions[perm]
}
