package looker40

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

// planColumnKeys are the ScheduledPlan fields stored in columns of their
// own; every other writable field is kept in the plan's options object.
var planColumnKeys = map[string]bool{
	"id": true, "name": true, "user_id": true, "look_id": true, "dashboard_id": true, "lookml_dashboard_id": true,
	"query_id": true, "crontab": true, "timezone": true, "datagroup": true, "enabled": true, "run_once": true,
	"scheduled_plan_destination": true, "created_at": true, "updated_at": true, "title": true, "user": true,
	"next_run_at": true, "last_run_at": true, "can": true,
}

// secretPurpose binds sealed destination secrets to where they are kept.
const secretPurpose = "scheduled_plan_destination/secret_parameters"

func (b *Backend) sealSecret(plain string) ([]byte, error) {
	return b.Connections.SealSecret(plain, secretPurpose)
}

// PlanSecret is the signing key of a webhook destination: its
// secret_parameters, decrypted.
func (b *Backend) PlanSecret(m scheduler.Message) ([]byte, error) {
	if len(m.Dest.SecretParameters) == 0 {
		return nil, nil
	}
	plain, err := b.Connections.OpenSecret(m.Dest.SecretParameters, secretPurpose)
	return []byte(plain), err
}

// mergePlan writes the fields body carries over plan.
func mergePlan(plan *store.ScheduledPlan, body *model.Body[model.ScheduledPlan], seal func(string) ([]byte, error)) error {
	v := body.Value
	setText := func(key string, dst *string, src *string) {
		if body.Has(key) {
			*dst = strings.TrimSpace(orZero(src))
		}
	}
	setText("name", &plan.Name, v.Name)
	setText("crontab", &plan.Crontab, v.Crontab)
	setText("timezone", &plan.Timezone, v.Timezone)
	setText("datagroup", &plan.Datagroup, v.Datagroup)
	setText("lookml_dashboard_id", &plan.LookMLDashboardID, v.LookmlDashboardID)
	if body.Has("enabled") {
		plan.Enabled = orZero(v.Enabled)
	}
	if body.Has("run_once") {
		plan.RunOnce = orZero(v.RunOnce)
	}
	ids := []struct {
		key string
		src *string
		dst *int64
	}{{"user_id", v.UserID, &plan.UserID}, {"look_id", v.LookID, &plan.LookID},
		{"dashboard_id", v.DashboardID, &plan.DashboardID}, {"query_id", v.QueryID, &plan.QueryID}}
	for _, id := range ids {
		if !body.Has(id.key) {
			continue
		}
		n, err := bodyID(id.key, id.src)
		if err != nil {
			return err
		}
		*id.dst = n
	}
	if err := mergePlanOptions(plan, body); err != nil {
		return err
	}
	if body.Has("scheduled_plan_destination") {
		dests, err := destinationsOf(v.ScheduledPlanDestination, seal)
		if err != nil {
			return err
		}
		plan.Destinations = dests
	}
	return nil
}

