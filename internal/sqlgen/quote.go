package sqlgen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxIdentLen bounds identifiers and aliases; every database here accepts
// at least this many bytes in a quoted name.
const maxIdentLen = 128

// checkName rejects what no quoting could make a safe identifier: empty or
// overlong names, invalid UTF-8, control characters and the quote itself.
func checkName(kind, name string, quote byte) error {
	switch {
	case name == "":
		return fmt.Errorf("sqlgen: empty %s", kind)
	case len(name) > maxIdentLen:
		return fmt.Errorf("sqlgen: %s longer than %d bytes: %.20q…", kind, maxIdentLen, name)
	case !utf8.ValidString(name):
		return fmt.Errorf("sqlgen: %s is not valid UTF-8: %q", kind, name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == rune(quote) {
			return fmt.Errorf("sqlgen: %s %q holds %q", kind, name, r)
		}
	}
	return nil
}

// QuoteIdent implements Dialect.
func (s *Spec) QuoteIdent(name string) (string, error) {
	if err := checkName("identifier", name, s.IdentQuote); err != nil {
		return "", err
	}
	q := string(s.IdentQuote)
	return q + name + q, nil
}

// QuoteAlias implements Dialect.
func (s *Spec) QuoteAlias(alias string) (string, error) {
	if s.AliasNoDots {
		alias = strings.ReplaceAll(alias, ".", "_")
	}
	if err := checkName("alias", alias, s.IdentQuote); err != nil {
		return "", err
	}
	q := string(s.IdentQuote)
	return q + alias + q, nil
}

// Placeholder implements Dialect.
func (s *Spec) Placeholder(n int) string {
	switch s.Params {
	case DollarNumber:
		return "$" + strconv.Itoa(n)
	case AtNamed:
		return "@p" + strconv.Itoa(n)
	}
	return "?"
}

// StringLiteral implements Dialect. It is for model text only: request
// values are Params.
func (s *Spec) StringLiteral(v string) (string, error) {
	if strings.IndexByte(v, 0) >= 0 || !utf8.ValidString(v) {
		return "", fmt.Errorf("sqlgen: string literal holds NUL or invalid UTF-8: %q", v)
	}
	switch s.Strings {
	case Backslashes:
		return "'" + backslashEscaper.Replace(v) + "'", nil
	case DoubledQuotesEscapedBackslashes:
		return "'" + mysqlEscaper.Replace(v) + "'", nil
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'", nil
}

var (
	backslashEscaper = strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	mysqlEscaper     = strings.NewReplacer(`\`, `\\`, `'`, `''`)
)
