package compilertest

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// Filter expressions per grammar. Values come from what the demo holds
// (brands, categories and names start with capitals; ages 12–70; dates
// up to asOf).
var grammarExprs = map[string][]string{
	"string": {"A%", "-%a%", "%e%", "-NULL", "B%,C%", "-EMPTY", "M%,-%s", "%a%,%o%"},
	"number": {">30", "[20,40)", "<=45", "NOT NULL", ">=10 AND <80", "NOT 3", ">0"},
	"date":   {"2025", "before 2025-06-01", "after 2024-01-01", "365 days", "last year", "2024-01 to 2025-07", "3 years"},
	"yesno":  {"yes", "no"},
}

// Measure types every engine computes the same way; median, percentile
// and list are not available on MySQL and SQLite.
var comparableMeasures = map[string]bool{
	"count": true, "count_distinct": true, "sum": true, "average": true, "min": true, "max": true,
	"sum_distinct": true, "average_distinct": true, "number": true,
}

// Timeframes whose text is the same on every engine (week start and month
// names differ by dialect settings).
var comparableTimeframes = map[string]bool{"date": true, "month": true, "quarter": true, "year": true}

type candidates struct {
	dims, measures []*semantic.Field
	refs           map[*semantic.Field]string // field → "alias.field" in the explore
}

func explorable(m *semantic.Model, ex *semantic.Explore) candidates {
	c := candidates{refs: map[*semantic.Field]string{}}
	for _, alias := range ex.Aliases() {
		v := ex.ViewOf(alias)
		for _, f := range v.Fields {
			name := alias + "." + f.Short
			ref, ok := ex.Lookup(name)
			// Keys and ids have a value a row: grouping by them would hit
			// the row limit, and the comparison needs every row.
			if !ok || f.Hidden || !ex.Exposes(ref) || f.PrimaryKey || f.Short == "id" || strings.HasSuffix(f.Short, "_id") {
				continue
			}
			switch {
			case f.Kind == semantic.Measure && comparableMeasures[f.Type]:
				c.measures = append(c.measures, f)
			case f.Kind == semantic.Dimension && f.Timeframe != "" && comparableTimeframes[f.Timeframe],
				f.Kind == semantic.Dimension && f.Timeframe == "" && f.Group == nil &&
					(f.Type == "string" || f.Type == "number" || f.Type == "yesno" || f.Type == "tier"):
				c.dims = append(c.dims, f)
			default:
				continue
			}
			c.refs[f] = name
		}
	}
	return c
}

// grammarOf names the filter grammar of a dimension, "" when the generator
// does not filter it.
func grammarOf(f *semantic.Field) string {
	switch {
	case f.Timeframe != "":
		return "date"
	case f.Type == "string", f.Type == "number", f.Type == "yesno":
		return f.Type
	}
	return ""
}

// generate makes n random queries over the explores with a fixed seed, and
// reports which measure types and filter grammars they use.
func generate(m *semantic.Model, n int) (qs []compiler.Query, measureTypes, grammars map[string]int) {
	r := rand.New(rand.NewPCG(42, 7))
	// Pivots and totals draw from their own stream, so that the fields and
	// filters stay those of the seed above.
	shape := rand.New(rand.NewPCG(9, 11))
	measureTypes, grammars = map[string]int{}, map[string]int{}
	names := []string{"products", "users", "orders", "order_items", "inventory_items", "events", "distribution_centers"}
	for len(qs) < n {
		ex := m.Explore(names[r.IntN(len(names))])
		c := explorable(m, ex)
		if len(c.dims) == 0 || len(c.measures) == 0 {
			continue
		}
		q := compiler.Query{Model: m.Name, View: ex.Name, Limit: "5000", Filters: map[string]string{}}
		for _, f := range pick(r, c.dims, 1+r.IntN(2)) {
			q.Fields = append(q.Fields, c.refs[f])
		}
		for _, f := range pick(r, c.measures, 1+r.IntN(2)) {
			q.Fields = append(q.Fields, c.refs[f])
			measureTypes[f.Type]++
		}
		for _, f := range pick(r, c.dims, r.IntN(3)) {
			if g := grammarOf(f); g != "" {
				exprs := grammarExprs[g]
				q.Filters[c.refs[f]] = exprs[r.IntN(len(exprs))]
				grammars[g]++
			}
		}
		if r.IntN(5) == 0 { // a measure filter, in HAVING
			f := c.measures[r.IntN(len(c.measures))]
			q.Filters[c.refs[f]] = ">2"
			grammars["measure"]++
		}
		shapeQuery(shape, &q, c)
		qs = append(qs, q)
	}
	return qs, measureTypes, grammars
}

