package content

import (
	"context"
	"strconv"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// ItemChange holds the writable properties of a look or dashboard a
// request sets; nil leaves a property as it is.
type ItemChange struct {
	Title       *string
	Description *string
	FolderID    *int64
	// Deleted moves the item to the trash (true) or restores it (false).
	Deleted *bool
}

// LookChange is an ItemChange plus a look's own properties.
type LookChange struct {
	ItemChange
	QueryID     *int64
	IsRunOnLoad *bool
	Public      *bool
}

// ItemSearch selects looks or dashboards and pages through those the
// caller may view.
type ItemSearch struct {
	store.ItemFilter
	Limit, Offset int
}

// CreateLook saves a query as a look in a folder the caller edits.
func (s *Service) CreateLook(ctx context.Context, p *overlook.Principal, c LookChange) (*store.Look, error) {
	l := &store.Look{ContentItem: store.ContentItem{UserID: p.UserID()}}
	if c.Title == nil || *c.Title == "" {
		return nil, overlook.Invalid("title", "missing", "title is required")
	}
	if c.FolderID == nil {
		return nil, overlook.Invalid("folder_id", "missing", "folder_id is required")
	}
	if c.QueryID == nil {
		return nil, overlook.Invalid("query_id", "missing", "query_id is required")
	}
	if err := s.requireTargetFolder(ctx, p, *c.FolderID); err != nil {
		return nil, err
	}
	l.FolderID = *c.FolderID
	if err := s.applyLookChange(ctx, p, l, c); err != nil {
		return nil, err
	}
	return l, s.st.CreateLook(ctx, l)
}

// requireTargetFolder checks that the caller can save into folderID: a
// folder that does not exist or that the caller cannot see is a 422 on
// folder_id; one the caller only views is forbidden.
func (s *Service) requireTargetFolder(ctx context.Context, p *overlook.Principal, folderID int64) error {
	err := s.RequireFolder(ctx, p, folderID, Edit)
	if overlook.IsNotFound(err) {
		return overlook.Invalid("folder_id", "invalid", "folder %d does not exist", folderID)
	}
	return err
}

// applyLookChange copies c onto l (not the folder) and checks the query.
func (s *Service) applyLookChange(ctx context.Context, p *overlook.Principal, l *store.Look, c LookChange) error {
	if c.QueryID != nil {
		if _, err := s.st.QueryByID(ctx, *c.QueryID); err != nil {
			if overlook.IsNotFound(err) {
				return overlook.Invalid("query_id", "invalid", "query %d does not exist", *c.QueryID)
			}
			return err
		}
		l.QueryID = *c.QueryID
	}
	setIf(&l.IsRunOnLoad, c.IsRunOnLoad)
	setIf(&l.Public, c.Public)
	return applyItemChange(&l.ContentItem, c.ItemChange, p, s.now())
}

func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// applyItemChange copies the title, description and trash state of c onto
// it; the folder moves separately.
func applyItemChange(it *store.ContentItem, c ItemChange, p *overlook.Principal, now time.Time) error {
	if c.Title != nil && *c.Title == "" {
		return overlook.Invalid("title", "missing", "title must not be empty")
	}
	setIf(&it.Title, c.Title)
	setIf(&it.Description, c.Description)
	if c.Deleted != nil && *c.Deleted != it.Deleted {
		it.Deleted = *c.Deleted
		it.DeletedAt, it.DeleterID = nil, 0
		if it.Deleted {
			it.DeletedAt, it.DeleterID = &now, p.UserID()
		}
	}
	it.LastUpdaterID = p.UserID()
	return nil
}

func (s *Service) now() time.Time { return time.Now().UTC() }

// Look returns a look the caller may view (trashed ones included).
func (s *Service) Look(ctx context.Context, p *overlook.Principal, id int64) (*store.Look, error) {
	l, err := s.st.Look(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.RequireFolder(ctx, p, l.FolderID, View); err != nil {
		return nil, overlook.NotFound()
	}
	return l, nil
}

// editableLook returns a look the caller may edit: not found when the
// caller cannot view it, forbidden when only viewing.
func (s *Service) editableLook(ctx context.Context, p *overlook.Principal, id int64) (*store.Look, error) {
	l, err := s.Look(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return l, s.RequireFolder(ctx, p, l.FolderID, Edit)
}

// UpdateLook changes a look the caller edits; a new folder_id moves it
// (edit needed on both folders).
func (s *Service) UpdateLook(ctx context.Context, p *overlook.Principal, id int64, c LookChange) (*store.Look, error) {
	l, err := s.editableLook(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.applyLookChange(ctx, p, l, c); err != nil {
		return nil, err
	}
	if err := s.st.UpdateLook(ctx, l); err != nil {
		return nil, err
	}
	if c.FolderID != nil && *c.FolderID != l.FolderID {
		return s.MoveLook(ctx, p, id, *c.FolderID)
	}
	return l, nil
}

// DeleteLook removes a look for good (update it with deleted: true to
// move it to the trash instead).
func (s *Service) DeleteLook(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.editableLook(ctx, p, id); err != nil {
		return err
	}
	return s.st.DeleteLook(ctx, id)
}

// MoveLook puts a look in another folder; the caller edits both.
func (s *Service) MoveLook(ctx context.Context, p *overlook.Principal, id, folderID int64) (*store.Look, error) {
	if _, err := s.editableLook(ctx, p, id); err != nil {
		return nil, err
	}
	if err := s.requireTargetFolder(ctx, p, folderID); err != nil {
		return nil, err
	}
	if err := s.st.MoveLook(ctx, id, folderID); err != nil {
		return nil, err
	}
	return s.st.Look(ctx, id)
}

// CopyLook copies a look the caller views into folderID (0: the look's
// own folder), which the caller edits. A title taken in the folder gets a
// " (copy)" suffix, numbered if that is taken too.
func (s *Service) CopyLook(ctx context.Context, p *overlook.Principal, id, folderID int64) (*store.Look, error) {
	l, err := s.Look(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if folderID == 0 {
		folderID = l.FolderID
	}
	if err := s.requireTargetFolder(ctx, p, folderID); err != nil {
		return nil, err
	}
	taken, err := s.st.Looks(ctx, store.ItemFilter{FolderID: folderID})
	if err != nil {
		return nil, err
	}
	cp := &store.Look{QueryID: l.QueryID, IsRunOnLoad: l.IsRunOnLoad, ContentItem: store.ContentItem{
		Title: copyTitle(l.Title, lookTitles(taken)), Description: l.Description, FolderID: folderID, UserID: p.UserID()}}
	return cp, s.st.CreateLook(ctx, cp)
}

func lookTitles(ls []*store.Look) map[string]bool {
	out := map[string]bool{}
	for _, l := range ls {
		out[l.Title] = true
	}
	return out
}

// copyTitle names a copy: the title itself when free, else "T (copy)",
// "T (copy 2)", …
func copyTitle(title string, taken map[string]bool) string {
	if !taken[title] {
		return title
	}
	name := title + " (copy)"
	for n := 2; taken[name]; n++ {
		name = title + " (copy " + strconv.Itoa(n) + ")"
	}
	return name
}

// SearchLooks returns the looks q selects that the caller may view, one
// page of them, and how many there are in all.
func (s *Service) SearchLooks(ctx context.Context, p *overlook.Principal, q ItemSearch) ([]*store.Look, int, error) {
	all, err := s.st.Looks(ctx, q.ItemFilter)
	if err != nil {
		return nil, 0, err
	}
	return visiblePage(ctx, s, p, all, func(l *store.Look) int64 { return l.FolderID }, q.Limit, q.Offset)
}

// visiblePage keeps the items of folders the caller views and cuts the
// page limit/offset (limit 0: all) out of them.
func visiblePage[T any](ctx context.Context, s *Service, p *overlook.Principal, items []T, folder func(T) int64,
	limit, offset int) ([]T, int, error) {
	vis, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	var seen []T
	for _, it := range items {
		if vis.Level(folder(it)) >= View {
			seen = append(seen, it)
		}
	}
	total := len(seen)
	if offset >= total {
		return nil, total, nil
	}
	seen = seen[offset:]
	if limit > 0 && limit < len(seen) {
		seen = seen[:limit]
	}
	return seen, total, nil
}
