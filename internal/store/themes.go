package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Theme is a named set of display settings, active between BeginAt and
// EndAt (nil: open). Several themes may share a name with different active
// periods. Settings is a JSON object.
type Theme struct {
	ID        int64
	Name      string
	Settings  string
	BeginAt   *time.Time
	EndAt     *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ThemeDefaultKind is the appearance default holding the name of the default
// theme of a theme type ("" for the general default).
func ThemeDefaultKind(themeType string) string { return "theme:" + themeType }

// ThemeFilter selects themes; zero fields match everything.
type ThemeFilter struct {
	IDs  []int64
	Name string // LIKE pattern
	// BeginAt matches themes starting at or after it, EndAt themes ending at
	// or before it.
	BeginAt, EndAt *time.Time
	// ActiveAt matches themes active at that instant; ExactName, if set,
	// the themes with exactly that name.
	ActiveAt  *time.Time
	ExactName string
	FilterOr  bool
	Sorts     []overlook.Sort
	Limit     int
	Offset    int
}

var themeSortColumns = map[string]string{"id": "id", "name": "name", "begin_at": "begin_at", "end_at": "end_at"}

// ThemeSortable reports whether themes can be sorted by field.
func ThemeSortable(field string) bool { _, ok := themeSortColumns[field]; return ok }

const themeColumns = `id, name, settings, begin_at, end_at, created_at, updated_at`

func scanTheme(sc scanner) (*Theme, error) {
	t := &Theme{}
	var begin, end sql.NullInt64
	var created, updated int64
	err := sc.Scan(&t.ID, &t.Name, &t.Settings, &begin, &end, &created, &updated)
	t.BeginAt, t.EndAt = optMillis(begin), optMillis(end)
	t.CreatedAt, t.UpdatedAt = fromMillis(created), fromMillis(updated)
	return t, err
}

func nullMillis(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

// Themes returns the themes f selects and how many match without limit and
// offset.
func (s *Store) Themes(ctx context.Context, f ThemeFilter) ([]*Theme, int, error) {
	var w whereBuilder
	w.idIn("id", f.IDs)
	w.like("name", f.Name)
	if f.BeginAt != nil {
		w.add("begin_at >= ?", f.BeginAt.UnixMilli())
	}
	if f.EndAt != nil {
		w.add("end_at <= ?", f.EndAt.UnixMilli())
	}
	// The search criteria combine with filter_or; the activity and
	// exact-name conditions always hold.
	var all whereBuilder
	if len(w.conds) > 0 {
		all.add(strings.TrimPrefix(w.sql(f.FilterOr), "WHERE "), w.args...)
	}
	if f.ActiveAt != nil {
		at := f.ActiveAt.UnixMilli()
		all.add("(begin_at IS NULL OR begin_at <= ?) AND (end_at IS NULL OR end_at > ?)", at, at)
	}
	if f.ExactName != "" {
		all.add("name = ?", f.ExactName)
	}
	where, args := all.sql(false), all.args
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM themes `+where, args...).Scan(&total); err != nil {
		return nil, 0, wrap("count themes", err)
	}
	var out []*Theme
	err := s.eachRow(ctx, `SELECT `+themeColumns+` FROM themes `+where+` ORDER BY `+
		orderBy(themeSortColumns, f.Sorts, "id")+limitClause(f.Limit, f.Offset), args, func(sc scanner) error {
		t, err := scanTheme(sc)
		out = append(out, t)
		return err
	})
	return out, total, err
}

// Theme returns one theme.
func (s *Store) Theme(ctx context.Context, id int64) (*Theme, error) {
	t, err := scanTheme(s.queryRow(ctx, `SELECT `+themeColumns+` FROM themes WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return t, nil
}

// CreateTheme inserts t and sets its id and times.
func (s *Store) CreateTheme(ctx context.Context, t *Theme) error {
	now := s.ms()
	id, err := s.insert(ctx, s.w, `INSERT INTO themes (name, settings, begin_at, end_at, created_at, updated_at)
		VALUES (`+placeholders(6)+`)`, t.Name, t.Settings, nullMillis(t.BeginAt), nullMillis(t.EndAt), now, now)
	if err == nil {
		t.ID, t.CreatedAt, t.UpdatedAt = id, fromMillis(now), fromMillis(now)
	}
	return err
}

// UpdateTheme replaces the name, settings and period of a theme.
func (s *Store) UpdateTheme(ctx context.Context, t *Theme) error {
	res, err := s.exec(ctx, `UPDATE themes SET name = ?, settings = ?, begin_at = ?, end_at = ?, updated_at = ?
		WHERE id = ?`, t.Name, t.Settings, nullMillis(t.BeginAt), nullMillis(t.EndAt), s.ms(), t.ID)
	return s.affectedOne(res, err)
}

// DeleteTheme deletes a theme.
func (s *Store) DeleteTheme(ctx context.Context, id int64) error {
	return s.deleteOne(ctx, `DELETE FROM themes WHERE id = ?`, id)
}

// ThemeDefaults returns the default theme name of every theme type.
func (s *Store) ThemeDefaults(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.eachRow(ctx, `SELECT kind, value FROM appearance_defaults WHERE kind LIKE 'theme:%'`, nil,
		func(sc scanner) error {
			var k, v string
			err := sc.Scan(&k, &v)
			out[k[len("theme:"):]] = v
			return err
		})
	return out, err
}

// EnsureTheme creates a theme named name with settings unless a theme of
// that name exists, and makes it the general default when none is set.
func (s *Store) EnsureTheme(ctx context.Context, name, settings string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM themes WHERE name = ?`), name).Scan(&n); err != nil {
			return wrap("seed theme", err)
		}
		if n == 0 {
			now := s.ms()
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO themes (name, settings, created_at, updated_at)
				VALUES (?, ?, ?, ?)`), name, settings, now, now); err != nil {
				return wrap("seed theme", err)
			}
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO appearance_defaults (kind, value) VALUES (?, ?)
			ON CONFLICT (kind) DO NOTHING`), ThemeDefaultKind(""), name)
		return wrap("seed default theme", err)
	})
}