// shapeQuery pivots most queries that select a dimension with few
// values (so that no pivot is cut at the column limit) on it, half of
// those with row totals, and asks a quarter of all for totals.
func shapeQuery(r *rand.Rand, q *compiler.Query, c candidates) {
	var dims []string
	for f, name := range c.refs {
		if f.Kind == semantic.Dimension && fewValues(f) && slices.Contains(q.Fields, name) {
			dims = append(dims, name)
		}
	}
	slices.Sort(dims)
	if len(dims) > 0 && dimensionCount(q.Fields, c) == 2 && r.IntN(4) > 0 {
		q.Pivots = []string{dims[r.IntN(len(dims))]}
		q.ColumnLimit = strconv.Itoa(compiler.MaxColumnLimit)
		if r.IntN(2) == 0 {
			q.RowTotal = "right"
		}
	}
	q.Total = r.IntN(4) == 0
}

// fewValues tells the demo's dimensions with a small set of values.
func fewValues(f *semantic.Field) bool {
	switch {
	case f.Type == "yesno", f.Type == "tier", f.Timeframe == "year", f.Timeframe == "quarter", f.Timeframe == "month":
		return true
	}
	return slices.Contains([]string{"status", "gender", "category", "department", "traffic_source", "country", "event_type", "browser", "os"}, f.Short)
}

// dimensionCount counts the dimensions among fields.
func dimensionCount(fields []string, c candidates) int {
	n := 0
	for f, name := range c.refs {
		if f.Kind == semantic.Dimension && slices.Contains(fields, name) {
			n++
		}
	}
	return n
}

func pick(r *rand.Rand, fields []*semantic.Field, k int) []*semantic.Field {
	idx := r.Perm(len(fields))
	var out []*semantic.Field
	for _, i := range idx[:min(k, len(idx))] {
		out = append(out, fields[i])
	}
	return out
}

