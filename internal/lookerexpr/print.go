package lookerexpr

import "strings"

// Format prints n in canonical form, with only the parentheses the tree
// needs: parsing the output gives n back (up to positions).
func Format(n Node) string {
	var b strings.Builder
	write(&b, n, 0)
	return b.String()
}

// Binding strength of each form, loosest first.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCompare
	precAdd
	precMul
	precNeg
	precAtom
)

func precedence(n Node) int {
	switch n := n.(type) {
	case Binary:
		return binaryPrec(n.Op)
	case Unary:
		if n.Op == "NOT" {
			return precNot
		}
		return precNeg
	}
	return precAtom
}

func binaryPrec(op string) int {
	switch op {
	case "OR":
		return precOr
	case "AND":
		return precAnd
	case "+", "-":
		return precAdd
	case "*", "/":
		return precMul
	}
	return precCompare
}

// write prints n, in parentheses when it binds looser than min.
func write(b *strings.Builder, n Node, min int) {
	if precedence(n) < min {
		b.WriteByte('(')
		defer b.WriteByte(')')
	}
	switch n := n.(type) {
	case Number:
		b.WriteString(n.Text)
	case String:
		writeString(b, n.Value)
	case Bool:
		b.WriteString(map[bool]string{true: "yes", false: "no"}[n.Value])
	case Null:
		b.WriteString("null")
	case FilterText:
		b.WriteString("`" + n.Text + "`")
	case Field:
		b.WriteString("${" + n.Name + "}")
	case Unary:
		if n.Op == "NOT" {
			b.WriteString("NOT ")
			write(b, n.X, precNot)
		} else {
			b.WriteString("-")
			write(b, n.X, precNeg)
		}
	case Binary:
		p := binaryPrec(n.Op)
		left, right := p, p+1
		if p == precCompare {
			left = p + 1
		}
		write(b, n.L, left)
		b.WriteString(" " + n.Op + " ")
		write(b, n.R, right)
	case Call:
		b.WriteString(n.Name + "(")
		for i, a := range n.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			write(b, a, 0)
		}
		b.WriteString(")")
	}
}

func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
}
