package looker40

import (
	"context"
	"errors"
	"net/http"
	"path"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagProject = "Project"

func init() { register(registerProject) }

// ProjectIDPath names a project; a project's id is its name.
type ProjectIDPath struct {
	ProjectID string `path:"project_id" doc:"Project Id"`
}

type projectInput struct {
	ProjectIDPath
	FieldsParam
}

type projectFileInput struct {
	ProjectIDPath
	FieldsParam
	FileID string `query:"file_id" doc:"File Id"`
}

func registerProject(api huma.API, b *Backend) {
	handle(api, op{ID: "all_projects", Method: http.MethodGet, Path: "/projects", Tag: tagProject, Perm: "see_lookml",
		Summary: "The LookML projects the caller may see"}, b.allProjects)
	handle(api, op{ID: "project", Method: http.MethodGet, Path: "/projects/{project_id}", Tag: tagProject, Perm: "see_lookml",
		Summary: "One LookML project"}, b.project)
	handle(api, op{ID: "all_project_files", Method: http.MethodGet, Path: "/projects/{project_id}/files", Tag: tagProject,
		Perm: "see_lookml", Summary: "The files of a project"}, b.allProjectFiles)
	handle(api, op{ID: "project_file", Method: http.MethodGet, Path: "/projects/{project_id}/files/file", Tag: tagProject,
		Perm: "see_lookml", Summary: "One file of a project"}, b.projectFile)
	handle(api, op{ID: "validate_project", Method: http.MethodPost, Path: "/projects/{project_id}/validate", Tag: tagProject,
		Perm: "see_lookml", Summary: "Validate a project's LookML now"}, b.validateProject)
	handle(api, op{ID: "project_validation_results", Method: http.MethodGet, Path: "/projects/{project_id}/validate",
		Tag: tagProject, Perm: "see_lookml", Summary: "The last validation of a project"}, b.projectValidationResults)
}

// visibleProject returns the project if p may see one of its models
// (an admin sees all); 404 otherwise.
func (b *Backend) visibleProject(ctx context.Context, id string) (*catalog.Project, error) {
	requestinfo.SetObject(ctx, "project", id)
	proj, found := b.Catalog.Project(id)
	if !found || !b.canSeeProject(overlook.PrincipalFrom(ctx), proj) {
		return nil, overlook.NotFound()
	}
	return proj, nil
}

func (b *Backend) canSeeProject(p *overlook.Principal, proj *catalog.Project) bool {
	if p != nil && p.IsAdmin {
		return true
	}
	for _, m := range proj.Models {
		if b.Catalog.CanSee(p, m.Name) {
			return true
		}
	}
	return false
}

func projectWire(proj *catalog.Project, p *overlook.Principal) model.Project {
	return model.Project{ID: ptr(proj.Name), Name: ptr(proj.Name), UsesGit: ptr(false), IsExample: ptr(proj.Name == catalog.DemoProject),
		ValidationRequired: ptr(false), AllowWarnings: ptr(true), GitProductionBranchName: ptr("production"),
		PullRequestMode: ptr("off"), HasProductionCounterpart: ptr(false), IsGitDevLocked: ptr(false),
		GitReleaseMgmtEnabled: ptr(false), UseGitCookieAuth: ptr(false),
		Can: map[string]bool{"show": true, "index": true, "update": false, "deploy": false, "validate": p.Can("see_lookml")}}
}

func (b *Backend) allProjects(ctx context.Context, _ *FieldsParam) (*Out[[]model.Project], error) {
	p := overlook.PrincipalFrom(ctx)
	out := []model.Project{}
	for _, proj := range b.Catalog.Projects() {
		if b.canSeeProject(p, proj) {
			out = append(out, projectWire(proj, p))
		}
	}
	return ok(out)
}

func (b *Backend) project(ctx context.Context, in *projectInput) (*Out[model.Project], error) {
	proj, err := b.visibleProject(ctx, in.ProjectID)
	if err != nil {
		return nil, err
	}
	return ok(projectWire(proj, overlook.PrincipalFrom(ctx)))
}

// projectFileType is Looker's type of a project file, from its name.
func projectFileType(name string) string {
	for _, kind := range []string{"model", "view", "explore", "dashboard"} {
		if strings.HasSuffix(name, "."+kind+".lkml") || strings.HasSuffix(name, "."+kind+".lookml") {
			return kind
		}
	}
	if path.Base(name) == "manifest.lkml" {
		return "manifest"
	}
	return "other"
}

func projectFileWire(name string) model.ProjectFile {
	title := path.Base(name)
	return model.ProjectFile{ID: ptr(name), Path: ptr(name), Title: ptr(title), Type: ptr(projectFileType(name)),
		Extension: ptr(path.Ext(name)), MimeType: ptr("text/plain"), Editable: ptr(false),
		Can: map[string]bool{"show": true, "update": false, "destroy": false}}
}

func (b *Backend) allProjectFiles(ctx context.Context, in *projectInput) (*Out[[]model.ProjectFile], error) {
	proj, err := b.visibleProject(ctx, in.ProjectID)
	if err != nil {
		return nil, err
	}
	out := make([]model.ProjectFile, len(proj.Files))
	for i, f := range proj.Files {
		out[i] = projectFileWire(f)
	}
	return ok(out)
}

func (b *Backend) projectFile(ctx context.Context, in *projectFileInput) (*Out[model.ProjectFile], error) {
	proj, err := b.visibleProject(ctx, in.ProjectID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.FileID) == "" {
		return nil, overlook.Invalid("file_id", "missing", "file_id is required")
	}
	if _, found := proj.ReadFile(in.FileID); !found {
		return nil, overlook.NotFound()
	}
	return ok(projectFileWire(in.FileID))
}

func (b *Backend) validateProject(ctx context.Context, in *projectInput) (*Out[model.ProjectValidation], error) {
	proj, err := b.visibleProject(ctx, in.ProjectID)
	if err != nil {
		return nil, err
	}
	if _, err := b.Catalog.Validate(proj.Name); err != nil {
		return nil, err
	}
	v := validationWire(proj)
	return ok(model.ProjectValidation{Errors: v.Errors, ProjectDigest: v.ProjectDigest,
		ComputationTime: v.ComputationTime, ModelsNotValidated: v.ModelsNotValidated})
}

func (b *Backend) projectValidationResults(ctx context.Context, in *projectInput) (*Out[model.ProjectValidationCache], error) {
	proj, err := b.visibleProject(ctx, in.ProjectID)
	if err != nil {
		return nil, err
	}
	return ok(validationWire(proj))
}

func validationWire(proj *catalog.Project) model.ProjectValidationCache {
	v := proj.LastValidation()
	out := model.ProjectValidationCache{Errors: []model.ProjectError{}, ModelsNotValidated: []model.ModelsNotValidated{},
		Stale: ptr(false)}
	if v == nil {
		return out
	}
	out.ProjectDigest = ptr(v.Digest)
	out.ComputationTime = ptr(v.Duration.Seconds())
	for _, e := range v.Errors {
		out.Errors = append(out.Errors, projectErrorWire(e))
	}
	return out
}

func projectErrorWire(err error) model.ProjectError {
	msg := err.Error()
	w := model.ProjectError{Severity: ptr("error"), Kind: ptr("lookml"), Message: ptr(msg), SanitizedMessage: ptr(msg)}
	var le *lookml.Error
	if errors.As(err, &le) {
		w.Message, w.SanitizedMessage = ptr(le.Msg), ptr(le.Msg)
		w.FilePath = ptr(le.Pos.File)
		w.LineNumber = ptr(int64(le.Pos.Line))
	}
	return w
}
