package content

import (
	"context"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Folder is a folder as one caller sees it.
type Folder struct {
	*store.Folder
	// Level is the caller's access to it.
	Level Level
	// ChildCount counts the children the caller can see.
	ChildCount           int
	IsPersonalDescendant bool
	// IsEmbed: an embed root or a folder below one.
	IsEmbed bool
}

// snapshot is the folder tree and the caller's levels on it, read once per
// request.
type snapshot struct {
	vis      levels
	all      map[int64]*store.Folder
	children map[int64][]int64
}

func (s *Service) snapshot(ctx context.Context, p *overlook.Principal) (*snapshot, error) {
	v, err := s.Visibility(ctx, p)
	if err != nil {
		return nil, err
	}
	folders, _, err := s.st.Folders(ctx, store.FolderFilter{})
	if err != nil {
		return nil, err
	}
	sn := &snapshot{vis: v.(levels), all: map[int64]*store.Folder{}, children: map[int64][]int64{}}
	for _, f := range folders {
		sn.all[f.ID] = f
		sn.children[f.ParentID] = append(sn.children[f.ParentID], f.ID)
	}
	return sn, nil
}

// ancestors returns the folders above id, nearest first.
func (sn *snapshot) ancestors(id int64) []*store.Folder {
	var out []*store.Folder
	seen := map[int64]bool{id: true}
	for f := sn.all[id]; f != nil && f.ParentID != 0 && !seen[f.ParentID]; f = sn.all[f.ParentID] {
		seen[f.ParentID] = true
		if parent := sn.all[f.ParentID]; parent != nil {
			out = append(out, parent)
		}
	}
	return out
}

func (sn *snapshot) view(f *store.Folder) *Folder {
	out := &Folder{Folder: f, Level: sn.vis.Level(f.ID), IsEmbed: isEmbedRoot(f)}
	for _, c := range sn.children[f.ID] {
		if sn.vis.Level(c) > NoAccess {
			out.ChildCount++
		}
	}
	for _, a := range sn.ancestors(f.ID) {
		out.IsPersonalDescendant = out.IsPersonalDescendant || a.IsPersonal
		out.IsEmbed = out.IsEmbed || isEmbedRoot(a)
	}
	return out
}

func isEmbedRoot(f *store.Folder) bool {
	return f.RootKind == store.RootEmbedShared || f.RootKind == store.RootEmbedUsers
}

// require returns the visible folder id or NotFound / forbidden.
func (sn *snapshot) require(id int64, want Level) (*store.Folder, error) {
	f := sn.all[id]
	if f == nil {
		return nil, overlook.NotFound()
	}
	return f, require(sn.vis.Level(id), want)
}

// visibleIDs lists the folders the caller can see; nil for admins (all).
func (sn *snapshot) visibleIDs(p *overlook.Principal) []int64 {
	if p.IsAdmin {
		return nil
	}
	ids := []int64{}
	for id, l := range sn.vis {
		if l > NoAccess {
			ids = append(ids, id)
		}
	}
	return ids
}

// Folder returns one folder the caller can see.
func (s *Service) Folder(ctx context.Context, p *overlook.Principal, id int64) (*Folder, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, err
	}
	f, err := sn.require(id, View)
	if err != nil {
		return nil, err
	}
	return sn.view(f), nil
}

// SearchFolders returns the folders f selects among those the caller can
// see, and how many match without limit and offset.
func (s *Service) SearchFolders(ctx context.Context, p *overlook.Principal, f store.FolderFilter) ([]*Folder, int, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	return s.searchIn(ctx, p, sn, f)
}

func (s *Service) searchIn(ctx context.Context, p *overlook.Principal, sn *snapshot, f store.FolderFilter) ([]*Folder, int, error) {
	f.Within = sn.visibleIDs(p)
	folders, total, err := s.st.Folders(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*Folder, len(folders))
	for i, folder := range folders {
		out[i] = sn.view(folder)
	}
	return out, total, nil
}

// FolderChildren returns the children of a folder the caller can see that
// f selects.
func (s *Service) FolderChildren(ctx context.Context, p *overlook.Principal, id int64, f store.FolderFilter) ([]*Folder, int, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, 0, err
	}
	if _, err := sn.require(id, View); err != nil {
		return nil, 0, err
	}
	f.ParentID = id
	f.FilterOr = false
	return s.searchIn(ctx, p, sn, f)
}

// FolderParent returns the parent of a folder; NotFound for a root or a
// parent the caller cannot see.
func (s *Service) FolderParent(ctx context.Context, p *overlook.Principal, id int64) (*Folder, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, err
	}
	f, err := sn.require(id, View)
	if err != nil {
		return nil, err
	}
	parent, err := sn.require(f.ParentID, View)
	if err != nil {
		return nil, overlook.NotFound()
	}
	return sn.view(parent), nil
}

