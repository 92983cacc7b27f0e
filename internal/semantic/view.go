package semantic

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookml"
)

// View is a resolved view: a table or derived table and its fields.
type View struct {
	Name  string
	Label string
	// SQLTableName is the table the view reads; empty for a derived table,
	// and the view's name when neither is set (Looker's default).
	SQLTableName Template
	DerivedTable *DerivedTable
	// Fields in declaration order; a dimension_group contributes one field
	// per timeframe or interval, in the order it lists them.
	Fields               []*Field
	PrimaryKey           *Field // nil when no dimension says primary_key: yes
	Sets                 map[string][]string
	DrillFields          []string
	RequiredAccessGrants []string
	Pos                  lookml.Pos

	byName map[string]*Field
}

// Field returns the field with the short name (any case), or nil.
func (v *View) Field(name string) *Field { return v.byName[strings.ToLower(name)] }

// DerivedTable is a view defined by a query. SQL is set for a SQL derived
// table; ExploreSource names the explore of a native derived table, which
// the SQL compiler builds.
type DerivedTable struct {
	SQL              Template
	ExploreSource    string
	DatagroupTrigger string
	PersistFor       string
	SQLTriggerValue  Template
	Pos              lookml.Pos
}
