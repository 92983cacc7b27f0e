package lookml

import "strings"

// Project is a loaded LookML project: every file parsed, every model
// assembled, and every problem found along the way.
type Project struct {
	Manifest *Manifest // nil when the project has no manifest.lkml
	// Files holds each parsed .lkml file by project path, constants already
	// substituted. A file with a syntax error is absent (its error is in Errors).
	Files map[string]*File
	// Dashboards holds *.dashboard.lookml files unparsed: they are YAML.
	Dashboards map[string][]byte
	Models     []*Model // sorted by name
	Errors     ErrorList
}

// Model is one *.model.lkml file with all it includes, views and explores
// resolved: extends applied and refinements layered in include order.
type Model struct {
	Name string // the file name without .model.lkml
	File string
	// Files lists the files the model sees in the order their contents are
	// applied: each included file before the file that includes it, so the
	// model file comes last.
	Files      []string
	Dashboards []string // included dashboard files
	// Items holds the top-level pairs other than include, view and explore
	// (connection, label, datagroup, access_grant…) from Files in order.
	Items    Pairs
	Views    Pairs
	Explores Pairs
}

// Model returns the model with the name, or nil.
func (p *Project) Model(name string) *Model {
	for _, m := range p.Models {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// View returns the resolved view with the name (any case), or nil.
func (m *Model) View(name string) *Pair { return m.Views.Named("view", name) }

// Explore returns the resolved explore with the name (any case), or nil.
func (m *Model) Explore(name string) *Pair { return m.Explores.Named("explore", name) }

// IsExtensionRequired reports `extension: required`: the object only exists
// to be extended and must not be exposed or validated on its own.
func IsExtensionRequired(obj *Pair) bool {
	ext, ok := obj.Children().Text("extension")
	return ok && strings.EqualFold(ext, "required")
}
