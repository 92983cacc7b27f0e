package looker40

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/overlookbi/overlook/internal/alerts"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/store"
)

// applyAlert writes a whole alert body (create_alert, update_alert) over
// a, then checks it: the owner (the caller, or anyone for an admin) must
// see the tile, and the condition's fields must be among the tile query's.
func (b *Backend) applyAlert(ctx context.Context, a *store.Alert, v *model.Alert) error {
	p := overlook.PrincipalFrom(ctx)
	if v.OwnerID != nil && strings.TrimSpace(*v.OwnerID) != "" {
		id, err := bodyID("owner_id", v.OwnerID)
		if err != nil {
			return err
		}
		if id != p.UserID() && !p.IsAdmin {
			return overlook.Errorf(overlook.EFORBIDDEN, "only an admin may create an alert for another user")
		}
		a.OwnerID = id
	}
	if v.Field == nil || strings.TrimSpace(orZero(v.Field.Name)) == "" {
		return overlook.Invalid("field", "missing", "an alert needs field.name, the field it watches")
	}
	if v.Threshold == nil {
		return overlook.Invalid("threshold", "missing", "an alert needs a threshold")
	}
	opts := alertOptions(v)
	if err := alerts.ValidateCondition(orZero(v.ComparisonType), orZero(v.Cron), opts.Destinations, b.checkWebhook); err != nil {
		return err
	}
	elementID, err := bodyID("dashboard_element_id", v.DashboardElementID)
	if err != nil {
		return err
	}
	if elementID == 0 {
		return overlook.Invalid("dashboard_element_id", "missing", "an alert watches a dashboard tile: give dashboard_element_id")
	}
	a.DashboardElementID, a.FieldName, a.FieldTitle = elementID, strings.TrimSpace(*v.Field.Name), orZero(v.Field.Title)
	a.ComparisonType, a.Threshold, a.Cron = *v.ComparisonType, *v.Threshold, strings.TrimSpace(*v.Cron)
	a.IsDisabled, a.IsPublic = orZero(v.IsDisabled), orZero(v.IsPublic)
	a.Options = opts.Text()
	return b.checkAlertTile(ctx, a, opts)
}

// alertOptions collects the body's fields that the store keeps as JSON.
func alertOptions(v *model.Alert) alerts.Options {
	o := alerts.Options{CustomTitle: orZero(v.CustomTitle), Description: orZero(v.Description),
		DisabledReason: orZero(v.DisabledReason), Enhancements: orZero(v.Enhancements),
		CustomURLBase: orZero(v.CustomURLBase), CustomURLParams: orZero(v.CustomURLParams),
		CustomURLLabel: orZero(v.CustomURLLabel), ShowCustomURL: orZero(v.ShowCustomURL),
		InvestigativeType: orZero(v.InvestigativeContentType), InvestigativeID: orZero(v.InvestigativeContentID),
		LookMLDashboardID: orZero(v.LookmlDashboardID), LookMLLinkID: orZero(v.LookmlLinkID)}
	for _, d := range v.Destinations {
		o.Destinations = append(o.Destinations, alerts.Destination{Type: orZero(d.DestinationType),
			EmailAddress: strings.TrimSpace(orZero(d.EmailAddress)), IntegrationID: orZero(d.ActionHubIntegrationID),
			FormParamsJSON: orZero(d.ActionHubFormParamsJSON)})
	}
	for _, f := range v.AppliedDashboardFilters {
		o.AppliedDashboardFilters = append(o.AppliedDashboardFilters, alerts.AppliedFilter{
			FilterTitle: orZero(f.FilterTitle), FieldName: orZero(f.FieldName), FilterValue: orZero(f.FilterValue)})
	}
	if v.Field != nil {
		for _, f := range v.Field.Filter {
			o.FieldFilters = append(o.FieldFilters, alerts.FieldFilter{Field: orZero(f.FieldName), Value: f.FieldValue,
				FilterValue: orZero(f.FilterValue)})
		}
	}
	return o
}

// checkAlertTile makes sure the owner sees the tile (else the alert's
// dashboard is not found) and that the condition's fields are the tile
// query's.
func (b *Backend) checkAlertTile(ctx context.Context, a *store.Alert, o alerts.Options) error {
	owner, err := b.Auth.PrincipalOf(ctx, a.OwnerID)
	if err != nil {
		return overlook.Invalid("owner_id", "invalid", "user %d does not exist", a.OwnerID)
	}
	if _, err := b.Content.DashboardElement(ctx, overlook.PrincipalFrom(ctx), a.DashboardElementID); err != nil {
		return err
	}
	tq, err := b.Content.RunElement(ctx, owner, a.DashboardElementID, nil)
	if err != nil {
		return err
	}
	a.QueryID = tq.QueryID
	if !slices.Contains(tq.Definition.Fields, a.FieldName) {
		return overlook.Invalid("field", "invalid", "field %q is not in the tile's query (fields: %s)", a.FieldName,
			strings.Join(tq.Definition.Fields, ", "))
	}
	for _, f := range o.FieldFilters {
		if !slices.Contains(tq.Definition.Fields, f.Field) {
			return overlook.Invalid("field.filter", "invalid", "filter field %q is not in the tile's query", f.Field)
		}
	}
	return nil
}

