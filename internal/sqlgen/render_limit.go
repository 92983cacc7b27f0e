package sqlgen

import (
	"errors"
	"fmt"
)

// limit writes the row limit and offset in the dialect's style (TOP is
// written with the select list).
func (r *renderer) limit(s *Select) error {
	if s.Limit < 0 || s.Offset < 0 {
		return errors.New("sqlgen: negative LIMIT or OFFSET")
	}
	if s.Limit == 0 && s.Offset == 0 {
		return nil
	}
	if r.s.Limit == Top {
		if s.Offset > 0 {
			return fmt.Errorf("sqlgen: dialect %s has no OFFSET", r.d.Name())
		}
		return nil // TOP went with SELECT
	}
	r.newline()
	switch r.s.Limit {
	case FetchFirst:
		r.fetchFirst(s)
	case OffsetLimit:
		r.keyword("OFFSET", s.Offset, " ")
		r.keyword("LIMIT", s.Limit, "")
	default:
		r.limitOffset(s)
	}
	return nil
}

// keyword writes "WORD n" followed by sep when n is set.
func (r *renderer) keyword(word string, n int, sep string) {
	if n > 0 {
		fmt.Fprintf(&r.b, "%s %d%s", word, n, sep)
	}
}

func (r *renderer) fetchFirst(s *Select) {
	if s.Offset > 0 {
		fmt.Fprintf(&r.b, "OFFSET %d ROWS", s.Offset)
		if s.Limit > 0 {
			r.b.WriteByte(' ')
		}
	}
	if s.Limit > 0 {
		fmt.Fprintf(&r.b, "FETCH FIRST %d ROWS ONLY", s.Limit)
	}
}

func (r *renderer) limitOffset(s *Select) {
	switch {
	case s.Limit > 0:
		fmt.Fprintf(&r.b, "LIMIT %d", s.Limit)
	case r.s.OffsetOnlyLimit != "":
		r.b.WriteString("LIMIT " + r.s.OffsetOnlyLimit)
	}
	if s.Offset > 0 {
		if s.Limit > 0 || r.s.OffsetOnlyLimit != "" {
			r.b.WriteByte(' ')
		}
		fmt.Fprintf(&r.b, "OFFSET %d", s.Offset)
	}
}
