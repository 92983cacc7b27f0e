package looker40

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

const tagScheduledPlan = "ScheduledPlan"

// permSchedule is what creating, changing and running plans needs;
// webhook destinations also need permWebhook.
const (
	permSchedule = "schedule_look_emails"
	permWebhook  = "send_outgoing_webhook"
	// permSeeSchedules shows every user's plans.
	permSeeSchedules = "see_schedules"
)

func init() { register(registerScheduledPlan) }

// ScheduledPlanIDPath names one plan.
type ScheduledPlanIDPath struct {
	ScheduledPlanID string `path:"scheduled_plan_id" doc:"Id of the scheduled plan"`
}

// PlanOwnerParams choose whose plans a list shows.
type PlanOwnerParams struct {
	UserID   string `query:"user_id" doc:"Only this user's plans (needs see_schedules for another user)"`
	AllUsers bool   `query:"all_users" doc:"Every user's plans (needs see_schedules)"`
	FieldsParam
}

type planListInput struct{ PlanOwnerParams }

type planIDInput struct {
	ScheduledPlanIDPath
	FieldsParam
}

type planBodyInput struct {
	FieldsParam
	Body model.Body[model.ScheduledPlan]
}

type planUpdateInput struct {
	ScheduledPlanIDPath
	FieldsParam
	Body model.Body[model.ScheduledPlan]
}

type plansForLookInput struct {
	LookID string `path:"look_id" doc:"Id of the look"`
	PlanOwnerParams
}

type plansForDashboardInput struct {
	DashboardID string `path:"dashboard_id" doc:"Id of the dashboard"`
	PlanOwnerParams
}

type plansForLookMLDashboardInput struct {
	LookMLDashboardID string `path:"lookml_dashboard_id" doc:"Id of the LookML dashboard"`
	PlanOwnerParams
}

type plansForSpaceInput struct {
	SpaceID string `path:"space_id" doc:"Id of the folder"`
	FieldsParam
}

func planOp(id, method, path, perm, summary string) op {
	return op{ID: id, Method: method, Path: path, Tag: tagScheduledPlan, Perm: perm, Summary: summary}
}

func registerScheduledPlan(api huma.API, b *Backend) {
	handle(api, planOp("all_scheduled_plans", http.MethodGet, "/scheduled_plans", access.Authenticated,
		"The caller's scheduled plans (or everyone's)"), b.allScheduledPlans)
	handle(api, planOp("create_scheduled_plan", http.MethodPost, "/scheduled_plans", permSchedule,
		"Schedule deliveries of a look or query"), b.createScheduledPlan)
	handle(api, planOp("scheduled_plan_run_once", http.MethodPost, "/scheduled_plans/run_once", permSchedule,
		"Deliver a look or query once, now"), b.scheduledPlanRunOnce)
	handle(api, planOp("scheduled_plans_for_look", http.MethodGet, "/scheduled_plans/look/{look_id}",
		access.Authenticated, "Scheduled plans of a look"), b.scheduledPlansForLook)
	handle(api, planOp("scheduled_plans_for_dashboard", http.MethodGet, "/scheduled_plans/dashboard/{dashboard_id}",
		access.Authenticated, "Scheduled plans of a dashboard"), b.scheduledPlansForDashboard)
	handle(api, planOp("scheduled_plans_for_lookml_dashboard", http.MethodGet,
		"/scheduled_plans/lookml_dashboard/{lookml_dashboard_id}", access.Authenticated,
		"Scheduled plans of a LookML dashboard"), b.scheduledPlansForLookMLDashboard)
	handle(api, planOp("scheduled_plans_for_space", http.MethodGet, "/scheduled_plans/space/{space_id}",
		access.Authenticated, "Scheduled plans of the looks and dashboards in a folder"), b.scheduledPlansForSpace)
	handle(api, planOp("scheduled_plan", http.MethodGet, "/scheduled_plans/{scheduled_plan_id}",
		access.Authenticated, "Get a scheduled plan"), b.scheduledPlan)
	handle(api, planOp("update_scheduled_plan", http.MethodPatch, "/scheduled_plans/{scheduled_plan_id}",
		permSchedule, "Change a scheduled plan"), b.updateScheduledPlan)
	handle(api, planOp("scheduled_plan_run_once_by_id", http.MethodPost, "/scheduled_plans/{scheduled_plan_id}/run_once",
		permSchedule, "Deliver a scheduled plan once, now (with changes from the body)"), b.scheduledPlanRunOnceByID)
	del := planOp("delete_scheduled_plan", http.MethodDelete, "/scheduled_plans/{scheduled_plan_id}", permSchedule,
		"Delete a scheduled plan")
	del.Status = http.StatusNoContent
	handle(api, del, b.deleteScheduledPlan)
}

