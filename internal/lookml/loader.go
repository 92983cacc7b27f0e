package lookml

import (
	"io/fs"
	"path"
	"sort"
	"strings"
)

const (
	manifestPath    = "manifest.lkml"
	modelSuffix     = ".model.lkml"
	dashboardSuffix = ".dashboard.lookml"
)

// LoadProject reads the LookML project at the root of fsys (an os.DirFS, an
// embed.FS through fs.Sub, or an fstest.MapFS). It parses every .lkml file,
// reads manifest.lkml, substitutes constants, follows includes and resolves
// each model. It does not stop at the first problem: the returned project is
// always usable, Project.Errors holds every problem sorted by position, and
// the error is that list (nil when empty) or a failure to read fsys.
func LoadProject(fsys fs.FS) (*Project, error) {
	l := &loader{fsys: fsys, proj: &Project{Files: map[string]*File{}, Dashboards: map[string][]byte{}}}
	if err := l.readFiles(); err != nil {
		return l.proj, err
	}
	l.readManifest()
	l.substituteConstants()
	l.resolveIncludes()
	l.buildModels()
	l.proj.Errors = l.errs.normalize()
	return l.proj, l.proj.Errors.Err()
}

type loader struct {
	fsys     fs.FS
	proj     *Project
	errs     ErrorList
	paths    []string            // every LookML path, sorted
	includes map[string][]string // file → files its includes name, in include order
}

func (l *loader) readFiles() error {
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // .git and friends
			}
			return nil
		}
		return l.readFile(p)
	})
	sort.Strings(l.paths)
	return err
}

func (l *loader) readFile(p string) error {
	isLkml, isDashboard := strings.HasSuffix(p, ".lkml"), strings.HasSuffix(p, dashboardSuffix)
	if !isLkml && !strings.HasSuffix(p, ".lookml") {
		return nil
	}
	if !isLkml && !isDashboard {
		l.errs = append(l.errs, errorf(Pos{File: p, Line: 1, Col: 1}, "legacy YAML LookML (.lookml) is not supported"))
		return nil
	}
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return err
	}
	l.paths = append(l.paths, p)
	if isDashboard {
		l.proj.Dashboards[p] = src
		return nil
	}
	f, err := Parse(p, src)
	if err != nil {
		l.errs = append(l.errs, err.(*Error))
		return nil
	}
	l.proj.Files[p] = f
	return nil
}

func (l *loader) readManifest() {
	if f := l.proj.Files[manifestPath]; f != nil {
		l.proj.Manifest = readManifest(f, &l.errs)
	}
}

func (l *loader) substituteConstants() {
	consts := map[string]Constant{}
	if l.proj.Manifest != nil {
		consts = l.proj.Manifest.Constants
	}
	for p, f := range l.proj.Files {
		if p != manifestPath {
			substituteConstants(f, consts, &l.errs)
		}
	}
}

// resolveIncludes turns every file's include statements into file lists once,
// so that each bad include is reported once however many models reach it.
func (l *loader) resolveIncludes() {
	var includable []string
	for _, p := range l.paths {
		if p != manifestPath && !isModelPath(p) {
			includable = append(includable, p)
		}
	}
	l.includes = map[string][]string{}
	for p, f := range l.proj.Files {
		for _, inc := range f.Items.All("include") {
			l.includes[p] = append(l.includes[p], l.resolveInclude(p, inc, includable)...)
		}
	}
}

func (l *loader) resolveInclude(from string, inc *Pair, includable []string) []string {
	if inc.Value.Kind != String && inc.Value.Kind != Ident {
		l.errs = append(l.errs, errorf(inc.Pos, "include needs a quoted path"))
		return nil
	}
	pattern, ok := includePattern(from, inc.Value.Text)
	if !ok {
		l.errs = append(l.errs, errorf(inc.Value.Pos, "include %q points outside the project", inc.Value.Text))
		return nil
	}
	matches := matchInclude(pattern, includable)
	if len(matches) > 0 {
		return matches
	}
	if isModelPath(pattern) && matchInclude(pattern, l.paths) != nil {
		l.errs = append(l.errs, errorf(inc.Value.Pos, "include %q names a model file, which cannot be included", inc.Value.Text))
		return nil
	}
	l.errs = append(l.errs, errorf(inc.Value.Pos, "include %q matches no file", inc.Value.Text))
	return nil
}

// isModelPath tells model files, which are never included. Models of imported
// projects are ordinary files here.
func isModelPath(p string) bool {
	return strings.HasSuffix(p, modelSuffix) && !strings.HasPrefix(p, importedProjects+"/")
}

func (l *loader) buildModels() {
	for _, p := range l.paths {
		if isModelPath(p) && l.proj.Files[p] != nil {
			l.proj.Models = append(l.proj.Models, l.buildModel(p))
		}
	}
	sort.SliceStable(l.proj.Models, func(i, j int) bool { return l.proj.Models[i].Name < l.proj.Models[j].Name })
}

func (l *loader) buildModel(file string) *Model {
	m := &Model{Name: strings.TrimSuffix(path.Base(file), modelSuffix), File: file}
	m.Files = l.includeOrder(file)
	views, explores := newRegistry("view"), newRegistry("explore")
	for _, p := range m.Files {
		f := l.proj.Files[p]
		if f == nil {
			if _, ok := l.proj.Dashboards[p]; ok {
				m.Dashboards = append(m.Dashboards, p)
			}
			continue
		}
		for _, item := range f.Items {
			switch item.Key {
			case "include":
			case "view":
				views.add(item, &l.errs)
			case "explore":
				explores.add(item, &l.errs)
			default:
				m.Items = append(m.Items, item)
			}
		}
	}
	m.Views = views.resolve(&l.errs)
	m.Explores = explores.resolve(&l.errs)
	return m
}

// includeOrder walks includes depth-first from the model file and lists each
// reachable file once, after the files it includes: that is the order in
// which refinements apply, so a later include wins.
func (l *loader) includeOrder(model string) []string {
	var order []string
	seen := map[string]bool{}
	var visit func(p string)
	visit = func(p string) {
		if seen[p] {
			return
		}
		seen[p] = true
		for _, inc := range l.includes[p] {
			visit(inc)
		}
		order = append(order, p)
	}
	visit(model)
	return order
}
