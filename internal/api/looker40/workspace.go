package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagWorkspace = "Workspace"

// workspaceIDs are Looker's two predefined workspaces, in the order they
// are listed.
var workspaceIDs = []string{"production", "dev"}

func init() { register(registerWorkspace) }

type workspaceInput struct {
	WorkspaceID string `path:"workspace_id" doc:"Id of the workspace: production or dev"`
}

func registerWorkspace(api huma.API, b *Backend) {
	handle(api, op{ID: "all_workspaces", Method: http.MethodGet, Path: "/workspaces", Tag: tagWorkspace,
		Perm: access.Authenticated, Summary: "The workspaces the caller can use"}, b.allWorkspaces)
	handle(api, op{ID: "workspace", Method: http.MethodGet, Path: "/workspaces/{workspace_id}", Tag: tagWorkspace,
		Perm: access.Authenticated, Summary: "One workspace and its projects"}, b.workspace)
}

func (b *Backend) allWorkspaces(ctx context.Context, _ *struct{}) (*Out[[]model.Workspace], error) {
	out := make([]model.Workspace, 0, len(workspaceIDs))
	for _, id := range workspaceIDs {
		out = append(out, workspaceWire(id))
	}
	return ok(out)
}

func (b *Backend) workspace(ctx context.Context, in *workspaceInput) (*Out[model.Workspace], error) {
	for _, id := range workspaceIDs {
		if in.WorkspaceID == id {
			return ok(workspaceWire(id))
		}
	}
	return nil, overlook.NotFound()
}

// workspaceWire describes a workspace. Projects are listed once LookML
// projects are served; until then the list is empty.
func workspaceWire(id string) model.Workspace {
	return model.Workspace{ID: ptr(id), Projects: []model.Project{}, Can: map[string]bool{"show": true}}
}
