package warehouse_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
)

func TestNormalize(t *testing.T) {
	huge, _ := new(big.Int).SetString("170141183460469231731687303715884105727", 10)
	when := time.Date(2024, 2, 29, 1, 2, 3, 0, time.UTC)
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"nil", nil, nil},
		{"bool", true, true},
		{"string", "é", "é"},
		{"time", when, when},
		{"int32", int32(-5), int64(-5)},
		{"uint8", uint8(200), int64(200)},
		{"uint64 small", uint64(7), int64(7)},
		{"uint64 beyond int64", uint64(math.MaxUint64), json.Number("18446744073709551615")},
		{"float32", float32(1.5), 1.5},
		{"NaN", math.NaN(), "NaN"},
		{"+Inf", math.Inf(1), "Infinity"},
		{"-Inf", math.Inf(-1), "-Infinity"},
		{"big int fits", big.NewInt(12), int64(12)},
		{"hugeint", huge, json.Number("170141183460469231731687303715884105727")},
		{"bytes", []byte("abc"), "abc"},
		{"list", []any{int16(1), []byte("x"), nil}, []any{int64(1), "x", nil}},
		{"struct", map[string]any{"a": uint16(2)}, map[string]any{"a": int64(2)}},
		{"unknown type", struct{ A int }{1}, "{1}"},
	}
	for _, tt := range tests {
		if got := warehouse.Normalize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Normalize(%#v) = %#v (%T), want %#v", tt.name, tt.in, got, got, tt.want)
		}
	}
}

func TestNormalizeTyped(t *testing.T) {
	uuid := []byte{0x5d, 0x8b, 0x2f, 0x6e, 0x1c, 0x3a, 0x4f, 0x6e, 0x9b, 0x2d, 0x3a, 0x1c, 0x5e, 0x7f, 0x9b, 0x0d}
	tests := []struct {
		dbType string
		in     any
		want   any
	}{
		{"DECIMAL", []byte("12.34"), 12.34},
		{"NUMERIC", "-0.5", -0.5},
		{"NUMERIC", "12345678901234567890.5", json.Number("12345678901234567890.5")},
		{"NUMERIC", "NaN", "NaN"},
		{"DECIMAL", nil, nil},
		{"UUID", uuid, "5d8b2f6e-1c3a-4f6e-9b2d-3a1c5e7f9b0d"},
		{"UUID", "5d8b2f6e-1c3a-4f6e-9b2d-3a1c5e7f9b0d", "5d8b2f6e-1c3a-4f6e-9b2d-3a1c5e7f9b0d"},
		{"BLOB", []byte{1, 2}, "\x01\x02"},
		{"VARCHAR", []byte("12.34"), "12.34"},
	}
	for _, tt := range tests {
		if got := warehouse.NormalizeTyped(tt.dbType, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NormalizeTyped(%s, %#v) = %#v (%T), want %#v", tt.dbType, tt.in, got, got, tt.want)
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		unscaled int64
		scale    int
		want     any
	}{
		{12345, 2, 123.45},
		{-5, 3, -0.005},
		{0, 2, 0.0},
		{7, 0, 7.0},
	}
	for _, tt := range tests {
		if got := warehouse.Decimal(big.NewInt(tt.unscaled), tt.scale); got != tt.want {
			t.Errorf("Decimal(%d, %d) = %#v, want %#v", tt.unscaled, tt.scale, got, tt.want)
		}
	}
}

func TestFormatInterval(t *testing.T) {
	tests := []struct {
		months, days int32
		micros       int64
		want         string
	}{
		{0, 0, 0, "PT0S"},
		{14, 3, (4*3600+5*60+6)*1e6 + 500000, "P1Y2M3DT4H5M6.5S"},
		{0, 1, 0, "P1D"},
		{0, 0, 90 * 60 * 1e6, "PT1H30M"},
		{-1, 0, -1e6, "P-1MT-1S"},
	}
	for _, tt := range tests {
		if got := warehouse.FormatInterval(tt.months, tt.days, tt.micros); got != tt.want {
			t.Errorf("FormatInterval(%d, %d, %d) = %q, want %q", tt.months, tt.days, tt.micros, got, tt.want)
		}
	}
}

func TestCheckOptions(t *testing.T) {
	if err := warehouse.CheckOptions("x", map[string]string{"a": "1"}, "a", "b"); err != nil {
		t.Fatal(err)
	}
	err := warehouse.CheckOptions("x", map[string]string{"a": "1", "evil": "1", "zz": "2"}, "a")
	var oe *warehouse.OptionError
	if !errors.As(err, &oe) || oe.Option != "evil" {
		t.Fatalf("got %v, want an OptionError naming evil", err)
	}
}

// BenchmarkNormalize: plain values come back as they are, without a new
// allocation.
func BenchmarkNormalize(b *testing.B) {
	vals := []any{int64(123456), 0.25, "text", time.Date(2024, 2, 29, 13, 0, 0, 0, time.UTC), nil, true}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range vals {
			_ = warehouse.Normalize(v)
		}
	}
}