// ownerFilter turns user_id/all_users into a filter: callers see their own
// plans unless they may see every schedule.
func ownerFilter(p *overlook.Principal, in PlanOwnerParams) (store.ScheduledPlanFilter, error) {
	f := store.ScheduledPlanFilter{UserID: p.UserID()}
	seeAll := p.IsAdmin || p.Can(permSeeSchedules)
	switch {
	case in.AllUsers && seeAll:
		f.UserID = 0
	case in.UserID != "":
		id, err := strconv.ParseInt(in.UserID, 10, 64)
		if err != nil {
			return f, overlook.Invalid("user_id", "invalid", "%q is not an id", in.UserID)
		}
		if id != p.UserID() && !seeAll {
			return f, overlook.Errorf(overlook.EFORBIDDEN, "seeing another user's plans needs the %s permission", permSeeSchedules)
		}
		f.UserID = id
	}
	return f, nil
}

func (b *Backend) plansOut(ctx context.Context, f store.ScheduledPlanFilter) (*Out[[]model.ScheduledPlan], error) {
	plans, err := b.Store.ScheduledPlans(ctx, f)
	if err != nil {
		return nil, err
	}
	return ok(b.plansWire(ctx, plans))
}

func (b *Backend) allScheduledPlans(ctx context.Context, in *planListInput) (*Out[[]model.ScheduledPlan], error) {
	f, err := ownerFilter(overlook.PrincipalFrom(ctx), in.PlanOwnerParams)
	if err != nil {
		return nil, err
	}
	return b.plansOut(ctx, f)
}

func (b *Backend) scheduledPlansForLook(ctx context.Context, in *plansForLookInput) (*Out[[]model.ScheduledPlan], error) {
	f, err := ownerFilter(overlook.PrincipalFrom(ctx), in.PlanOwnerParams)
	if err != nil {
		return nil, err
	}
	if f.LookID, err = ParseID(in.LookID); err != nil {
		return nil, err
	}
	if _, err := b.Content.Look(ctx, overlook.PrincipalFrom(ctx), f.LookID); err != nil {
		return nil, err
	}
	return b.plansOut(ctx, f)
}

func (b *Backend) scheduledPlansForDashboard(ctx context.Context, in *plansForDashboardInput) (*Out[[]model.ScheduledPlan], error) {
	f, err := ownerFilter(overlook.PrincipalFrom(ctx), in.PlanOwnerParams)
	if err != nil {
		return nil, err
	}
	if f.DashboardID, err = ParseID(in.DashboardID); err != nil {
		return nil, err
	}
	if _, err := b.Content.Dashboard(ctx, overlook.PrincipalFrom(ctx), f.DashboardID); err != nil {
		return nil, err
	}
	return b.plansOut(ctx, f)
}

// scheduledPlansForLookMLDashboard answers an empty list: LookML dashboards
// cannot be scheduled here (create refuses them), so none has a plan.
func (b *Backend) scheduledPlansForLookMLDashboard(ctx context.Context, in *plansForLookMLDashboardInput) (*Out[[]model.ScheduledPlan], error) {
	if _, err := ownerFilter(overlook.PrincipalFrom(ctx), in.PlanOwnerParams); err != nil {
		return nil, err
	}
	return ok([]model.ScheduledPlan{})
}

