package results

import (
	"errors"
	"strings"
)

// namedFormats are Looker's built-in value_format_name values.
var namedFormats = map[string]string{
	"decimal_0": "#,##0", "decimal_1": "#,##0.0", "decimal_2": "#,##0.00",
	"decimal_3": "#,##0.000", "decimal_4": "#,##0.0000",
	"percent_0": "0%", "percent_1": "0.0%", "percent_2": "0.00%",
	"percent_3": "0.000%", "percent_4": "0.0000%",
	"usd_0": "$#,##0", "usd": "$#,##0.00",
	"gbp_0": "£#,##0", "gbp": "£#,##0.00",
	"eur_0": "€#,##0", "eur": "€#,##0.00",
	"id": "0",
}

// numFormat is a parsed Excel-style number format. The supported subset:
// digit placeholders 0 and # (? is read as #), one decimal point,
// thousands separators (#,##0), scaling by trailing commas (0.0,, "M"),
// percent (each % multiplies by 100 and prints), literal text before and
// after the number (quoted "…", escaped \x, currency symbols, [$€-407]
// currency brackets), colour brackets (ignored), and up to three sections
// positive;negative;zero (a fourth, for text, is ignored; a section after
// the first may be text alone). Refused, so
// values print raw: conditions ([>=1000]), date and time codes, scientific
// notation, text placeholders (@) and digit placeholders split by text
// (000-00-0000). Rounding is half away from zero on the value's shortest
// decimal form; "5." style trailing points are not printed.
type numFormat struct {
	sections []section
}

type section struct {
	prefix, suffix string
	intZeros       int // minimum integer digits
	grouping       bool
	fracZeros      int // fraction digits always shown
	fracOptional   int // further fraction digits shown when not zero
	scale          int // thousands divided out
	percent        int // % signs
	textOnly       bool
}

var errUnsupportedFormat = errors.New("unsupported value format")

func parseNumFormat(spec string) (*numFormat, error) {
	parts, err := splitSections(spec)
	if err != nil {
		return nil, err
	}
	if len(parts) > 3 {
		parts = parts[:3]
	}
	f := &numFormat{}
	for i, p := range parts {
		s, err := parseSection(p)
		if err != nil || (i == 0 && s.textOnly) {
			return nil, errUnsupportedFormat
		}
		f.sections = append(f.sections, s)
	}
	return f, nil
}

// splitSections splits on ; outside quotes, escapes and brackets.
func splitSections(spec string) ([]string, error) {
	var parts []string
	start, quoted, bracket := 0, false, false
	for i := 0; i < len(spec); i++ {
		switch c := spec[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case c == ';' && !bracket:
			parts = append(parts, spec[start:i])
			start = i + 1
		}
	}
	if quoted || bracket {
		return nil, errUnsupportedFormat
	}
	return append(parts, spec[start:]), nil
}

// sectionParser walks one section, collecting literal text around a
// single run of digit placeholders.
type sectionParser struct {
	s        section
	text     strings.Builder
	seenNum  bool // a placeholder run has started
	inNum    bool // inside that run
	inFrac   bool
	trailing int // commas since the last placeholder
}

func parseSection(p string) (section, error) {
	var sp sectionParser
	runes := []rune(p)
	for i := 0; i < len(runes); i++ {
		n, err := sp.step(runes, i)
		if err != nil {
			return section{}, err
		}
		i += n
	}
	sp.closeNum()
	sp.s.textOnly = !sp.seenNum
	sp.s.suffix = sp.text.String()
	return sp.s, nil
}

