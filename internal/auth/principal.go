package auth

import (
	"context"

	"github.com/overlookbi/overlook/internal/overlook"
)

// PrincipalOf is a user acting for themselves without a token: what the
// scheduler runs a plan as. A disabled or deleted user is unauthorized.
func (s *Service) PrincipalOf(ctx context.Context, userID int64) (*overlook.Principal, error) {
	return s.resolve(ctx, &overlook.Token{UserID: userID})
}