func (b *Backend) scheduledPlansForSpace(ctx context.Context, in *plansForSpaceInput) (*Out[[]model.ScheduledPlan], error) {
	p := overlook.PrincipalFrom(ctx)
	folderID, err := ParseID(in.SpaceID)
	if err != nil {
		return nil, err
	}
	if err := b.Content.RequireFolder(ctx, p, folderID, content.View); err != nil {
		return nil, err
	}
	f := store.ScheduledPlanFilter{FolderID: folderID, UserID: p.UserID()}
	if p.IsAdmin || p.Can(permSeeSchedules) {
		f.UserID = 0
	}
	return b.plansOut(ctx, f)
}

// visiblePlan finds a plan the caller owns or may see.
func (b *Backend) visiblePlan(ctx context.Context, param string) (*store.ScheduledPlan, error) {
	id, err := objectID(ctx, "scheduled_plan", param)
	if err != nil {
		return nil, err
	}
	plan, err := b.Store.ScheduledPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	if plan.UserID != p.UserID() && !p.IsAdmin && !p.Can(permSeeSchedules) {
		return nil, overlook.NotFound()
	}
	return plan, nil
}

// ownPlan finds a plan the caller may change: their own, or any for an
// admin.
func (b *Backend) ownPlan(ctx context.Context, param string) (*store.ScheduledPlan, error) {
	plan, err := b.visiblePlan(ctx, param)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	if plan.UserID != p.UserID() && !p.IsAdmin {
		return nil, overlook.Errorf(overlook.EFORBIDDEN, "only the plan's owner or an admin may change it")
	}
	return plan, nil
}

func (b *Backend) scheduledPlan(ctx context.Context, in *planIDInput) (*Out[model.ScheduledPlan], error) {
	plan, err := b.visiblePlan(ctx, in.ScheduledPlanID)
	if err != nil {
		return nil, err
	}
	return ok(b.planWire(ctx, plan, nil))
}

func (b *Backend) createScheduledPlan(ctx context.Context, in *planBodyInput) (*Out[model.ScheduledPlan], error) {
	plan, err := b.newPlan(ctx, &in.Body)
	if err != nil {
		return nil, err
	}
	if err := b.Store.CreateScheduledPlan(ctx, plan); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "scheduled_plan", strconv.FormatInt(plan.ID, 10))
	return ok(b.planWire(ctx, plan, nil))
}

// scheduledPlanRunOnce stores the body as a run-once plan and queues its
// delivery.
func (b *Backend) scheduledPlanRunOnce(ctx context.Context, in *planBodyInput) (*Out[model.ScheduledPlan], error) {
	plan := &store.ScheduledPlan{UserID: overlook.PrincipalFrom(ctx).UserID(), Enabled: true, RunOnce: true}
	if _, err := b.applyPlanChange(ctx, plan, &in.Body); err != nil {
		return nil, err
	}
	plan.RunOnce, plan.Crontab = true, ""
	if err := b.Store.CreateScheduledPlan(ctx, plan); err != nil {
		return nil, err
	}
	if _, err := b.Store.AddRunOnceJob(ctx, plan.ID); err != nil {
		return nil, err
	}
	return ok(b.planWire(ctx, plan, nil))
}

func (b *Backend) updateScheduledPlan(ctx context.Context, in *planUpdateInput) (*Out[model.ScheduledPlan], error) {
	plan, err := b.ownPlan(ctx, in.ScheduledPlanID)
	if err != nil {
		return nil, err
	}
	replace, err := b.applyPlanChange(ctx, plan, &in.Body)
	if err != nil {
		return nil, err
	}
	if err := b.Store.UpdateScheduledPlan(ctx, plan, replace); err != nil {
		return nil, err
	}
	plan, err = b.Store.ScheduledPlanByID(ctx, plan.ID)
	if err != nil {
		return nil, err
	}
	return ok(b.planWire(ctx, plan, nil))
}