// patchAlert applies update_alert_field.
func (b *Backend) patchAlert(ctx context.Context, a *store.Alert, body *model.Body[model.AlertPatch]) error {
	v, o := body.Value, alerts.ParseOptions(a.Options)
	if body.Has("owner_id") {
		id, err := bodyID("owner_id", v.OwnerID)
		if err != nil || id == 0 {
			return overlook.Invalid("owner_id", "invalid", "owner_id must be a user id")
		}
		if _, err := b.Auth.PrincipalOf(ctx, id); err != nil {
			return overlook.Invalid("owner_id", "invalid", "user %d does not exist", id)
		}
		a.OwnerID = id
	}
	if body.Has("threshold") {
		if v.Threshold == nil {
			return overlook.Invalid("threshold", "invalid", "threshold must be a number")
		}
		a.Threshold = *v.Threshold
	}
	if body.Has("is_disabled") {
		a.IsDisabled = orZero(v.IsDisabled)
	}
	if body.Has("is_public") {
		a.IsPublic = orZero(v.IsPublic)
	}
	setIf(&o.DisabledReason, v.DisabledReason, body.Has("disabled_reason"))
	setIf(&o.Enhancements, v.Enhancements, body.Has("enhancements"))
	a.Options = o.Text()
	return nil
}

func (b *Backend) alertOut(ctx context.Context, a *store.Alert) (*Out[model.Alert], error) {
	return ok(b.alertWire(ctx, a))
}

// alertWire shows a to the caller.
func (b *Backend) alertWire(ctx context.Context, a *store.Alert) model.Alert {
	p, o := overlook.PrincipalFrom(ctx), alerts.ParseOptions(a.Options)
	w := model.Alert{ID: ptr(idText(a.ID)), OwnerID: ptr(idText(a.OwnerID)), DashboardElementID: ptr(idText(a.DashboardElementID)),
		QueryID: ptr(idText(a.QueryID)), Field: &model.AlertField{Name: ptr(a.FieldName), Title: ptr(a.FieldTitle)},
		ComparisonType: ptr(a.ComparisonType), Threshold: ptr(a.Threshold), Cron: ptr(a.Cron),
		IsDisabled: ptr(a.IsDisabled), IsPublic: ptr(a.IsPublic), Followable: ptr(a.IsPublic),
		CustomTitle: optText(o.CustomTitle), Description: optText(o.Description), DisabledReason: optText(o.DisabledReason),
		Enhancements: optText(o.Enhancements), CustomURLBase: optText(o.CustomURLBase),
		CustomURLParams: optText(o.CustomURLParams), CustomURLLabel: optText(o.CustomURLLabel),
		ShowCustomURL: ptr(o.ShowCustomURL), LookmlDashboardID: optText(o.LookMLDashboardID),
		LookmlLinkID: optText(o.LookMLLinkID), Destinations: []model.AlertDestination{},
		AppliedDashboardFilters: []model.AlertAppliedDashboardFilter{}}
	w.Field.Filter = []model.AlertFieldFilter{}
	for _, f := range o.FieldFilters {
		w.Field.Filter = append(w.Field.Filter, model.AlertFieldFilter{FieldName: ptr(f.Field), FieldValue: f.Value,
			FilterValue: optText(f.FilterValue)})
	}
	for _, d := range o.Destinations {
		w.Destinations = append(w.Destinations, model.AlertDestination{DestinationType: ptr(d.Type),
			EmailAddress: optText(d.EmailAddress), ActionHubIntegrationID: optText(d.IntegrationID),
			ActionHubFormParamsJSON: optText(d.FormParamsJSON)})
	}
	for _, f := range o.AppliedDashboardFilters {
		w.AppliedDashboardFilters = append(w.AppliedDashboardFilters, model.AlertAppliedDashboardFilter{
			FilterTitle: ptr(f.FilterTitle), FieldName: ptr(f.FieldName), FilterValue: ptr(f.FilterValue)})
	}
	if u, err := b.Store.User(ctx, a.OwnerID); err == nil {
		w.OwnerDisplayName = ptr(u.DisplayName())
	}
	followers, _ := b.Store.AlertFollowers(ctx, a.ID)
	w.Followed = ptr(containsID(followers, p.UserID()))
	if e, err := b.Content.DashboardElement(ctx, p, a.DashboardElementID); err == nil {
		w.InvestigativeContentType, w.InvestigativeContentID = ptr("dashboard"), ptr(idText(e.DashboardID))
		if d, err := b.Content.Dashboard(ctx, p, e.DashboardID); err == nil {
			w.InvestigativeContentTitle = ptr(d.Title)
		}
	}
	return w
}

