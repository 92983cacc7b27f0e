package semantic

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// Build resolves the named model of a loaded project. It checks the whole
// model and returns every problem it finds as a lookml.ErrorList sorted by
// position; the model it returns alongside is usable for the parts that are
// sound. Problems the loader found stay in project.Errors.
func Build(project *lookml.Project, model string) (*Model, error) {
	lm := project.Model(model)
	if lm == nil {
		return nil, fmt.Errorf("semantic: no model %q in the project", model)
	}
	b := &builder{}
	m := b.build(lm)
	b.validate(m)
	return m, b.errs.Err()
}

// BuildAll resolves every model of the project, in name order, and returns
// the problems of all of them in one list.
func BuildAll(project *lookml.Project) ([]*Model, error) {
	var models []*Model
	var all lookml.ErrorList
	for _, lm := range project.Models {
		m, err := Build(project, lm.Name)
		models = append(models, m)
		if list, ok := err.(lookml.ErrorList); ok {
			all = append(all, list...)
		}
	}
	return models, sortErrors(all).Err()
}

// builder accumulates the problems of one model.
type builder struct {
	errs lookml.ErrorList
}

func (b *builder) errorf(pos lookml.Pos, format string, args ...any) {
	b.errs = append(b.errs, &lookml.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) build(lm *lookml.Model) *Model {
	m := &Model{Name: lm.Name, CaseSensitive: true, explores: map[string]*Explore{}, views: map[string]*View{}}
	b.modelSettings(m, lm.Items)
	for _, p := range lm.Views {
		if lookml.IsExtensionRequired(p) {
			continue
		}
		v := b.view(p)
		m.Views = append(m.Views, v)
		m.views[strings.ToLower(v.Name)] = v
	}
	for _, p := range lm.Explores {
		if lookml.IsExtensionRequired(p) {
			continue
		}
		e := b.explore(m, p)
		if m.explores[strings.ToLower(e.Name)] != nil {
			b.errorf(p.Pos, "explore %q is defined twice", e.Name)
			continue
		}
		m.Explores = append(m.Explores, e)
		m.explores[strings.ToLower(e.Name)] = e
	}
	b.errs = sortErrors(b.errs)
	return m
}

func (b *builder) modelSettings(m *Model, items lookml.Pairs) {
	m.Connection, _ = items.Text("connection")
	m.Label, _ = items.Text("label")
	m.PersistWith, _ = items.Text("persist_with")
	m.WeekStartDay, _ = items.Text("week_start_day")
	if p := items.Get("fiscal_month_offset"); p != nil {
		m.FiscalMonthOffset = b.integer(p)
	}
	if p := items.Get("case_sensitive"); p != nil {
		m.CaseSensitive = b.yesno(p)
	}
	for _, p := range items.All("datagroup") {
		m.Datagroups = append(m.Datagroups, datagroup(p))
	}
	for _, p := range items.All("access_grant") {
		c := p.Children()
		g := &AccessGrant{Name: p.Name, Pos: p.Pos}
		g.UserAttribute, _ = c.Text("user_attribute")
		g.AllowedValues = strs(c.Get("allowed_values"))
		m.AccessGrants = append(m.AccessGrants, g)
	}
}

func datagroup(p *lookml.Pair) *Datagroup {
	c := p.Children()
	d := &Datagroup{Name: p.Name, Pos: p.Pos, SQLTrigger: templateOf(c.Get("sql_trigger"))}
	d.Label, _ = c.Text("label")
	d.Description, _ = c.Text("description")
	d.IntervalTrigger, _ = c.Text("interval_trigger")
	d.MaxCacheAge, _ = c.Text("max_cache_age")
	return d
}

// yesno reads a yes/no value, reporting anything else.
func (b *builder) yesno(p *lookml.Pair) bool {
	v, ok := p.Bool()
	if !ok {
		b.errorf(p.Value.Pos, "%s must be yes or no", p.Key)
	}
	return v
}

// integer reads a whole number, reporting anything else.
func (b *builder) integer(p *lookml.Pair) int {
	n, err := strconv.Atoi(strings.TrimSpace(p.Value.Text))
	if err != nil || !p.Value.IsScalar() {
		b.errorf(p.Value.Pos, "%s must be a whole number", p.Key)
	}
	return n
}

// strs reads a list (or a single scalar) as strings; nil for a missing pair.
func strs(p *lookml.Pair) []string {
	if p == nil {
		return nil
	}
	return p.Strings()
}

// sortErrors orders problems by position and drops repeats: one view used by
// several explores should be reported once.
func sortErrors(l lookml.ErrorList) lookml.ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	out := l[:0]
	for _, e := range l {
		if len(out) > 0 && *e == *out[len(out)-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}