// FolderAncestors returns the folders above one, root first, leaving out
// those the caller cannot see.
func (s *Service) FolderAncestors(ctx context.Context, p *overlook.Principal, id int64) ([]*Folder, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, err
	}
	if _, err := sn.require(id, View); err != nil {
		return nil, err
	}
	above := sn.ancestors(id)
	out := []*Folder{}
	for i := len(above) - 1; i >= 0; i-- {
		if sn.vis.Level(above[i].ID) > NoAccess {
			out = append(out, sn.view(above[i]))
		}
	}
	return out, nil
}

// CreateFolder adds a folder under a parent the caller edits (NotFound
// otherwise, like Looker). Names are unique among siblings.
func (s *Service) CreateFolder(ctx context.Context, p *overlook.Principal, name string, parentID int64) (*Folder, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, overlook.Invalid("name", "missing", "a folder needs a name")
	}
	if parentID == 0 {
		return nil, overlook.Invalid("parent_id", "missing", "a folder needs a parent folder")
	}
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, err
	}
	parent, err := sn.require(parentID, Edit)
	if err != nil {
		return nil, overlook.NotFound()
	}
	if parent.RootKind == store.RootUsers || parent.RootKind == store.RootEmbedUsers {
		return nil, overlook.Invalid("parent_id", "invalid", "folders here are created for each user")
	}
	if err := sn.uniqueName(parentID, 0, name); err != nil {
		return nil, err
	}
	f := &store.Folder{Name: name, ParentID: parentID, CreatorID: p.UserID()}
	if err := s.st.CreateFolder(ctx, f); err != nil {
		return nil, err
	}
	return s.Folder(ctx, p, f.ID)
}

func (sn *snapshot) uniqueName(parentID, self int64, name string) error {
	for _, c := range sn.children[parentID] {
		if c != self && strings.EqualFold(sn.all[c].Name, name) {
			return overlook.Errorf(overlook.ECONFLICT, "A folder named %q already exists there", name)
		}
	}
	return nil
}

// UpdateFolder renames and moves a folder the caller edits. Roots and
// personal folders stay where and what they are; a folder never moves below
// itself; the caller edits the new parent too.
func (s *Service) UpdateFolder(ctx context.Context, p *overlook.Principal, id int64, name *string, parentID *int64) (*Folder, error) {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return nil, err
	}
	f, err := sn.require(id, Edit)
	if err != nil {
		return nil, err
	}
	// Values that change nothing are no change (clients send whole bodies).
	if name != nil && *name == f.Name {
		name = nil
	}
	if parentID != nil && *parentID == f.ParentID {
		parentID = nil
	}
	if err := sn.checkUpdate(f, name, parentID); err != nil {
		return nil, err
	}
	if parentID != nil {
		if _, err := sn.require(*parentID, Edit); err != nil {
			if overlook.IsNotFound(err) {
				return nil, overlook.Invalid("parent_id", "invalid", "no such folder")
			}
			return nil, err
		}
		if sn.isWithin(*parentID, id) {
			return nil, overlook.Invalid("parent_id", "invalid", "a folder cannot move into itself or a folder below it")
		}
	}
	if err := s.st.UpdateFolder(ctx, id, name, parentID); err != nil {
		return nil, err
	}
	return s.Folder(ctx, p, id)
}

func (sn *snapshot) checkUpdate(f *store.Folder, name *string, parentID *int64) error {
	if f.RootKind != "" || f.IsPersonal {
		field := "name"
		if parentID != nil {
			field = "parent_id"
		}
		if name != nil || parentID != nil {
			return overlook.Invalid(field, "invalid", "root and personal folders cannot be renamed or moved")
		}
	}
	newName, target := f.Name, f.ParentID
	if name != nil {
		*name = strings.TrimSpace(*name)
		if *name == "" {
			return overlook.Invalid("name", "missing", "a folder needs a name")
		}
		newName = *name
	}
	if parentID != nil {
		target = *parentID
	}
	return sn.uniqueName(target, f.ID, newName)
}

// isWithin reports whether folder id is root or below it.
func (sn *snapshot) isWithin(id, root int64) bool {
	if id == root {
		return true
	}
	for _, a := range sn.ancestors(id) {
		if a.ID == root {
			return true
		}
	}
	return false
}

// DeleteFolder deletes a folder the caller edits, with everything below
// it. Roots and personal folders cannot be deleted.
func (s *Service) DeleteFolder(ctx context.Context, p *overlook.Principal, id int64) error {
	sn, err := s.snapshot(ctx, p)
	if err != nil {
		return err
	}
	f, err := sn.require(id, Edit)
	if err != nil {
		return err
	}
	if f.RootKind != "" || f.IsPersonal {
		return overlook.Invalid("folder_id", "invalid", "root and personal folders cannot be deleted")
	}
	return s.st.DeleteFolder(ctx, id)
}
