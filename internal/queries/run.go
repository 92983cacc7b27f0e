package queries

import (
	"context"
	"io"
	"strings"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// Compile compiles d over m for a dialect; an unknown field, sort or filter
// is the compiler's 422 naming it.
func Compile(m *semantic.Model, d Definition, dialect string, cctx compiler.Context) (*compiler.Compiled, error) {
	return compiler.Compile(m, compiler.Query{Model: d.Model, View: d.View, Fields: d.Fields, Filters: d.Filters,
		FilterExpression: d.FilterExpression, Sorts: d.Sorts, Limit: d.Limit, Pivots: d.Pivots, ColumnLimit: d.ColumnLimit, Total: d.Total,
		RowTotal: d.RowTotal, QueryTimezone: d.QueryTimezone, DynamicFields: d.DynamicFields}, dialect, cctx)
}

// Columns describes the visible columns of c for the result writers, and
// the index of each among the SELECT's (hidden helper columns are left out).
func Columns(c *compiler.Compiled) (cols []results.Column, keep []int) {
	for i, cc := range c.Columns {
		if cc.Hidden {
			continue
		}
		cols = append(cols, resultColumn(cc))
		keep = append(keep, i)
	}
	return cols, keep
}

func resultColumn(cc compiler.Column) results.Column {
	col := results.Column{Name: cc.Name, Label: cc.Label, LabelShort: cc.LabelShort, Kind: results.Kind(cc.Kind),
		Type: cc.Type, ValueFormat: cc.ValueFormat, ViewLabel: cc.ViewLabel}
	col.View, _, _ = strings.Cut(cc.Name, ".")
	if f := cc.Field; f != nil {
		col.ValueFormat, col.ValueFormatName = f.ValueFormat, f.ValueFormatName
		col.Description, col.SQL, col.FieldGroupLabel, col.FieldGroupVariant = f.Description, f.SQL.Text, f.GroupLabel, f.GroupItemLabel
	}
	return col
}

// Run runs c on eng with ctx (a cancelled ctx cancels the query in the
// database) and writes its rows to w in format f. It returns the number of
// rows written. A failure before the first row leaves w untouched.
func Run(ctx context.Context, eng warehouse.Engine, c *compiler.Compiled, f results.Format, w io.Writer, opt results.Options) (int, error) {
	if shaped(c) {
		return runShaped(ctx, eng, c, f, w, opt)
	}
	cols, keep := Columns(c)
	if !f.RunsQuery {
		return 0, results.WriteSQL(w, c.SQL)
	}
	rows, err := eng.Query(ctx, c.SQL, c.Args...)
	if err != nil {
		return 0, databaseError(err)
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		return 0, databaseError(err)
	}
	cols, src, opt := withTableCalcs(c, cols, &projected{src: sc, keep: keep, all: len(c.Columns)}, opt)
	n, err := f.Write(w, cols, src, opt)
	if err != nil {
		return n, databaseError(err)
	}
	return n, nil
}

// databaseError reports a failed query as the client's 400 with the
// database's message (which names no credential: those live in the DSN).
func databaseError(err error) error {
	if _, ok := err.(*overlook.Error); ok {
		return err
	}
	return overlook.Errorf(overlook.EBADREQUEST, "the database refused the query: %v", err)
}

// projected drops the hidden helper columns from each row.
type projected struct {
	src  results.Rows
	keep []int
	all  int
}

func (p *projected) Next() bool { return p.src.Next() }
func (p *projected) Err() error { return p.src.Err() }

func (p *projected) Row() ([]any, error) {
	row, err := p.src.Row()
	if err != nil || len(p.keep) == p.all {
		return row, err
	}
	out := make([]any, len(p.keep))
	for i, k := range p.keep {
		out[i] = row[k]
	}
	return out, nil
}
