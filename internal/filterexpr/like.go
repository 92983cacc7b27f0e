package filterexpr

import "strings"

// like writes a LIKE (or NOT LIKE) test. The pattern is one bound value:
// literal text with %, _ and the escape character escaped, then wildcards.
func (r *renderer) like(n Like, op string) string {
	pattern := likePattern(n.Parts, r.o.LikeEscape)
	lhs, ph := r.e, r.b.Bind(pattern)
	if r.o.CaseInsensitive {
		if r.o.ILike {
			op = strings.Replace(op, "LIKE", "ILIKE", 1)
		} else {
			lhs, ph = "UPPER"+r.e, "UPPER("+ph+")"
		}
	}
	sql := lhs + op + ph
	if !r.o.NoEscapeClause {
		sql += " ESCAPE '" + string(r.o.LikeEscape) + "'"
	}
	return sql
}

func likePattern(parts []LikePart, esc byte) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Wild != 0 {
			b.WriteByte(p.Wild)
			continue
		}
		for i := 0; i < len(p.Text); i++ {
			c := p.Text[i]
			if c == '%' || c == '_' || c == esc {
				b.WriteByte(esc)
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}
