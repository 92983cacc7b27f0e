package content

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// A dashboard's tiles, filters and layouts share its access: viewing the
// dashboard views them, editing it edits them.

// partOf checks the caller's access to the dashboard holding a part: not
// found when the caller cannot view it, forbidden when want is Edit and
// the caller only views.
func (s *Service) partOf(ctx context.Context, p *overlook.Principal, dashboardID int64, want Level) (*store.Dashboard, error) {
	if want == Edit {
		return s.editableDashboard(ctx, p, dashboardID)
	}
	return s.Dashboard(ctx, p, dashboardID)
}

// newPartOf checks that the caller edits the dashboard a new part is for;
// an unknown or unseen dashboard is a 422 on dashboard_id.
func (s *Service) newPartOf(ctx context.Context, p *overlook.Principal, dashboardID int64) error {
	_, err := s.partOf(ctx, p, dashboardID, Edit)
	if overlook.IsNotFound(err) {
		return overlook.Invalid("dashboard_id", "invalid", "dashboard %d does not exist", dashboardID)
	}
	return err
}

// DashboardElement returns a tile of a dashboard the caller views.
func (s *Service) DashboardElement(ctx context.Context, p *overlook.Principal, id int64) (*store.DashboardElement, error) {
	e, err := s.st.DashboardElement(ctx, id)
	if err != nil {
		return nil, err
	}
	_, err = s.partOf(ctx, p, e.DashboardID, View)
	return e, err
}

// CreateDashboardElement adds a tile to a dashboard the caller edits, with
// a layout component in each of its layouts.
func (s *Service) CreateDashboardElement(ctx context.Context, p *overlook.Principal, e *store.DashboardElement) error {
	if e.DashboardID == 0 {
		return overlook.Invalid("dashboard_id", "missing", "dashboard_id is required")
	}
	if err := s.newPartOf(ctx, p, e.DashboardID); err != nil {
		return err
	}
	if err := s.checkElementSources(ctx, p, e); err != nil {
		return err
	}
	return s.st.CreateDashboardElement(ctx, e)
}