func notificationWire(n *store.AlertNotification) model.AlertNotifications {
	return model.AlertNotifications{NotificationID: ptr(idText(n.ID)), AlertConditionID: ptr(idText(n.AlertID)),
		UserID: ptr(idText(n.UserID)), IsRead: ptr(n.IsRead), FieldValue: n.FieldValue,
		ThresholdValue: ptr(n.ThresholdValue), RanAt: ptr(n.RanAt.UTC().Format("2006-01-02T15:04:05.000-07:00")), NotificationType: ptr(n.NotificationType),
		TriggeringFieldTitle: optText(n.FieldTitle), Alert: &model.MobilePayload{AlertID: ptr(idText(n.AlertID))}}
}

// AlertSource runs alerts' queries for the alert runner.
func (b *Backend) AlertSource() alerts.Source { return alertSource{b} }

type alertSource struct{ b *Backend }

// Run runs the alert's tile as its owner, under the tile's dashboard
// filters with the alert's applied values, afresh (not from the cache), as
// json rows.
func (s alertSource) Run(ctx context.Context, a *store.Alert) (*alerts.Table, error) {
	b := s.b
	p, err := b.Auth.PrincipalOf(ctx, a.OwnerID)
	if err != nil {
		return nil, fmt.Errorf("alert owner %d: %w", a.OwnerID, err)
	}
	ctx = overlook.WithPrincipal(ctx, p)
	tq, err := b.alertTileQuery(ctx, p, a)
	if err != nil {
		return nil, err
	}
	f, err := results.Resolve("json")
	if err != nil {
		return nil, err
	}
	job, err := b.taskJob(ctx, &queries.Query{ID: tq.QueryID, Definition: tq.Definition}, f, TaskRunParams{noCache: true})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := job.Run(ctx, &limitedWriter{w: &buf, left: maxAttachment}); err != nil {
		return nil, err
	}
	t := &alerts.Table{}
	if err := json.Unmarshal(buf.Bytes(), &t.Rows); err != nil {
		return nil, fmt.Errorf("alert %d: reading its rows: %w", a.ID, err)
	}
	if alerts.IsChange(a.ComparisonType) {
		t.TimeField = b.timeDimension(ctx, tq.Definition)
	}
	return t, nil
}

// alertTileQuery is the tile's query under its dashboard filters, with
// the alert's applied values: by dashboard filter title or dimension, or
// else straight on the named field.
func (b *Backend) alertTileQuery(ctx context.Context, p *overlook.Principal, a *store.Alert) (*content.TileQuery, error) {
	e, err := b.Content.DashboardElement(ctx, p, a.DashboardElementID)
	if err != nil {
		return nil, fmt.Errorf("alert %d: tile %d: %w", a.ID, a.DashboardElementID, err)
	}
	filters, err := b.Store.DashboardFilters(ctx, e.DashboardID)
	if err != nil {
		return nil, err
	}
	values, direct := map[string]string{}, map[string]string{}
	for _, af := range alerts.ParseOptions(a.Options).AppliedDashboardFilters {
		i := slices.IndexFunc(filters, func(f *store.DashboardFilter) bool {
			return f.Title == af.FilterTitle || f.Dimension == af.FieldName
		})
		if i >= 0 {
			values[filters[i].Name] = af.FilterValue
		} else if af.FieldName != "" {
			direct[af.FieldName] = af.FilterValue
		}
	}
	tq, err := b.Content.RunElement(ctx, p, a.DashboardElementID, values)
	if err != nil {
		return nil, err
	}
	for k, v := range direct {
		tq.Definition.Filters[k] = v
	}
	return tq, nil
}

// timeDimension is the first time dimension among the query's columns.
func (b *Backend) timeDimension(ctx context.Context, d queries.Definition) string {
	cq, err := b.compileQuery(ctx, d, true)
	if err != nil {
		return ""
	}
	for _, c := range cq.c.Columns {
		if c.Kind == compiler.KindDimension && !c.Hidden && (strings.HasPrefix(c.Type, "date") || strings.HasPrefix(c.Type, "time")) {
			return c.Name
		}
	}
	return ""
}
