package sqlgen

// Select is one SELECT statement. Zero fields are left out of the text:
// no Where means no WHERE clause, Limit 0 means no limit.
type Select struct {
	With     []CTE
	Distinct bool
	Columns  []Column
	From     From
	Joins    []Join
	Where    Expr
	GroupBy  []Expr
	Having   Expr
	Qualify  Expr
	OrderBy  []Order
	// Limit and Offset are counts, not values from the SQL text of a request:
	// being integers they cannot carry SQL, so they are written as numbers.
	Limit  int
	Offset int
}

// CTE is one WITH entry: Name AS (Select).
type CTE struct {
	Name   string
	Select *Select
}

// Column is one SELECT item. Alias may be Looker's "view.field"; the dialect
// quotes it (or rewrites the dots).
type Column struct {
	Expr  Expr
	Alias string
}

// From is what a FROM or JOIN reads: a Table, a RawTable or a Subquery.
type From interface{ from() }

// Table is a named table, each part quoted: Table{Parts: {"public", "orders"}}.
type Table struct {
	Parts []string
	Alias string
}

// RawTable is a table written by the model (a view's sql_table_name), put
// into the SQL as it is. Only model text may go here.
type RawTable struct {
	SQL   string
	Alias string
}

// Subquery is a parenthesised SELECT with an alias.
type Subquery struct {
	Select *Select
	Alias  string
}

func (Table) from()    {}
func (RawTable) from() {}
func (Subquery) from() {}

// JoinType is the kind of a Join.
type JoinType int

// Join types.
const (
	LeftJoin JoinType = iota
	InnerJoin
	FullJoin
	CrossJoin
)

// Join is one JOIN … ON. CrossJoin takes no On.
type Join struct {
	Type  JoinType
	Table From
	On    Expr
}

// Nulls places NULLs in a sort.
type Nulls int

// Null placements. NullsDefault leaves the database's own order.
const (
	NullsDefault Nulls = iota
	NullsFirst
	NullsLast
)

// Order is one ORDER BY item. Expr may be an Ordinal.
type Order struct {
	Expr  Expr
	Desc  bool
	Nulls Nulls
}
