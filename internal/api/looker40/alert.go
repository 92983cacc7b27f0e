package looker40

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/alerts"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagAlert = "Alert"

// Permissions of alerts: creating and changing one's alerts, following
// others', and seeing every alert.
const (
	permCreateAlerts = "create_alerts"
	permFollowAlerts = "follow_alerts"
	permSeeAlerts    = "see_alerts"
)

func init() { register(registerAlert) }

// AlertIDPath names one alert.
type AlertIDPath struct {
	AlertID string `path:"alert_id" doc:"Id of the alert"`
}

type alertIDInput struct {
	AlertIDPath
	FieldsParam
}

type alertBodyInput struct {
	FieldsParam
	Body model.Body[model.Alert]
}

type alertUpdateInput struct {
	AlertIDPath
	FieldsParam
	Body model.Body[model.Alert]
}

type alertPatchInput struct {
	AlertIDPath
	FieldsParam
	Body model.Body[model.AlertPatch]
}

type alertEnqueueInput struct {
	AlertIDPath
	Force bool `query:"force" doc:"Queue another evaluation even when one is already waiting or running"`
}

type alertSearchInput struct {
	Limit        int64  `query:"limit" doc:"Number of results to return (paging)"`
	Offset       int64  `query:"offset" doc:"Number of results to skip before returning any (paging)"`
	GroupBy      string `query:"group_by" doc:"Accepted for compatibility; results are not grouped"`
	Disabled     string `query:"disabled" doc:"Only disabled (true) or enabled (false) alerts"`
	Frequency    string `query:"frequency" doc:"Only alerts with this cron"`
	ConditionMet string `query:"condition_met" doc:"Only alerts whose latest evaluation met (true) or did not meet (false) the condition"`
	LastRunStart string `query:"last_run_start" doc:"Accepted for compatibility; not applied"`
	LastRunEnd   string `query:"last_run_end" doc:"Accepted for compatibility; not applied"`
	AllOwners    bool   `query:"all_owners" doc:"Every owner's alerts (admins and see_alerts only)"`
	FieldsParam
}

type alertNotificationsInput struct {
	Limit  int64 `query:"limit" doc:"Number of results to return (paging)"`
	Offset int64 `query:"offset" doc:"Number of results to skip before returning any (paging)"`
	FieldsParam
}

type alertNotificationInput struct {
	AlertNotificationID string `path:"alert_notification_id" doc:"Id of the notification"`
}

func alertOp(id, method, path, perm, summary string) op {
	o := op{ID: id, Method: method, Path: path, Tag: tagAlert, Perm: perm, Summary: summary}
	if method == http.MethodDelete || id == "enqueue_alert" || id == "follow_alert" {
		o.Status = http.StatusNoContent
	}
	return o
}

func registerAlert(api huma.API, b *Backend) {
	handle(api, alertOp("alert_notifications", http.MethodGet, "/alert_notifications", access.Authenticated,
		"The caller's alert notifications, newest first"), b.alertNotifications)
	handle(api, alertOp("read_alert_notification", http.MethodPatch, "/alert_notifications/{alert_notification_id}",
		access.Authenticated, "Mark one of the caller's alert notifications read"), b.readAlertNotification)
	handle(api, alertOp("create_alert", http.MethodPost, "/alerts", permCreateAlerts,
		"Watch a field of a dashboard tile on a cron"), b.createAlert)
	handle(api, alertOp("search_alerts", http.MethodGet, "/alerts/search", access.Authenticated,
		"Alerts the caller owns, follows or may see"), b.searchAlerts)
	handle(api, alertOp("get_alert", http.MethodGet, "/alerts/{alert_id}", access.Authenticated,
		"One alert, with its condition and destinations"), b.getAlert)
	handle(api, alertOp("update_alert", http.MethodPut, "/alerts/{alert_id}", permCreateAlerts,
		"Replace an alert"), b.updateAlert)
	handle(api, alertOp("update_alert_field", http.MethodPatch, "/alerts/{alert_id}", permCreateAlerts,
		"Change an alert's owner, threshold, visibility or enabled state"), b.updateAlertField)
	handle(api, alertOp("delete_alert", http.MethodDelete, "/alerts/{alert_id}", permCreateAlerts,
		"Remove an alert for good"), b.deleteAlert)
	handle(api, alertOp("enqueue_alert", http.MethodPost, "/alerts/{alert_id}/enqueue", permCreateAlerts,
		"Evaluate an alert at the next scheduler pass"), b.enqueueAlert)
	handle(api, alertOp("follow_alert", http.MethodPost, "/alerts/{alert_id}/follow", permFollowAlerts,
		"Receive an alert's notifications too"), b.followAlert)
	handle(api, alertOp("unfollow_alert", http.MethodDelete, "/alerts/{alert_id}/follow", permFollowAlerts,
		"Stop receiving an alert's notifications"), b.unfollowAlert)
}

