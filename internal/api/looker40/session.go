package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagSession = "Session"

// The API session lives as long as its access token: each login starts one
// in the production workspace.
const defaultWorkspace = "production"

func init() { register(registerSession) }

func registerSession(api huma.API, b *Backend) {
	handle(api, op{ID: "session", Method: http.MethodGet, Path: "/session", Tag: tagSession, Perm: access.Authenticated,
		Summary: "The session of the presented token"}, b.session)
	handle(api, op{ID: "update_session", Method: http.MethodPatch, Path: "/session", Tag: tagSession,
		Perm: access.Authenticated, Summary: "Switch the session's workspace"}, b.updateSession)
}

type updateSessionInput struct {
	Body checkedBody[model.ApiSession]
}

func (b *Backend) session(ctx context.Context, _ *struct{}) (*Out[model.ApiSession], error) {
	p := overlook.PrincipalFrom(ctx)
	return ok(sessionWire(p, p.WorkspaceID))
}

func (b *Backend) updateSession(ctx context.Context, in *updateSessionInput) (*Out[model.ApiSession], error) {
	p := overlook.PrincipalFrom(ctx)
	requestinfo.SetObject(ctx, "session", "")
	workspace := p.WorkspaceID
	if in.Body.Has("workspace_id") {
		workspace = ""
		if w := in.Body.Value.WorkspaceID; w != nil {
			workspace = *w
		}
		if err := b.Auth.SetWorkspace(ctx, p, workspace); err != nil {
			return nil, err
		}
	}
	return ok(sessionWire(p, workspace))
}

// sessionWire is the ApiSession of p with the given workspace; sudo_user_id
// names the admin behind a login_user token.
func sessionWire(p *overlook.Principal, workspace string) model.ApiSession {
	if workspace == "" {
		workspace = defaultWorkspace
	}
	return model.ApiSession{
		WorkspaceID: ptr(workspace),
		SudoUserID:  idString(p.SudoUserID),
		Can:         map[string]bool{"view": true, "update": true},
	}
}