// checkElementSources checks that a tile's query exists and that its look
// is one the caller views.
func (s *Service) checkElementSources(ctx context.Context, p *overlook.Principal, e *store.DashboardElement) error {
	if e.QueryID != 0 {
		if _, err := s.st.QueryByID(ctx, e.QueryID); overlook.IsNotFound(err) {
			return overlook.Invalid("query_id", "invalid", "query %d does not exist", e.QueryID)
		} else if err != nil {
			return err
		}
	}
	if e.LookID != 0 {
		if _, err := s.Look(ctx, p, e.LookID); overlook.IsNotFound(err) {
			return overlook.Invalid("look_id", "invalid", "look %d does not exist", e.LookID)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// UpdateDashboardElement stores a changed tile (read with
// DashboardElement) of a dashboard the caller edits.
func (s *Service) UpdateDashboardElement(ctx context.Context, p *overlook.Principal, e *store.DashboardElement) error {
	if _, err := s.partOf(ctx, p, e.DashboardID, Edit); err != nil {
		return err
	}
	if err := s.checkElementSources(ctx, p, e); err != nil {
		return err
	}
	return s.st.UpdateDashboardElement(ctx, e)
}

// DeleteDashboardElement removes a tile and its layout components.
func (s *Service) DeleteDashboardElement(ctx context.Context, p *overlook.Principal, id int64) error {
	e, err := s.DashboardElement(ctx, p, id)
	if err != nil {
		return err
	}
	if _, err := s.partOf(ctx, p, e.DashboardID, Edit); err != nil {
		return err
	}
	return s.st.DeleteDashboardElement(ctx, id)
}

// SearchDashboardElements returns the tiles f selects on dashboards the
// caller views.
func (s *Service) SearchDashboardElements(ctx context.Context, p *overlook.Principal, f store.ElementFilter) ([]*store.DashboardElement, error) {
	all, err := s.st.DashboardElements(ctx, f)
	if err != nil {
		return nil, err
	}
	vis, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, err
	}
	folders := map[int64]int64{}
	var out []*store.DashboardElement
	for _, e := range all {
		folder, known := folders[e.DashboardID]
		if !known {
			if d, err := s.st.Dashboard(ctx, e.DashboardID); err == nil {
				folder = d.FolderID
			}
			folders[e.DashboardID] = folder
		}
		if folder != 0 && vis.Level(folder) >= View {
			out = append(out, e)
		}
	}
	return out, nil
}

// DashboardFilter returns a filter of a dashboard the caller views.
func (s *Service) DashboardFilter(ctx context.Context, p *overlook.Principal, id int64) (*store.DashboardFilter, error) {
	f, err := s.st.DashboardFilter(ctx, id)
	if err != nil {
		return nil, err
	}
	_, err = s.partOf(ctx, p, f.DashboardID, View)
	return f, err
}

// CreateDashboardFilter adds a filter to a dashboard the caller edits;
// name, title and type are required, and the name is unique on the
// dashboard.
func (s *Service) CreateDashboardFilter(ctx context.Context, p *overlook.Principal, f *store.DashboardFilter) error {
	for _, req := range []struct{ field, value string }{{"name", f.Name}, {"title", f.Title}, {"type", f.Type}} {
		if req.value == "" {
			return overlook.Invalid(req.field, "missing", "%s is required", req.field)
		}
	}
	if f.DashboardID == 0 {
		return overlook.Invalid("dashboard_id", "missing", "dashboard_id is required")
	}
	if err := s.newPartOf(ctx, p, f.DashboardID); err != nil {
		return err
	}
	return filterConflict(s.st.CreateDashboardFilter(ctx, f))
}

func filterConflict(err error) error {
	if overlook.ErrorCode(err) == overlook.ECONFLICT {
		return overlook.Invalid("name", "already_exists", "the dashboard already has a filter with this name")
	}
	return err
}

// UpdateDashboardFilter stores a changed filter of a dashboard the caller
// edits.
func (s *Service) UpdateDashboardFilter(ctx context.Context, p *overlook.Principal, f *store.DashboardFilter) error {
	if _, err := s.partOf(ctx, p, f.DashboardID, Edit); err != nil {
		return err
	}
	if f.Name == "" {
		return overlook.Invalid("name", "missing", "name must not be empty")
	}
	return filterConflict(s.st.UpdateDashboardFilter(ctx, f))
}

// DeleteDashboardFilter removes a filter of a dashboard the caller edits.
func (s *Service) DeleteDashboardFilter(ctx context.Context, p *overlook.Principal, id int64) error {
	f, err := s.DashboardFilter(ctx, p, id)
	if err != nil {
		return err
	}
	if _, err := s.partOf(ctx, p, f.DashboardID, Edit); err != nil {
		return err
	}
	return s.st.DeleteDashboardFilter(ctx, id)
}

// DashboardLayout returns a layout of a dashboard the caller views.
func (s *Service) DashboardLayout(ctx context.Context, p *overlook.Principal, id int64) (*store.DashboardLayout, error) {
	l, err := s.st.DashboardLayout(ctx, id)
	if err != nil {
		return nil, err
	}
	_, err = s.partOf(ctx, p, l.DashboardID, View)
	return l, err
}

// CreateDashboardLayout adds a layout, with a component per tile, to a
// dashboard the caller edits.
func (s *Service) CreateDashboardLayout(ctx context.Context, p *overlook.Principal, l *store.DashboardLayout) error {
	if l.DashboardID == 0 {
		return overlook.Invalid("dashboard_id", "missing", "dashboard_id is required")
	}
	if err := s.newPartOf(ctx, p, l.DashboardID); err != nil {
		return err
	}
	if l.Type == "" {
		l.Type = "newspaper"
	}
	return s.st.CreateDashboardLayout(ctx, l)
}

// UpdateDashboardLayout stores a changed layout of a dashboard the caller
// edits.
func (s *Service) UpdateDashboardLayout(ctx context.Context, p *overlook.Principal, l *store.DashboardLayout) error {
	if _, err := s.partOf(ctx, p, l.DashboardID, Edit); err != nil {
		return err
	}
	return s.st.UpdateDashboardLayout(ctx, l)
}

// DeleteDashboardLayout removes a layout that is not the active one.
func (s *Service) DeleteDashboardLayout(ctx context.Context, p *overlook.Principal, id int64) error {
	l, err := s.DashboardLayout(ctx, p, id)
	if err != nil {
		return err
	}
	if _, err := s.partOf(ctx, p, l.DashboardID, Edit); err != nil {
		return err
	}
	if l.Active {
		return overlook.Invalid("active", "invalid", "the active layout cannot be deleted")
	}
	return s.st.DeleteDashboardLayout(ctx, id)
}

// LayoutComponents returns the components of a layout the caller views.
func (s *Service) LayoutComponents(ctx context.Context, p *overlook.Principal, layoutID int64) ([]*store.LayoutComponent, error) {
	if _, err := s.DashboardLayout(ctx, p, layoutID); err != nil {
		return nil, err
	}
	return s.st.LayoutComponents(ctx, layoutID)
}

// LayoutComponent returns a component with its layout, of a dashboard the
// caller views.
func (s *Service) LayoutComponent(ctx context.Context, p *overlook.Principal, id int64) (*store.LayoutComponent, *store.DashboardLayout, error) {
	c, err := s.st.LayoutComponent(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	l, err := s.DashboardLayout(ctx, p, c.LayoutID)
	return c, l, err
}

// UpdateLayoutComponent moves or resizes a component of a dashboard the
// caller edits.
func (s *Service) UpdateLayoutComponent(ctx context.Context, p *overlook.Principal, c *store.LayoutComponent) error {
	l, err := s.st.DashboardLayout(ctx, c.LayoutID)
	if err != nil {
		return err
	}
	if _, err := s.partOf(ctx, p, l.DashboardID, Edit); err != nil {
		return err
	}
	if c.Width < 0 || c.Height < 0 || c.Row < 0 || c.Column < 0 {
		return overlook.Invalid("width", "invalid", "positions and sizes must not be negative")
	}
	return s.st.UpdateLayoutComponent(ctx, c)
}
