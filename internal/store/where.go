package store

import (
	"strconv"
	"strings"
)

// whereBuilder collects the conditions of a search and their arguments.
type whereBuilder struct {
	conds []string
	args  []any
}

func (w *whereBuilder) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// like adds a case-insensitive LIKE on col when pattern is set. Looker's
// search grammar passes % and _ through as wildcards; "IS NULL" and
// "NOT NULL" are special values.
func (w *whereBuilder) like(col, pattern string) {
	switch strings.ToUpper(strings.TrimSpace(pattern)) {
	case "":
		return
	case "IS NULL":
		w.add("(" + col + " IS NULL OR " + col + " = '')")
		return
	case "NOT NULL":
		w.add("(" + col + " IS NOT NULL AND " + col + " <> '')")
		return
	}
	w.add("LOWER("+col+") LIKE LOWER(?) ESCAPE '\\'", pattern)
}

func (w *whereBuilder) sql(or bool) string {
	if len(w.conds) == 0 {
		return ""
	}
	op := " AND "
	if or {
		op = " OR "
	}
	return "WHERE (" + strings.Join(w.conds, ")"+op+"(") + ")"
}

func limitClause(limit, offset int) string {
	var s string
	if limit > 0 {
		s = " LIMIT " + strconv.Itoa(limit)
	} else if offset > 0 {
		s = " LIMIT 9223372036854775807"
	}
	if offset > 0 {
		s += " OFFSET " + strconv.Itoa(offset)
	}
	return s
}

// andWhere narrows a WHERE clause (possibly empty) by cond. The clause is
// bracketed first: an OR search (filter_or) must stay inside the scope.
func andWhere(where, cond string) string {
	rest, ok := strings.CutPrefix(where, "WHERE ")
	if !ok {
		return "WHERE " + cond
	}
	return "WHERE (" + rest + ") AND " + cond
}
