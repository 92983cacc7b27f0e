package compiler

import (
	"strconv"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
)

// Unsorted is the sort that turns ORDER BY off.
const Unsorted = "__UNSORTED__"

// sortItem is one ORDER BY entry: the index of a selected field.
type sortItem struct {
	field int
	desc  bool
	// pivotCol, for a measure of a pivoted query, is the 1-based pivot
	// column whose value orders the rows; 0 for none.
	pivotCol int
}

// parseSorts reads "view.field [asc|desc] [pivot column]" items. A sort
// must name a selected field; nothing of it reaches the SQL but its
// position.
func (c *compiler) parseSorts(sorts []string, fields []semantic.FieldRef) ([]sortItem, bool, error) {
	var out []sortItem
	for _, s := range sorts {
		words := strings.Fields(s)
		if len(words) == 0 {
			continue
		}
		if len(words) == 1 && words[0] == Unsorted {
			return nil, true, nil
		}
		item, err := c.sortItem(words, fields)
		if err != nil {
			return nil, false, err
		}
		out = append(out, item)
	}
	return out, false, nil
}

func (c *compiler) sortItem(words []string, fields []semantic.FieldRef) (sortItem, error) {
	ref, err := c.lookup("sorts", words[0])
	if err != nil {
		return sortItem{}, err
	}
	item := sortItem{field: -1}
	for i, f := range fields {
		if strings.EqualFold(f.Name(), ref.Name()) {
			item.field = i
		}
	}
	if item.field < 0 {
		return sortItem{}, overlook.Invalid("sorts", "not_selected", "sort field %s is not among the query's fields", ref.Name())
	}
	rest := words[1:]
	if len(rest) > 0 {
		switch strings.ToLower(rest[0]) {
		case "desc":
			item.desc, rest = true, rest[1:]
		case "asc":
			rest = rest[1:]
		}
	}
	// A trailing integer picks the (0-based) pivot column of a measure
	// (see pivot.go); it is ignored on a query without pivots.
	if len(rest) == 1 {
		if n, err := strconv.Atoi(rest[0]); err == nil && n >= 0 && n < MaxColumnLimit {
			item.pivotCol, rest = n+1, nil
		}
	}
	if len(rest) > 0 {
		return sortItem{}, overlook.Invalid("sorts", "invalid", "sort %q: expected \"field [asc|desc]\"", strings.Join(words, " "))
	}
	return item, nil
}

// defaultSorts is Looker's sort when the query gives none (§5.3): the
// first selected time dimension descending, else the first measure
// descending, else the first dimension ascending.
func defaultSorts(fields []semantic.FieldRef) []sortItem {
	for i, f := range fields {
		if f.Field.Kind == semantic.Dimension && f.Field.IsTimeframe() && f.Field.FilterKind() == dateKind {
			return []sortItem{{field: i, desc: true}}
		}
	}
	for i, f := range fields {
		if f.Field.Kind == semantic.Measure {
			return []sortItem{{field: i, desc: true}}
		}
	}
	return []sortItem{{field: 0}}
}

// withTieBreakers appends every selected dimension not sorted yet, so
// that rows come in one order on every database.
func withTieBreakers(sorts []sortItem, fields []semantic.FieldRef) []sortItem {
	done := map[int]bool{}
	for _, s := range sorts {
		done[s.field] = true
	}
	for i, f := range fields {
		if f.Field.Kind == semantic.Dimension && !done[i] {
			sorts = append(sorts, sortItem{field: i})
		}
	}
	return sorts
}

// parseLimit reads Looker's string limit: "" is 500, "-1" unlimited where
// the context allows it (else the cap), anything above the cap the cap.
func (c *compiler) parseLimit(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return min(DefaultLimit, c.ctx.MaxLimit), nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < -1 || n == 0 {
		return 0, overlook.Invalid("limit", "invalid", "limit must be a positive integer or -1")
	}
	if n == -1 {
		if c.ctx.Unlimited {
			return 0, nil
		}
		return c.ctx.MaxLimit, nil
	}
	return min(n, c.ctx.MaxLimit), nil
}
