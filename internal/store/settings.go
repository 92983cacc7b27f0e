package store

import (
	"context"
	"strconv"
)

// Settings returns every stored instance setting, by name, as JSON text.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.eachRow(ctx, `SELECT name, value FROM settings`, nil, func(sc scanner) error {
		var k, v string
		err := sc.Scan(&k, &v)
		out[k] = v
		return err
	})
	return out, err
}

// PutSetting stores one setting as JSON text.
func (s *Store) PutSetting(ctx context.Context, name, value string) error {
	_, err := s.exec(ctx, `INSERT INTO settings (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	return wrap("put setting", err)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
