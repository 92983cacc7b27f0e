package demo

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// Checksums returns, per table, the hex SHA-256 of its rows ordered by
// primary key, every value canonically formatted, so two generations (or
// the same generation in two databases) can be compared. query runs a
// statement on the database holding the tables.
func Checksums(ctx context.Context, query func(sql string) (*sql.Rows, error)) (map[string]string, error) {
	out := make(map[string]string, len(Tables))
	for _, t := range Tables {
		sum, err := tableChecksum(ctx, query, t)
		if err != nil {
			return nil, fmt.Errorf("demo: checksum of %s: %w", t.Name, err)
		}
		out[t.Name] = sum
	}
	return out, nil
}

func tableChecksum(ctx context.Context, query func(string) (*sql.Rows, error), t Table) (string, error) {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	rows, err := query("SELECT " + strings.Join(names, ", ") + " FROM " + t.Name + " ORDER BY " + names[0])
	if err != nil {
		return "", err
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for sc.Next() {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		row, err := sc.Row()
		if err != nil {
			return "", err
		}
		writeRow(h, row)
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeRow writes values separated by 0x1f, rows ended by 0x1e; NULL is
// 0x00, so it differs from every text.
func writeRow(h hash.Hash, row []any) {
	for i, v := range row {
		if i > 0 {
			h.Write([]byte{0x1f})
		}
		h.Write([]byte(Canonical(v)))
	}
	h.Write([]byte{0x1e})
}

// Canonical formats a normalized value the same way whichever database it
// came from: integers in decimal, floats in their shortest round-trip
// form, times as UTC RFC 3339 to the microsecond.
func Canonical(v any) string {
	switch x := v.(type) {
	case nil:
		return "\x00"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.000000Z")
	case json.Number:
		return x.String()
	}
	return fmt.Sprint(v)
}
