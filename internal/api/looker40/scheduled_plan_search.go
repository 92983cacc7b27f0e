package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerScheduledPlanSearch) }

type planSearchInput struct {
	FieldsParam
	SearchWindow
	UserID            string    `query:"user_id" doc:"Owner's user id to match (another user's needs see_schedules)"`
	AllUsers          bool      `query:"all_users" doc:"Search every user's plans (needs see_schedules)"`
	Sorts             string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	Name              string    `query:"name" doc:"Plan name pattern to match"`
	UserFirstName     string    `query:"user_first_name" doc:"Owner's first name pattern to match"`
	UserLastName      string    `query:"user_last_name" doc:"Owner's last name pattern to match"`
	DashboardID       string    `query:"dashboard_id" doc:"Dashboard id to match"`
	LookID            string    `query:"look_id" doc:"Look id to match"`
	LookMLDashboardID string    `query:"lookml_dashboard_id" doc:"LookML dashboard id pattern to match"`
	Recipient         string    `query:"recipient" doc:"Destination address pattern to match"`
	DestinationType   string    `query:"destination_type" doc:"Destination type to match (email, webhook…)"`
	DeliveryFormat    string    `query:"delivery_format" doc:"Delivery format to match (csv, json…)"`
	FilterOr          boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

func registerScheduledPlanSearch(api huma.API, b *Backend) {
	handle(api, planOp("search_scheduled_plans", http.MethodGet, "/scheduled_plans/search", access.Authenticated,
		"Find scheduled plans by criteria"), b.searchScheduledPlans)
}

// filter reads the criteria. Without see_schedules a caller searches
// their own plans only, whatever user_id or all_users say.
func (in *planSearchInput) filter(p *overlook.Principal) (store.PlanSearch, error) {
	f := store.PlanSearch{Name: in.Name, UserFirstName: in.UserFirstName, UserLastName: in.UserLastName,
		LookMLDashboardID: in.LookMLDashboardID, Recipient: in.Recipient, DestinationType: in.DestinationType,
		DeliveryFormat: in.DeliveryFormat, FilterOr: in.FilterOr.Value}
	seeAll := p.IsAdmin || p.Can(permSeeSchedules)
	var err error
	if f.UserIDs, err = searchIDs("user_id", in.UserID); err != nil {
		return f, err
	}
	switch {
	case !seeAll:
		f.Owners = []int64{p.UserID()}
	case !in.AllUsers && len(f.UserIDs) == 0:
		f.Owners = []int64{p.UserID()}
	}
	if f.DashboardIDs, err = searchIDs("dashboard_id", in.DashboardID); err != nil {
		return f, err
	}
	if f.LookIDs, err = searchIDs("look_id", in.LookID); err != nil {
		return f, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.PlanSortable); err != nil {
		return f, err
	}
	f.Limit, f.Offset, err = in.pageParams().Window()
	return f, err
}

func (b *Backend) searchScheduledPlans(ctx context.Context, in *planSearchInput) (*Paged[model.ScheduledPlan], error) {
	f, err := in.filter(overlook.PrincipalFrom(ctx))
	if err != nil {
		return nil, err
	}
	plans, total, err := b.Store.SearchScheduledPlans(ctx, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, b.plansWire(ctx, plans), in.pageParams(), total), nil
}
