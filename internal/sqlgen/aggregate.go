package sqlgen

// AggFunc names an aggregate.
type AggFunc int

// Aggregates. Median, Percentile and List use the dialect's templates.
const (
	Sum AggFunc = iota
	Count
	CountDistinct
	Avg
	Min
	Max
	Median
	Percentile
	List
)

// Agg is an aggregate over X. Count with a nil X is COUNT(*). Fraction is
// Percentile's level in (0, 1]; Separator is List's (model text, default
// "|RECORD|"). Distinct applies to Sum, Avg and Count.
type Agg struct {
	Func      AggFunc
	X         Expr
	Distinct  bool
	Fraction  float64
	Separator string
}

// Window is Func OVER (PARTITION BY … ORDER BY … Frame). Frame is model or
// package text such as "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW".
type Window struct {
	Func        Expr // an Agg or a Func such as RANK()
	PartitionBy []Expr
	OrderBy     []Order
	Frame       string
}

// Symmetric is an aggregate of a view that the query's joins fan out:
// each row of the view counts once however many times the joins repeat it,
// told apart by Key, the view's primary key (Looker's symmetric aggregates).
// Func is Sum, Avg or Count (COUNT(DISTINCT Key); X, when set, restricts
// the count to rows where X is not NULL).
type Symmetric struct {
	Func AggFunc
	X    Expr
	Key  Expr
}

func (Agg) expr()       {}
func (Window) expr()    {}
func (Symmetric) expr() {}
