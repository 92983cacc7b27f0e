package compiler

import (
	"strings"

	"github.com/overlookbi/overlook/internal/lookerexpr"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/sqlgen"
)

// readFilterExpression parses and types the query's filter_expression: a
// yes/no Looker expression over the explore's and the custom fields.
func (c *compiler) readFilterExpression(text string) error {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	n, err := lookerexpr.Parse(text)
	if err != nil {
		return exprErr("filter_expression", "", err)
	}
	t, err := lookerexpr.Check(n, c.exprTypes, false)
	if err != nil {
		return exprErr("filter_expression", "", err)
	}
	if t != lookerexpr.TypeBool && t != lookerexpr.TypeAny {
		return overlook.Invalid("filter_expression", "invalid", "filter_expression must be a yes/no expression, not a %s", t)
	}
	c.dyn.filter = n
	return nil
}

// discoverFilterExpression records the joins the filter_expression reads.
func (c *compiler) discoverFilterExpression() error {
	if c.dyn == nil || c.dyn.filter == nil {
		return nil
	}
	_, err := c.exprSQL(c.dyn.filter, "filter_expression")
	return err
}

// withFilterExpression ANDs the filter_expression into WHERE, or into
// HAVING when it reads a measure.
func (c *compiler) withFilterExpression(where, having sqlgen.And) (sqlgen.And, sqlgen.And, error) {
	if c.dyn == nil || c.dyn.filter == nil {
		return where, having, nil
	}
	x, err := c.exprSQL(c.dyn.filter, "filter_expression")
	if err != nil {
		return nil, nil, err
	}
	if c.readsMeasure(c.dyn.filter) {
		if err := c.groupedOnly(c.dyn.filter); err != nil {
			return nil, nil, err
		}
		return where, append(having, x), nil
	}
	return append(where, x), having, nil
}

// groupedOnly refuses a filter_expression on groups (HAVING) that reads a
// dimension the query does not group by: the database could not say
// which of a group's values to test.
func (c *compiler) groupedOnly(n lookerexpr.Node) error {
	grouped := map[*semantic.Field]bool{}
	for _, name := range append(append([]string{}, c.q.Fields...), c.q.Pivots...) {
		if ref, ok := c.exprRef(strings.TrimSpace(name)); ok {
			grouped[ref.Field] = true
		}
	}
	for _, name := range lookerexpr.Fields(n) {
		ref, ok := c.exprRef(name)
		if ok && ref.Field.Kind != semantic.Measure && !grouped[ref.Field] {
			return overlook.Invalid("filter_expression", "invalid",
				"filter_expression reads measures, so it filters groups: %s must be among the query's fields", name)
		}
	}
	return nil
}
