package looker40

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"strings"
	"unicode"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
)

// maxAttachment bounds what one delivery carries.
const maxAttachment = 20 << 20

// PlanRenderer runs what scheduled plans deliver.
func (b *Backend) PlanRenderer() scheduler.Renderer { return planRenderer{b} }

type planRenderer struct{ b *Backend }

// Render runs the plan's look or query as the plan's owner, with the
// owner's access, in the destination's format (inline_table is html, for
// the body of an email), or draws the plan's dashboard.
func (r planRenderer) Render(ctx context.Context, plan *store.ScheduledPlan, dest store.ScheduledPlanDestination) (*scheduler.Attachment, error) {
	p, err := r.b.Auth.PrincipalOf(ctx, plan.UserID)
	if err != nil {
		return nil, fmt.Errorf("plan owner %d: %w", plan.UserID, err)
	}
	ctx = overlook.WithPrincipal(ctx, p)
	if plan.DashboardID != 0 {
		return r.dashboard(ctx, p, plan, dest)
	}
	q, name, err := r.planQuery(ctx, p, plan)
	if err != nil {
		return nil, err
	}
	formatName := dest.Format
	if formatName == "inline_table" {
		formatName = "html"
	}
	f, err := results.Resolve(formatName)
	if err != nil {
		return nil, err
	}
	job, err := r.b.taskJob(ctx, q, f, TaskRunParams{ApplyFormatting: dest.ApplyFormatting, ApplyVis: dest.ApplyVis})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := job.Run(ctx, &limitedWriter{w: &buf, left: maxAttachment}); err != nil {
		return nil, err
	}
	return &scheduler.Attachment{Filename: fileName(name) + "." + f.Extension, ContentType: f.ContentType, Body: buf.Bytes()}, nil
}

// planQuery is the query a plan runs and the name of its attachment.
func (r planRenderer) planQuery(ctx context.Context, p *overlook.Principal, plan *store.ScheduledPlan) (*queries.Query, string, error) {
	id, name := plan.QueryID, fmt.Sprintf("query_%d", plan.QueryID)
	if plan.LookID != 0 {
		look, err := r.b.Content.Look(ctx, p, plan.LookID)
		if err != nil {
			return nil, "", fmt.Errorf("look %d: %w", plan.LookID, err)
		}
		id, name = look.QueryID, look.Title
	}
	q, err := queries.New(r.b.Store).Get(ctx, id)
	if err != nil {
		return nil, "", fmt.Errorf("query %d: %w", id, err)
	}
	if !r.b.Catalog.CanSee(p, q.Model) {
		return nil, "", fmt.Errorf("query %d: the plan's owner cannot see model %s", id, q.Model)
	}
	if err := withPlanFilters(q, plan); err != nil {
		return nil, "", err
	}
	return q, name, nil
}

// limitedWriter fails once more than left bytes were written.
type limitedWriter struct {
	w    *bytes.Buffer
	left int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > l.left {
		return 0, fmt.Errorf("delivery larger than %d MB", maxAttachment>>20)
	}
	l.left -= len(p)
	return l.w.Write(p)
}

// fileName keeps letters, digits, '-' and '_' of a title, so that it is a
// safe attachment name; other runs of characters become one '_'.
func fileName(title string) string {
	var b strings.Builder
	under := false
	for _, r := range title {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
		switch {
		case ok:
			b.WriteRune(r)
			under = false
		case !under && b.Len() > 0:
			b.WriteByte('_')
			under = true
		}
	}
	name := strings.TrimRight(b.String(), "_")
	if name == "" {
		return "delivery"
	}
	return name
}

// withPlanFilters lays the plan's filters_string over q's own filters.
func withPlanFilters(q *queries.Query, plan *store.ScheduledPlan) error {
	extra, err := scheduler.PlanFilters(plan)
	if err != nil || len(extra) == 0 {
		return err
	}
	filters := maps.Clone(q.Filters)
	if filters == nil {
		filters = map[string]string{}
	}
	maps.Copy(filters, extra)
	q.Filters = filters
	return nil
}
