// Package catalog holds the LookML projects a node serves — the embedded
// thelook demo, the built-in system__activity model and projects from disk —
// and their resolved semantic models.
//
// Projects are parsed and resolved once, when they are added; lookups after
// that only read maps under a read lock.
package catalog

import (
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/overlookbi/overlook/internal/catalog/sysactivity"
	demolookml "github.com/overlookbi/overlook/internal/demo/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

// DemoProject is the name of the embedded demo project (and its model).
const DemoProject = "thelook"

// Catalog is the set of projects and models a node serves.
type Catalog struct {
	mu       sync.RWMutex
	projects map[string]*Project
	models   map[string]*Project // model name → the project holding it
}

// New returns a catalog serving the embedded thelook project and the
// built-in system__activity model.
func New() *Catalog {
	c := &Catalog{projects: map[string]*Project{}, models: map[string]*Project{}}
	for _, p := range embedded() {
		if err := c.add(p); err != nil {
			panic("catalog: embedded project: " + err.Error()) // a build bug, caught by the tests
		}
	}
	return c
}

// embedded loads the projects compiled into the binary once per process:
// every catalog shares their (read-only) models.
var embedded = sync.OnceValue(func() []*Project {
	return []*Project{
		load(DemoProject, demolookml.FS(), "", false),
		load(sysactivity.ProjectName, sysactivity.FS(), "", true),
	}
})

// AddProjectDir serves the LookML project in dir under name. LookML
// problems do not stop it (they are listed by Validate, and the sound parts
// of the models are served); an unreadable directory, a name already
// served, or a model name another project serves does.
func (c *Catalog) AddProjectDir(name, dir string) error {
	if name == "" {
		return fmt.Errorf("catalog: project %s: empty name", dir)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("catalog: project %s: %w", name, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("catalog: project %s: %s is not a directory", name, dir)
	}
	return c.add(load(name, os.DirFS(dir), dir, false))
}

func (c *Catalog) add(p *Project) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p.loadErr != nil {
		return fmt.Errorf("catalog: project %s: %w", p.Name, p.loadErr)
	}
	if c.projects[p.Name] != nil {
		return fmt.Errorf("catalog: project %s is already served", p.Name)
	}
	for _, m := range p.Models {
		if other := c.models[m.Name]; other != nil {
			return fmt.Errorf("catalog: project %s: model %s is already served by project %s", p.Name, m.Name, other.Name)
		}
	}
	c.projects[p.Name] = p
	for _, m := range p.Models {
		c.models[m.Name] = p
	}
	return nil
}

// Models returns every served model, sorted by name.
func (c *Catalog) Models() []*semantic.Model {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*semantic.Model, 0, len(c.models))
	for name, p := range c.models {
		out = append(out, p.model(name))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Model returns the served model with the name.
func (c *Catalog) Model(name string) (*semantic.Model, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.models[name]
	if p == nil {
		return nil, false
	}
	return p.model(name), true
}

// ProjectOf returns the project holding the model.
func (c *Catalog) ProjectOf(model string) (*Project, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.models[model]
	return p, p != nil
}

// Project returns the project with the name.
func (c *Catalog) Project(name string) (*Project, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.projects[name]
	return p, p != nil
}

// Projects returns every project, sorted by name.
func (c *Catalog) Projects() []*Project {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*Project, 0, len(c.projects))
	for _, p := range c.projects {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Validate reads the project's files again and resolves every model,
// returning each problem as a *lookml.Error ("file:line:col: message").
// The served models stay as they were loaded; the result is remembered as
// the project's last validation.
func (c *Catalog) Validate(name string) ([]error, error) {
	p, ok := c.Project(name)
	if !ok {
		return nil, fmt.Errorf("catalog: no project %q", name)
	}
	fresh := load(p.Name, p.fsys, p.Dir, p.Internal)
	if fresh.loadErr != nil {
		return nil, fresh.loadErr
	}
	p.setValidation(fresh.Errors())
	return fresh.Errors(), nil
}
