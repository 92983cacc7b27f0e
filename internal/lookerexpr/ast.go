package lookerexpr

// Node is one node of a parsed expression.
type Node interface {
	// Pos is the byte offset in the source where the node starts.
	Pos() int
}

// Number is a numeric constant; Text is its spelling, kept so that
// printing gives the source's digits back.
type Number struct {
	At    int
	Value float64
	Text  string
}

// String is a string constant.
type String struct {
	At    int
	Value string
}

// FilterText is a filter expression embedded in backticks, as the second
// argument of matches_filter: `7 days`, `Jeans,Pants`.
type FilterText struct {
	At   int
	Text string
}

// Bool is yes/no (true/false).
type Bool struct {
	At    int
	Value bool
}

// Null is the null constant.
type Null struct{ At int }

// Field is a ${name} reference: "view.field", or a custom field's name.
type Field struct {
	At   int
	Name string
}

// Unary is NOT x or -x.
type Unary struct {
	At int
	Op string // "NOT" or "-"
	X  Node
}

// Binary is L op R: arithmetic, comparison, AND, OR.
type Binary struct {
	At   int
	Op   string // + - * / = <> < <= > >= AND OR
	L, R Node
}

// Call is a function call; Name is lower case.
type Call struct {
	At   int
	Name string
	Args []Node
}

func (n Number) Pos() int     { return n.At }
func (n String) Pos() int     { return n.At }
func (n Bool) Pos() int       { return n.At }
func (n FilterText) Pos() int { return n.At }
func (n Null) Pos() int       { return n.At }
func (n Field) Pos() int      { return n.At }
func (n Unary) Pos() int      { return n.At }
func (n Binary) Pos() int     { return n.At }
func (n Call) Pos() int       { return n.At }

// Error is a problem at a byte offset of the source.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string { return "at " + itoa(e.Pos+1) + ": " + e.Msg }

func errAt(pos int, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: sprintf(format, args...)}
}

// Fields lists the distinct field names n references, in order of first
// appearance.
func Fields(n Node) []string {
	var out []string
	seen := map[string]bool{}
	Walk(n, func(x Node) {
		if f, ok := x.(Field); ok && !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f.Name)
		}
	})
	return out
}

// Walk calls fn on n and every node below it, parents first.
func Walk(n Node, fn func(Node)) {
	fn(n)
	switch n := n.(type) {
	case Unary:
		Walk(n.X, fn)
	case Binary:
		Walk(n.L, fn)
		Walk(n.R, fn)
	case Call:
		for _, a := range n.Args {
			Walk(a, fn)
		}
	}
}