// scheduledPlanRunOnceByID delivers a stored plan now. Changes in the body
// apply to this delivery only: they go to a run-once copy.
func (b *Backend) scheduledPlanRunOnceByID(ctx context.Context, in *planUpdateInput) (*Out[model.ScheduledPlan], error) {
	plan, err := b.ownPlan(ctx, in.ScheduledPlanID)
	if err != nil {
		return nil, err
	}
	if len(in.Body.Keys) > 0 {
		if _, err := b.applyPlanChange(ctx, plan, &in.Body); err != nil {
			return nil, err
		}
		plan.RunOnce, plan.Crontab = true, ""
		if err := b.Store.CreateScheduledPlan(ctx, plan); err != nil {
			return nil, err
		}
	}
	if _, err := b.Store.AddRunOnceJob(ctx, plan.ID); err != nil {
		return nil, err
	}
	return ok(b.planWire(ctx, plan, nil))
}

func (b *Backend) deleteScheduledPlan(ctx context.Context, in *planIDInput) (*Empty, error) {
	plan, err := b.ownPlan(ctx, in.ScheduledPlanID)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.Store.DeleteScheduledPlan(ctx, plan.ID)
}

// newPlan reads a plan body for the caller: its owner is the caller unless
// an admin names another user.
func (b *Backend) newPlan(ctx context.Context, body *model.Body[model.ScheduledPlan]) (*store.ScheduledPlan, error) {
	plan := &store.ScheduledPlan{UserID: overlook.PrincipalFrom(ctx).UserID(), Enabled: true}
	if _, err := b.applyPlanChange(ctx, plan, body); err != nil {
		return nil, err
	}
	return plan, nil
}

// applyPlanChange writes the fields the body carries over plan, checks the
// result and the caller's right to deliver it. It reports whether the body
// replaces the destinations.
func (b *Backend) applyPlanChange(ctx context.Context, plan *store.ScheduledPlan, body *model.Body[model.ScheduledPlan]) (bool, error) {
	p := overlook.PrincipalFrom(ctx)
	if err := mergePlan(plan, body, b.sealSecret); err != nil {
		return false, err
	}
	if plan.UserID != p.UserID() && !p.IsAdmin {
		return false, overlook.Errorf(overlook.EFORBIDDEN, "only an admin may schedule for another user")
	}
	if err := scheduler.Validate(plan, b.checkWebhook); err != nil {
		return false, err
	}
	if err := b.checkPlanDatagroup(ctx, plan.Datagroup); err != nil {
		return false, err
	}
	for _, d := range plan.Destinations {
		if d.Type == scheduler.DestWebhook && !p.Can(permWebhook) {
			return false, overlook.Errorf(overlook.EFORBIDDEN, "webhook destinations need the %s permission", permWebhook)
		}
	}
	return body.Has("scheduled_plan_destination"), b.checkPlanTarget(ctx, p, plan)
}

// checkPlanTarget makes sure the caller may see what the plan delivers.
func (b *Backend) checkPlanTarget(ctx context.Context, p *overlook.Principal, plan *store.ScheduledPlan) error {
	if plan.LookID != 0 {
		if _, err := b.Content.Look(ctx, p, plan.LookID); err != nil {
			return overlook.Invalid("look_id", "invalid", "look %d does not exist", plan.LookID)
		}
		return nil
	}
	if plan.DashboardID != 0 {
		if _, err := b.Content.Dashboard(ctx, p, plan.DashboardID); err != nil {
			return overlook.Invalid("dashboard_id", "invalid", "dashboard %d does not exist", plan.DashboardID)
		}
		return nil
	}
	if _, err := b.visibleQuery(ctx, strconv.FormatInt(plan.QueryID, 10)); err != nil {
		return overlook.Invalid("query_id", "invalid", "query %d does not exist", plan.QueryID)
	}
	return nil
}