// seesEveryAlert: admins and holders of see_alerts see every owner's alerts.
func seesEveryAlert(p *overlook.Principal) bool { return p.IsAdmin || p.Can(permSeeAlerts) }

// visibleAlert finds an alert the caller may see: theirs, one they follow,
// a public one, or any for those who see every alert, and only while the
// caller can see its dashboard. Anything else is not found.
func (b *Backend) visibleAlert(ctx context.Context, param string) (*store.Alert, error) {
	id, err := objectID(ctx, "alert", param)
	if err != nil {
		return nil, err
	}
	a, err := b.Store.AlertByID(ctx, id)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	if a.OwnerID != p.UserID() && !a.IsPublic && !seesEveryAlert(p) {
		followers, err := b.Store.AlertFollowers(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		if !containsID(followers, p.UserID()) {
			return nil, overlook.NotFound()
		}
	}
	if _, err := b.Content.DashboardElement(ctx, p, a.DashboardElementID); err != nil {
		return nil, overlook.NotFound()
	}
	return a, nil
}

// ownAlert finds an alert the caller may change: their own, or any for an
// admin.
func (b *Backend) ownAlert(ctx context.Context, param string) (*store.Alert, error) {
	a, err := b.visibleAlert(ctx, param)
	if err != nil {
		return nil, err
	}
	if p := overlook.PrincipalFrom(ctx); a.OwnerID != p.UserID() && !p.IsAdmin {
		return nil, overlook.Errorf(overlook.EFORBIDDEN, "only the alert's owner or an admin may change it")
	}
	return a, nil
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

func (b *Backend) createAlert(ctx context.Context, in *alertBodyInput) (*Out[model.Alert], error) {
	a := &store.Alert{OwnerID: overlook.PrincipalFrom(ctx).UserID()}
	if err := b.applyAlert(ctx, a, &in.Body.Value); err != nil {
		return nil, err
	}
	if err := b.Store.CreateAlert(ctx, a); err != nil {
		return nil, err
	}
	return b.alertOut(ctx, a)
}

func (b *Backend) getAlert(ctx context.Context, in *alertIDInput) (*Out[model.Alert], error) {
	a, err := b.visibleAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	return b.alertOut(ctx, a)
}

func (b *Backend) updateAlert(ctx context.Context, in *alertUpdateInput) (*Out[model.Alert], error) {
	a, err := b.ownAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	if err := b.applyAlert(ctx, a, &in.Body.Value); err != nil {
		return nil, err
	}
	return b.saveAlert(ctx, a)
}

func (b *Backend) updateAlertField(ctx context.Context, in *alertPatchInput) (*Out[model.Alert], error) {
	a, err := b.ownAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	if err := b.patchAlert(ctx, a, &in.Body); err != nil {
		return nil, err
	}
	return b.saveAlert(ctx, a)
}

func (b *Backend) saveAlert(ctx context.Context, a *store.Alert) (*Out[model.Alert], error) {
	if err := b.Store.UpdateAlert(ctx, a); err != nil {
		return nil, err
	}
	a, err := b.Store.AlertByID(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	return b.alertOut(ctx, a)
}

func (b *Backend) deleteAlert(ctx context.Context, in *AlertIDPath) (*Empty, error) {
	a, err := b.ownAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.Store.DeleteAlert(ctx, a.ID)
}

// enqueueAlert queues an evaluation at the current time; the node's
// scheduler evaluates it on its next pass. Without force, an evaluation
// already waiting or running is enough.
func (b *Backend) enqueueAlert(ctx context.Context, in *alertEnqueueInput) (*Empty, error) {
	a, err := b.ownAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	if a.IsDisabled {
		return nil, overlook.Invalid("alert_id", "invalid", "the alert is disabled: enable it first")
	}
	if !in.Force {
		jobs, err := b.Store.JobsOfAlert(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(jobs, func(j *store.AlertJob) bool {
			return j.Status == store.JobPending || j.Status == store.JobRunning
		}) {
			return &Empty{}, nil
		}
	}
	return &Empty{}, alerts.Enqueue(ctx, b.Store, a.ID, time.Now())
}

// followAlert adds the caller to a public alert's followers (or to an
// alert they may see otherwise); following twice changes nothing.
func (b *Backend) followAlert(ctx context.Context, in *AlertIDPath) (*Empty, error) {
	a, err := b.visibleAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.Store.FollowAlert(ctx, a.ID, overlook.PrincipalFrom(ctx).UserID())
}

func (b *Backend) unfollowAlert(ctx context.Context, in *AlertIDPath) (*Empty, error) {
	a, err := b.visibleAlert(ctx, in.AlertID)
	if err != nil {
		return nil, err
	}
	return &Empty{}, b.Store.UnfollowAlert(ctx, a.ID, overlook.PrincipalFrom(ctx).UserID())
}

func (b *Backend) searchAlerts(ctx context.Context, in *alertSearchInput) (*Paged[model.Alert], error) {
	p := overlook.PrincipalFrom(ctx)
	f := store.AlertFilter{VisibleTo: p.UserID(), Cron: in.Frequency}
	if in.AllOwners {
		if !seesEveryAlert(p) {
			return nil, overlook.Errorf(overlook.EFORBIDDEN, "all_owners needs the %s permission", permSeeAlerts)
		}
		f.VisibleTo = 0
	}
	var err error
	if f.Disabled, err = optBoolPtr("disabled", in.Disabled); err != nil {
		return nil, err
	}
	if f.ConditionMet, err = optBoolPtr("condition_met", in.ConditionMet); err != nil {
		return nil, err
	}
	pp := PageParams{Limit: in.Limit, Offset: in.Offset}
	limit, offset, err := pp.Window()
	if err != nil {
		return nil, err
	}
	list, total, err := b.Store.Alerts(ctx, f, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([]model.Alert, 0, len(list))
	for _, a := range list {
		if _, err := b.Content.DashboardElement(ctx, p, a.DashboardElementID); err != nil {
			total-- // its dashboard is hidden from the caller
			continue
		}
		out = append(out, b.alertWire(ctx, a))
	}
	return page(ctx, b, out, pp, total), nil
}

func (b *Backend) alertNotifications(ctx context.Context, in *alertNotificationsInput) (*Paged[model.AlertNotifications], error) {
	pp := PageParams{Limit: in.Limit, Offset: in.Offset}
	limit, offset, err := pp.Window()
	if err != nil {
		return nil, err
	}
	list, total, err := b.Store.AlertNotifications(ctx, overlook.PrincipalFrom(ctx).UserID(), limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([]model.AlertNotifications, 0, len(list))
	for _, n := range list {
		out = append(out, notificationWire(n))
	}
	return page(ctx, b, out, pp, total), nil
}

func (b *Backend) readAlertNotification(ctx context.Context, in *alertNotificationInput) (*Out[model.AlertNotifications], error) {
	id, err := objectID(ctx, "alert_notification", in.AlertNotificationID)
	if err != nil {
		return nil, err
	}
	n, err := b.Store.ReadAlertNotification(ctx, id, overlook.PrincipalFrom(ctx).UserID())
	if err != nil {
		return nil, err
	}
	return ok(notificationWire(n))
}
