package catalog

import (
	"strings"

	"github.com/overlookbi/overlook/internal/semantic"
)

// acronyms keep Looker's spelling when a name is turned into a label.
var acronyms = map[string]string{"id": "ID", "url": "URL", "sql": "SQL", "uri": "URI", "ip": "IP"}

// Title turns a LookML name into Looker's default label: words split at
// underscores, each capitalized ("first_name" → "First Name", "id" → "ID").
func Title(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '_' })
	for i, w := range words {
		if a, ok := acronyms[strings.ToLower(w)]; ok {
			words[i] = a
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// Labels are the labels of a field as an explore shows it.
type Labels struct {
	View  string // the view label: the heading the field is listed under
	Short string // the field's own label
	Full  string // View + " " + Short
}

// FieldLabels returns the labels of ref in explore e: the field's own
// label or its titled name; the view label from the field, the join, the
// explore (for its base view), the view, or the titled alias, first set wins.
func FieldLabels(e *semantic.Explore, ref semantic.FieldRef) Labels {
	f := ref.Field
	short := f.Label
	if short == "" {
		short = Title(f.Short)
	}
	view := firstSet(f.ViewLabel, aliasViewLabel(e, ref.Alias), f.View.Label, Title(ref.Alias))
	return Labels{View: view, Short: short, Full: view + " " + short}
}

func aliasViewLabel(e *semantic.Explore, alias string) string {
	if j := e.Join(alias); j != nil {
		return j.ViewLabel
	}
	return e.ViewLabel
}

// ExploreLabel is the explore's label or its titled name.
func ExploreLabel(e *semantic.Explore) string { return firstSet(e.Label, Title(e.Name)) }

// ModelLabel is the model's label or its titled name.
func ModelLabel(m *semantic.Model) string { return firstSet(m.Label, Title(m.Name)) }

func firstSet(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
