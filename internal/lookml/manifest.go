package lookml

// Manifest is what manifest.lkml declares for the whole project.
type Manifest struct {
	ProjectName string
	Constants   map[string]Constant
	// LocalDependencies names projects reachable as `//name/…` includes,
	// found under imported_projects/name/.
	LocalDependencies []string
	File              *File
}

// Constant is a `constant: name { value: "…" export: … }` declaration.
type Constant struct {
	Name   string
	Value  string
	Export string // none, override_optional, override_required or ""
	Pos    Pos
}

// readManifest extracts the project-level settings, reporting malformed or
// repeated constants.
func readManifest(f *File, errs *ErrorList) *Manifest {
	m := &Manifest{Constants: map[string]Constant{}, File: f}
	m.ProjectName, _ = f.Items.Text("project_name")
	for _, p := range f.Items.All("constant") {
		readConstant(m, p, errs)
	}
	for _, p := range f.Items.All("local_dependency") {
		if project, ok := p.Children().Text("project"); ok {
			m.LocalDependencies = append(m.LocalDependencies, project)
		}
	}
	return m
}

func readConstant(m *Manifest, p *Pair, errs *ErrorList) {
	if p.Name == "" || p.Value.Kind != Block {
		*errs = append(*errs, errorf(p.Pos, "constant needs a name and a block: constant: name { value: \"…\" }"))
		return
	}
	value, ok := p.Children().Text("value")
	if !ok {
		*errs = append(*errs, errorf(p.Pos, "constant %q has no value", p.Name))
		return
	}
	if old, dup := m.Constants[p.Name]; dup {
		*errs = append(*errs, errorf(p.Pos, "constant %q is already defined at %s", p.Name, old.Pos))
		return
	}
	export, _ := p.Children().Text("export")
	m.Constants[p.Name] = Constant{Name: p.Name, Value: value, Export: export, Pos: p.Pos}
}
