package looker40

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/render"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/web/dashboard"
)

// The size a delivered dashboard is drawn at; a PDF is then printed on the
// plan's paper size, if it names one.
const planDrawWidth, planDrawHeight = 1200, 900

// planPDF are the PDF options a plan keeps.
type planPDF struct {
	PaperSize *string `json:"pdf_paper_size"`
	Landscape *bool   `json:"pdf_landscape"`
}

// dashboard draws the plan's dashboard, under its filters_string, as the
// plan's owner (p, in ctx).
func (r planRenderer) dashboard(ctx context.Context, p *overlook.Principal, plan *store.ScheduledPlan,
	dest store.ScheduledPlanDestination) (*scheduler.Attachment, error) {
	d, err := r.b.Content.Dashboard(ctx, p, plan.DashboardID)
	if err != nil {
		return nil, fmt.Errorf("dashboard %d: %w", plan.DashboardID, err)
	}
	filters, err := scheduler.PlanFilters(plan)
	if err != nil {
		return nil, err
	}
	if filters == nil {
		filters = map[string]string{}
	}
	format, ok := scheduler.DashboardFormats[dest.Format]
	if !ok {
		return nil, fmt.Errorf("format %q is not a dashboard format", dest.Format)
	}
	var pdf planPDF
	_ = json.Unmarshal([]byte(plan.Options), &pdf)
	opts := dashboard.Options{Format: format, PaperSize: orZero(pdf.PaperSize), Landscape: orZero(pdf.Landscape)}
	if opts.PaperSize != "" && !render.PaperSize(opts.PaperSize) {
		opts.PaperSize = ""
	}
	page, err := r.b.dashboardPage(d, filters, false)(ctx, planDrawWidth, planDrawHeight)
	if err != nil {
		return nil, err
	}
	data, err := r.b.Render.Draw(ctx, page, opts)
	if err != nil {
		return nil, err
	}
	if len(data) > maxAttachment {
		return nil, fmt.Errorf("the drawing is larger than %d MB", maxAttachment>>20)
	}
	return &scheduler.Attachment{Filename: fileName(d.Title) + "." + format, ContentType: renderContentTypes[format], Body: data}, nil
}
