package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

// Project is one LookML project: its files, its resolved models and the
// problems found in them.
type Project struct {
	Name string
	// Dir is the directory the project was read from; empty when embedded.
	Dir string
	// Internal projects (system__activity) are listed only on request.
	Internal bool
	Models   []*semantic.Model // sorted by name; never nil entries
	LookML   *lookml.Project
	// Files lists the project's files (LookML and dashboards), sorted.
	Files []string

	fsys    fs.FS
	loadErr error // the project could not be read at all

	mu         sync.Mutex
	validation *Validation
}

// Validation is the result of resolving a project.
type Validation struct {
	Errors   []error // *lookml.Error, sorted by position
	Digest   string  // of the files' contents
	At       time.Time
	Duration time.Duration
}

// load reads and resolves a project. It never fails outright: a problem
// reading fsys is kept in loadErr, LookML problems in the validation.
func load(name string, fsys fs.FS, dir string, internal bool) *Project {
	start := time.Now()
	p := &Project{Name: name, Dir: dir, Internal: internal, fsys: fsys}
	lp, err := lookml.LoadProject(fsys)
	var problems lookml.ErrorList
	if err != nil && !errors.As(err, &problems) {
		p.loadErr = err
		return p
	}
	p.LookML = lp
	all := append(lookml.ErrorList(nil), lp.Errors...)
	for _, lm := range lp.Models {
		m, err := semantic.Build(lp, lm.Name)
		if m != nil {
			p.Models = append(p.Models, m)
		}
		var list lookml.ErrorList
		if errors.As(err, &list) {
			all = append(all, list...)
		}
	}
	if p.Files, err = projectFiles(fsys); err != nil {
		p.loadErr = err
		return p
	}
	p.validation = &Validation{Errors: sortErrors(all), Digest: p.digest(), At: time.Now(), Duration: time.Since(start)}
	return p
}

// model returns the project's model with the name, or nil.
func (p *Project) model(name string) *semantic.Model {
	for _, m := range p.Models {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Errors returns the problems of the project's last validation.
func (p *Project) Errors() []error {
	if v := p.LastValidation(); v != nil {
		return v.Errors
	}
	return nil
}

// LastValidation returns the latest validation result.
func (p *Project) LastValidation() *Validation {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.validation
}

func (p *Project) setValidation(errs []error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.validation = &Validation{Errors: errs, Digest: p.digest(), At: time.Now()}
}

// ReadFile returns the contents of one of the project's files. Only paths
// in Files are readable, so a request cannot reach beyond the project.
func (p *Project) ReadFile(path string) ([]byte, bool) {
	i := sort.SearchStrings(p.Files, path)
	if i == len(p.Files) || p.Files[i] != path {
		return nil, false
	}
	b, err := fs.ReadFile(p.fsys, path)
	return b, err == nil
}

// digest hashes the project's files, names and contents.
func (p *Project) digest() string {
	h := sha256.New()
	for _, f := range p.Files {
		b, _ := fs.ReadFile(p.fsys, f)
		h.Write([]byte(f))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// projectFiles lists the LookML and dashboard files of a project, sorted.
func projectFiles(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isProjectFile(path) {
			out = append(out, path)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func isProjectFile(path string) bool {
	return strings.HasSuffix(path, ".lkml") || strings.HasSuffix(path, ".lookml")
}

// sortErrors orders problems by position and drops exact repeats (one view
// included by two models is reported once).
func sortErrors(list lookml.ErrorList) []error {
	sort.SliceStable(list, func(i, j int) bool { return less(list[i].Pos, list[j].Pos) })
	out := make([]error, 0, len(list))
	var prev *lookml.Error
	for _, e := range list {
		if prev != nil && *prev == *e {
			continue
		}
		out = append(out, e)
		prev = e
	}
	return out
}

func less(a, b lookml.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}
