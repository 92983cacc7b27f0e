package filterexpr

import (
	"fmt"
	"unicode/utf8"
)

// SyntaxError reports an expression its grammar cannot read. Pos is the
// byte offset in Input where the problem was found.
type SyntaxError struct {
	Grammar string // "string", "number", "date", "yesno", "tier", "location"
	Input   string
	Pos     int
	Msg     string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s filter %q: at offset %d: %s", e.Grammar, e.Input, e.Pos, e.Msg)
}

func syntaxErr(grammar, input string, pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Grammar: grammar, Input: input, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// checkText rejects input no database can take as a bound text value:
// invalid UTF-8 and NUL bytes.
func checkText(grammar, input string) error {
	for i, r := range input {
		if r == utf8.RuneError && !validAt(input, i) {
			return syntaxErr(grammar, input, i, "invalid UTF-8")
		}
		if r == 0 {
			return syntaxErr(grammar, input, i, "NUL byte")
		}
	}
	return nil
}

// validAt tells a literal U+FFFD apart from a decoding error.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}
