package content

import (
	"context"
	"net/url"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// itemVisible says whether the caller may see what a board item links to:
// always for a URL or a LookML dashboard, and for a look or dashboard only
// when the caller views its folder and it is not in the trash.
func itemVisible(v Visibility, it *store.BoardItem) bool {
	if it.LookID == 0 && it.DashboardID == 0 {
		return true
	}
	return !it.ContentDeleted && v.Level(it.FolderID) >= View
}

// BoardItem returns an item of a board the caller may view (want Edit:
// edit), linking to content the caller can see.
func (s *Service) BoardItem(ctx context.Context, p *overlook.Principal, id int64, want Level) (*store.BoardItem, error) {
	it, err := s.st.BoardItem(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.BoardSection(ctx, p, it.BoardSectionID, want); err != nil {
		return nil, err
	}
	v, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, err
	}
	if !itemVisible(v, it) {
		return nil, overlook.NotFound()
	}
	return it, nil
}

// BoardItems returns the visible items of the given sections (all sections
// when none is given) of boards the caller may view.
func (s *Service) BoardItems(ctx context.Context, p *overlook.Principal, sectionIDs []int64, sorts []overlook.Sort) ([]*store.BoardItem, error) {
	sections, err := s.BoardSections(ctx, p, nil)
	if err != nil {
		return nil, err
	}
	mine := map[int64]bool{}
	for _, bs := range sections {
		mine[bs.ID] = true
	}
	all, err := s.st.BoardItems(ctx, sectionIDs, sorts)
	if err != nil {
		return nil, err
	}
	v, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, err
	}
	var out []*store.BoardItem
	for _, it := range all {
		if mine[it.BoardSectionID] && itemVisible(v, it) {
			out = append(out, it)
		}
	}
	return out, nil
}

// SaveBoardItem creates (ID 0) or updates an item in a section of a board
// the caller edits. The item links to exactly one look, dashboard, LookML
// dashboard or URL, and the caller must be able to see a linked look or
// dashboard.
func (s *Service) SaveBoardItem(ctx context.Context, p *overlook.Principal, it *store.BoardItem) error {
	if it.BoardSectionID == 0 {
		return overlook.Invalid("board_section_id", "missing", "board_section_id is required")
	}
	if _, err := s.BoardSection(ctx, p, it.BoardSectionID, Edit); err != nil {
		if overlook.IsNotFound(err) {
			return overlook.Invalid("board_section_id", "not_found", "no board section has id %d", it.BoardSectionID)
		}
		return err
	}
	if err := s.checkItemTarget(ctx, p, it); err != nil {
		return err
	}
	if it.ID == 0 {
		return s.st.CreateBoardItem(ctx, it)
	}
	if _, err := s.BoardItem(ctx, p, it.ID, Edit); err != nil {
		return err
	}
	return s.st.UpdateBoardItem(ctx, it)
}

func (s *Service) checkItemTarget(ctx context.Context, p *overlook.Principal, it *store.BoardItem) error {
	targets := 0
	for _, set := range []bool{it.LookID != 0, it.DashboardID != 0, it.LookmlDashboardID != "", it.CustomURL != ""} {
		if set {
			targets++
		}
	}
	if targets == 0 {
		return overlook.Invalid("look_id", "missing", "a board item links to a look, a dashboard or a custom_url")
	}
	if it.LookID != 0 && it.DashboardID != 0 {
		return overlook.Invalid("dashboard_id", "invalid", "a board item links to a look or a dashboard, not both")
	}
	if it.CustomURL != "" {
		if u, err := url.Parse(it.CustomURL); err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "") {
			return overlook.Invalid("custom_url", "invalid", "custom_url must be an http(s) URL or a path")
		}
	}
	if it.LookID != 0 {
		if _, err := s.Look(ctx, p, it.LookID); err != nil {
			return notFoundAs(err, "look_id", it.LookID)
		}
	}
	if it.DashboardID != 0 {
		if _, err := s.Dashboard(ctx, p, it.DashboardID); err != nil {
			return notFoundAs(err, "dashboard_id", it.DashboardID)
		}
	}
	return nil
}

// notFoundAs turns a missing or hidden referenced object into a
// validation error on the field that named it.
func notFoundAs(err error, field string, id int64) error {
	if overlook.IsNotFound(err) {
		return overlook.Invalid(field, "not_found", "no object has id %d", id)
	}
	return err
}

// DeleteBoardItem deletes an item of a board the caller edits.
func (s *Service) DeleteBoardItem(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.BoardItem(ctx, p, id, Edit); err != nil {
		return err
	}
	return s.st.DeleteBoardItem(ctx, id)
}
