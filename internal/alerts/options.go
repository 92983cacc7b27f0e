package alerts

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
)

// Destination types of an alert, as Looker names them.
const (
	DestEmail     = "EMAIL"
	DestActionHub = "ACTION_HUB"
)

// WebhookIntegration is the one Action Hub integration Overlook has: an
// ACTION_HUB destination with this integration id posts to the "url" of
// its form parameters, through the scheduler's webhook sender.
const WebhookIntegration = "webhook"

// Options are the alert's fields beyond those the store keeps in columns,
// stored as JSON under Looker's names.
type Options struct {
	FieldFilters            []FieldFilter   `json:"field_filter,omitempty"`
	AppliedDashboardFilters []AppliedFilter `json:"applied_dashboard_filters,omitempty"`
	Destinations            []Destination   `json:"destinations,omitempty"`
	CustomTitle             string          `json:"custom_title,omitempty"`
	Description             string          `json:"description,omitempty"`
	DisabledReason          string          `json:"disabled_reason,omitempty"`
	Enhancements            string          `json:"enhancements,omitempty"`
	CustomURLBase           string          `json:"custom_url_base,omitempty"`
	CustomURLParams         string          `json:"custom_url_params,omitempty"`
	CustomURLLabel          string          `json:"custom_url_label,omitempty"`
	ShowCustomURL           bool            `json:"show_custom_url,omitempty"`
	InvestigativeType       string          `json:"investigative_content_type,omitempty"`
	InvestigativeID         string          `json:"investigative_content_id,omitempty"`
	LookMLDashboardID       string          `json:"lookml_dashboard_id,omitempty"`
	LookMLLinkID            string          `json:"lookml_link_id,omitempty"`
}

// AppliedFilter is a dashboard filter value the alert's query runs under.
type AppliedFilter struct {
	FilterTitle string `json:"filter_title"`
	FieldName   string `json:"field_name"`
	FilterValue string `json:"filter_value"`
}

// Destination is where an alert is sent.
type Destination struct {
	Type           string `json:"destination_type"`
	EmailAddress   string `json:"email_address,omitempty"`
	IntegrationID  string `json:"action_hub_integration_id,omitempty"`
	FormParamsJSON string `json:"action_hub_form_params_json,omitempty"`
}

// ParseOptions reads stored options; malformed ones read as none.
func ParseOptions(raw string) Options { return fromJSON[Options](raw) }

// Text is the options as stored.
func (o Options) Text() string { return toJSON(o) }

// Webhook is the URL an ACTION_HUB destination of the webhook
// integration posts to.
func (d Destination) Webhook() string {
	return strings.TrimSpace(fromJSON[struct {
		URL string `json:"url"`
	}](d.FormParamsJSON).URL)
}

// Sender is the scheduler destination type that delivers d.
func (d Destination) Sender() string {
	if d.Type == DestActionHub {
		return scheduler.DestWebhook
	}
	return scheduler.DestEmail
}

// Address is where d's sender sends.
func (d Destination) Address() string {
	if d.Type == DestActionHub {
		return d.Webhook()
	}
	return d.EmailAddress
}

// ValidateCondition checks the parts of an alert that need no query: the
// comparison, the cron and the destinations.
func ValidateCondition(comparison, cron string, dests []Destination, check scheduler.URLCheck) error {
	if !slices.Contains(ComparisonTypes, comparison) {
		return overlook.Invalid("comparison_type", "invalid", "comparison_type %q: want one of %s", comparison,
			strings.Join(ComparisonTypes, ", "))
	}
	if strings.TrimSpace(cron) == "" {
		return overlook.Invalid("cron", "missing", "an alert needs a cron")
	}
	if _, err := scheduler.ParseSchedule(cron, ""); err != nil {
		return overlook.Invalid("cron", "invalid", "%v", err)
	}
	if len(dests) == 0 {
		return overlook.Invalid("destinations", "missing", "an alert needs at least one destination")
	}
	for _, d := range dests {
		if err := validateDestination(d, check); err != nil {
			return err
		}
	}
	return nil
}

func validateDestination(d Destination, check scheduler.URLCheck) error {
	switch d.Type {
	case DestEmail:
		if _, err := mail.ParseAddress(d.EmailAddress); err != nil {
			return overlook.Invalid("destinations.email_address", "invalid", "email address %q", d.EmailAddress)
		}
	case DestActionHub:
		if d.IntegrationID != WebhookIntegration {
			return overlook.Invalid("destinations.action_hub_integration_id", "invalid",
				"action hub integration %q is not available: the only one is %q", d.IntegrationID, WebhookIntegration)
		}
		u, err := url.Parse(d.Webhook())
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return overlook.Invalid("destinations.action_hub_form_params_json", "invalid",
				`the webhook integration needs {"url": "https://…"}`)
		}
		if check != nil {
			if err := check(u); err != nil {
				return overlook.Invalid("destinations.action_hub_form_params_json", "refused", "webhook address refused: %v", err)
			}
		}
	default:
		return overlook.Invalid("destinations.destination_type", "invalid", "destination_type %q: want EMAIL or ACTION_HUB", d.Type)
	}
	return nil
}