// mergePlanOptions keeps the body's other writable fields in the options
// object, over the ones stored before.
func mergePlanOptions(plan *store.ScheduledPlan, body *model.Body[model.ScheduledPlan]) error {
	opts := map[string]json.RawMessage{}
	if plan.Options != "" {
		if err := json.Unmarshal([]byte(plan.Options), &opts); err != nil {
			return err
		}
	}
	sent, err := json.Marshal(body.Value)
	if err != nil {
		return err
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(sent, &fields); err != nil {
		return err
	}
	for key := range body.Keys {
		if raw, ok := fields[key]; ok && !planColumnKeys[key] {
			opts[key] = raw
		}
	}
	out, err := json.Marshal(opts)
	plan.Options = string(out)
	return err
}

func destinationsOf(in []model.ScheduledPlanDestination, seal func(string) ([]byte, error)) ([]store.ScheduledPlanDestination, error) {
	out := make([]store.ScheduledPlanDestination, 0, len(in))
	for _, d := range in {
		sd := store.ScheduledPlanDestination{Type: strings.TrimSpace(orZero(d.Type)),
			Format: strings.TrimSpace(orZero(d.Format)), Address: strings.TrimSpace(orZero(d.Address)),
			ApplyFormatting: orZero(d.ApplyFormatting), ApplyVis: orZero(d.ApplyVis), Message: orZero(d.Message),
			Parameters: orZero(d.Parameters)}
		if secret := orZero(d.SecretParameters); secret != "" {
			sealed, err := seal(secret)
			if err != nil {
				return nil, overlook.Errorf(overlook.EINTERNAL, "seal destination secret: %v", err)
			}
			sd.SecretParameters = sealed
		}
		out = append(out, sd)
	}
	return out, nil
}

func (b *Backend) plansWire(ctx context.Context, plans []*store.ScheduledPlan) []model.ScheduledPlan {
	last, _ := b.Store.LastRuns(ctx)
	out := make([]model.ScheduledPlan, 0, len(plans))
	for _, p := range plans {
		out = append(out, b.planWire(ctx, p, last))
	}
	return out
}

// planWire is a plan as Looker shows it; last holds the last runs of a
// list of plans (nil: read this plan's alone).
func (b *Backend) planWire(ctx context.Context, p *store.ScheduledPlan, last map[int64]time.Time) model.ScheduledPlan {
	var w model.ScheduledPlan
	_ = json.Unmarshal([]byte(p.Options), &w)
	w.ID, w.Name, w.UserID = idString(p.ID), ptr(p.Name), idString(p.UserID)
	w.LookID, w.DashboardID, w.QueryID = idOrNil(p.LookID), idOrNil(p.DashboardID), idOrNil(p.QueryID)
	w.LookmlDashboardID = optText(p.LookMLDashboardID)
	w.Crontab, w.Timezone, w.Datagroup = optText(p.Crontab), optText(p.Timezone), optText(p.Datagroup)
	w.Enabled, w.RunOnce = ptr(p.Enabled), ptr(p.RunOnce)
	w.CreatedAt, w.UpdatedAt = timeString(p.CreatedAt), timeString(p.UpdatedAt)
	w.Title = ptr(p.Name)
	w.User = b.creatorWire(ctx, p.UserID)
	if next := scheduler.NextRun(p, time.Now()); !next.IsZero() {
		w.NextRunAt = timeString(next)
	}
	at, ok := last[p.ID]
	if last == nil {
		at, _ = b.Store.LastRun(ctx, p.ID)
		ok = !at.IsZero()
	}
	if ok {
		w.LastRunAt = timeString(at)
	}
	principal := overlook.PrincipalFrom(ctx)
	mine := principal != nil && (principal.UserID() == p.UserID || principal.IsAdmin)
	w.Can = map[string]bool{"show": true, "update": mine, "destroy": mine, "run_once": mine}
	w.ScheduledPlanDestination = make([]model.ScheduledPlanDestination, 0, len(p.Destinations))
	for _, d := range p.Destinations {
		w.ScheduledPlanDestination = append(w.ScheduledPlanDestination, model.ScheduledPlanDestination{
			ID: idString(d.ID), ScheduledPlanID: idString(p.ID), Type: ptr(d.Type), Format: ptr(d.Format),
			Address: ptr(d.Address), ApplyFormatting: ptr(d.ApplyFormatting), ApplyVis: ptr(d.ApplyVis),
			Message: optText(d.Message), Parameters: optText(d.Parameters), LookerRecipient: ptr(false)})
	}
	return w
}

// idOrNil is an optional id: nil for none.
func idOrNil(id int64) *string {
	if id == 0 {
		return nil
	}
	return idString(id)
}

// checkWebhook refuses a webhook address the node's outbound guard would
// refuse from the URL alone (internal literals, localhost), so a plan
// never stores one.
func (b *Backend) checkWebhook(u *url.URL) error {
	if b.Outbound == nil {
		return nil
	}
	return b.Outbound.CheckDestination(u)
}
