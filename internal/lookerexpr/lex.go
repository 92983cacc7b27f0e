package lookerexpr

import (
	"fmt"
	"strconv"
	"strings"
)

func itoa(i int) string                         { return strconv.Itoa(i) }
func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

type tokKind int

const (
	tEOF tokKind = iota
	tNumber
	tString
	tField
	tFilter // `…`
	tIdent
	tOp // + - * / = <> != < <= > >=
	tLParen
	tRParen
	tComma
)

type token struct {
	kind tokKind
	pos  int
	text string // the spelling; a string's or field's value
}

// MaxLength bounds an expression's source.
const MaxLength = 16 << 10

// lex splits src into tokens. # starts a comment to the end of the line.
func lex(src string) ([]token, error) {
	if len(src) > MaxLength {
		return nil, errAt(MaxLength, "expression is longer than %d bytes", MaxLength)
	}
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '$':
			t, n, err := lexField(src, i)
			if err != nil {
				return nil, err
			}
			toks, i = append(toks, t), n
		case c == '`':
			n := strings.IndexByte(src[i+1:], '`')
			if n < 0 {
				return nil, errAt(i, "unterminated filter expression")
			}
			toks, i = append(toks, token{tFilter, i, src[i+1 : i+1+n]}), i+n+2
		case c == '"' || c == '\'':
			t, n, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks, i = append(toks, t), n
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			n := scanNumber(src, i)
			toks, i = append(toks, token{tNumber, i, src[i:n]}), n
		case isLetter(c):
			n := i
			for n < len(src) && (isLetter(src[n]) || isDigit(src[n])) {
				n++
			}
			toks, i = append(toks, token{tIdent, i, src[i:n]}), n
		case c == '(':
			toks, i = append(toks, token{tLParen, i, "("}), i+1
		case c == ')':
			toks, i = append(toks, token{tRParen, i, ")"}), i+1
		case c == ',':
			toks, i = append(toks, token{tComma, i, ","}), i+1
		default:
			op := scanOp(src[i:])
			if op == "" {
				return nil, errAt(i, "unexpected character %q", rune(c))
			}
			toks, i = append(toks, token{tOp, i, op}), i+len(op)
		}
	}
	return append(toks, token{tEOF, len(src), ""}), nil
}

func scanOp(s string) string {
	for _, op := range []string{"<>", "!=", "<=", ">=", "+", "-", "*", "/", "=", "<", ">"} {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func scanNumber(src string, i int) int {
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	if i < len(src) && src[i] == '.' {
		i++
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			i = j
			for i < len(src) && isDigit(src[i]) {
				i++
			}
		}
	}
	return i
}

// lexField reads ${name}: name is letters, digits, _ and dots.
func lexField(src string, i int) (token, int, error) {
	if i+1 >= len(src) || src[i+1] != '{' {
		return token{}, 0, errAt(i, "expected ${ to start a field reference")
	}
	j := i + 2
	for j < len(src) && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '.') {
		j++
	}
	if j >= len(src) || src[j] != '}' {
		return token{}, 0, errAt(j, "a field reference holds only letters, digits, _ and . and ends with }")
	}
	name := src[i+2 : j]
	if !validFieldName(name) {
		return token{}, 0, errAt(i, "bad field name %q", name)
	}
	return token{tField, i, name}, j + 1, nil
}

// validFieldName accepts "name" and "view.name" of identifier parts.
func validFieldName(name string) bool {
	parts := strings.Split(name, ".")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || !isLetter(p[0]) {
			return false
		}
	}
	return true
}

// lexString reads a quoted string; a backslash escapes the next byte.
func lexString(src string, i int) (token, int, error) {
	quote := src[i]
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 >= len(src) {
				return token{}, 0, errAt(j, "unterminated string")
			}
			j++
			b.WriteByte(src[j])
		case quote:
			return token{tString, i, b.String()}, j + 1, nil
		default:
			b.WriteByte(src[j])
		}
	}
	return token{}, 0, errAt(i, "unterminated string")
}
