package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// maxCatchUp bounds the fires planned for one plan in one pass: a node that
// was down for a year must not plan half a million minutes of deliveries.
// The oldest fires beyond it are skipped.
const maxCatchUp = 100

// Schedule is a parsed crontab in its time zone.
type Schedule struct {
	spec cron.Schedule
}

// ParseSchedule reads a five-field crontab ("0 6 * * 1-5") evaluated in
// timezone (an IANA name; empty means UTC).
func ParseSchedule(crontab, timezone string) (*Schedule, error) {
	if strings.Contains(crontab, "TZ=") {
		return nil, fmt.Errorf("crontab %q: give the time zone in timezone", crontab)
	}
	loc := time.UTC
	if timezone != "" {
		l, err := time.LoadLocation(timezone)
		if err != nil {
			return nil, fmt.Errorf("timezone %q: unknown", timezone)
		}
		loc = l
	}
	spec, err := cron.ParseStandard(crontab)
	if err != nil {
		return nil, fmt.Errorf("crontab %q: %v", crontab, err)
	}
	if s, ok := spec.(*cron.SpecSchedule); ok {
		s.Location = loc
	}
	return &Schedule{spec: spec}, nil
}

// Fires lists the fire times in (after, until], at most maxCatchUp of them
// (the latest ones).
func (s *Schedule) Fires(after, until time.Time) []time.Time {
	var out []time.Time
	for t := s.spec.Next(after); !t.IsZero() && !t.After(until); t = s.spec.Next(t) {
		out = append(out, t)
		if len(out) > maxCatchUp {
			out = out[1:]
		}
	}
	return out
}

// Cron is something that fires on a crontab: a plan or an alert, with how
// far its fires are already planned.
type Cron struct {
	ID                int64
	Crontab, Timezone string
	PlannedUntil      time.Time
}

// PlanCrons hands each item's fires after its PlannedUntil and up to now
// to plan (which stores them as jobs). An item whose crontab no longer
// parses is logged and skipped; what says which kind of item.
func PlanCrons(ctx context.Context, log *slog.Logger, what string, items []Cron, now time.Time,
	plan func(ctx context.Context, id int64, fires []time.Time, until time.Time) (int, error)) error {
	for _, c := range items {
		sched, err := ParseSchedule(c.Crontab, c.Timezone)
		if err != nil {
			log.Warn(what+" skipped", what, c.ID, "err", err)
			continue
		}
		if _, err := plan(ctx, c.ID, sched.Fires(c.PlannedUntil, now), now); err != nil {
			return fmt.Errorf("%s %d: %w", what, c.ID, err)
		}
	}
	return nil
}
