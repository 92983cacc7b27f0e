package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

var joinTypes = map[string]sqlgen.JoinType{
	"": sqlgen.LeftJoin, "left_outer": sqlgen.LeftJoin, "inner": sqlgen.InnerJoin,
	"full_outer": sqlgen.FullJoin, "cross": sqlgen.CrossJoin,
}

// onSQL is a join's ON condition: its sql_on, or for a foreign_key join
// the base view's key dimension equal to the joined view's primary key.
func (c *compiler) onSQL(j *semantic.Join) (sqlgen.Expr, error) {
	switch {
	case !j.SQL.IsZero():
		return nil, overlook.Invalid("view", "unsupported", "join %s uses the legacy sql: clause, which is not supported", j.Name)
	case !j.SQLOn.IsZero():
		sql, err := c.e.Expand(j.Name, j.SQLOn, c.scope)
		if err != nil {
			return nil, modelErr(j.Name, err)
		}
		return paren(strings.TrimSpace(sql)), nil
	case j.ForeignKey != "":
		return c.foreignKeyOn(j)
	case joinTypes[j.Type] == sqlgen.CrossJoin:
		return nil, nil
	}
	return nil, overlook.Invalid("view", "unsupported", "join %s has neither sql_on nor foreign_key", j.Name)
}

func (c *compiler) foreignKeyOn(j *semantic.Join) (sqlgen.Expr, error) {
	fk, ok := c.e.Lookup(j.ForeignKey)
	if !ok {
		fk, ok = c.e.Lookup(c.e.ViewName + "." + j.ForeignKey)
	}
	if !ok || j.View == nil || j.View.PrimaryKey == nil {
		return nil, overlook.Invalid("view", "unsupported", "join %s: foreign_key %s needs a key field and a primary key", j.Name, j.ForeignKey)
	}
	l, err := c.fieldSQL(fk, semantic.PartSQL)
	if err != nil {
		return nil, err
	}
	pk, _ := c.e.Lookup(j.Name + "." + j.View.PrimaryKey.Short)
	r, err := c.fieldSQL(pk, semantic.PartSQL)
	if err != nil {
		return nil, err
	}
	return sqlgen.Binary{Op: sqlgen.OpEq, L: sqlgen.Raw{SQL: l}, R: sqlgen.Raw{SQL: r}}, nil
}

// source is what FROM or JOIN reads for an alias: its table, or its derived
// table's SQL as a subquery.
func (c *compiler) source(alias string) (sqlgen.From, error) {
	sql, err := c.e.TableSQL(alias, c.scope)
	if err != nil {
		return nil, modelErr(alias, err)
	}
	if v := c.e.ViewOf(alias); v != nil && v.DerivedTable != nil {
		if v.DerivedTable.SQL.IsZero() {
			return nil, overlook.Invalid("view", "unsupported", "view %s is a native derived table, which is not supported yet", v.Name)
		}
		sql = "(" + sql + ")"
	}
	return sqlgen.RawTable{SQL: sql, Alias: alias}, nil
}

// from is the FROM and JOINs of the statement.
func (c *compiler) from(s *sqlgen.Select) error {
	var err error
	if s.From, err = c.source(c.e.ViewName); err != nil {
		return err
	}
	for _, name := range c.order {
		j := c.e.Join(name)
		t, err := c.source(j.Name)
		if err != nil {
			return err
		}
		on, err := c.onSQL(j)
		if err != nil {
			return err
		}
		s.Joins = append(s.Joins, sqlgen.Join{Type: joinTypes[j.Type], Table: t, On: on})
	}
	return nil
}