// step consumes runes[i] (and what it introduces) and returns how many
// further runes it used.
func (sp *sectionParser) step(runes []rune, i int) (int, error) {
	switch c := runes[i]; c {
	case '0', '#', '?':
		return 0, sp.digit(c == '0')
	case '.':
		if !sp.inNum && sp.seenNum || sp.inFrac {
			sp.literal(".")
			return 0, nil
		}
		sp.startNum()
		sp.inFrac, sp.trailing = true, 0
	case ',':
		if !sp.inNum {
			sp.literal(",")
			return 0, nil
		}
		sp.trailing++
	case '%':
		sp.closeNum()
		sp.s.percent++
		sp.literal("%")
	case '"':
		end := indexRune(runes, i+1, '"')
		sp.closeNum()
		sp.literal(string(runes[i+1 : end]))
		return end - i, nil
	case '\\':
		if i+1 < len(runes) {
			sp.closeNum()
			sp.literal(string(runes[i+1]))
		}
		return 1, nil
	case '_', '*': // padding to a character's width, or repetition: a space, or nothing
		sp.closeNum()
		if c == '_' {
			sp.literal(" ")
		}
		return 1, nil
	case '[':
		end := indexRune(runes, i+1, ']')
		sp.closeNum()
		return end - i, sp.bracket(string(runes[i+1 : end]))
	default:
		if strings.ContainsRune("yYmMdDhHsSeE@", c) {
			return 0, errUnsupportedFormat
		}
		sp.closeNum()
		sp.literal(string(c))
	}
	return 0, nil
}

func (sp *sectionParser) digit(zero bool) error {
	if sp.seenNum && !sp.inNum {
		return errUnsupportedFormat // a second placeholder run: 000-00-0000
	}
	sp.startNum()
	if sp.trailing > 0 && !sp.inFrac {
		sp.s.grouping = true
	}
	sp.trailing = 0
	switch {
	case sp.inFrac && zero:
		sp.s.fracZeros += 1 + sp.s.fracOptional
		sp.s.fracOptional = 0
	case sp.inFrac:
		sp.s.fracOptional++
	case zero:
		sp.s.intZeros++
	}
	return nil
}

func (sp *sectionParser) startNum() {
	if !sp.seenNum {
		sp.s.prefix = sp.text.String()
		sp.text.Reset()
		sp.seenNum, sp.inNum = true, true
	}
}

// closeNum ends the placeholder run: commas left over scale the value.
func (sp *sectionParser) closeNum() {
	if sp.inNum {
		sp.s.scale += sp.trailing
		sp.trailing, sp.inNum = 0, false
	}
}

func (sp *sectionParser) literal(s string) { sp.text.WriteString(s) }

// bracket handles [$€-407] (a currency symbol), colours (ignored) and
// conditions (refused).
func (sp *sectionParser) bracket(body string) error {
	switch {
	case strings.HasPrefix(body, "$"):
		sym, _, _ := strings.Cut(body[1:], "-")
		sp.literal(sym)
	case strings.ContainsAny(body, "<>="):
		return errUnsupportedFormat
	}
	return nil
}

func indexRune(runes []rune, from int, r rune) int {
	for i := from; i < len(runes); i++ {
		if runes[i] == r {
			return i
		}
	}
	return len(runes) - 1
}

// appendValue appends v formatted; ok is false for values that are not
// numbers, which the caller writes raw.
func (f *numFormat) appendValue(b []byte, v any) ([]byte, bool) {
	d, neg, ok := decimalOf(v)
	if !ok {
		return b, false
	}
	s, sign := f.pick(neg, d.isZero())
	if s.textOnly { // "zero" in 0;-0;"zero"
		return append(b, s.suffix...), true
	}
	d = d.shift(2*s.percent - 3*s.scale).round(s.fracZeros + s.fracOptional)
	if sign && neg && !d.isZero() {
		b = append(b, '-')
	}
	b = append(b, s.prefix...)
	b = s.appendWhole(b, d.whole)
	frac := strings.TrimRight(d.frac[s.fracZeros:], "0")
	if digits := d.frac[:s.fracZeros] + frac; digits != "" {
		b = append(append(b, '.'), digits...)
	}
	return append(b, s.suffix...), true
}

// pick chooses the section for a value, and whether it needs a minus
// sign (only when no negative section says how to show it).
func (f *numFormat) pick(neg, zero bool) (section, bool) {
	switch {
	case zero && len(f.sections) == 3:
		return f.sections[2], false
	case neg && len(f.sections) >= 2:
		return f.sections[1], false
	}
	return f.sections[0], true
}

func (s section) appendWhole(b []byte, whole string) []byte {
	if pad := s.intZeros - len(whole); pad > 0 {
		whole = strings.Repeat("0", pad) + whole
	}
	if !s.grouping {
		return append(b, whole...)
	}
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	return b
}
