package content

import (
	"context"
	"crypto/rand"
	"encoding/json"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// DashboardChange is an ItemChange plus a dashboard's own properties.
// Settings are presentation options (colors, appearance…) stored as they
// come: each key given replaces the stored one.
type DashboardChange struct {
	ItemChange
	Hidden          *bool
	RefreshInterval *string
	QueryTimezone   *string
	Slug            *string
	Settings        map[string]any
}

// CreateDashboard makes a dashboard, with a default layout, in a folder
// the caller edits.
func (s *Service) CreateDashboard(ctx context.Context, p *overlook.Principal, c DashboardChange) (*store.Dashboard, error) {
	if c.Title == nil || *c.Title == "" {
		return nil, overlook.Invalid("title", "missing", "title is required")
	}
	if c.FolderID == nil {
		return nil, overlook.Invalid("folder_id", "missing", "folder_id is required")
	}
	if err := s.requireTargetFolder(ctx, p, *c.FolderID); err != nil {
		return nil, err
	}
	d := &store.Dashboard{ContentItem: store.ContentItem{FolderID: *c.FolderID, UserID: p.UserID()}, Slug: newSlug()}
	if err := s.applyDashboardChange(p, d, c); err != nil {
		return nil, err
	}
	err := s.st.CreateDashboard(ctx, d)
	if overlook.ErrorCode(err) == overlook.ECONFLICT {
		return nil, overlook.Invalid("slug", "already_exists", "another dashboard has this slug")
	}
	return d, err
}

func (s *Service) applyDashboardChange(p *overlook.Principal, d *store.Dashboard, c DashboardChange) error {
	setIf(&d.Hidden, c.Hidden)
	setIf(&d.RefreshInterval, c.RefreshInterval)
	setIf(&d.QueryTimezone, c.QueryTimezone)
	if c.Slug != nil && *c.Slug != "" {
		d.Slug = *c.Slug
	}
	if len(c.Settings) > 0 {
		settings := map[string]any{}
		_ = json.Unmarshal([]byte(d.Settings), &settings)
		for k, v := range c.Settings {
			settings[k] = v
		}
		text, err := json.Marshal(settings)
		if err != nil {
			return overlook.Invalid("body", "invalid", "dashboard settings: %v", err)
		}
		d.Settings = string(text)
	}
	return applyItemChange(&d.ContentItem, c.ItemChange, p, s.now())
}

// newSlug is a random 22-character identifier, like Looker's.
func newSlug() string {
	return rand.Text()[:22]
}

// Dashboard returns a dashboard the caller may view (trashed ones too).
func (s *Service) Dashboard(ctx context.Context, p *overlook.Principal, id int64) (*store.Dashboard, error) {
	d, err := s.st.Dashboard(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.RequireFolder(ctx, p, d.FolderID, View); err != nil {
		return nil, overlook.NotFound()
	}
	return d, nil
}

func (s *Service) editableDashboard(ctx context.Context, p *overlook.Principal, id int64) (*store.Dashboard, error) {
	d, err := s.Dashboard(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return d, s.RequireFolder(ctx, p, d.FolderID, Edit)
}

// UpdateDashboard changes a dashboard the caller edits; a new folder_id
// moves it.
func (s *Service) UpdateDashboard(ctx context.Context, p *overlook.Principal, id int64, c DashboardChange) (*store.Dashboard, error) {
	d, err := s.editableDashboard(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.applyDashboardChange(p, d, c); err != nil {
		return nil, err
	}
	if err := s.st.UpdateDashboard(ctx, d); err != nil {
		return nil, err
	}
	if c.FolderID != nil && *c.FolderID != d.FolderID {
		return s.MoveDashboard(ctx, p, id, *c.FolderID)
	}
	return d, nil
}

// DeleteDashboard removes a dashboard for good.
func (s *Service) DeleteDashboard(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.editableDashboard(ctx, p, id); err != nil {
		return err
	}
	return s.st.DeleteDashboard(ctx, id)
}

// MoveDashboard puts a dashboard in another folder; the caller edits both.
func (s *Service) MoveDashboard(ctx context.Context, p *overlook.Principal, id, folderID int64) (*store.Dashboard, error) {
	if _, err := s.editableDashboard(ctx, p, id); err != nil {
		return nil, err
	}
	if err := s.requireTargetFolder(ctx, p, folderID); err != nil {
		return nil, err
	}
	if err := s.st.MoveDashboard(ctx, id, folderID); err != nil {
		return nil, err
	}
	return s.st.Dashboard(ctx, id)
}

// CopyDashboard copies a dashboard the caller views, with its filters,
// tiles and layouts, into folderID (0: its own folder), which the caller
// edits. A title taken in the folder gets a " (copy)" suffix.
func (s *Service) CopyDashboard(ctx context.Context, p *overlook.Principal, id, folderID int64) (*store.Dashboard, error) {
	d, err := s.Dashboard(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if folderID == 0 {
		folderID = d.FolderID
	}
	if err := s.requireTargetFolder(ctx, p, folderID); err != nil {
		return nil, err
	}
	taken, err := s.st.Dashboards(ctx, store.ItemFilter{FolderID: folderID})
	if err != nil {
		return nil, err
	}
	titles := map[string]bool{}
	for _, t := range taken {
		titles[t.Title] = true
	}
	cp := *d
	cp.ContentItem = store.ContentItem{Title: copyTitle(d.Title, titles), Description: d.Description,
		FolderID: folderID, UserID: p.UserID()}
	cp.Slug = newSlug()
	return &cp, s.st.CopyDashboard(ctx, id, &cp)
}

// SearchDashboards returns the dashboards q selects that the caller may
// view, one page of them, and how many there are in all.
func (s *Service) SearchDashboards(ctx context.Context, p *overlook.Principal, q ItemSearch) ([]*store.Dashboard, int, error) {
	all, err := s.st.Dashboards(ctx, q.ItemFilter)
	if err != nil {
		return nil, 0, err
	}
	return visiblePage(ctx, s, p, all, func(d *store.Dashboard) int64 { return d.FolderID }, q.Limit, q.Offset)
}

// DashboardParts is a dashboard's filters, tiles and layouts with their
// components.
type DashboardParts struct {
	Elements   []*store.DashboardElement
	Filters    []*store.DashboardFilter
	Layouts    []*store.DashboardLayout
	Components map[int64][]*store.LayoutComponent // by layout id
}

// Parts reads the parts of a dashboard already checked for access.
func (s *Service) Parts(ctx context.Context, dashboardID int64) (*DashboardParts, error) {
	st := s.st
	var parts DashboardParts
	var err error
	if parts.Elements, err = st.DashboardElements(ctx, store.ElementFilter{DashboardID: dashboardID}); err != nil {
		return nil, err
	}
	if parts.Filters, err = st.DashboardFilters(ctx, dashboardID); err != nil {
		return nil, err
	}
	if parts.Layouts, err = st.DashboardLayouts(ctx, dashboardID); err != nil {
		return nil, err
	}
	parts.Components = map[int64][]*store.LayoutComponent{}
	for _, l := range parts.Layouts {
		if parts.Components[l.ID], err = st.LayoutComponents(ctx, l.ID); err != nil {
			return nil, err
		}
	}
	return &parts, nil
}
