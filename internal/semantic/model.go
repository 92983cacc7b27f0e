package semantic

import (
	"strings"
	"sync"

	"github.com/overlookbi/overlook/internal/lookml"
)

// Model is one resolved LookML model.
type Model struct {
	Name       string
	Connection string
	Label      string
	// PersistWith names the model's default datagroup.
	PersistWith       string
	WeekStartDay      string // "" means monday
	FiscalMonthOffset int
	CaseSensitive     bool // model-level default, yes unless set to no
	Explores          []*Explore
	Views             []*View
	Datagroups        []*Datagroup
	AccessGrants      []*AccessGrant

	explores map[string]*Explore
	views    map[string]*View
	liquid   sync.Map // template text → parsed Liquid template
}

// Explore returns the explore with the name (any case), or nil.
func (m *Model) Explore(name string) *Explore { return m.explores[strings.ToLower(name)] }

// View returns the view with the name (any case), or nil.
func (m *Model) View(name string) *View { return m.views[strings.ToLower(name)] }

// Datagroup is a caching policy: results expire after MaxCacheAge or when
// the value of SQLTrigger changes (checked every IntervalTrigger, if set).
type Datagroup struct {
	Name            string
	Label           string
	Description     string
	SQLTrigger      Template
	IntervalTrigger string // e.g. "24 hours"
	MaxCacheAge     string
	Pos             lookml.Pos
}

// AccessGrant lets users whose UserAttribute holds one of AllowedValues see
// the objects that require it.
type AccessGrant struct {
	Name          string
	UserAttribute string
	AllowedValues []string
	Pos           lookml.Pos
}
