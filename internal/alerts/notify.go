package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

// DeliveryID names one fire of one alert; every attempt and every
// destination of that fire carries it.
func DeliveryID(alertID int64, fireAt time.Time) string {
	return fmt.Sprintf("al%d-%d", alertID, fireAt.UnixMilli())
}

// Title is what an alert is called in messages.
func Title(a *store.Alert, o Options) string {
	if o.CustomTitle != "" {
		return o.CustomTitle
	}
	title := a.FieldTitle
	if title == "" {
		title = a.FieldName
	}
	return fmt.Sprintf("Alert: %s %s %s", title, strings.ToLower(strings.ReplaceAll(a.ComparisonType, "_", " ")),
		strconv.FormatFloat(a.Threshold, 'f', -1, 64))
}

// notice is the body every destination receives, as JSON.
type notice struct {
	AlertID        string   `json:"alert_id"`
	Title          string   `json:"title"`
	Field          string   `json:"field"`
	ComparisonType string   `json:"comparison_type"`
	Threshold      float64  `json:"threshold"`
	Value          *float64 `json:"value"`
	FireAt         string   `json:"fire_at"`
	Description    string   `json:"description,omitempty"`
}

// notify sends the fire to the destinations, then to the followers by
// email, and records a notification for the owner and each follower.
func (r *Runner) notify(ctx context.Context, a *store.Alert, o Options, job *store.AlertJob, out Outcome) error {
	title := Title(a, o)
	body, _ := json.MarshalIndent(notice{AlertID: strconv.FormatInt(a.ID, 10), Title: title, Field: a.FieldName,
		ComparisonType: a.ComparisonType, Threshold: a.Threshold, Value: out.Value,
		FireAt: job.FireAt.UTC().Format(time.RFC3339), Description: o.Description}, "", "  ")
	base := scheduler.Message{DeliveryID: DeliveryID(a.ID, job.FireAt), FireAt: job.FireAt,
		Plan:       &store.ScheduledPlan{Name: title},
		Attachment: &scheduler.Attachment{Filename: "alert.json", ContentType: "application/json", Body: body}}
	followers, err := r.store.AlertFollowers(ctx, a.ID)
	if err != nil {
		return err
	}
	dests, err := r.followerDestinations(ctx, o.Destinations, followers)
	if err != nil {
		return err
	}
	for _, d := range dests {
		sender, ok := r.senders[d.Sender()]
		if !ok {
			return fmt.Errorf("no sender for %s destinations", d.Type)
		}
		m := base
		m.Dest = store.ScheduledPlanDestination{Type: d.Sender(), Address: d.Address(), Format: "json",
			Message: message(title, a, out)}
		if err := sender.Send(ctx, m); err != nil {
			return fmt.Errorf("alert %d to %s: %w", a.ID, d.Type, err)
		}
	}
	return r.record(ctx, a, job, out, append([]int64{a.OwnerID}, followers...))
}

// followerDestinations adds an email destination for each follower with
// an email address not already among dests.
func (r *Runner) followerDestinations(ctx context.Context, dests []Destination, followers []int64) ([]Destination, error) {
	seen := map[string]bool{}
	for _, d := range dests {
		if d.Type == DestEmail {
			seen[strings.ToLower(d.EmailAddress)] = true
		}
	}
	out := dests
	for _, id := range followers {
		u, err := r.store.User(ctx, id)
		if err != nil {
			continue // gone since: nothing to send
		}
		if u.Email == nil || u.Email.Email == "" || u.IsDisabled || seen[strings.ToLower(u.Email.Email)] {
			continue
		}
		seen[strings.ToLower(u.Email.Email)] = true
		out = append(out, Destination{Type: DestEmail, EmailAddress: u.Email.Email})
	}
	return out, nil
}

func message(title string, a *store.Alert, out Outcome) string {
	value := "no value"
	if out.Value != nil {
		value = strconv.FormatFloat(*out.Value, 'f', -1, 64)
	}
	return fmt.Sprintf("%s\n\n%s is %s (condition: %s %s).\n", title, a.FieldName, value, a.ComparisonType,
		strconv.FormatFloat(a.Threshold, 'f', -1, 64))
}

func (r *Runner) record(ctx context.Context, a *store.Alert, job *store.AlertJob, out Outcome, users []int64) error {
	for _, id := range users {
		n := &store.AlertNotification{AlertID: a.ID, UserID: id, FireAt: job.FireAt, FieldValue: out.Value,
			ThresholdValue: a.Threshold, FieldTitle: a.FieldTitle, NotificationType: "email", RanAt: job.FireAt}
		if err := r.store.AddAlertNotification(ctx, n); err != nil {
			return err
		}
	}
	return nil
}
