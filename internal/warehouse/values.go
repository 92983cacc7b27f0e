package warehouse

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Normalize turns a value scanned from a driver into a plain Go value that
// encoding/json writes faithfully. The mapping:
//
//	nil                              → nil
//	bool, string, time.Time          → unchanged
//	every signed and unsigned int    → int64 (a uint64 beyond int64 → decimal json.Number)
//	float32, float64                 → float64; NaN and ±Inf → "NaN", "Infinity", "-Infinity"
//	*big.Int (HUGEINT, UHUGEINT)     → int64 when it fits, else decimal json.Number
//	[]byte                           → string (drivers return text and DECIMAL as bytes)
//	[]any (LIST, ARRAY)              → []any, elements normalized
//	map[string]any (STRUCT)          → map[string]any, values normalized
//	engine types (DECIMAL, INTERVAL, UUID, MAP of DuckDB) → through the
//	converter the engine registered with RegisterConverter
//
// Decimals become float64 when they have at most 15 significant digits (a
// float64 round-trips those exactly) and an exact json.Number otherwise.
// Intervals become ISO 8601 durations ("P1Y2M3DT4H5M6.5S"), UUIDs their
// canonical 36-character text. NormalizeTyped also uses the column's
// database type name, which tells a DECIMAL or a UUID from plain text.
func Normalize(v any) any {
	switch x := v.(type) {
	case nil, bool, string, time.Time, json.Number:
		return x
	case int:
		return int64(x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int64:
		return v // as it is: returning x would box it again
	case uint:
		return normalizeUint(uint64(x))
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		return normalizeUint(x)
	case float32:
		return normalizeFloat(float64(x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return normalizeFloat(x)
		}
		return v
	case *big.Int:
		return BigInt(x)
	case []byte:
		return string(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Normalize(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Normalize(e)
		}
		return out
	}
	if out, ok := convert(v); ok {
		return out
	}
	return fmt.Sprint(v)
}

// NormalizeTyped normalizes v knowing its column's database type name
// (sql.ColumnType.DatabaseTypeName): DECIMAL and NUMERIC text becomes a
// number, a 16-byte UUID its canonical text.
func NormalizeTyped(dbType string, v any) any {
	t := strings.ToUpper(dbType)
	switch {
	case t == "UUID":
		if b, ok := uuidBytes(v); ok {
			return FormatUUID(b)
		}
	case t == "DECIMAL" || t == "NUMERIC" || t == "NEWDECIMAL" || strings.HasPrefix(t, "DECIMAL("):
		switch x := v.(type) {
		case []byte:
			return DecimalText(string(x))
		case string:
			return DecimalText(x)
		}
	}
	return Normalize(v)
}

// Typed reports whether NormalizeTyped reads dbType: for other types it
// is Normalize.
func Typed(dbType string) bool { return typedName(strings.ToUpper(dbType)) }

func typedName(t string) bool {
	return t == "UUID" || t == "DECIMAL" || t == "NUMERIC" || t == "NEWDECIMAL" || strings.HasPrefix(t, "DECIMAL(")
}

// BigInt returns i as an int64 when it fits, else as an exact json.Number.
func BigInt(i *big.Int) any {
	if i == nil {
		return nil
	}
	if i.IsInt64() {
		return i.Int64()
	}
	return json.Number(i.String())
}

// Decimal returns unscaled×10^-scale as a float64 when that is exact to 15
// significant digits, else as an exact json.Number.
func Decimal(unscaled *big.Int, scale int) any {
	if unscaled == nil {
		return nil
	}
	digits := unscaled.String()
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	if scale > 0 {
		if len(digits) <= scale {
			digits = strings.Repeat("0", scale-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	}
	if neg {
		digits = "-" + digits
	}
	return DecimalText(digits)
}

// DecimalText returns the decimal literal s as a float64 when it has at
// most 15 significant digits, else as an exact json.Number. Text that is
// not a number stays a string.
func DecimalText(s string) any {
	s = strings.TrimSpace(s)
	var f float64
	if _, err := fmt.Sscan(s, &f); err != nil || !isDecimal(s) {
		return s
	}
	if significantDigits(s) <= 15 {
		return f
	}
	return json.Number(s)
}

func isDecimal(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	dot, digits := false, 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

func significantDigits(s string) int {
	s = strings.TrimLeft(strings.NewReplacer("-", "", "+", "", ".", "").Replace(s), "0")
	return len(s)
}

func normalizeUint(u uint64) any {
	if u <= math.MaxInt64 {
		return int64(u)
	}
	return json.Number(new(big.Int).SetUint64(u).String())
}

func normalizeFloat(f float64) any {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return f
}

func uuidBytes(v any) ([]byte, bool) {
	switch x := v.(type) {
	case []byte:
		return x, len(x) == 16
	case [16]byte:
		return x[:], true
	}
	return nil, false
}

// FormatUUID writes 16 bytes as 8-4-4-4-12 lowercase hex.
func FormatUUID(b []byte) string {
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// FormatInterval writes months, days and microseconds as an ISO 8601
// duration, the zero interval as "PT0S".
func FormatInterval(months int32, days int32, micros int64) string {
	var b strings.Builder
	b.WriteByte('P')
	if y := months / 12; y != 0 {
		fmt.Fprintf(&b, "%dY", y)
	}
	if m := months % 12; m != 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if days != 0 {
		fmt.Fprintf(&b, "%dD", days)
	}
	if micros != 0 || b.Len() == 1 {
		b.WriteByte('T')
		writeClock(&b, micros)
	}
	return b.String()
}

func writeClock(b *strings.Builder, micros int64) {
	const us = int64(time.Microsecond / time.Nanosecond)
	d := time.Duration(micros * us)
	h := int64(d / time.Hour)
	d -= time.Duration(h) * time.Hour
	m := int64(d / time.Minute)
	d -= time.Duration(m) * time.Minute
	if h != 0 {
		fmt.Fprintf(b, "%dH", h)
	}
	if m != 0 {
		fmt.Fprintf(b, "%dM", m)
	}
	if d != 0 || (h == 0 && m == 0) {
		b.WriteString(strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "S")
	}
}

// Converter turns an engine's own value types into plain values; it
// reports false for values it does not know.
type Converter func(v any) (any, bool)

var (
	convMu     sync.RWMutex
	converters []Converter
)

// RegisterConverter adds an engine's converter to Normalize. Engine
// packages call it from init, beside Register.
func RegisterConverter(c Converter) {
	convMu.Lock()
	defer convMu.Unlock()
	converters = append(converters, c)
}

func convert(v any) (any, bool) {
	convMu.RLock()
	defer convMu.RUnlock()
	for _, c := range converters {
		if out, ok := c(v); ok {
			return out, true
		}
	}
	return nil, false
}
