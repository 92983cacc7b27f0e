package sqlgen

import "github.com/overlookbi/overlook/internal/filterexpr"

// And is true when every term is; an empty And is true.
type And []Expr

// Or is true when any term is; an empty Or is false.
type Or []Expr

// Not negates X.
type Not struct{ X Expr }

// In is X [NOT] IN (List…). An empty list is false (true with Not).
type In struct {
	X    Expr
	List []Expr
	Not  bool
}

// Between is X [NOT] BETWEEN Low AND High.
type Between struct {
	X, Low, High Expr
	Not          bool
}

// IsNull is X IS [NOT] NULL.
type IsNull struct {
	X   Expr
	Not bool
}

// Like is X [NOT] LIKE Pattern, with the dialect's escape character (see
// EscapeLike). Fold compares ignoring case: ILIKE where the dialect has it,
// UPPER() on both sides elsewhere.
type Like struct {
	X, Pattern Expr
	Not, Fold  bool
}

// Filter is a parsed Looker filter expression applied to X (a field's SQL).
// Its values are bound like Params.
type Filter struct {
	X    Expr
	Pred filterexpr.Predicate
	// Fold compares strings ignoring case (case_sensitive: no).
	Fold bool
}

func (And) expr()     {}
func (Or) expr()      {}
func (Not) expr()     {}
func (In) expr()      {}
func (Between) expr() {}
func (IsNull) expr()  {}
func (Like) expr()    {}
func (Filter) expr()  {}
