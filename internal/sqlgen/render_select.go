package sqlgen

import (
	"errors"
	"fmt"
	"strings"
)

// statement writes a SELECT, one clause per line.
func (r *renderer) statement(s *Select) error {
	if len(s.Columns) == 0 {
		return errors.New("sqlgen: SELECT without columns")
	}
	outer := r.columns
	r.columns = s.Columns
	defer func() { r.columns = outer }()
	steps := []func(*Select) error{r.with, r.selectList, r.fromClause, r.joins,
		r.clause("WHERE", s.Where), r.groupBy, r.clause("HAVING", s.Having), r.qualify,
		r.orderBy, r.limit}
	for _, step := range steps {
		if err := step(s); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) with(s *Select) error {
	if len(s.With) == 0 {
		return nil
	}
	if !r.s.Caps.CTE {
		return fmt.Errorf("sqlgen: dialect %s has no WITH", r.d.Name())
	}
	r.b.WriteString("WITH ")
	err := list(r, s.With, ",", func(c CTE) error {
		if err := r.ident(c.Name); err != nil {
			return err
		}
		r.b.WriteString(" AS ")
		return r.nested(c.Select)
	})
	r.newline()
	return err
}

// nested writes a parenthesised statement one level deeper.
func (r *renderer) nested(s *Select) error {
	if s == nil {
		return errors.New("sqlgen: missing subquery")
	}
	r.b.WriteByte('(')
	r.depth++
	r.newline()
	err := r.statement(s)
	r.depth--
	r.newline()
	r.b.WriteByte(')')
	return err
}

func (r *renderer) selectList(s *Select) error {
	r.b.WriteString("SELECT")
	if s.Distinct {
		r.b.WriteString(" DISTINCT")
	}
	if r.s.Limit == Top && s.Limit > 0 {
		fmt.Fprintf(&r.b, " TOP %d", s.Limit)
	}
	r.depth++
	defer func() { r.depth-- }()
	return list(r, s.Columns, ",", func(c Column) error {
		r.newline()
		if err := r.expr(c.Expr); err != nil {
			return err
		}
		if c.Alias == "" {
			return nil
		}
		a, err := r.d.QuoteAlias(c.Alias)
		r.b.WriteString(" AS " + a)
		return err
	})
}

func (r *renderer) fromClause(s *Select) error {
	if s.From == nil {
		return nil // SELECT 1, for example
	}
	r.newline()
	r.b.WriteString("FROM ")
	return r.from(s.From)
}

var joinWords = map[JoinType]string{LeftJoin: "LEFT JOIN ", InnerJoin: "INNER JOIN ",
	FullJoin: "FULL OUTER JOIN ", CrossJoin: "CROSS JOIN "}

func (r *renderer) joins(s *Select) error {
	for _, j := range s.Joins {
		word, ok := joinWords[j.Type]
		switch {
		case !ok:
			return fmt.Errorf("sqlgen: unknown join type %d", j.Type)
		case j.Type == FullJoin && !r.s.Caps.FullOuterJoin:
			return fmt.Errorf("sqlgen: dialect %s has no FULL OUTER JOIN", r.d.Name())
		case (j.Type == CrossJoin) != (j.On == nil):
			return errors.New("sqlgen: a join needs ON unless it is a CROSS JOIN")
		}
		r.newline()
		r.b.WriteString(word)
		if err := r.from(j.Table); err != nil {
			return err
		}
		if j.On != nil {
			if err := r.wrap(" ON ", j.On, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// from writes a table, raw table or subquery with its alias.
func (r *renderer) from(f From) error {
	var alias string
	switch t := f.(type) {
	case Table:
		if len(t.Parts) == 0 {
			return errors.New("sqlgen: table without a name")
		}
		if err := list(r, t.Parts, ".", r.ident); err != nil {
			return err
		}
		alias = t.Alias
	case RawTable:
		if strings.TrimSpace(t.SQL) == "" {
			return errors.New("sqlgen: empty table SQL")
		}
		r.b.WriteString(t.SQL)
		alias = t.Alias
	case Subquery:
		if err := r.nested(t.Select); err != nil {
			return err
		}
		if t.Alias == "" {
			return errors.New("sqlgen: subquery without an alias")
		}
		alias = t.Alias
	default:
		return fmt.Errorf("sqlgen: unknown FROM item %T", f)
	}
	if alias == "" {
		return nil
	}
	r.b.WriteString(" AS ")
	return r.ident(alias)
}

// clause returns the step that writes "WORD expr" when expr is set.
func (r *renderer) clause(word string, e Expr) func(*Select) error {
	return func(*Select) error {
		if e == nil {
			return nil
		}
		r.newline()
		return r.wrap(word+" ", e, "")
	}
}

func (r *renderer) groupBy(s *Select) error {
	if len(s.GroupBy) == 0 {
		return nil
	}
	r.newline()
	r.b.WriteString("GROUP BY ")
	return list(r, s.GroupBy, ", ", r.ordinalOrExpr)
}

func (r *renderer) qualify(s *Select) error {
	if s.Qualify != nil && !r.s.Caps.Qualify {
		return fmt.Errorf("sqlgen: dialect %s has no QUALIFY", r.d.Name())
	}
	return r.clause("QUALIFY", s.Qualify)(s)
}

func (r *renderer) orderBy(s *Select) error {
	if len(s.OrderBy) == 0 {
		return nil
	}
	r.newline()
	r.b.WriteString("ORDER BY ")
	return r.orders(s.OrderBy)
}

// ordinalOrExpr writes an expression, checking that an ordinal names a
// column of the statement.
func (r *renderer) ordinalOrExpr(e Expr) error {
	if o, ok := e.(Ordinal); ok && (o.N < 1 || o.N > len(r.columns)) {
		return fmt.Errorf("sqlgen: ordinal %d outside the %d columns", o.N, len(r.columns))
	}
	return r.expr(e)
}
