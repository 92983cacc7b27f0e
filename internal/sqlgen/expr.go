package sqlgen

// Expr is a node of a scalar or boolean expression. The set of node types
// is closed: only the types of this package implement it.
type Expr interface{ expr() }

// Col is a column reference: Table.Name, both quoted. Table may be empty.
type Col struct {
	Table, Name string
}

// Raw is SQL text from the model (a field's sql:, a join's sql_on, with
// ${…} already substituted), written as it is. Only model text may go here:
// a request value in a Raw would be SQL injection. Request values are Params.
type Raw struct{ SQL string }

// Param is a value bound as an argument: it renders as a placeholder. Every
// value that comes with a request is a Param.
type Param struct{ Value any }

// Literal is a constant written into the SQL text: string, bool, nil, or an
// integer or float. Strings are escaped for the dialect, but like Raw a
// Literal is for model text only.
type Literal struct{ Value any }

// Star is * or Table.*.
type Star struct{ Table string }

// Ordinal refers to the N-th SELECT column (from 1) in GROUP BY or ORDER BY.
type Ordinal struct{ N int }

// Func is a call of a function by name: Name(Args…). The name comes from
// the model or from this package and is checked to be a plain name.
type Func struct {
	Name string
	Args []Expr
}

// Op is a binary operator.
type Op string

// Binary operators.
const (
	OpAdd Op = "+"
	OpSub Op = "-"
	OpMul Op = "*"
	OpDiv Op = "/"
	OpMod Op = "%"
	OpEq  Op = "="
	OpNe  Op = "<>"
	OpLt  Op = "<"
	OpLe  Op = "<="
	OpGt  Op = ">"
	OpGe  Op = ">="
)

// Binary is L Op R, parenthesised.
type Binary struct {
	Op   Op
	L, R Expr
}

// Neg is -X.
type Neg struct{ X Expr }

// Case is CASE WHEN … THEN … [ELSE …] END. With Operand set it is the
// simple form, CASE Operand WHEN value THEN ….
type Case struct {
	Operand Expr
	Whens   []When
	Else    Expr
}

// When is one branch of a Case.
type When struct{ Cond, Then Expr }

// Type is a dialect-neutral SQL type for Cast.
type Type int

// Types.
const (
	TypeString Type = iota
	TypeInt
	TypeFloat
	TypeDecimal
	TypeBool
	TypeDate
	TypeTimestamp
)

// Cast is CAST(X AS type), with the type spelled by the dialect.
type Cast struct {
	X    Expr
	Type Type
}

// Concat joins strings: CONCAT(Args…).
type Concat struct{ Args []Expr }

func (Col) expr()     {}
func (Raw) expr()     {}
func (Param) expr()   {}
func (Literal) expr() {}
func (Star) expr()    {}
func (Ordinal) expr() {}
func (Func) expr()    {}
func (Binary) expr()  {}
func (Neg) expr()     {}
func (Case) expr()    {}
func (Cast) expr()    {}
func (Concat) expr()  {}
