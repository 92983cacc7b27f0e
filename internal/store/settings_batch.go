package store

import (
	"context"
	"database/sql"
	"sort"
)

// PutSettings stores several settings (name → JSON text) in one
// transaction, so a change that touches many keys is all or nothing.
func (s *Store) PutSettings(ctx context.Context, values map[string]string) error {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, name := range names {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settings (name, value) VALUES (?, ?)
				ON CONFLICT (name) DO UPDATE SET value = excluded.value`), name, values[name]); err != nil {
				return wrap("put settings", err)
			}
		}
		return nil
	})
}