// generatedRun compares 200 generated queries on every engine as
// multisets of rows.
func generatedRun(t *testing.T, m *semantic.Model, es map[string]warehouse.Engine) {
	qs, measureTypes, grammars := generate(m, 200)
	withRows := 0
	for i, q := range qs {
		var want [][]string
		var first string
		for _, name := range []string{"duckdb", "postgres", "mysql"} {
			e, ok := es[name]
			if !ok {
				continue
			}
			c, err := compiler.Compile(m, q, e.Dialect(), compiler.Context{Now: asOf})
			if err != nil {
				t.Errorf("query %d %v %v on %s: %v", i, q.Fields, q.Filters, name, err)
				break
			}
			got, main := shapedRows(t, e, c)
			if len(got) >= 5000 {
				t.Errorf("query %d hit the row limit; the comparison needs every row", i)
			}
			if first == "" {
				want, first = got, name
				if main > 0 {
					withRows++
				}
				continue
			}
			if !sameRows(got, want) {
				onlyWant, onlyGot := difference(want, got)
				t.Errorf("query %d %v %v: %s and %s differ\nonly on %s: %v\nonly on %s: %v\nSQL:\n%s", i, q.Fields, q.Filters,
					first, name, first, head(onlyWant), name, head(onlyGot), c.SQL)
			}
		}
	}
	if withRows < len(qs)*8/10 {
		t.Errorf("only %d of %d generated queries returned rows", withRows, len(qs))
	}
	for typ := range comparableMeasures {
		if measureTypes[typ] == 0 && modelHas(m, typ) {
			t.Errorf("no generated query used a %s measure", typ)
		}
	}
	for g := range grammarExprs {
		if grammars[g] == 0 {
			t.Errorf("no generated query used the %s filter grammar", g)
		}
	}
	pivots, totals, rowTotals := 0, 0, 0
	for _, q := range qs {
		pivots, totals, rowTotals = pivots+min(len(q.Pivots), 1), totals+btoi(q.Total), rowTotals+btoi(q.RowTotal != "")
	}
	if pivots < 20 || totals < 20 || rowTotals < 10 {
		t.Errorf("only %d pivoted queries, %d with totals and %d with row totals", pivots, totals, rowTotals)
	}
	t.Logf("%d generated queries on %d engines, %d returned rows; %d pivoted, %d with totals, %d with row totals; measures %v; filters %v",
		len(qs), len(es), withRows, pivots, totals, rowTotals, measureTypes, grammars)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shapedRows runs a compiled query and its totals queries, sorted as one
// multiset (main counts the main query's rows): the main rows without the pivot ranks (their numbers depend
// on each database's collation), then each side query's rows under a
// leading tag. A pivot cut at the column limit fails the test: the
// comparison needs every pivot value.
func shapedRows(t *testing.T, e warehouse.Engine, c *compiler.Compiled) (rows [][]string, main int) {
	t.Helper()
	drop := map[int]bool{}
	for i, col := range c.Columns {
		if col.Name == compiler.PivotRowRank || col.Name == compiler.PivotColRank {
			drop[i] = true
		}
	}
	seen := map[string]bool{}
	for _, r := range runCells(t, e, exactCell, c.SQL, c.Args...) {
		var kept []string
		for i, v := range r {
			if drop[i] {
				if c.Columns[i].Name == compiler.PivotColRank {
					seen[v] = true
				}
				continue
			}
			kept = append(kept, v)
		}
		rows = append(rows, kept)
	}
	main = len(rows)
	if len(c.Pivots) > 0 && len(seen) >= c.ColumnLimit {
		t.Errorf("%d pivot values reach the column limit; the comparison needs every one", len(seen))
	}
	for tag, side := range map[string]*compiler.Compiled{"totals": c.Totals, "row totals": c.RowTotals, "grand totals": c.GrandTotals} {
		if side == nil {
			continue
		}
		for _, r := range runCells(t, e, exactCell, side.SQL, side.Args...) {
			rows = append(rows, append([]string{tag}, r...))
		}
	}
	return sortedRows(rows), main
}

func modelHas(m *semantic.Model, typ string) bool {
	for _, v := range m.Views {
		for _, f := range v.Fields {
			if f.Kind == semantic.Measure && f.Type == typ && !f.Hidden {
				return true
			}
		}
	}
	return false
}

// sortedRows makes a multiset comparable: rows in a canonical order, with
// numbers keyed at 6 significant digits so that values equal to 1e-9 sort
// alike.
func sortedRows(rows [][]string) [][]string {
	key := func(r []string) string {
		k := make([]string, len(r))
		for i, c := range r {
			k[i] = c
			if f, err := strconv.ParseFloat(c, 64); err == nil {
				k[i] = strconv.FormatFloat(f, 'g', 6, 64)
			}
		}
		return strings.Join(k, "\x1f")
	}
	sort.SliceStable(rows, func(i, j int) bool { return key(rows[i]) < key(rows[j]) })
	return rows
}

// sameRows compares sorted rows cell by cell, numbers to 1e-9 relative.
func sameRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if !sameCell(a[i][j], b[i][j]) {
				return false
			}
		}
	}
	return true
}

func sameCell(x, y string) bool {
	if x == y {
		return true
	}
	fx, errX := strconv.ParseFloat(x, 64)
	fy, errY := strconv.ParseFloat(y, 64)
	if errX != nil || errY != nil {
		return false
	}
	return math.Abs(fx-fy) <= 1e-9*math.Max(math.Abs(fx), math.Abs(fy))
}

// difference returns the rows of a missing from b and of b missing from a,
// counting repeats.
func difference(a, b [][]string) (onlyA, onlyB [][]string) {
	count := map[string]int{}
	for _, r := range b {
		count[strings.Join(r, "\x1f")]++
	}
	for _, r := range a {
		k := strings.Join(r, "\x1f")
		if count[k] > 0 {
			count[k]--
			continue
		}
		onlyA = append(onlyA, r)
	}
	for _, r := range b {
		if k := strings.Join(r, "\x1f"); count[k] > 0 {
			count[k]--
			onlyB = append(onlyB, r)
		}
	}
	return onlyA, onlyB
}

// exactCell is cell with numbers at full precision, for sameCell's
// tolerance: rounding first would turn 1e-13 apart into 1e-8 apart at a
// rounding boundary.
func exactCell(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case json.Number:
		return x.String()
	case string:
		if _, err := strconv.ParseFloat(x, 64); err == nil {
			return x
		}
	}
	return cell(v)
}
