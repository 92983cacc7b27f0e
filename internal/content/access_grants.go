package content

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Node is a content_metadata node as one caller sees it.
type Node struct {
	*store.ContentMeta
	Level Level
	// CanManage: the caller may change the node's grants and inheritance.
	CanManage bool
}

// InheritingID is the node the access comes from besides the node's own
// grants: its parent when it inherits, none when it is closed.
func (n *Node) InheritingID() int64 {
	if n.Inherits {
		return n.ParentID
	}
	return 0
}

// canManage: admins and callers who edit the content change who has
// access to it (Looker's "manage access, edit").
func canManage(p *overlook.Principal, l Level) bool {
	return p.IsAdmin || l == Edit
}

func (s *Service) node(ctx context.Context, p *overlook.Principal, id int64, manage bool) (*Node, error) {
	l, err := s.MetadataLevel(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if l == NoAccess {
		return nil, overlook.NotFound()
	}
	// Looker answers a change of access by someone who may not make it
	// like an unknown object: these operations declare no 403.
	if manage && !canManage(p, l) {
		return nil, overlook.NotFound()
	}
	m, err := s.st.ContentMetadata(ctx, id)
	if err != nil {
		return nil, err
	}
	return &Node{ContentMeta: m, Level: l, CanManage: canManage(p, l)}, nil
}

// ContentMetadata returns one node the caller can see.
func (s *Service) ContentMetadata(ctx context.Context, p *overlook.Principal, id int64) (*Node, error) {
	return s.node(ctx, p, id, false)
}

// ContentMetadataChildren returns the nodes directly below a node the
// caller can see, leaving out those the caller cannot.
func (s *Service) ContentMetadataChildren(ctx context.Context, p *overlook.Principal, parentID int64) ([]*Node, error) {
	if _, err := s.node(ctx, p, parentID, false); err != nil {
		return nil, err
	}
	chain, err := s.st.AccessNodeChain(ctx, parentID)
	if err != nil {
		return nil, err
	}
	children, err := s.st.ChildAccessNodes(ctx, parentID)
	if err != nil {
		return nil, err
	}
	levelOf := func(int64) Level { return Edit }
	if !p.IsAdmin {
		t, err := s.tree(ctx, p, append(chain, children...))
		if err != nil {
			return nil, err
		}
		levelOf = t.level
	}
	metas, err := s.st.ContentMetadatas(ctx, parentID)
	if err != nil {
		return nil, err
	}
	out := []*Node{}
	for _, m := range metas {
		if l := levelOf(m.ID); l > NoAccess {
			out = append(out, &Node{ContentMeta: m, Level: l, CanManage: canManage(p, l)})
		}
	}
	return out, nil
}

// UpdateContentMetadata opens or closes (inherits not nil) a node the
// caller manages. A node without a parent has nothing to inherit.
func (s *Service) UpdateContentMetadata(ctx context.Context, p *overlook.Principal, id int64, inherits *bool) (*Node, error) {
	n, err := s.node(ctx, p, id, true)
	if err != nil || inherits == nil {
		return n, err
	}
	if *inherits && n.ParentID == 0 && n.BoardID == 0 {
		return nil, overlook.Invalid("inherits", "invalid", "this content has no parent to inherit from")
	}
	if err := s.st.SetContentMetadataInherits(ctx, id, *inherits); err != nil {
		return nil, err
	}
	return s.node(ctx, p, id, false)
}

// Accesses returns the grants on a node the caller can see.
func (s *Service) Accesses(ctx context.Context, p *overlook.Principal, contentMetadataID int64) ([]*store.ContentAccess, *Node, error) {
	n, err := s.node(ctx, p, contentMetadataID, false)
	if err != nil {
		return nil, nil, err
	}
	grants, err := s.st.ContentAccesses(ctx, contentMetadataID)
	return grants, n, err
}

// Grant adds a grant to a node the caller manages: to exactly one user or
// group, view or edit, once per user or group.
func (s *Service) Grant(ctx context.Context, p *overlook.Principal, a *store.ContentAccess) error {
	if a.ContentMetadataID == 0 {
		return overlook.Invalid("content_metadata_id", "missing", "content_metadata_id is required")
	}
	if err := checkPermissionType(a.PermissionType); err != nil {
		return err
	}
	if _, err := s.node(ctx, p, a.ContentMetadataID, true); err != nil {
		return err
	}
	if err := s.checkGrantee(ctx, a); err != nil {
		return err
	}
	existing, err := s.st.ContentAccesses(ctx, a.ContentMetadataID)
	if err != nil {
		return err
	}
	for _, e := range existing {
		if !e.AllUsers && e.UserID == a.UserID && e.GroupID == a.GroupID {
			return overlook.Errorf(overlook.ECONFLICT, "This user or group already has access here; change that grant instead")
		}
	}
	return s.st.CreateContentAccess(ctx, a)
}

func checkPermissionType(t string) error {
	if t != store.PermView && t != store.PermEdit {
		return overlook.Invalid("permission_type", "invalid", "permission_type is view or edit")
	}
	return nil
}

func (s *Service) checkGrantee(ctx context.Context, a *store.ContentAccess) error {
	switch {
	case (a.UserID == 0) == (a.GroupID == 0):
		return overlook.Invalid("user_id", "invalid", "a grant names exactly one user_id or group_id")
	case a.UserID != 0:
		if _, err := s.st.User(ctx, a.UserID); err != nil {
			if overlook.IsNotFound(err) {
				return overlook.Invalid("user_id", "invalid", "no such user")
			}
			return err
		}
	default:
		g, err := s.st.Group(ctx, a.GroupID)
		if overlook.IsNotFound(err) {
			return overlook.Invalid("group_id", "invalid", "no such group")
		}
		if err != nil {
			return err
		}
		if !g.CanAddToContentMetadata {
			return overlook.Invalid("group_id", "invalid", "this group cannot be given access to content")
		}
	}
	return nil
}

// grant returns a grant whose node the caller can see (manage: and manages).
func (s *Service) grant(ctx context.Context, p *overlook.Principal, id int64, manage bool) (*store.ContentAccess, error) {
	a, err := s.st.ContentAccess(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.node(ctx, p, a.ContentMetadataID, manage); err != nil {
		return nil, err
	}
	return a, nil
}

// UpdateGrant changes the permission type of a grant on a node the caller
// manages.
func (s *Service) UpdateGrant(ctx context.Context, p *overlook.Principal, id int64, permissionType string) (*store.ContentAccess, error) {
	if err := checkPermissionType(permissionType); err != nil {
		return nil, err
	}
	a, err := s.grant(ctx, p, id, true)
	if err != nil {
		return nil, err
	}
	if err := s.st.UpdateContentAccess(ctx, id, permissionType); err != nil {
		return nil, err
	}
	a.PermissionType = permissionType
	return a, nil
}

// Revoke deletes a grant on a node the caller manages.
func (s *Service) Revoke(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.grant(ctx, p, id, true); err != nil {
		return err
	}
	return s.st.DeleteContentAccess(ctx, id)
}
