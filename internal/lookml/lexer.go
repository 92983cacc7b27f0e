package lookml

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokLiteral
	tokString
	tokColon
	tokLBrace
	tokRBrace
	tokLBrack
	tokRBrack
	tokComma
)

type token struct {
	kind tokenKind
	pos  Pos
	text string // literal text, or the unescaped string
}

// describe names a token for "expected X, found Y" messages.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of file"
	case tokLiteral:
		return fmt.Sprintf("%q", t.text)
	case tokString:
		return "string " + quote(t.text)
	}
	return "'" + punctuation[t.kind] + "'"
}

var punctuation = map[tokenKind]string{
	tokColon: ":", tokLBrace: "{", tokRBrace: "}", tokLBrack: "[", tokRBrack: "]", tokComma: ",",
}

// lexer turns source text into tokens on demand. The parser asks for a raw
// `;;` block right after the colon of a SQL-like key, so the lexer never
// needs to guess which mode it is in.
type lexer struct {
	file      string
	src       string
	off       int
	line      int
	lineStart int // offset of the first byte of the current line
}

const bom = "\uFEFF"

func newLexer(file string, src []byte) *lexer {
	l := &lexer{file: file, src: string(src), line: 1}
	if strings.HasPrefix(l.src, bom) {
		l.off, l.lineStart = len(bom), len(bom)
	}
	return l
}

func (l *lexer) pos() Pos {
	return Pos{File: l.file, Line: l.line, Col: l.off - l.lineStart + 1}
}

// advance moves n bytes forward, keeping line and column up to date.
func (l *lexer) advance(n int) {
	for end := l.off + n; l.off < end; l.off++ {
		if l.src[l.off] == '\n' {
			l.line++
			l.lineStart = l.off + 1
		}
	}
}

// skipSpace skips whitespace and `#` comments.
func (l *lexer) skipSpace() {
	for l.off < len(l.src) {
		switch c := l.src[l.off]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			l.advance(1)
		case c == '#':
			end := strings.IndexByte(l.src[l.off:], '\n')
			if end < 0 {
				end = len(l.src) - l.off
			}
			l.advance(end)
		default:
			return
		}
	}
}

var punctuationKinds = map[byte]tokenKind{
	':': tokColon, '{': tokLBrace, '}': tokRBrace, '[': tokLBrack, ']': tokRBrack, ',': tokComma,
}

// next returns the next token or an *Error.
func (l *lexer) next() (token, *Error) {
	l.skipSpace()
	start := l.pos()
	if l.off >= len(l.src) {
		return token{kind: tokEOF, pos: start}, nil
	}
	c := l.src[l.off]
	if kind, ok := punctuationKinds[c]; ok {
		l.advance(1)
		return token{kind: kind, pos: start}, nil
	}
	switch {
	case c == '"':
		return l.quoted()
	case isLiteralByte(c) || strings.HasPrefix(l.src[l.off:], "@{"):
		return l.literal()
	}
	if c == ';' {
		return token{}, errorf(start, "unexpected ';': only raw values (sql, html, expression…) end with ';;'")
	}
	return token{}, errorf(start, "unexpected character %s", describeChar(l.src[l.off:]))
}

// isLiteralByte is the character class of bare words: identifiers, dotted
// field names, `-view.field` exclusions, `+refinement` names and `set*` references.
func isLiteralByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == '+' || c == '-' || c == '*'
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// literal reads a bare word. A constant reference `@{name}` may stand inside
// it (`@{prefix}_orders`); it stays in the text for the loader to substitute.
func (l *lexer) literal() (token, *Error) {
	start, begin := l.pos(), l.off
	for l.off < len(l.src) {
		switch c := l.src[l.off]; {
		case isLiteralByte(c):
			l.advance(1)
		case strings.HasPrefix(l.src[l.off:], "@{"):
			if err := l.constantRef(); err != nil {
				return token{}, err
			}
		default:
			return token{kind: tokLiteral, pos: start, text: l.src[begin:l.off]}, nil
		}
	}
	return token{kind: tokLiteral, pos: start, text: l.src[begin:l.off]}, nil
}

// constantRef consumes `@{name}`.
func (l *lexer) constantRef() *Error {
	start := l.pos()
	n := len("@{")
	for l.off+n < len(l.src) && isWordByte(l.src[l.off+n]) {
		n++
	}
	if l.off+n >= len(l.src) || l.src[l.off+n] != '}' || n == len("@{") {
		return errorf(start, "unterminated constant reference: expected @{name}")
	}
	l.advance(n + 1)
	return nil
}

// quoted reads a double-quoted string. Only \" and \\ are escapes; any other
// backslash stays as written, so regular expressions and Liquid survive.
// Strings may span lines; CRLF line ends become LF.
func (l *lexer) quoted() (token, *Error) {
	start := l.pos()
	var b strings.Builder
	for i := l.off + 1; i < len(l.src); i++ {
		switch c := l.src[i]; {
		case c == '"':
			l.advance(i + 1 - l.off)
			return token{kind: tokString, pos: start, text: dropCR(b.String())}, nil
		case c == '\\' && i+1 < len(l.src) && (l.src[i+1] == '"' || l.src[i+1] == '\\'):
			b.WriteByte(l.src[i+1])
			i++
		default:
			b.WriteByte(c)
		}
	}
	return token{}, errorf(start, "unterminated string")
}

// raw reads the text after a SQL-like key's colon up to the first `;;`. The
// text is kept verbatim (Looker keeps surrounding spaces in generated SQL)
// except that CRLF line ends become LF. There is no escape for `;;`.
func (l *lexer) raw(key string, keyPos Pos) (Value, *Error) {
	start := l.pos()
	end := strings.Index(l.src[l.off:], ";;")
	if end < 0 {
		return Value{}, errorf(keyPos, "%s: is not closed with ';;'", key)
	}
	text := dropCR(l.src[l.off : l.off+end])
	l.advance(end + len(";;"))
	return Value{Kind: Raw, Pos: start, Text: text}, nil
}

var crBeforeLF = regexp.MustCompile(`\r+\n`)

// dropCR turns Windows line ends into '\n'. It removes every '\r' run before
// a '\n' rather than one '\r', so that applying it twice changes nothing and
// printed trees parse back the same.
func dropCR(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return crBeforeLF.ReplaceAllString(s, "\n")
}

// describeChar quotes the first character of s for an error message.
func describeChar(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return fmt.Sprintf("%q", r)
}
