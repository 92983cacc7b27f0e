package catalog

import "github.com/overlookbi/overlook/internal/overlook"

// CanSee reports whether p may use the model: an admin always; an internal
// model (system__activity) needs see_system_activity; any other model must
// be in one of p's model sets. Models the catalog does not serve follow the
// model-set rule, so API-created configurations are guarded the same way.
func (c *Catalog) CanSee(p *overlook.Principal, model string) bool {
	switch {
	case p == nil:
		return false
	case p.IsAdmin:
		return true
	case c.IsInternal(model):
		return p.Can("see_system_activity")
	}
	return p.AllModels || p.Models[model]
}

// IsInternal reports a built-in model listed only on request.
func (c *Catalog) IsInternal(model string) bool {
	p, ok := c.ProjectOf(model)
	return ok && p.Internal
}
