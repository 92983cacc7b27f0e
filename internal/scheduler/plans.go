package scheduler

import (
	"net/mail"
	"net/url"
	"slices"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Formats a look or query plan can deliver. Dashboards (pdf, png, csv_zip)
// need the renderer.
var lookFormats = []string{"csv", "json", "json_label", "json_detail", "txt", "md", "html", "xlsx", "inline_table"}

// DashboardFormats are what a dashboard is delivered as: drawn by the
// renderer to a PDF (wysiwyg_pdf; assembled_pdf is the same drawing) or a PNG.
var DashboardFormats = map[string]string{"wysiwyg_pdf": "pdf", "assembled_pdf": "pdf", "wysiwyg_png": "png"}

// Destination types a plan can deliver to.
const (
	DestEmail   = "email"
	DestWebhook = "webhook"
)

// URLCheck refuses webhook addresses the node will never reach (the
// outbound guard's CheckDestination); nil checks nothing more.
type URLCheck func(*url.URL) error

// Validate checks a plan before it is stored: one thing to deliver, one
// way to trigger, destinations that can be reached.
func Validate(p *store.ScheduledPlan, check URLCheck) error {
	if err := validateTarget(p); err != nil {
		return err
	}
	if err := validateTrigger(p); err != nil {
		return err
	}
	if _, err := PlanFilters(p); err != nil {
		return err
	}
	if len(p.Destinations) == 0 {
		return overlook.Invalid("scheduled_plan_destination", "missing", "a plan needs at least one destination")
	}
	for _, d := range p.Destinations {
		if err := validateDestination(d, p.DashboardID != 0, check); err != nil {
			return err
		}
	}
	return nil
}

func validateTarget(p *store.ScheduledPlan) error {
	n := 0
	for _, set := range []bool{p.LookID != 0, p.DashboardID != 0, p.LookMLDashboardID != "", p.QueryID != 0} {
		if set {
			n++
		}
	}
	if n != 1 {
		return overlook.Invalid("look_id", "invalid", "a plan delivers exactly one of look_id, dashboard_id, lookml_dashboard_id or query_id")
	}
	if p.LookMLDashboardID != "" {
		return overlook.Invalid("lookml_dashboard_id", "invalid",
			"LookML dashboard deliveries are not supported: deliver a dashboard, a look or a query")
	}
	return nil
}

func validateTrigger(p *store.ScheduledPlan) error {
	if p.Timezone != "" {
		if _, err := time.LoadLocation(p.Timezone); err != nil {
			return overlook.Invalid("timezone", "invalid", "unknown time zone %q", p.Timezone)
		}
	}
	switch {
	case p.Datagroup != "" && p.Crontab != "":
		return overlook.Invalid("datagroup", "invalid", "a plan runs on a crontab or on a datagroup's trigger, not both")
	case p.Datagroup != "":
		return nil
	case p.Crontab != "":
		if _, err := ParseSchedule(p.Crontab, p.Timezone); err != nil {
			return overlook.Invalid("crontab", "invalid", "%v", err)
		}
	case !p.RunOnce:
		return overlook.Invalid("crontab", "missing", "a plan needs a crontab, or run_once")
	}
	return nil
}

func validateDestination(d store.ScheduledPlanDestination, dashboard bool, check URLCheck) error {
	if err := validateFormat(d.Format, dashboard); err != nil {
		return err
	}
	switch d.Type {
	case DestEmail:
		if _, err := mail.ParseAddressList(d.Address); err != nil || d.Address == "" {
			return overlook.Invalid("scheduled_plan_destination.address", "invalid", "email address %q", d.Address)
		}
	case DestWebhook:
		u, err := url.Parse(d.Address)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return overlook.Invalid("scheduled_plan_destination.address", "invalid", "webhook address %q: want an http or https URL", d.Address)
		}
		if check != nil {
			if err := check(u); err != nil {
				return overlook.Invalid("scheduled_plan_destination.address", "refused", "webhook address refused: %v", err)
			}
		}
	default:
		return overlook.Invalid("scheduled_plan_destination.type", "invalid", "destination type %q: want email or webhook", d.Type)
	}
	return nil
}

// NextRun is the plan's next fire after t, or the zero time.
func NextRun(p *store.ScheduledPlan, t time.Time) time.Time {
	if p.Crontab == "" || !p.Enabled {
		return time.Time{}
	}
	s, err := ParseSchedule(p.Crontab, p.Timezone)
	if err != nil {
		return time.Time{}
	}
	return s.spec.Next(t)
}

func validateFormat(format string, dashboard bool) error {
	if dashboard {
		if _, ok := DashboardFormats[format]; !ok {
			return overlook.Invalid("scheduled_plan_destination.format", "invalid",
				"format %q: a dashboard is delivered as wysiwyg_pdf, assembled_pdf or wysiwyg_png", format)
		}
		return nil
	}
	if !slices.Contains(lookFormats, format) {
		return overlook.Invalid("scheduled_plan_destination.format", "invalid", "format %q: want one of %v", format, lookFormats)
	}
	return nil
}
