package store

import (
	"context"
	"database/sql"
	"time"
)

// ColorCollection is a named set of palettes for visualizations. The
// palettes are JSON arrays in the shape clients exchange; Standard marks
// the built-in collections, which cannot be changed.
type ColorCollection struct {
	ID          string
	Label       string
	Categorical string
	Sequential  string
	Diverging   string
	Standard    bool
	CreatedAt   time.Time
}

// DefaultColorCollectionKind is the appearance default naming the
// instance's color collection.
const DefaultColorCollectionKind = "color_collection"

const colorCollectionColumns = `id, label, categorical, sequential, diverging, is_standard, created_at`

func scanColorCollection(sc scanner) (*ColorCollection, error) {
	c := &ColorCollection{}
	var created int64
	err := sc.Scan(&c.ID, &c.Label, &c.Categorical, &c.Sequential, &c.Diverging, &c.Standard, &created)
	c.CreatedAt = fromMillis(created)
	return c, err
}

// ColorCollections returns the collections, standard ones first, each group
// in creation order; standard filters on the kind when not nil.
func (s *Store) ColorCollections(ctx context.Context, standard *bool) ([]*ColorCollection, error) {
	var w whereBuilder
	if standard != nil {
		w.add("is_standard = ?", *standard)
	}
	var out []*ColorCollection
	err := s.eachRow(ctx, `SELECT `+colorCollectionColumns+` FROM color_collections `+w.sql(false)+
		` ORDER BY is_standard DESC, created_at, id`, w.args, func(sc scanner) error {
		c, err := scanColorCollection(sc)
		out = append(out, c)
		return err
	})
	return out, err
}

// ColorCollection returns one collection.
func (s *Store) ColorCollection(ctx context.Context, id string) (*ColorCollection, error) {
	c, err := scanColorCollection(s.queryRow(ctx, `SELECT `+colorCollectionColumns+
		` FROM color_collections WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return c, nil
}

// CreateColorCollection inserts c (its id chosen by the caller); a taken id
// is a conflict.
func (s *Store) CreateColorCollection(ctx context.Context, c *ColorCollection) error {
	now := s.ms()
	_, err := s.exec(ctx, `INSERT INTO color_collections (`+colorCollectionColumns+`) VALUES (`+placeholders(7)+`)`,
		c.ID, c.Label, c.Categorical, c.Sequential, c.Diverging, c.Standard, now)
	if err != nil {
		return s.mapErr(err)
	}
	c.CreatedAt = fromMillis(now)
	return nil
}

// UpdateColorCollection replaces the label and palettes of a custom
// collection; standard ones are not found.
func (s *Store) UpdateColorCollection(ctx context.Context, c *ColorCollection) error {
	res, err := s.exec(ctx, `UPDATE color_collections SET label = ?, categorical = ?, sequential = ?, diverging = ?
		WHERE id = ? AND is_standard = ?`, c.Label, c.Categorical, c.Sequential, c.Diverging, c.ID, false)
	return s.affectedOne(res, err)
}

// DeleteColorCollection deletes a custom collection. When it was the
// default, the default goes back to the first standard collection.
func (s *Store) DeleteColorCollection(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM color_collections WHERE id = ? AND is_standard = ?`), id, false)
		if err := s.affectedOne(res, err); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`DELETE FROM appearance_defaults WHERE kind = ? AND value = ?`),
			DefaultColorCollectionKind, id)
		return wrap("delete color collection", err)
	})
}

// EnsureStandardColorCollections inserts the built-in collections that are
// missing and leaves the others as they are; it sets the default to the
// first of them when none is chosen. Running it again changes nothing.
func (s *Store) EnsureStandardColorCollections(ctx context.Context, builtIn []*ColorCollection) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for i, c := range builtIn {
			// Distinct creation times keep the built-in order.
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO color_collections (`+colorCollectionColumns+`)
				VALUES (`+placeholders(7)+`) ON CONFLICT (id) DO NOTHING`), c.ID, c.Label, c.Categorical,
				c.Sequential, c.Diverging, true, int64(i)); err != nil {
				return wrap("seed color collection", err)
			}
		}
		if len(builtIn) == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO appearance_defaults (kind, value) VALUES (?, ?)
			ON CONFLICT (kind) DO NOTHING`), DefaultColorCollectionKind, builtIn[0].ID)
		return wrap("seed default color collection", err)
	})
}

// AppearanceDefault returns the value of one appearance default, "" when
// none is set.
func (s *Store) AppearanceDefault(ctx context.Context, kind string) (string, error) {
	var v string
	err := s.queryRow(ctx, `SELECT value FROM appearance_defaults WHERE kind = ?`, kind).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, wrap("appearance default", err)
}

// SetAppearanceDefault stores one appearance default.
func (s *Store) SetAppearanceDefault(ctx context.Context, kind, value string) error {
	_, err := s.exec(ctx, `INSERT INTO appearance_defaults (kind, value) VALUES (?, ?)
		ON CONFLICT (kind) DO UPDATE SET value = excluded.value`, kind, value)
	return wrap("set appearance default", err)
}
