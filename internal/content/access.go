package content

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Level is what a caller may do with a piece of content.
type Level int

// Access levels, each including the ones before it.
const (
	NoAccess Level = iota
	View
	Edit
)

// String names the level as Looker's permission_type does.
func (l Level) String() string {
	switch l {
	case View:
		return store.PermView
	case Edit:
		return store.PermEdit
	}
	return "none"
}

func levelOf(permissionType string) Level {
	if permissionType == store.PermEdit {
		return Edit
	}
	return View
}

// Visibility answers the caller's level for many folders at once.
type Visibility interface{ Level(folderID int64) Level }

// FolderLevel is the caller's access to a folder (admins: Edit everywhere);
// NoAccess for a folder that does not exist.
func (s *Service) FolderLevel(ctx context.Context, p *overlook.Principal, folderID int64) (Level, error) {
	v, err := s.Visibility(ctx, p)
	if err != nil {
		return NoAccess, err
	}
	return v.Level(folderID), nil
}

// RequireFolder returns overlook.NotFound() when the caller cannot view the
// folder (its existence is never revealed) and a forbidden error when want
// is Edit and the caller only views it.
func (s *Service) RequireFolder(ctx context.Context, p *overlook.Principal, folderID int64, want Level) error {
	got, err := s.FolderLevel(ctx, p, folderID)
	if err != nil {
		return err
	}
	return require(got, want)
}

func require(got, want Level) error {
	switch {
	case got == NoAccess:
		return overlook.NotFound()
	case got < want:
		return overlook.Errorf(overlook.EFORBIDDEN, "You may view this content but not change it")
	}
	return nil
}

// Visibility computes the caller's level on every folder.
func (s *Service) Visibility(ctx context.Context, p *overlook.Principal) (Visibility, error) {
	if p == nil || p.User == nil {
		return levels{}, nil
	}
	if p.IsAdmin {
		nodes, err := s.st.FolderAccessNodes(ctx)
		if err != nil {
			return nil, err
		}
		all := levels{}
		for _, n := range nodes {
			all[n.FolderID] = Edit
		}
		return all, nil
	}
	nodes, err := s.st.FolderAccessNodes(ctx)
	if err != nil {
		return nil, err
	}
	t, err := s.tree(ctx, p, nodes)
	if err != nil {
		return nil, err
	}
	out := levels{}
	for _, n := range nodes {
		out[n.FolderID] = t.level(n.ID)
	}
	return out, nil
}

// MetadataLevel is the caller's level on one content_metadata node (a
// folder's, look's, dashboard's or board's); NoAccess when it does not exist.
func (s *Service) MetadataLevel(ctx context.Context, p *overlook.Principal, contentMetadataID int64) (Level, error) {
	if p == nil || p.User == nil {
		return NoAccess, nil
	}
	nodes, err := s.st.AccessNodeChain(ctx, contentMetadataID)
	if err != nil || len(nodes) == 0 {
		return NoAccess, err
	}
	if p.IsAdmin {
		return Edit, nil
	}
	t, err := s.tree(ctx, p, nodes)
	if err != nil {
		return NoAccess, err
	}
	return t.level(contentMetadataID), nil
}

// RequireMetadata is RequireFolder for a content_metadata node.
func (s *Service) RequireMetadata(ctx context.Context, p *overlook.Principal, contentMetadataID int64, want Level) error {
	got, err := s.MetadataLevel(ctx, p, contentMetadataID)
	if err != nil {
		return err
	}
	return require(got, want)
}

type levels map[int64]Level

func (l levels) Level(folderID int64) Level { return l[folderID] }

// accessTree resolves levels over a set of nodes and the caller's grants.
type accessTree struct {
	nodes  map[int64]store.AccessNode
	grants map[int64]Level // node id → best level granted on it
	memo   map[int64]Level
}

func (s *Service) tree(ctx context.Context, p *overlook.Principal, nodes []store.AccessNode) (*accessTree, error) {
	grants, err := s.st.GrantsFor(ctx, p.User.ID)
	if err != nil {
		return nil, err
	}
	t := &accessTree{nodes: map[int64]store.AccessNode{}, grants: map[int64]Level{}, memo: map[int64]Level{}}
	for _, n := range nodes {
		t.nodes[n.ID] = n
	}
	for _, g := range grants {
		t.grants[g.ContentMetadataID] = max(t.grants[g.ContentMetadataID], levelOf(g.PermissionType))
	}
	return t, nil
}

// level is the node's own grants, plus its parent's level when it inherits.
// A board without grants is viewable by everyone. Cycles never grant.
func (t *accessTree) level(id int64) Level {
	if l, ok := t.memo[id]; ok {
		return l
	}
	t.memo[id] = NoAccess // a cycle reads this
	n, ok := t.nodes[id]
	if !ok {
		return NoAccess
	}
	l := t.grants[id]
	switch {
	case !n.Inherits:
	case n.ParentID != 0:
		l = max(l, t.level(n.ParentID))
	case n.IsBoard:
		l = max(l, View)
	}
	t.memo[id] = l
	return l
}
