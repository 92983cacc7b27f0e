package looker40

import (
	"context"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

type userRolesInput struct {
	UserPath
	DirectAssociationOnly string `query:"direct_association_only" doc:"Only roles given to the user itself, not through groups"`
}

type setUserRolesInput struct {
	UserPath
	Body model.Body[[]string]
}

func (b *Backend) userRoles(ctx context.Context, in *userRolesInput) (*Out[[]model.Role], error) {
	id, err := ParseID(in.UserID)
	if err != nil {
		return nil, err
	}
	direct, err := optBool("direct_association_only", in.DirectAssociationOnly)
	if err != nil {
		return nil, err
	}
	scope := store.RolesAll
	if direct {
		scope = store.RolesDirect
	}
	roles, err := b.Store.UserRoles(ctx, id, scope)
	if err != nil {
		return nil, err
	}
	return ok(userRolesWire(roles))
}

func (b *Backend) setUserRoles(ctx context.Context, in *setUserRolesInput) (*Out[[]model.Role], error) {
	id, err := in.target(ctx)
	if err != nil {
		return nil, err
	}
	if in.Body.Value == nil { // no body, or null; [] clears the roles
		return nil, overlook.Invalid("role_ids", "missing", "the body must be an array of role ids")
	}
	roleIDs, err := ParseIDs("role_ids", in.Body.Value)
	if err != nil {
		return nil, err
	}
	if _, err := b.Store.User(ctx, id); err != nil {
		return nil, err
	}
	roles, err := b.users().SetRoles(ctx, id, roleIDs)
	if err != nil {
		return nil, err
	}
	return ok(userRolesWire(roles))
}

func userRolesWire(roles []*overlook.Role) []model.Role {
	out := make([]model.Role, len(roles))
	for i, r := range roles {
		out[i] = userRoleWire(r)
	}
	return out
}
