package results

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// decimal is a non-negative number as decimal digits, so that rounding,
// percent and scaling are exact on what the value prints as.
type decimal struct {
	whole string // no leading zeros; "" for zero
	frac  string
}

// decimalOf splits a numeric value into its sign and digits; ok is false
// for values that are not numbers.
func decimalOf(v any) (d decimal, neg, ok bool) {
	var s string
	switch x := v.(type) {
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return d, false, false
		}
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		s = string(x)
		if _, err := strconv.ParseFloat(s, 64); err != nil || strings.ContainsAny(s, "eE") {
			return d, false, false
		}
	default:
		return d, false, false
	}
	neg = strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	whole, frac, _ := strings.Cut(s, ".")
	return decimal{whole: strings.TrimLeft(whole, "0"), frac: frac}, neg, true
}

// shift multiplies by 10^n (n may be negative).
func (d decimal) shift(n int) decimal {
	for ; n > 0; n-- {
		if d.frac == "" {
			d.whole += "0"
		} else {
			d.whole, d.frac = d.whole+d.frac[:1], d.frac[1:]
		}
	}
	for ; n < 0; n++ {
		if d.whole == "" {
			d.frac = "0" + d.frac
		} else {
			d.whole, d.frac = d.whole[:len(d.whole)-1], d.whole[len(d.whole)-1:]+d.frac
		}
	}
	d.whole = strings.TrimLeft(d.whole, "0")
	return d
}

// round keeps places fraction digits, rounding half away from zero as
// spreadsheets do.
func (d decimal) round(places int) decimal {
	if len(d.frac) <= places {
		d.frac += strings.Repeat("0", places-len(d.frac))
		return d
	}
	up := d.frac[places] >= '5'
	digits := []byte(d.whole + d.frac[:places])
	for i := len(digits) - 1; up && i >= 0; i-- {
		if digits[i] == '9' {
			digits[i] = '0'
			continue
		}
		digits[i]++
		up = false
	}
	s := string(digits)
	if up {
		s = "1" + s
	}
	cut := len(s) - places
	return decimal{whole: strings.TrimLeft(s[:cut], "0"), frac: s[cut:]}
}

func (d decimal) isZero() bool {
	return d.whole == "" && strings.Trim(d.frac, "0") == ""
}
