package filterexpr

import (
	"math"
	"strconv"
	"strings"
)

// scanner walks the token-based grammars (number, date, location, tier),
// where words are case-insensitive and spaces separate tokens.
type scanner struct {
	grammar string
	src     string
	pos     int
}

func (s *scanner) errf(pos int, format string, args ...any) error {
	return syntaxErr(s.grammar, s.src, pos, format, args...)
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.src) && isSpace(s.src[s.pos]) {
		s.pos++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// atEnd skips spaces and reports whether the input is used up.
func (s *scanner) atEnd() bool {
	s.skipSpace()
	return s.pos >= len(s.src)
}

func (s *scanner) peek() byte {
	if s.pos < len(s.src) {
		return s.src[s.pos]
	}
	return 0
}

// accept consumes lit (after spaces) when it comes next.
func (s *scanner) accept(lit string) bool {
	s.skipSpace()
	if strings.HasPrefix(s.src[s.pos:], lit) {
		s.pos += len(lit)
		return true
	}
	return false
}

// try runs f and rewinds the scanner when f reports false.
func (s *scanner) try(f func() bool) bool {
	start := s.pos
	if f() {
		return true
	}
	s.pos = start
	return false
}

// peekWord returns the next run of letters, lower-cased, without consuming.
func (s *scanner) peekWord() string {
	s.skipSpace()
	end := s.pos
	for end < len(s.src) && isLetter(s.src[end]) {
		end++
	}
	return strings.ToLower(s.src[s.pos:end])
}

// acceptWord consumes the whole word w, case-insensitively.
func (s *scanner) acceptWord(w string) bool {
	if s.peekWord() != w {
		return false
	}
	s.pos += len(w)
	return true
}

// number reads [+-]digits[.digits][e[+-]digits] (or .digits) and returns
// it as int64 when it is a plain integer that fits, else float64.
func (s *scanner) number() (any, error) {
	s.skipSpace()
	start := s.pos
	end := scanNumber(s.src, start)
	if end == start {
		return nil, s.errf(start, "expected a number")
	}
	s.pos = end
	text := s.src[start:end]
	if i, err := strconv.ParseInt(text, 10, 64); err == nil {
		return i, nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, s.errf(start, "number out of range")
	}
	return f, nil
}

// scanNumber returns the end of the number starting at i, or i if none.
func scanNumber(src string, i int) int {
	j := i
	if j < len(src) && (src[j] == '+' || src[j] == '-') {
		j++
	}
	digits := 0
	for ; j < len(src) && isDigit(src[j]); j++ {
		digits++
	}
	if j < len(src) && src[j] == '.' {
		k := j + 1
		for ; k < len(src) && isDigit(src[k]); k++ {
			digits++
		}
		j = k
	}
	if digits == 0 {
		return i
	}
	return scanExponent(src, j)
}

func scanExponent(src string, j int) int {
	if j >= len(src) || (src[j] != 'e' && src[j] != 'E') {
		return j
	}
	k := j + 1
	if k < len(src) && (src[k] == '+' || src[k] == '-') {
		k++
	}
	if k >= len(src) || !isDigit(src[k]) {
		return j
	}
	for k < len(src) && isDigit(src[k]) {
		k++
	}
	return k
}

// float reads a number as float64.
func (s *scanner) float() (float64, error) {
	v, err := s.number()
	if err != nil {
		return 0, err
	}
	return toFloat(v), nil
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

func (s *scanner) peekAfterSpace() byte {
	s.skipSpace()
	return s.peek()
}

func (s *scanner) posAfterSpace() int {
	s.skipSpace()
	return s.pos
}
